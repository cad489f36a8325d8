import { calendarDays } from "../../model/internal/calendarDays.js";
import { measureChange } from "./measureChange.js";
import type { ProgressClass, ProgressSummary, Score } from "../results.js";
import type { Instrument } from "../schemas.js";
import type { DayScore } from "./scoresByDay.js";

/**
 * What counts as deterioration: a reliable worsening from the baseline (NHS Talking Therapies), or also one since
 * the best score of the series (a relapse).
 */
export type Deterioration = "from-baseline" | "from-best";

/** Scores on the clinical side of the cutoff; the cutoff itself belongs to the upper side. */
function clinical(instrument: Instrument, score: number, cutoff: number): boolean {
  return instrument.direction === "lower-is-better" ? score >= cutoff : score < cutoff;
}

/**
 * Measured progress over one score per day, in date order, at least two
 * days, on a validated outcome instrument; no checks. Internal:
 * {@link classifyProgress} validates its arguments and calls this, and the
 * rule context calls it on instruments and scores it has validated.
 */
export function summarizeProgress(
  instrument: Instrument,
  days: readonly DayScore[],
  deterioration: Deterioration = "from-baseline",
): ProgressSummary {
  const first = days[0] as DayScore;
  const last = days[days.length - 1] as DayScore;
  const change = measureChange(instrument, first, last);
  // The best day of the series; on equal scores the latest of them, so the worsening since is the most recent one.
  const lowerIsBetter = instrument.direction === "lower-is-better";
  let top = first;
  for (const day of days) if (lowerIsBetter ? day.score <= top.score : day.score >= top.score) top = day;
  const sinceBest = measureChange(instrument, top, last);
  const [baseline, latest, best] = [first, last, top].map(({ date, score }): Score => ({ date, score })) as [Score, Score, Score];
  const { cutoff } = instrument;
  const caseness =
    cutoff === undefined
      ? undefined
      : { baseline: clinical(instrument, baseline.score, cutoff), latest: clinical(instrument, latest.score, cutoff) };
  let classification: ProgressClass = change.outcome;
  // A worsening since the best score counts only when the policy asks: the best of a noisy series is its luckiest day.
  if (deterioration === "from-best" && sinceBest.outcome === "deteriorated") classification = "deteriorated";
  else if (change.outcome === "improved" && caseness?.baseline === true && !caseness.latest) classification = "recovered";
  return {
    instrument: instrument.id,
    baseline,
    latest,
    best,
    sessions: days.length,
    weeks: Math.floor(calendarDays(baseline.date, latest.date) / 7),
    change,
    sinceBest,
    classification,
    ...(caseness === undefined ? {} : { caseness }),
  };
}

import { calendarDays } from "../../model/internal/calendarDays.js";
import { measureChange } from "./measureChange.js";
import type { ProgressClass, ProgressSummary, Score } from "../results.js";
import type { Instrument } from "../schemas.js";

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
export function summarizeProgress(instrument: Instrument, days: readonly Score[]): ProgressSummary {
  const baseline = days[0] as Score;
  const latest = days[days.length - 1] as Score;
  const change = measureChange(instrument, baseline.score, latest.score);
  // The best day of the series; on equal scores the latest of them, so the worsening since is the most recent one.
  const lowerIsBetter = instrument.direction === "lower-is-better";
  let best = baseline;
  for (const day of days) if (lowerIsBetter ? day.score <= best.score : day.score >= best.score) best = day;
  const sinceBest = measureChange(instrument, best.score, latest.score);
  const { cutoff } = instrument;
  const caseness =
    cutoff === undefined
      ? undefined
      : { baseline: clinical(instrument, baseline.score, cutoff), latest: clinical(instrument, latest.score, cutoff) };
  let classification: ProgressClass = change.outcome;
  if (sinceBest.outcome === "deteriorated") classification = "deteriorated";
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

import { z } from "zod";
import { InvalidInputError } from "../errors.js";
import { validate } from "../model/index.js";
import { reliableChange } from "./reliableChange.js";
import { type ProgressClass, type ProgressSummary, Score } from "./results.js";
import type { Instrument } from "./schemas.js";

const Scores = z.array(Score).min(2).max(10_000);
const DAY_MS = 86_400_000;

const dayNumber = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;

/** Scores on the clinical side of the cutoff; the cutoff itself belongs to the upper side. */
function clinical(instrument: Instrument, score: number, cutoff: number): boolean {
  return instrument.direction === "lower-is-better" ? score >= cutoff : score < cutoff;
}

/** One score per day, in date order: same-day scores are averaged (summed in ascending order, so input order cannot change the result). */
function byDay(scores: readonly Score[]): Score[] {
  const sorted = [...scores].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.score - b.score));
  const days: Score[] = [];
  for (let start = 0; start < sorted.length; ) {
    const date = (sorted[start] as Score).date;
    let end = start;
    let sum = 0;
    while (end < sorted.length && (sorted[end] as Score).date === date) sum += (sorted[end++] as Score).score;
    days.push({ date, score: end - start === 1 ? sum : sum / (end - start) });
    start = end;
  }
  return days;
}

/**
 * Classifies a series of scores on one instrument, from the first day
 * (baseline) to the last (latest): `recovered` is a reliable improvement
 * from the clinical range out of it (as NHS Talking Therapies counts
 * reliable recovery on one measure), `improved` any other reliable
 * improvement, `deteriorated` a reliable worsening, and
 * `no-reliable-change` the rest. Order does not matter; several scores on
 * one day count as their mean, one measured session.
 *
 * @param instrument - a validated outcome instrument
 * @param scores - at least two scores on at least two days
 * @throws {@link InvalidInputError} when the scores are malformed or fall on fewer than two days
 *
 * @example
 * ```ts
 * import { builtInInstruments, classifyProgress } from "referwell/refer";
 *
 * const gad7 = builtInInstruments.find((instrument) => instrument.id === "GAD-7")!;
 * const summary = classifyProgress(gad7, [
 *   { date: "2026-07-07", score: 4 },
 *   { date: "2026-04-14", score: 13 },
 *   { date: "2026-05-26", score: 7 },
 * ]);
 * summary.classification; // => "recovered"
 * summary.baseline; // => { date: "2026-04-14", score: 13 }
 * summary.weeks; // => 12
 * classifyProgress(gad7, [{ date: "2026-05-05", score: 9 }, { date: "2026-06-30", score: 6 }]).classification; // => "no-reliable-change"
 * ```
 */
export function classifyProgress(instrument: Instrument, scores: readonly Score[]): ProgressSummary {
  const days = byDay(validate(Scores, scores, "scores"));
  if (days.length < 2) throw new InvalidInputError("scores", [{ path: [], code: "too-small" }]);
  const baseline = days[0] as Score;
  const latest = days[days.length - 1] as Score;
  const change = reliableChange(instrument, baseline.score, latest.score);
  const { cutoff } = instrument;
  const caseness =
    cutoff === undefined ? undefined : { baseline: clinical(instrument, baseline.score, cutoff), latest: clinical(instrument, latest.score, cutoff) };
  let classification: ProgressClass = change.outcome;
  if (change.outcome === "improved" && caseness?.baseline === true && !caseness.latest) classification = "recovered";
  return {
    instrument: instrument.id,
    baseline,
    latest,
    sessions: days.length,
    weeks: Math.floor((dayNumber(latest.date) - dayNumber(baseline.date)) / 7),
    change,
    classification,
    ...(caseness === undefined ? {} : { caseness }),
  };
}

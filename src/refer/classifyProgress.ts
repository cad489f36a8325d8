import { type InputIssue, InvalidInputError } from "../errors.js";
import { reliableChange } from "./reliableChange.js";
import type { ProgressClass, ProgressSummary, Score } from "./results.js";
import type { Instrument } from "./schemas.js";
import { scoresByDay } from "./scoresByDay.js";

const DAY_MS = 86_400_000;
const MAX_SCORES = 10_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const dayNumber = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar day, `YYYY-MM-DD` (no 30 February), as `IsoDate` accepts. */
function isCalendarDate(value: unknown): value is string {
  if (typeof value !== "string" || !ISO_DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

/**
 * The same checks as `Score.array().min(2)`, by hand: this runs on every
 * assessment, and a zod parse would cost more than the classification.
 */
function checkScores(scores: unknown): asserts scores is readonly Score[] {
  const issues: InputIssue[] = [];
  if (!Array.isArray(scores)) issues.push({ path: [], code: "invalid-type" });
  else if (scores.length < 2) issues.push({ path: [], code: "too-small" });
  else if (scores.length > MAX_SCORES) issues.push({ path: [], code: "too-big" });
  else {
    scores.forEach((entry: unknown, index) => {
      if (typeof entry !== "object" || entry === null) return void issues.push({ path: [index], code: "invalid-type" });
      const { date, score } = entry as Partial<Record<keyof Score, unknown>>;
      if (date === undefined) issues.push({ path: [index, "date"], code: "required" });
      else if (!isCalendarDate(date)) issues.push({ path: [index, "date"], code: typeof date === "string" ? "invalid-format" : "invalid-type" });
      if (score === undefined) issues.push({ path: [index, "score"], code: "required" });
      else if (typeof score !== "number" || !Number.isFinite(score)) issues.push({ path: [index, "score"], code: "invalid-type" });
    });
  }
  if (issues.length > 0) throw new InvalidInputError("scores", issues);
}

/** Scores on the clinical side of the cutoff; the cutoff itself belongs to the upper side. */
function clinical(instrument: Instrument, score: number, cutoff: number): boolean {
  return instrument.direction === "lower-is-better" ? score >= cutoff : score < cutoff;
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
 * A relapse counts too: the latest score is also compared with the best of
 * the series (`best`, the latest day with the best score), and a reliable
 * worsening since then (`sinceBest`) is `deteriorated` whatever the change
 * from baseline (PHQ-9 20 → 5 → 19 is no reliable change from baseline, and
 * a reliable worsening of 14 points from the best).
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
 *
 * const relapse = classifyProgress(gad7, [
 *   { date: "2026-05-05", score: 15 },
 *   { date: "2026-06-02", score: 6 },
 *   { date: "2026-06-30", score: 14 },
 * ]);
 * [relapse.change.outcome, relapse.sinceBest.outcome, relapse.classification]; // => ["no-reliable-change", "deteriorated", "deteriorated"]
 * relapse.best; // => { date: "2026-06-02", score: 6 }
 * ```
 */
export function classifyProgress(instrument: Instrument, scores: readonly Score[]): ProgressSummary {
  checkScores(scores);
  const days = scoresByDay(scores);
  if (days.length < 2) throw new InvalidInputError("scores", [{ path: [], code: "too-small" }]);
  const baseline = days[0] as Score;
  const latest = days[days.length - 1] as Score;
  const change = reliableChange(instrument, baseline.score, latest.score);
  // The best day of the series; on equal scores the latest of them, so the worsening since is the most recent one.
  const lowerIsBetter = instrument.direction === "lower-is-better";
  let best = baseline;
  for (const day of days) if (lowerIsBetter ? day.score <= best.score : day.score >= best.score) best = day;
  const sinceBest = reliableChange(instrument, best.score, latest.score);
  const { cutoff } = instrument;
  const caseness =
    cutoff === undefined ? undefined : { baseline: clinical(instrument, baseline.score, cutoff), latest: clinical(instrument, latest.score, cutoff) };
  let classification: ProgressClass = change.outcome;
  if (sinceBest.outcome === "deteriorated") classification = "deteriorated";
  else if (change.outcome === "improved" && caseness?.baseline === true && !caseness.latest) classification = "recovered";
  return {
    instrument: instrument.id,
    baseline,
    latest,
    best,
    sessions: days.length,
    weeks: Math.floor((dayNumber(latest.date) - dayNumber(baseline.date)) / 7),
    change,
    sinceBest,
    classification,
    ...(caseness === undefined ? {} : { caseness }),
  };
}

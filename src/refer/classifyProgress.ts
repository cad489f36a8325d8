import { ExpectedText, FROM_SCHEMA, type InputIssueDraft, InvalidInputError } from "../errors.js";
import { validate } from "../model/index.js";
import type { ProgressSummary, Score } from "./results.js";
import { Instrument, type InstrumentInput } from "./schemas.js";
import { isFiniteChange } from "./internal/isFiniteChange.js";
import { scoresByDay } from "./internal/scoresByDay.js";
import { summarizeProgress } from "./internal/summarizeProgress.js";
import * as z from "zod";

const MAX_SCORES = 10_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An instrument whose changes can be judged: one with a reliable-change method. */
const OutcomeInstrument = Instrument.superRefine((instrument, ctx) => {
  if (instrument.reliableChange === undefined) ctx.addIssue({ code: "custom", message: "required", path: ["reliableChange"] });
});

const ClassifyOptions = z.strictObject({ deterioration: z.enum(["from-baseline", "from-best"]).default("from-baseline") });

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
 * The same checks as `Score.array().min(2)`, by hand: a zod parse of a long
 * series would cost more than the classification.
 */
function checkScores(scores: unknown): asserts scores is readonly Score[] {
  const issues: InputIssueDraft[] = [];
  if (!Array.isArray(scores))
    issues.push({ path: [], code: scores === undefined ? "required" : "invalid-type", expected: ExpectedText.array });
  else if (scores.length < 2) issues.push({ path: [], code: "too-small", expected: "at least 2 items" });
  else if (scores.length > MAX_SCORES) issues.push({ path: [], code: "too-big", expected: `at most ${MAX_SCORES} items` });
  else {
    // A for loop, not forEach: forEach skips the holes of a sparse array.
    for (let index = 0; index < scores.length; index++) {
      if (!(index in scores)) {
        issues.push({ path: [index], code: "sparse-array" });
        continue;
      }
      const entry: unknown = scores[index];
      if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
        issues.push({ path: [index], code: "invalid-type", expected: ExpectedText.object });
        continue;
      }
      const { date, score } = entry as Partial<Record<keyof Score, unknown>>;
      if (date === undefined) issues.push({ path: [index, "date"], code: "required", expected: ExpectedText.date });
      else if (!isCalendarDate(date))
        issues.push({
          path: [index, "date"],
          code: typeof date === "string" ? "invalid-format" : "invalid-type",
          expected: ExpectedText.date,
        });
      if (score === undefined) issues.push({ path: [index, "score"], code: "required", expected: ExpectedText.finiteNumber });
      else if (typeof score !== "number" || !Number.isFinite(score))
        issues.push({ path: [index, "score"], code: "invalid-type", expected: ExpectedText.finiteNumber });
      // Extra keys (an instrument id, a session id) are dropped, as a Measurement drops them.
    }
  }
  if (issues.length > 0) throw new InvalidInputError("scores", issues, FROM_SCHEMA);
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
 * Deterioration is measured from the baseline, as NHS Talking Therapies
 * does. The latest score is also compared with the best of the series
 * (`best`, the latest day with the best score; the change in `sinceBest`),
 * and with `{ deterioration: "from-best" }` a reliable worsening since then
 * is `deteriorated` too, a relapse (PHQ-9 20 → 5 → 19 is no reliable change
 * from baseline, and 14 points worse than the best). It is not the default:
 * the best of a noisy series is its luckiest day (PHQ-9 13, 10, 16 is no
 * deterioration).
 *
 * Same-day means are compared exactly: the change between two days is one
 * division of whole sums, so the means of 16, 16, 17 and 10, 10, 11 differ
 * by exactly 6 and meet a threshold of 6.
 *
 * @param instrument - an instrument with a reliable-change method (see {@link Instrument})
 * @param scores - at least two scores on at least two days
 * @param options - `deterioration`: `from-baseline` (the default) or `from-best`
 * @throws {@link InvalidInputError} when the instrument is missing, malformed
 * or has no reliable-change method (named `instrument`), or the scores are
 * malformed, sparse or fall on fewer than two days, or would give a change
 * that is not a finite number (named `scores`); never with a value from the
 * input in it
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
 * const phq9 = builtInInstruments.find((instrument) => instrument.id === "PHQ-9")!;
 * const noisy = [
 *   { date: "2026-09-01", score: 13 },
 *   { date: "2026-09-15", score: 10 },
 *   { date: "2026-09-29", score: 16 },
 * ];
 * classifyProgress(phq9, noisy).classification; // => "no-reliable-change"
 * classifyProgress(phq9, noisy, { deterioration: "from-best" }).classification; // => "deteriorated"
 * const sameDay = (date: string, scores: number[]) => scores.map((score) => ({ date, score }));
 * classifyProgress(phq9, [...sameDay("2026-09-01", [16, 16, 17]), ...sameDay("2026-10-01", [10, 10, 11])]).change;
 * // => { change: -6, reliable: true, outcome: "improved" }
 *
 * const series = [
 *   { date: "2026-05-05", score: 15 },
 *   { date: "2026-06-02", score: 6 },
 *   { date: "2026-06-30", score: 14 },
 * ];
 * classifyProgress(gad7, series).classification; // => "no-reliable-change"
 * const relapse = classifyProgress(gad7, series, { deterioration: "from-best" });
 * [relapse.change.outcome, relapse.sinceBest.outcome, relapse.classification]; // => ["no-reliable-change", "deteriorated", "deteriorated"]
 * relapse.best; // => { date: "2026-06-02", score: 6 }
 * ```
 */
export function classifyProgress(
  instrument: InstrumentInput,
  scores: readonly Score[],
  options: { readonly deterioration?: "from-baseline" | "from-best" } = {},
): ProgressSummary {
  const scale = validate(OutcomeInstrument, instrument, "instrument");
  const { deterioration } = validate(ClassifyOptions, options, "options");
  checkScores(scores);
  const days = scoresByDay(scores);
  if (days.length < 2) throw new InvalidInputError("scores", [{ path: [], code: "too-small", expected: "at least 2 items" }], FROM_SCHEMA);
  const summary = summarizeProgress(scale, days, deterioration);
  if (!isFiniteChange(summary.change) || !isFiniteChange(summary.sinceBest) || !days.every((day) => Number.isFinite(day.score)))
    throw new InvalidInputError("scores", [{ path: [], code: "non-finite-result" }]);
  return summary;
}

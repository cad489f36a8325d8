import { type InputIssue, InvalidInputError } from "../errors.js";
import type { ReliableChange } from "./results.js";
import type { Instrument } from "./schemas.js";

/** The two-tailed 95% point of the standard normal distribution, Jacobson & Truax's criterion. */
const Z_95 = 1.96;

/**
 * The reliable change between two scores of one instrument.
 *
 * With a `threshold` method (NHS Talking Therapies), a change of at least
 * the threshold is reliable. With `jacobson-truax`, the reliable change
 * index is RC = (post − pre) / (SD · √2 · √(1 − r)) and the change is
 * reliable when |RC| > 1.96 (Jacobson & Truax 1991, Journal of Consulting
 * and Clinical Psychology 59(1):12–19). A reliable change is an improvement
 * or a deterioration as the instrument's direction reads it. Swapping `pre`
 * and `post` swaps improved and deteriorated.
 *
 * @param instrument - a validated instrument with a reliable-change method
 * @param pre - the earlier score
 * @param post - the later score
 * @throws {@link InvalidInputError} when a score is not a finite number or
 * the instrument has no reliable-change method
 *
 * @example
 * ```ts
 * import { builtInInstruments, Instrument, reliableChange } from "referwell/refer";
 *
 * const phq9 = builtInInstruments.find((instrument) => instrument.id === "PHQ-9")!;
 * reliableChange(phq9, 16, 10); // => { change: -6, reliable: true, outcome: "improved" }
 * reliableChange(phq9, 16, 11); // => { change: -5, reliable: false, outcome: "no-reliable-change" }
 *
 * // Jacobson–Truax with SD 5 and reliability 0.84: the criterion is 1.96 · 5 · √2 · 0.4 ≈ 5.54 points.
 * const scale = Instrument.parse({
 *   id: "my-scale",
 *   name: "My scale",
 *   measures: "outcome",
 *   direction: "lower-is-better",
 *   range: { min: 0, max: 60 },
 *   reliableChange: { method: "jacobson-truax", sd: 5, reliability: 0.84 },
 *   source: "Host's own norms",
 * });
 * reliableChange(scale, 20, 26).outcome; // => "deteriorated"
 * reliableChange(scale, 20, 25).reliable; // => false
 * ```
 */
export function reliableChange(instrument: Instrument, pre: number, post: number): ReliableChange {
  const issues: InputIssue[] = [];
  if (!Number.isFinite(pre)) issues.push({ path: ["pre"], code: "invalid-type" });
  if (!Number.isFinite(post)) issues.push({ path: ["post"], code: "invalid-type" });
  const method = instrument.reliableChange;
  if (method === undefined) issues.push({ path: ["instrument", "reliableChange"], code: "required" });
  if (issues.length > 0 || method === undefined) throw new InvalidInputError("reliableChange", issues);

  const change = post - pre;
  let index: number | undefined;
  let reliable: boolean;
  if (method.method === "threshold") {
    reliable = Math.abs(change) >= method.threshold;
  } else {
    // The standard error of the difference between two scores.
    const sDiff = method.sd * Math.SQRT2 * Math.sqrt(1 - method.reliability);
    index = change / sDiff;
    reliable = Math.abs(index) > Z_95;
  }
  const better = instrument.direction === "lower-is-better" ? change < 0 : change > 0;
  const outcome = !reliable ? "no-reliable-change" : better ? "improved" : "deteriorated";
  return index === undefined ? { change, reliable, outcome } : { change, index, reliable, outcome };
}

import * as z from "zod";
import { InvalidInputError } from "../errors.js";
import { validate } from "../model/index.js";
import { isFiniteChange } from "./internal/isFiniteChange.js";
import { measureChange } from "./internal/measureChange.js";
import type { ReliableChange } from "./results.js";
import { Instrument, type InstrumentInput } from "./schemas.js";

const Arguments = z.strictObject({ instrument: Instrument, pre: z.number(), post: z.number() }).superRefine((args, ctx) => {
  if (args.instrument.reliableChange === undefined)
    ctx.addIssue({ code: "custom", message: "required", path: ["instrument", "reliableChange"] });
});

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
 * @param instrument - an instrument with a reliable-change method (see {@link Instrument})
 * @param pre - the earlier score
 * @param post - the later score
 * @throws {@link InvalidInputError} when a score is not a finite number, or
 * the instrument is missing, malformed or has no reliable-change method, or
 * the change would not be a finite number (`non-finite-result`: scores near
 * the limits of a double, or an SD so small the standard error rounds to
 * zero); never with a value from the input in it
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
export function reliableChange(instrument: InstrumentInput, pre: number, post: number): ReliableChange {
  const checked = validate(Arguments, { instrument, pre, post }, "reliableChange");
  const result = measureChange(checked.instrument, checked.pre, checked.post);
  if (!isFiniteChange(result)) throw new InvalidInputError("reliableChange", [{ path: [], code: "non-finite-result" }]);
  return result;
}

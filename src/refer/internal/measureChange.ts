import type { ReliableChange } from "../results.js";
import type { Instrument } from "../schemas.js";

/** The two-tailed 95% point of the standard normal distribution, Jacobson & Truax's criterion. */
const Z_95 = 1.96;

/**
 * The reliable change between two scores of a validated instrument that has
 * a reliable-change method; no checks. Internal: {@link reliableChange}
 * validates its arguments and calls this, and the progress classifier calls
 * it on instruments validated once per assessment.
 */
export function measureChange(instrument: Instrument, pre: number, post: number): ReliableChange {
  const method = instrument.reliableChange;
  const change = post - pre;
  let index: number | undefined;
  let reliable: boolean;
  if (method === undefined) {
    reliable = false;
  } else if (method.method === "threshold") {
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

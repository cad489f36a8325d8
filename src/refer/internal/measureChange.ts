import type { ReliableChange } from "../results.js";
import type { Instrument } from "../schemas.js";

const Z_95 = 1.96;

/** A score as a sum over a count: a day's mean kept as a fraction, so a change between means is one exact division. */
export interface ScoreFraction {
  readonly sum: number;
  readonly count: number;
}

const single = (score: number): ScoreFraction => ({ sum: score, count: 1 });

/**
 * The reliable change from `pre` to `post` (a score, or a day's mean as sum over count). The change is
 * (post.sum · pre.count − pre.sum · post.count) / (pre.count · post.count), and a threshold is met when the
 * numerator reaches threshold · pre.count · post.count: exact for whole-number scores, so the means of 16, 16, 17
 * and 10, 10, 11 differ by exactly 6 and meet a threshold of 6.
 */
export function measureChange(instrument: Instrument, pre: number | ScoreFraction, post: number | ScoreFraction): ReliableChange {
  const before = typeof pre === "number" ? single(pre) : pre;
  const after = typeof post === "number" ? single(post) : post;
  const method = instrument.reliableChange;
  const numerator = after.sum * before.count - before.sum * after.count;
  const denominator = before.count * after.count;
  const change = numerator / denominator;
  let index: number | undefined;
  let reliable: boolean;
  if (method === undefined) {
    reliable = false;
  } else if (method.method === "threshold") {
    reliable = Math.abs(numerator) >= method.threshold * denominator;
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

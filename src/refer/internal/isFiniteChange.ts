import type { ReliableChange } from "../results.js";

/**
 * Whether a change is a number at every field. Scores near the limits of a
 * double, or a Jacobson–Truax SD so small that the standard error rounds to
 * zero, would give Infinity or NaN; those inputs are refused instead.
 */
export function isFiniteChange(change: ReliableChange): boolean {
  return Number.isFinite(change.change) && (change.index === undefined || Number.isFinite(change.index));
}

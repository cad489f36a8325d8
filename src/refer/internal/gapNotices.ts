import type { RuleNotice } from "../defineReferralRule.js";
import { goodFaithEstimate } from "./goodFaithEstimate.js";

/**
 * The notices of a network rule that finds no loss: its gap notices, with a
 * good faith estimate when a way to bridge a gap is a direct payment.
 */
export function gapNotices(gaps: readonly RuleNotice[]): RuleNotice[] {
  // Most cases have no gap: nothing to collect.
  if (gaps.length === 0) return [];
  return [
    ...gaps,
    ...goodFaithEstimate(
      gaps.flatMap((gap) => gap.alternatives ?? []),
      gaps[0]?.date,
    ),
  ];
}

import type { IsoDate } from "../../model/index.js";
import type { RuleNotice } from "../defineReferralRule.js";
import type { Alternative } from "../results.js";
import { SELF_PAY_KINDS } from "./paymentWays.js";

/**
 * When a way of paying the clinician directly is offered (self-pay, a
 * sliding scale, a superbill, a private contract), the notice that a good
 * faith estimate is due if the client takes it (45 CFR 149.610: uninsured
 * and self-pay individuals; 42 U.S.C. 300gg-136). One notice, whatever the
 * number of alternatives.
 */
export function goodFaithEstimate(alternatives: readonly Alternative[], date?: IsoDate): RuleNotice[] {
  const kinds = [...new Set(alternatives.map((alternative) => alternative.kind).filter((kind) => SELF_PAY_KINDS.includes(kind)))];
  if (kinds.length === 0) return [];
  return [
    {
      code: "good-faith-estimate",
      ...(date === undefined ? {} : { date }),
      summary: `If the client pays the clinician directly (${kinds.join(", ")}), give a written good faith estimate of expected charges: within 1 business day of scheduling a session 3 or more business days ahead, within 3 business days of scheduling one 10 or more business days ahead or of a request (45 CFR 149.610(b)(1)); it may cover up to 12 months of recurring sessions.`,
      explanation: "If you decide to pay for sessions yourself, I'll give you a written estimate of what they will cost before we go on.",
    },
  ];
}

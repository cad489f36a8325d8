import type { PayerRef } from "../../model/index.js";
import type { RuleContext } from "../createRuleContext.js";
import type { RuleNotice } from "../defineReferralRule.js";
import type { NetworkLoss } from "../createRuleContext.js";
import { calendarDays } from "../../model/internal/calendarDays.js";
import { comparePayers } from "./comparePayers.js";

/** How long a plan must let a continuing-care patient keep in-network terms, from its notice (42 U.S.C. 300gg-113(a)(2)). */
const CONTINUITY_DAYS = 90;

/**
 * The clinician leaving a plan's network: a continuing-care patient (a
 * course of treatment for a serious and complex condition, among others)
 * is owed notice by the plan and up to 90 days of care on in-network terms
 * from it (No Surprises Act: PHSA §2799A-3, 42 U.S.C. 300gg-113), and the
 * clinician accepts in-network cost-sharing as payment in full meanwhile
 * (PHSA §2799B-8, 42 U.S.C. 300gg-138). These bind group health plans and
 * health insurers, not Medicare or Medicaid, so a panel of either gives no
 * notice; a programme the coverage does not state gets it, worded as a
 * condition. None once the 90 days would be over whatever the notice date.
 * A client who has left every such plan since (`leftSince`, see
 * `payingAfter`) is told what it may have covered before they left, not
 * that it will let them go on.
 */
export function continuityOfCareNotice(context: RuleContext, loss: NetworkLoss, leftSince: readonly PayerRef[] = []): RuleNotice[] {
  if (calendarDays(loss.date, context.now) >= CONTINUITY_DAYS) return [];
  // Skipped only when every coverage of the payer is Medicare or Medicaid, whatever order the coverage is listed in.
  const publicOnly = (payer: PayerRef) =>
    context.client.coverage
      .filter((coverage) => coverage.payerId === payer.payerId && (payer.planId === undefined || payer.planId === coverage.planId))
      .every((coverage) => coverage.program === "medicare" || coverage.program === "medicaid");
  const owed = loss.panelEnded.filter((payer) => !publicOnly(payer));
  if (owed.length === 0) return [];
  // Plans the client still holds are the ones the notice speaks of; only when they have left every one, of those before.
  const still = owed.filter((payer) => !leftSince.some((gone) => comparePayers(gone, payer) === 0));
  const left = still.length === 0;
  const payers = left ? owed : still;
  return [
    {
      code: "continuity-of-care",
      date: loss.date,
      summary: `${context.clinician.name} leaves the ${payers.map((payer) => payer.payerId).join(", ")} network on ${loss.date}. If the client is a continuing-care patient of a group health plan or health insurer (a course of treatment for a serious and complex condition, among others), the plan must tell them and let them continue on in-network terms for up to ${CONTINUITY_DAYS} days from its notice, and the clinician accepts in-network cost-sharing as payment in full meanwhile (42 U.S.C. 300gg-113, PHSA §2799A-3; 42 U.S.C. 300gg-138, PHSA §2799B-8).${left ? " The client has since left it: this bears only on sessions before then." : ""}`,
      explanation: left
        ? "If you were in ongoing treatment when I left your former plan's network, it may have covered our sessions at your in-network cost until your cover with it ended; I'll check that with them before billing you for those sessions."
        : `If you're in ongoing treatment, your plan may let you keep seeing me at your in-network cost for up to ${CONTINUITY_DAYS} days after I leave its network; it should write to you about it.`,
      evidence: [
        ...payers.map((payer) => ({ kind: "id" as const, fact: "payer", id: payer.payerId })),
        { kind: "date", fact: "first-day-out-of-network", date: loss.date },
      ],
    },
  ];
}

import type { NetworkLoss, RuleContext } from "../createRuleContext.js";
import { defineReferralRule, type RuleNotice } from "../defineReferralRule.js";
import type { EvidenceItem } from "../results.js";
import { gapNotices } from "../internal/gapNotices.js";
import { goodFaithEstimate } from "../internal/goodFaithEstimate.js";
import { networkGapNotice } from "../internal/networkGapNotice.js";
import { continueOrRefer } from "../internal/continueOrRefer.js";
import { paymentWays } from "../internal/paymentWays.js";
import { leftSinceSummary, payingAfter } from "../internal/payingAfter.js";

/** A new coverage that a plan-limited panel might cover, with no plan id to tell: verify benefits before counting on it. */
function verifyBenefitsNotice(context: RuleContext, loss: NetworkLoss): RuleNotice[] {
  if (loss.verifyBenefits.length === 0) return [];
  const payers = loss.verifyBenefits.map((payer) => payer.payerId).join(", ");
  return [
    {
      code: "verify-benefits",
      date: loss.date,
      summary: `${context.clinician.name}'s ${payers} panel covers some of its plans only, and the client's plan is not known: verify benefits with the payer. Until then the coverage counts as out of network.`,
      explanation: `Your new insurance covers sessions with me under some of its plans only. Let's check with them whether yours is one.`,
      evidence: loss.verifyBenefits.map((payer) => ({ kind: "id" as const, fact: "verify-benefits", id: payer.payerId })),
    },
  ];
}

/**
 * The client changed insurance: coverage that was in network with the clinician
 * ends (within the look-ahead, or already during the episode) and what follows
 * is not. Dated with the first day without in-network cover; urgency follows
 * how close it is (a loss already past is urgent for `soonWithinDays` days,
 * then soon). After a loss already past, the ways to keep paying are those of
 * the cover the client holds today: a client who has changed cover again
 * since (for Medicaid, say) is offered only what it allows, and the summary
 * says so. The receiving clinician is chosen for the client's coverage
 * on that day (unless the assessment's start date is earlier, for an urgent
 * need that is present, a more urgent finding, or a move or stay elsewhere that
 * comes first: then for the cover that pays then). Where the policy allows, the
 * client may self-pay, get a superbill, or be billed out of network instead
 * (seed 002: the client has changed insurance companies; otherwise refer): when
 * one of those ways is known to work (a fee within the client's stated maximum,
 * a sliding-scale floor within it, a plan known to pay out of network), care
 * can continue, and the change is an `insurance-changed` notice with those
 * ways, not a referral. When none is known to work the finding stands, and the
 * facts that would decide it (`client.maxSelfPay`, `clinician.fee`,
 * `client.coverage.program`, `client.coverage.outOfNetworkBenefits`) are asked
 * for. A new plan from Medicare or Medicaid, or one the client takes up
 * within the look-ahead after the change, allows no superbill or ordinary self-pay (see
 * `PayerProgram`). Whenever the client may pay the clinician
 * directly, a `good-faith-estimate` notice says what is due (45 CFR 149.610).
 * Coverage that lapses and comes back in network within the look-ahead is a
 * gap, not a reason to refer: a `coverage-gap` notice with the ways to bridge
 * it (paying for those days, or pausing until cover resumes). New coverage with
 * no plan id, where the clinician's panel with that payer is limited to some
 * plans, counts as out of network until benefits are verified (it fails closed,
 * as the matcher does), with a `verify-benefits` notice saying so.
 *
 * @example
 * ```ts
 * import { createRuleContext, insuranceChangedRule, type ReferralCaseInput } from "referwell/refer";
 *
 * const input: ReferralCaseInput = {
 *   client: {
 *     id: "cl-02",
 *     ageGroup: "adult",
 *     residence: { jurisdiction: "US-OR" },
 *     coverage: [
 *       { payerId: "regence", program: "commercial", period: { start: "2023-01-01", end: "2026-10-31" } },
 *       { payerId: "cigna", program: "commercial", period: { start: "2026-11-01" } },
 *     ],
 *     maxSelfPay: { currency: "USD", minorUnits: 12000 },
 *     needs: { problemAreas: ["trauma"] },
 *   },
 *   clinician: {
 *     id: "clin-ben",
 *     name: "Ben Okafor",
 *     discipline: "clinical social worker",
 *     licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *     populations: ["adults"],
 *     languages: ["en"],
 *     insurancePanels: [{ payerId: "regence", period: { start: "2019-05-01" } }],
 *     fee: { currency: "USD", minorUnits: 15000 },
 *     availability: { timeZone: "America/Los_Angeles", slots: [] },
 *     acceptingNewClients: true,
 *     capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
 *   },
 *   episode: { start: "2025-11-04" },
 * };
 * // The fee is above the most the client can pay: refer.
 * const outcome = insuranceChangedRule.evaluate(createRuleContext(input, { now: "2026-11-23" }));
 * const finding = "findings" in outcome ? outcome.findings[0] : undefined;
 * finding?.urgency; // => "urgent"
 * finding?.criteria; // => { require: { payers: [{ payerId: "cigna" }] } }
 *
 * // Within it: care continues, and the change is a notice with the ways to pay.
 * const able = { ...input, client: { ...input.client, maxSelfPay: { currency: "USD", minorUnits: 20000 } } };
 * const continuing = insuranceChangedRule.evaluate(createRuleContext(able, { now: "2026-11-23" }));
 * "findings" in continuing && continuing.findings; // => []
 * "findings" in continuing && continuing.notices?.map((notice) => notice.code); // => ["insurance-changed", "good-faith-estimate"]
 * "findings" in continuing && continuing.notices?.[0]?.alternatives?.map((alternative) => alternative.kind); // => ["self-pay", "superbill"]
 * ```
 */
export const insuranceChangedRule = /* @__PURE__ */ defineReferralRule({
  id: "insurance-changed",
  source:
    "Seed 002 (the client has changed insurance companies: the client self-pays, you bill out of network if allowed, or you hand the client a superbill; otherwise refer); Medicare and Medicaid: Social Security Act §1848(g)(4), 42 CFR 405.400–405.455, 42 CFR 447.15; good faith estimate: 45 CFR 149.610",
  evaluate(context) {
    const loss = context.networkLoss;
    const gaps = networkGapNotice(context, "coverage");
    if (loss === undefined || loss.coverageEnded.length === 0) return { findings: [], notices: gapNotices(gaps) };
    const lost = loss.coverageEnded;
    const after = loss.coverageAfter;
    const past = loss.date <= context.now;
    const evidence: EvidenceItem[] = [
      ...lost.map((payer) => ({ kind: "id" as const, fact: "payer-before", id: payer.payerId })),
      ...after.map((payer) => ({ kind: "id" as const, fact: "payer-after", id: payer.payerId })),
      { kind: "date", fact: "coverage-changed", date: loss.date },
    ];
    const cover = after.length === 0 ? "no coverage" : after.map((payer) => payer.payerId).join(", ");
    const day = context.describeDate(loss.date);
    const change =
      after.length === 0
        ? past
          ? `Your insurance coverage ended, so since ${day} sessions with me are not covered.`
          : `Your insurance coverage ends, so from ${day} sessions with me won't be covered.`
        : past
          ? `Your insurance changed on ${day}, and your new plan doesn't cover sessions with me.`
          : `Your insurance changes on ${day}, and your new plan won't cover sessions with me.`;
    // A client who has changed cover again since pays as the cover they hold now allows, and is referred within it.
    const paying = payingAfter(context, loss);
    const summary = `Coverage ${past ? "changed" : "changes"} on ${loss.date}: ${lost.map((payer) => payer.payerId).join(", ")} → ${cover}; ${context.clinician.name} is not in network with it.${leftSinceSummary(paying)}`;
    const ways = paymentWays(context, paying.payers, paying.on, paying.until);
    const notices = [
      ...gaps,
      ...verifyBenefitsNotice(context, loss),
      ...goodFaithEstimate([...ways.alternatives, ...gaps.flatMap((gap) => gap.alternatives ?? [])], loss.date),
    ];
    return continueOrRefer(
      {
        code: "insurance-changed",
        date: loss.date,
        urgency: loss.urgency,
        summary,
        change,
        refer: "Let's look at your options together, including a colleague your insurance covers.",
        evidence,
        criteria: { require: { payers: [...paying.payers] } },
      },
      ways,
      notices,
    );
  },
});

import { defineReferralRule } from "../defineReferralRule.js";
import type { EvidenceItem } from "../results.js";
import { networkGapNotice } from "../internal/networkGapNotice.js";

/**
 * The client changed insurance: coverage that was in network with the
 * clinician ends (within the look-ahead, or already during the episode) and
 * what follows is not. Dated with the first day without in-network cover;
 * urgency follows how close it is (a loss already past is urgent for
 * `soonWithinDays` days, then soon), and the receiving clinician is chosen
 * for the client's coverage on that day. Where the policy allows, the client
 * may self-pay, get a superbill, or be billed out of network instead (seed
 * 002: the client has changed insurance companies). Coverage that lapses and
 * comes back in network within the look-ahead is a gap, not a reason to
 * refer: a `coverage-gap` notice with the ways to bridge it (paying for
 * those days, or pausing until cover resumes).
 *
 * @example
 * ```ts
 * import { createRuleContext, insuranceChangedRule } from "referwell/refer";
 *
 * const context = createRuleContext(
 *   {
 *     client: {
 *       id: "cl-02",
 *       ageGroup: "adult",
 *       residence: { jurisdiction: "US-OR" },
 *       coverage: [
 *         { payerId: "regence", period: { start: "2023-01-01", end: "2026-10-31" } },
 *         { payerId: "cigna", period: { start: "2026-11-01" } },
 *       ],
 *       maxSelfPay: { currency: "USD", minorUnits: 20000 },
 *       needs: { problemAreas: ["trauma"] },
 *     },
 *     clinician: {
 *       id: "clin-ben",
 *       name: "Ben Okafor",
 *       discipline: "clinical social worker",
 *       licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *       populations: ["adults"],
 *       languages: ["en"],
 *       insurancePanels: [{ payerId: "regence", period: { start: "2019-05-01" } }],
 *       fee: { currency: "USD", minorUnits: 15000 },
 *       availability: { timeZone: "America/Los_Angeles", slots: [] },
 *       acceptingNewClients: true,
 *       capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
 *     },
 *     episode: { start: "2025-11-04" },
 *   },
 *   { now: "2026-11-23" },
 * );
 * const outcome = insuranceChangedRule.evaluate(context);
 * const finding = "findings" in outcome ? outcome.findings[0] : undefined;
 * finding?.urgency; // => "urgent"
 * finding?.criteria; // => { require: { payers: [{ payerId: "cigna" }] } }
 * finding?.alternatives?.map((alternative) => alternative.kind); // => ["self-pay", "superbill"]
 * ```
 */
export const insuranceChangedRule = /* @__PURE__ */ defineReferralRule({
  id: "insurance-changed",
  source:
    "Seed 002 (the client has changed insurance companies: the client self-pays, you bill out of network if allowed, or you hand the client a superbill; otherwise refer)",
  evaluate(context) {
    const loss = context.networkLoss;
    const notices = networkGapNotice(context, "coverage");
    if (loss === undefined || loss.coverageEnded.length === 0) return { findings: [], notices };
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
    return {
      findings: [
        {
          code: "insurance-changed",
          urgency: loss.urgency,
          date: loss.date,
          careFrom: loss.date,
          summary: `Coverage ${past ? "changed" : "changes"} on ${loss.date}: ${lost.map((payer) => payer.payerId).join(", ")} → ${cover}; ${context.clinician.name} is not in network with it.`,
          explanation: `${change} Let's look at your options together, including a colleague your insurance covers.`,
          evidence,
          criteria: { require: { payers: [...after] } },
          alternatives: context.paymentAlternatives(after),
        },
      ],
      notices,
    };
  },
});

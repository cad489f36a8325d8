import { withinPeriod } from "../../model/internal/withinPeriod.js";
import { defineReferralRule } from "../defineReferralRule.js";
import type { EvidenceItem } from "../results.js";
import { networkGapNotice } from "../internal/networkGapNotice.js";

/**
 * The practice is leaving the client's insurance panel, or going self-pay:
 * the clinician's panel for the client's payer ends (within the look-ahead,
 * or already during the episode) while the client keeps that coverage.
 * Dated with the first day out of network; urgency follows how close that
 * day is (a loss already past is urgent for `soonWithinDays` days, then
 * soon). A panel that lapses and comes back within the look-ahead
 * (re-credentialing) is a gap, not a reason to refer: a `panel-gap` notice
 * with the ways to bridge it. The receiving clinician is chosen for that day (`careFrom`), so
 * colleagues leaving the same panel on the same day are no option; the
 * criteria ask for that panel (seed 002: choose a therapist from the panel
 * that you're leaving); self-pay, a superbill or
 * out-of-network billing are offered where the policy allows them.
 *
 * @example
 * ```ts
 * import { createRuleContext, leavingPanelRule } from "referwell/refer";
 *
 * const context = createRuleContext(
 *   {
 *     client: {
 *       id: "cl-21",
 *       ageGroup: "adult",
 *       residence: { jurisdiction: "US-OR" },
 *       coverage: [{ payerId: "aetna", period: { start: "2024-01-01" } }],
 *       needs: { problemAreas: ["grief"] },
 *     },
 *     clinician: {
 *       id: "clin-hana",
 *       name: "Hana Sato",
 *       discipline: "clinical social worker",
 *       licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *       populations: ["adults"],
 *       languages: ["en"],
 *       insurancePanels: [
 *         { payerId: "aetna", period: { start: "2022-05-01", end: "2026-12-31" } },
 *         { payerId: "kaiser", period: { start: "2022-05-01" } },
 *       ],
 *       availability: { timeZone: "America/Los_Angeles", slots: [] },
 *       acceptingNewClients: true,
 *       capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
 *     },
 *   },
 *   { now: "2026-11-23" },
 * );
 * const outcome = leavingPanelRule.evaluate(context);
 * const finding = "findings" in outcome ? outcome.findings[0] : undefined;
 * finding?.date; // => "2027-01-01"
 * finding?.careFrom; // => "2027-01-01"
 * finding?.urgency; // => "soon"
 * finding?.criteria; // => { require: { payers: [{ payerId: "aetna" }] } }
 * ```
 */
export const leavingPanelRule = /* @__PURE__ */ defineReferralRule({
  id: "leaving-panel",
  source: "Seed 002 (you're transitioning to self-pay: find a therapist for referral, choosing one from the panel that you're leaving)",
  evaluate(context) {
    const loss = context.networkLoss;
    const notices = networkGapNotice(context, "panel");
    if (loss === undefined || loss.panelEnded.length === 0) return { findings: [], notices };
    const lost = loss.panelEnded;
    const { clinician } = context;
    const selfPay = !clinician.insurancePanels.some((panel) => withinPeriod(panel.period, loss.date));
    const payers = lost.map((payer) => payer.payerId).join(", ");
    const past = loss.date <= context.now;
    const when = `${past ? "Since" : "From"} ${context.describeDate(loss.date)}`;
    const evidence: EvidenceItem[] = [
      ...lost.map((payer) => ({ kind: "id" as const, fact: "payer", id: payer.payerId })),
      { kind: "date", fact: "first-day-out-of-network", date: loss.date },
    ];
    return {
      findings: [
        {
          code: "leaving-panel",
          urgency: loss.urgency,
          date: loss.date,
          careFrom: loss.date,
          summary: selfPay
            ? `${clinician.name} goes self-pay ${past ? "since" : "from"} ${loss.date}; the client's ${payers} cover no longer applies.`
            : `${clinician.name} leaves the ${payers} panel ${past ? "since" : "from"} ${loss.date}; the client keeps ${payers} cover.`,
          explanation: `${when}, ${selfPay ? "I no longer take insurance" : "I am no longer in your insurance plan's network"}, so your plan ${past ? "no longer covers" : "will stop covering"} our sessions. I want you to keep getting care you can afford, so let's talk about your options, including a colleague your plan covers.`,
          evidence,
          criteria: { require: { payers: [...lost] } },
          alternatives: context.paymentAlternatives(loss.coverageAfter),
        },
      ],
      notices,
    };
  },
});

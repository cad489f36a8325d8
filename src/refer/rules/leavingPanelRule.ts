import { withinPeriod } from "../../model/internal/withinPeriod.js";
import { defineReferralRule } from "../defineReferralRule.js";
import type { EvidenceItem } from "../results.js";
import { continuityOfCareNotice } from "../internal/continuityOfCareNotice.js";
import { gapNotices } from "../internal/gapNotices.js";
import { goodFaithEstimate } from "../internal/goodFaithEstimate.js";
import { networkGapNotice } from "../internal/networkGapNotice.js";
import { continueOrRefer } from "../internal/continueOrRefer.js";
import { paymentWays } from "../internal/paymentWays.js";
import { leftSinceSummary, payingAfter } from "../internal/payingAfter.js";
import { comparePayers } from "../internal/comparePayers.js";

/**
 * The practice is leaving the client's insurance panel, or going self-pay: the
 * clinician's panel for the client's payer ends (within the look-ahead, or
 * already during the episode) while the client keeps that coverage. After an
 * exit already past, the ways to keep paying are those of the cover the client
 * holds today: a client who has left the payer since (for Medicaid, say) is
 * offered only what it allows, the summary says so, and the criteria ask for
 * the networks they hold now. Dated with
 * the first day out of network; urgency follows how close that day is (a loss
 * already past is urgent for `soonWithinDays` days, then soon). A panel that
 * lapses and comes back within the look-ahead (re-credentialing) is a gap, not
 * a reason to refer: a `panel-gap` notice with the ways to bridge it. The
 * receiving clinician is chosen for that day (`careFrom`, unless the
 * assessment's start date is earlier, for an urgent need that is present, a
 * more urgent finding, or a move or stay elsewhere that comes first), so
 * colleagues leaving the same panel on the same day are no option; the criteria
 * ask for that panel (seed 002: choose a therapist from the panel that you're
 * leaving); self-pay, a superbill or out-of-network billing are offered where
 * the policy allows them. A referral stands only for a client who cannot
 * continue another way: when one is known to work (a fee or sliding-scale floor
 * within the client's stated maximum, a plan known to pay out of network) the
 * exit is a `leaving-panel` notice with those ways; when the facts are missing
 * the finding stands and asks for them. A Medicare or Medicaid beneficiary,
 * or a client who will be one within the look-ahead after the loss, is offered no
 * superbill or ordinary self-pay (see `PayerProgram`). Leaving a
 * plan's network also gives a `continuity-of-care` notice (No Surprises Act, 42
 * U.S.C. 300gg-113: up to 90 days on in-network terms for a continuing-care
 * patient), and offering a direct payment a `good-faith-estimate` notice (45
 * CFR 149.610).
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
 *       coverage: [{ payerId: "aetna", program: "commercial", period: { start: "2024-01-01" } }],
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
 * // The client's maximum is not known, so whether they can self-pay is not either.
 * "findings" in outcome && outcome.needs; // => ["client.maxSelfPay", "clinician.fee"]
 * "findings" in outcome && outcome.notices?.map((notice) => notice.code); // => ["continuity-of-care", "good-faith-estimate"]
 * ```
 */
export const leavingPanelRule = /* @__PURE__ */ defineReferralRule({
  id: "leaving-panel",
  source:
    "Seed 002 (you're transitioning to self-pay: find a therapist for referral, choosing one from the panel that you're leaving); continuity of care: 42 U.S.C. 300gg-113 and 300gg-138; Medicare and Medicaid: Social Security Act §1848(g)(4), 42 CFR 405.400–405.455, 42 CFR 447.15; good faith estimate: 45 CFR 149.610",
  evaluate(context) {
    const loss = context.networkLoss;
    const gaps = networkGapNotice(context, "panel");
    if (loss === undefined || loss.panelEnded.length === 0) return { findings: [], notices: gapNotices(gaps) };
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
    // A client who has left the payer since pays as the cover they hold now allows, and is referred within it.
    const paying = payingAfter(context, loss);
    const gone = lost.filter((payer) => paying.leftSince.some((left) => comparePayers(left, payer) === 0));
    const kept = gone.length === 0 ? `; the client keeps ${payers} cover.` : ".";
    const summary =
      (selfPay
        ? `${clinician.name} goes self-pay ${past ? "since" : "from"} ${loss.date}; the client's ${payers} cover no longer applies.`
        : `${clinician.name} leaves the ${payers} panel ${past ? "since" : "from"} ${loss.date}${kept}`) + leftSinceSummary(paying);
    const change = `${when}, ${selfPay ? "I no longer take insurance" : "I am no longer in your insurance plan's network"}, so your plan ${past ? "no longer covers" : "will stop covering"} our sessions.`;
    const ways = paymentWays(context, paying.payers, paying.on, paying.until);
    const notices = [
      ...gaps,
      ...continuityOfCareNotice(context, loss, gone),
      ...goodFaithEstimate([...ways.alternatives, ...gaps.flatMap((gap) => gap.alternatives ?? [])], loss.date),
    ];
    return continueOrRefer(
      {
        code: "leaving-panel",
        date: loss.date,
        urgency: loss.urgency,
        summary,
        change,
        refer: "I want you to keep getting care you can afford, so let's talk about your options, including a colleague your plan covers.",
        evidence,
        criteria: { require: { payers: gone.length === 0 ? [...lost] : [...paying.payers] } },
      },
      ways,
      notices,
    );
  },
});

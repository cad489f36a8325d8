import type { RuleContext } from "../createRuleContext.js";
import { defineReferralRule } from "../defineReferralRule.js";
import type { Alternative, EvidenceItem } from "../results.js";
import { coverageInForce } from "../../model/internal/coverageInForce.js";
import { goodFaithEstimate } from "../internal/goodFaithEstimate.js";
import { payerRef } from "../internal/payerRef.js";
import { paymentWays } from "../internal/paymentWays.js";
import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { inNetworkThroughHorizonFrom } from "../internal/inNetworkThroughHorizonFrom.js";
import { medicaidInNetworkThroughHorizon } from "../internal/medicaidInNetworkThroughHorizon.js";

/** The evidence and the clinician's summary of a fee beyond the client, or of reported hardship. */
function describeShortfall(context: RuleContext): { evidence: EvidenceItem[]; summary: string } {
  const { hardshipReported } = context;
  const { fee } = context.clinician;
  const most = context.client.maxSelfPay;
  const evidence: EvidenceItem[] = [
    ...(fee === undefined ? [] : [{ kind: "amount" as const, fact: "fee", amount: fee }]),
    ...(most === undefined ? [] : [{ kind: "amount" as const, fact: "max-self-pay", amount: most }]),
    ...(hardshipReported === undefined ? [] : [{ kind: "date" as const, fact: "hardship-reported", date: hardshipReported }]),
  ];
  const summary =
    hardshipReported !== undefined
      ? `The client reported financial hardship on ${hardshipReported}.`
      : `The fee (${fee === undefined ? "unknown" : context.describeMoney(fee)}) is above the most the client can pay (${most === undefined ? "unknown" : context.describeMoney(most)}).`;
  return { evidence, summary };
}

/**
 * The practice's sliding scale as a way to keep paying, and whether it is
 * known to work. It bridges to the day the client is in network with the
 * clinician to the end of the look-ahead, when that comes within it
 * (Medicaid that the clinician takes from next month does not bar a scale
 * until then), and then says so, and when it ends: from that day the plan
 * pays, and the client is charged as it allows.
 */
function slidingScaleUntilCovered(context: RuleContext) {
  const held = coverageInForce(context.client, context.now).map(payerRef);
  const inNetwork = context.inNetworkToday.length > 0 ? undefined : inNetworkThroughHorizonFrom(context);
  const until = inNetwork === undefined ? context.horizon : addCalendarDays(inNetwork, -1);
  const ways = paymentWays(context, held, context.now, until);
  const scale = (list: readonly Alternative[]) => list.filter((alternative) => alternative.kind === "sliding-scale");
  const bridge = inNetwork === undefined ? "" : ` until ${inNetwork}, when the client is in network with ${context.clinician.name}`;
  const covered =
    inNetwork === undefined ? "" : ` From ${context.describeDate(inNetwork)}, our sessions are in your insurance plan's network.`;
  const alternatives = scale(ways.alternatives).map((alternative) =>
    inNetwork === undefined
      ? alternative
      : {
          ...alternative,
          summary: `${alternative.summary.replace(/\.$/, "")}${bridge}.`,
          explanation: `${alternative.explanation}${covered}`,
        },
  );
  return { alternatives, sure: scale(ways.sure).length > 0, bridge, covered };
}

/**
 * The client cannot afford the fee: they pay it themselves (no coverage in
 * network with the clinician, and no change of insurance or panel explains
 * it; those are the insurance triggers' concern) and the most they can pay
 * is below the fee, or they reported financial hardship during the episode.
 * Refer `soon`. The finding sets the client's `maxSelfPay` as a self-pay
 * ceiling on the receiving clinician's fee (their sliding-scale floor counts);
 * when the client reported hardship and that maximum is not known, the
 * finding stands and the rule also asks for `client.maxSelfPay`. The
 * practice's own sliding scale is offered only when `policy.billing.slidingScale`
 * is on and its floor is within reach (seed 002: it is often better to
 * refer to someone who can see the client at a reduced rate; ACA A.10.c),
 * and never to a Medicare or Medicaid beneficiary, nor to a client who will
 * be one within the look-ahead (see `PayerProgram`), unless the clinician
 * takes that cover to the end of the look-ahead: then the scale bridges
 * only the days until it starts, and the notice says so. A client whose
 * Medicaid keeps them in network with the clinician from today through the
 * look-ahead is never referred for hardship: the clinician accepts
 * Medicaid's payment in full (42 CFR 447.15), so nothing is due beyond
 * Medicaid's own cost sharing.
 * A floor known to be within the client's stated maximum means care can
 * continue: a `cannot-afford` notice with the sliding scale (and a
 * `good-faith-estimate` notice, 45 CFR 149.610), not a referral.
 *
 * @example
 * ```ts
 * import { cannotAffordRule, createRuleContext, type ReferralCaseInput } from "referwell/refer";
 *
 * const input: ReferralCaseInput = {
 *   client: {
 *     id: "cl-07",
 *     ageGroup: "adolescent",
 *     residence: { jurisdiction: "US-OR" },
 *     maxSelfPay: { currency: "USD", minorUnits: 9000 },
 *     needs: { problemAreas: ["adhd"] },
 *   },
 *   clinician: {
 *     id: "clin-grace",
 *     name: "Grace Liu",
 *     discipline: "psychologist",
 *     licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *     populations: ["adolescents"],
 *     languages: ["en"],
 *     fee: { currency: "USD", minorUnits: 26000 },
 *     slidingScaleFloor: { currency: "USD", minorUnits: 8000 },
 *     availability: { timeZone: "America/Los_Angeles", slots: [] },
 *     acceptingNewClients: true,
 *     capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
 *   },
 * };
 * const outcome = cannotAffordRule.evaluate(createRuleContext(input, { now: "2026-11-23" }));
 * "findings" in outcome && outcome.findings[0]?.alternatives; // => []
 * "findings" in outcome && outcome.findings[0]?.criteria; // => { require: { maxSelfPay: { currency: "USD", minorUnits: 9000 } } }
 * const lenient = cannotAffordRule.evaluate(createRuleContext(input, { now: "2026-11-23", policy: { billing: { slidingScale: true } } }));
 * "findings" in lenient && lenient.findings; // => []
 * "findings" in lenient && lenient.notices?.map((notice) => [notice.code, notice.alternatives?.map((alternative) => alternative.kind)]);
 * // => [["cannot-afford", ["sliding-scale"]], ["good-faith-estimate", undefined]]
 * ```
 */
export const cannotAffordRule = /* @__PURE__ */ defineReferralRule({
  id: "cannot-afford",
  source:
    "Seed 002 (the client cannot afford your services: it is often better to recommend a therapist who can see the client at a reduced rate); ACA Code of Ethics A.10.c Establishing Fees",
  evaluate(context) {
    const { client, clinician, hardshipReported } = context;
    const { fee } = clinician;
    const most = client.maxSelfPay;
    // In network with the client's Medicaid, the clinician accepts Medicaid's payment as payment in full (42 CFR 447.15):
    // nothing is due beyond Medicaid's own cost sharing, and referring the client away would only end their care. Only
    // while that lasts through the look-ahead: Medicaid that ends or leaves the network before then leaves hardship to decide.
    if (medicaidInNetworkThroughHorizon(context)) return { findings: [] };
    if (hardshipReported === undefined) {
      if (context.inNetworkToday.length > 0 || context.networkLoss !== undefined || context.networkGap !== undefined)
        return { findings: [] };
      if (most === undefined || fee === undefined) {
        return { needs: [...(most === undefined ? ["client.maxSelfPay"] : []), ...(fee === undefined ? ["clinician.fee"] : [])] };
      }
      if (most.currency !== fee.currency) return { needs: ["client.maxSelfPay"] };
      if (most.minorUnits >= fee.minorUnits) return { findings: [] };
    }
    const { evidence, summary } = describeShortfall(context);
    const cost =
      "Paying for our sessions costs more than you can manage, and I don't want cost to stand between you and the help you need.";
    const { alternatives, sure, bridge, covered } = slidingScaleUntilCovered(context);
    const estimate = goodFaithEstimate(alternatives);
    if (sure) {
      const notice = {
        code: "cannot-afford",
        summary: `${summary} No referral: the practice's sliding scale is within reach${bridge}.`,
        explanation: `${cost} I can offer you a reduced fee, so we can keep working together.${covered}`,
        evidence,
        alternatives,
      };
      return { findings: [], notices: [notice, ...estimate] };
    }
    return {
      findings: [
        {
          code: "cannot-afford",
          urgency: "soon",
          summary,
          explanation: `${cost} I'd like to help you find someone who can see you for a fee that works for you.`,
          evidence,
          criteria: most === undefined ? {} : { require: { maxSelfPay: most } },
          alternatives,
        },
      ],
      notices: estimate,
      ...(most === undefined ? { needs: ["client.maxSelfPay"] } : {}),
    };
  },
});

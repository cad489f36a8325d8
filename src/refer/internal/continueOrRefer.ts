import type * as z from "zod";
import type { IsoDate, Urgency } from "../../model/index.js";
import type { RuleNotice, RuleOutcome } from "../defineReferralRule.js";
import type { CriteriaAddition, EvidenceItem } from "../results.js";
import type { PaymentWays } from "./paymentWays.js";

/** A lost way of paying, as the insurance triggers describe it. */
export interface PaymentChange {
  readonly code: string;
  readonly date: IsoDate;
  readonly urgency: Urgency;
  readonly summary: string;
  /** What changes, for the client, before what to do about it. */
  readonly change: string;
  /** The client's words for a referral: the options, a colleague among them. */
  readonly refer: string;
  readonly evidence: readonly EvidenceItem[];
  readonly criteria: z.input<typeof CriteriaAddition>;
}

/**
 * A referral only when the client cannot continue another way the policy
 * allows: with a way known to work, a notice that carries the ways (and
 * says no goodbye); otherwise the finding, with the facts that would decide
 * it.
 */
export function continueOrRefer(change: PaymentChange, ways: PaymentWays, notices: readonly RuleNotice[]): RuleOutcome {
  const evidence = [...change.evidence];
  if (ways.sure.length > 0) {
    const how = ways.sure.map((alternative) => alternative.kind).join(", ");
    const notice: RuleNotice = {
      code: change.code,
      date: change.date,
      summary: `${change.summary} No referral: the client can continue (${how}).`,
      explanation: `${change.change} You can keep seeing me, and we'll go over the ways to pay together.`,
      evidence,
      alternatives: ways.alternatives,
    };
    return { findings: [], notices: [notice, ...notices] };
  }
  return {
    findings: [
      {
        code: change.code,
        urgency: change.urgency,
        date: change.date,
        careFrom: change.date,
        summary: change.summary,
        explanation: `${change.change} ${change.refer}`,
        evidence,
        criteria: change.criteria,
        alternatives: ways.alternatives,
      },
    ],
    notices: [...notices],
    ...(ways.needs.length > 0 ? { needs: ways.needs } : {}),
  };
}

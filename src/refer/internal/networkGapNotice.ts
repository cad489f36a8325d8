import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { coverageInForce } from "../../model/internal/coverageInForce.js";
import type { RuleContext } from "../createRuleContext.js";
import type { RuleNotice } from "../defineReferralRule.js";
import { payerRef } from "./payerRef.js";

/** What differs between a gap in the client's own coverage and one in the clinician's panels. */
const WORDING = {
  coverage: { code: "coverage-gap", payer: "payer-before", lapses: "coverage-lapses", resumes: "coverage-resumes", their: "insurance" },
  panel: { code: "panel-gap", payer: "payer", lapses: "first-day-out-of-network", resumes: "network-resumes", their: "plan" },
} as const;

/**
 * A coming or current gap in network cover, either the client's coverage
 * lapsing or the clinician's panel lapsing (re-credentialing, say), that
 * resumes within the look-ahead: a notice with the ways to bridge it, never a
 * referral. The ways are those of the cover the client holds on the gap's
 * first day (today, for a gap under way) and must hold to its last day, so
 * Medicare or Medicaid taken up during the gap bars ordinary self-pay for it.
 */
export function networkGapNotice(context: RuleContext, side: keyof typeof WORDING): RuleNotice[] {
  const gap = context.networkGap;
  const ended = gap === undefined ? [] : side === "coverage" ? gap.coverageEnded : gap.panelEnded;
  if (gap === undefined || ended.length === 0) return [];
  const words = WORDING[side];
  const last = addCalendarDays(gap.resumes, -1);
  // The days still to bridge: the gap's own, not today's, so a coming gap is paid for with the cover held then.
  const first = gap.date > context.now ? gap.date : context.now;
  const held = coverageInForce(context.client, first).map(payerRef);
  const payers = ended.map((payer) => payer.payerId).join(", ");
  const from = context.describeDate(gap.date);
  const until = context.describeDate(last);
  const back = context.describeDate(gap.resumes);
  const summary =
    side === "coverage"
      ? `No in-network cover from ${gap.date} to ${last}: the client's ${payers} coverage lapses and in-network cover resumes on ${gap.resumes}. No referral; bridge the gap.`
      : `${context.clinician.name} is off the ${payers} panel from ${gap.date} to ${last}; in-network cover resumes on ${gap.resumes}. No referral; bridge the gap.`;
  return [
    {
      code: words.code,
      date: gap.date,
      until: last,
      summary,
      explanation: `Your ${words.their} won't cover our sessions from ${from} to ${until}; it covers them again from ${back}. Let's plan for those days together.`,
      evidence: [
        ...ended.map((payer) => ({ kind: "id" as const, fact: words.payer, id: payer.payerId })),
        { kind: "date", fact: words.lapses, date: gap.date },
        { kind: "date", fact: words.resumes, date: gap.resumes },
      ],
      alternatives: [
        ...context.paymentAlternatives(held, first, last),
        {
          kind: "pause-until-cover-resumes",
          summary: `Pause sessions from ${gap.date} and resume on ${gap.resumes}, when in-network cover is back.`,
          explanation: `We could pause our sessions from ${from} and pick up again on ${back}, when your ${words.their} covers them again.`,
        },
      ],
    },
  ];
}

import type { IsoDate, Urgency } from "../../model/index.js";
import type { RuleContext } from "../createRuleContext.js";
import { firstBarredDay } from "./firstBarredDay.js";
import type { Finding, PreparationStep } from "../results.js";

const CONSENT_TO_SHARE: PreparationStep = {
  code: "consent-to-share-records",
  summary:
    "Ask for the client's written consent before sharing records with the new clinician: referwell's policy, as the NASW Code asks, although HIPAA lets a provider share for treatment without it. Psychotherapy notes need a HIPAA authorization, substance-use treatment records a Part 2 consent, and some state laws require consent.",
  source:
    "referwell's policy; NASW Code of Ethics 1.16(b) (disclose pertinent information with the client's consent); HIPAA permits disclosure for treatment without authorization, 45 CFR 164.506(c)(2), except psychotherapy notes, 45 CFR 164.508(a)(2); 42 CFR 2.31 (Part 2 consent); more stringent state law, 45 CFR 160.203(b)",
};

/**
 * Steps that only continue care: while risk is open, these are all a referral gets (no ending, no hand-off, as the
 * safety section's `holdsHandOff` says). A clinician who can no longer see the client at all (`cutOff`) keeps the
 * contact the law allows them, and brings in local crisis services where needed, until risk is assessed.
 */
function whileRiskIsOpen(
  context: RuleContext,
  findings: readonly Finding[],
  alternatives: readonly string[],
  cutOff: boolean,
): PreparationStep[] {
  const level = context.safety.level;
  return [
    {
      code: "continue-care-while-risk-is-assessed",
      summary: cutOff
        ? `You can no longer see the client in a way they attend (see the findings), and risk is open (safety level ${level}): keep the contact the law allows you where they are and assess risk first, with the safety plan and crisis contacts in hand and local crisis services brought in where needed; no ending and no hand-off until risk is assessed and a plan is in place; then assess again.`
        : `Keep seeing the client and assess risk first (safety level ${level}): no ending, no hand-off and no talk of either until risk is assessed and a plan is in place; then assess again.`,
      source: "ACA Code of Ethics A.12 (no abandonment); NASW Code of Ethics 1.17(b); APA Ethics Code 10.10",
    },
    ...(findings.some((finding) => finding.code === "deterioration") ? [reviewRisk()] : []),
    ...(alternatives.length > 0 ? [discussAlternatives(alternatives)] : []),
  ];
}

const CONTINUITY: PreparationStep = {
  code: "continuity-until-transfer",
  summary: "Keep seeing the client until their first session with the new clinician, so care has no gap.",
  source: "ACA Code of Ethics A.12 (no abandonment); NASW Code of Ethics 1.17(b)",
};

const CONTINUITY_CUT_OFF: PreparationStep = {
  ...CONTINUITY,
  summary:
    "You can no longer see the client in a way they attend (see the findings): hand over without delay, and until their first session with the new clinician keep only the contact the law allows you where they are, with the safety plan and crisis contacts in hand.",
};

const reviewRisk = (): PreparationStep => ({
  code: "review-risk",
  summary: "Review risk and safety with the client before anything else: their scores have reliably worsened.",
  source: "APA Ethics Code 10.10(a) (a client being harmed by continued service); referwell puts this step first",
});

const discussAlternatives = (alternatives: readonly string[]): PreparationStep => ({
  code: "discuss-alternatives",
  summary: `Offer the alternatives first or beside the referral: ${alternatives.join(", ")}.`,
  source: "Seed 002 (self-pay, out-of-network billing or a superbill; a reduced rate; continuing where licensed)",
});

/**
 * The steps to take with the client when referring (seed 002; APA 10.10; ACA A.11–A.12; NASW 1.16–1.17). While
 * the safety check has risk open, termination and hand-off steps are left out and care continues instead.
 */
export function preparationSteps(
  context: RuleContext,
  findings: readonly Finding[],
  { startDate, urgency }: { readonly startDate: IsoDate; readonly urgency: Urgency },
): PreparationStep[] {
  const { options } = context.policy;
  const alternatives = [...new Set(findings.flatMap((finding) => finding.alternatives.map((alternative) => alternative.kind)))];
  // A finding whose day the clinician can no longer see the client at all has come (a move made, a stay under way, a
  // host's own: see `cannotContinueFrom`): hand over now.
  const cutOff = firstBarredDay(findings, context.now, true) === context.now;
  if (context.safety.level !== "none") return whileRiskIsOpen(context, findings, alternatives, cutOff);
  // Care with the treating clinician goes on until the new clinician's first session, which is due by the start date
  // when that is later than today, and before the first day the treating clinician can no longer see the client in a way
  // they attend (a move, a stay elsewhere, a host's own: see `cannotContinueFrom`).
  const barred = firstBarredDay(findings, context.now);
  const later = startDate > context.now ? startDate : undefined;
  const [lastDay] = [later, barred].filter((day): day is IsoDate => day !== undefined).sort();
  // The new clinician is met before care with them starts: by then, and by the start date when the need is urgent.
  const [handOffDay] = [lastDay, urgency === "urgent" ? startDate : undefined].filter((day): day is IsoDate => day !== undefined).sort();
  const handOffBy = handOffDay === undefined ? {} : { dueBy: handOffDay };
  return [
    ...(findings.some((finding) => finding.code === "deterioration") ? [reviewRisk()] : []),
    {
      code: "explain-reason",
      summary: "Tell the client honestly, in plain words, why a change of clinician is being considered (each finding's explanation).",
      source: "Seed 002 (be transparent)",
    },
    ...(alternatives.length > 0 ? [discussAlternatives(alternatives)] : []),
    {
      code: "pre-termination-counselling",
      summary: "Discuss ending: what the work achieved, what remains, and how the client feels about moving on.",
      source: "APA Ethics Code 10.10(c); ACA Code of Ethics A.11.c; NASW Code of Ethics 1.17",
    },
    {
      code: "offer-options",
      summary: `Offer at least ${options.minimumOptions} options, ${options.preferredOptions} when available, unless one is clearly best: its match score leads the next by at least ${options.margin} (scores run from 0 to 1).`,
      source: "Seed 002 (give them options); APA Ethics Code 10.10(c) (suggest alternative service providers)",
    },
    { ...CONSENT_TO_SHARE },
    {
      code: "warm-hand-off",
      summary: "Introduce the client to the new clinician and, with consent, speak with them before the first session.",
      source: "ACA Code of Ethics A.11.d; NASW Code of Ethics 1.16(b); seed 002 (get to know the therapist you refer to)",
      ...handOffBy,
    },
    cutOff ? { ...CONTINUITY_CUT_OFF, dueBy: context.now } : { ...CONTINUITY, ...(lastDay === undefined ? {} : { dueBy: lastDay }) },
  ];
}

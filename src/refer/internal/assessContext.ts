import * as z from "zod";
import { InvalidInputError } from "../../errors.js";
import {
  type IsoDate,
  type MatchCriteria,
  type Money,
  type PayerRef,
  Urgency,
  validate,
  type Vocabulary,
  type VocabularyList,
} from "../../model/index.js";
import { clientCriteriaDraft } from "../../model/internal/clientCriteria.js";
import { coverageInForce } from "../../model/internal/coverageInForce.js";
import { selfPayBarring } from "../../model/internal/selfPayBarring.js";
import { compareText } from "../../model/internal/compareText.js";
import { copyJson } from "../../model/internal/copyJson.js";
import { findUnknownTags } from "../../model/internal/findUnknownTags.js";
import { trustedCriteria } from "../../model/internal/trustedCriteria.js";
import { builtInRules } from "../builtInRules.js";
import type { RuleContext } from "../createRuleContext.js";
import type { ReferralRule, RuleFinding, RuleNotice } from "../defineReferralRule.js";
import {
  type CriteriaAddition,
  type Finding,
  FindingDraft,
  type Notice,
  NoticeDraft,
  type ReferralAssessment,
  type Unevaluated,
} from "../results.js";
import { firstBarredDay } from "./firstBarredDay.js";
import { preparationSteps } from "./preparationSteps.js";
import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { pairKey } from "../../model/internal/pairKey.js";

const Needs = z.array(z.string().min(1).max(200)).min(1).max(50);
const FoundOutcome = z.strictObject({
  findings: z.array(FindingDraft).max(100),
  notices: z.array(NoticeDraft).max(100).optional(),
  needs: Needs.optional(),
});
const NeedsOutcome = z.strictObject({ needs: Needs });

const OPTIONS_SOURCE =
  "Seed 002 (give them options: more than one where possible, unless one therapist is truly best suited); APA Ethics Code 10.10(c) (suggest alternative service providers); the counts and the margin are referwell's defaults, the matcher's too";

const rank = (urgency: Urgency): number => Urgency.options.indexOf(urgency);
const comparePayerRefs = (a: PayerRef, b: PayerRef): number =>
  compareText(a.payerId, b.payerId) || compareText(a.planId ?? "", b.planId ?? "");

/** Fills a finding's defaults, so built-in findings (trusted) and host findings (validated) look alike. */
function completeAddition(addition: RuleFinding["criteria"]): CriteriaAddition {
  const require = addition?.require ?? {};
  const prefer = addition?.prefer ?? {};
  return {
    require: {
      problemAreas: require.problemAreas ?? [],
      modalities: require.modalities ?? [],
      populations: require.populations ?? [],
      languages: require.languages ?? [],
      excludeClinicianIds: require.excludeClinicianIds ?? [],
      excludePracticeIds: require.excludePracticeIds ?? [],
      payers: require.payers ?? [],
      ...(require.maxSelfPay === undefined ? {} : { maxSelfPay: require.maxSelfPay }),
    },
    prefer: {
      problemAreas: prefer.problemAreas ?? [],
      modalities: prefer.modalities ?? [],
      languages: prefer.languages ?? [],
      clinicianGenders: prefer.clinicianGenders ?? [],
    },
  };
}

function toFinding(found: RuleFinding, rule: ReferralRule): Finding {
  // A copy as plain JSON: a finding may hold parts of the context, and the assessment is the caller's to keep.
  const draft = copyJson(found);
  return {
    code: draft.code,
    rule: rule.id,
    urgency: draft.urgency,
    ...(draft.date === undefined ? {} : { date: draft.date }),
    ...(draft.careFrom === undefined ? {} : { careFrom: draft.careFrom }),
    ...(draft.cannotContinueFrom === undefined ? {} : { cannotContinueFrom: draft.cannotContinueFrom }),
    summary: draft.summary,
    explanation: draft.explanation,
    evidence: draft.evidence ?? [],
    criteria: completeAddition(draft.criteria),
    alternatives: draft.alternatives ?? [],
    source: rule.source,
  };
}

function toNotice(found: RuleNotice, rule: ReferralRule): Notice {
  const draft = copyJson(found);
  return {
    code: draft.code,
    ...(draft.date === undefined ? {} : { date: draft.date }),
    ...(draft.until === undefined ? {} : { until: draft.until }),
    summary: draft.summary,
    explanation: draft.explanation,
    evidence: draft.evidence ?? [],
    alternatives: draft.alternatives ?? [],
    rule: rule.id,
    source: rule.source,
  };
}

function compareNotices(a: Notice, b: Notice): number {
  return (
    compareText(a.date ?? "", b.date ?? "") ||
    compareText(a.code, b.code) ||
    compareText(a.rule, b.rule) ||
    compareText(JSON.stringify(a), JSON.stringify(b))
  );
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    rank(b.urgency) - rank(a.urgency) ||
    compareText(a.code, b.code) ||
    compareText(a.rule, b.rule) ||
    compareText(a.date ?? "", b.date ?? "") ||
    compareText(JSON.stringify(a), JSON.stringify(b))
  );
}

/** Runs each rule; a host's rule has its outcome validated, since it is input like any other, and named by its place (`rules.2`), never by its id. */
function evaluate(
  rules: readonly ReferralRule[],
  context: RuleContext,
): { findings: Finding[]; notices: Notice[]; unevaluated: Unevaluated[] } {
  const findings: Finding[] = [];
  const notices: Notice[] = [];
  const unevaluated: Unevaluated[] = [];
  rules.forEach((rule, index) => {
    const raw: unknown = rule.evaluate(context);
    const trusted = builtInRules.includes(rule);
    if (typeof raw === "object" && raw !== null && "needs" in raw && !("findings" in raw)) {
      const { needs } = trusted ? (raw as { needs: string[] }) : validate(NeedsOutcome, raw, `rules.${index}`);
      unevaluated.push({ rule: rule.id, needs: [...needs] });
      return;
    }
    const outcome = trusted
      ? (raw as { findings: RuleFinding[]; notices?: RuleNotice[]; needs?: string[] })
      : validate(FoundOutcome, raw, `rules.${index}`);
    for (const draft of outcome.findings) findings.push(toFinding(draft, rule));
    for (const draft of outcome.notices ?? []) notices.push(toNotice(draft, rule));
    if (outcome.needs !== undefined && outcome.needs.length > 0) unevaluated.push({ rule: rule.id, needs: [...outcome.needs] });
  });
  findings.sort(compareFindings);
  notices.sort(compareNotices);
  unevaluated.sort((a, b) => compareText(a.rule, b.rule));
  return { findings, notices, unevaluated };
}

/** The tags of `held`, then those of `added` that neither holds already: compared as codes when `list` names a vocabulary list. */
function unionTags(
  vocabulary: Vocabulary,
  list: VocabularyList | undefined,
  held: readonly string[] = [],
  added: readonly string[],
): string[] {
  if (added.length === 0) return held.length === 0 ? [] : [...held];
  const key = (tag: string) => (list === undefined ? tag : vocabulary.canonical(list, tag));
  const seen = new Set(held.map(key));
  const out = [...held];
  for (const tag of added) {
    if (!seen.has(key(tag))) out.push(tag);
    seen.add(key(tag));
  }
  return out;
}

/** The lower of two self-pay ceilings, which must share a currency. */
function lowerCeiling(ceiling: Money | undefined, amount: Money | undefined): Money | undefined {
  if (amount === undefined) return ceiling;
  if (ceiling !== undefined && ceiling.currency !== amount.currency) {
    throw new InvalidInputError("criteria", [{ path: ["require", "payment", "maxSelfPay"], code: "currency-mismatch" }]);
  }
  return ceiling === undefined || amount.minorUnits < ceiling.minorUnits ? amount : ceiling;
}

// A plan id is never empty, so "" stands for none.
const payerKey = (payer: PayerRef) => pairKey(payer.payerId, payer.planId ?? "");

/**
 * The client's own criteria on the start date (no self-pay while it is
 * barred up to `barredUntil`), plus what every finding adds (but payers of
 * a later change, or that the client no longer holds on the start date);
 * the treating clinician is excluded once referring, and the lowest self-pay
 * ceiling (the client's maximum or a finding's) is the payment's. The result
 * has every field MatchCriteria defines, in its order, and a union past a
 * list's limit is reported instead of passed on (see `trustedCriteria`).
 * Every part is already valid (the client's, or a finding's), so it is not
 * parsed again.
 */
function buildCriteria(
  context: RuleContext,
  findings: readonly Finding[],
  { startDate, barredUntil }: { readonly startDate: IsoDate; readonly barredUntil: IsoDate },
  urgency: Urgency,
): MatchCriteria {
  const { unknownProgram } = context.policy.billing;
  const draft = clientCriteriaDraft(context.client, startDate, barredUntil, unknownProgram);
  const { require: held, prefer: liked } = draft;
  const { vocabulary } = context;
  // What the findings add, list by list, in the findings' order.
  const more = { populations: [] as string[], problemAreas: [] as string[], modalities: [] as string[], languages: [] as string[] };
  const liking = { problemAreas: [] as string[], modalities: [] as string[], languages: [] as string[], clinicianGenders: [] as string[] };
  const excludeClinicianIds: string[] = findings.length > 0 ? [context.clinician.id] : [];
  const excludePracticeIds: string[] = [];
  const payers = [...(held.payment?.payers ?? [])];
  // A finding's payer the client's coverage shows they no longer hold on the start date (a panel left before their cover
  // ended) would have the matcher offer clinicians as covered by insurance the client does not have; with nothing else
  // known of how they pay, the criteria then say nothing of payment, as for any client with no cover and no maximum (the
  // matcher shows each option's payment as unspecified). A payer their records do not name (a host's rule) is the
  // rule's to ask for, and a plan only one side names may be the one held.
  const inForce = coverageInForce(context.client, startDate);
  const heldOnStart = (payer: PayerRef) =>
    inForce.some(
      (coverage) =>
        coverage.payerId === payer.payerId &&
        (coverage.planId === undefined || payer.planId === undefined || coverage.planId === payer.planId),
    ) || !context.client.coverage.some((coverage) => coverage.payerId === payer.payerId);
  const clientPayers = payers.length;
  // The lowest self-pay ceiling of the client's and the findings', all in one currency; none while Medicare or Medicaid
  // covers the client, which bar ordinary self-pay (the client's own is already left out of the draft).
  const barred = selfPayBarring(context.client, startDate, barredUntil, unknownProgram).length > 0;
  let ceiling = held.payment?.maxSelfPay;
  for (const { criteria, careFrom } of findings) {
    const { require, prefer } = criteria;
    more.populations.push(...require.populations);
    more.problemAreas.push(...require.problemAreas);
    more.modalities.push(...require.modalities);
    more.languages.push(...require.languages);
    excludeClinicianIds.push(...require.excludeClinicianIds);
    excludePracticeIds.push(...require.excludePracticeIds);
    // The payers of a change after the start date (a new insurer after an urgent need) are left out: the matcher checks a
    // payer over the whole course, so one the client holds only later would admit a clinician who cannot bill the first
    // sessions. Care is sought for the cover that pays when it starts; the finding keeps the later change in view.
    if (careFrom === undefined || careFrom <= startDate) payers.push(...require.payers.filter(heldOnStart));
    liking.problemAreas.push(...prefer.problemAreas);
    liking.modalities.push(...prefer.modalities);
    liking.languages.push(...prefer.languages);
    liking.clinicianGenders.push(...prefer.clinicianGenders);
    if (!barred) ceiling = lowerCeiling(ceiling, require.maxSelfPay);
  }
  // Sets, not rankings: payers and exclusions are sorted, so the order of coverage and conflicts cannot change them.
  const seenPayers = new Set<string>();
  const distinctPayers = payers.filter((payer) => !seenPayers.has(payerKey(payer)) && seenPayers.add(payerKey(payer)));
  const payment =
    held.payment === undefined && payers.length === clientPayers && ceiling === undefined
      ? undefined
      : { payers: distinctPayers.sort(comparePayerRefs), ...(ceiling === undefined ? {} : { maxSelfPay: ceiling }) };
  return trustedCriteria(draft, {
    urgency,
    require: {
      payment,
      populations: unionTags(vocabulary, "populations", held.populations, more.populations),
      problemAreas: unionTags(vocabulary, "problemAreas", held.problemAreas, more.problemAreas),
      modalities: unionTags(vocabulary, "modalities", held.modalities, more.modalities),
      languages: unionTags(vocabulary, undefined, held.languages, more.languages),
      excludeClinicianIds: unionTags(vocabulary, undefined, held.excludeClinicianIds, excludeClinicianIds).sort(compareText),
      excludePracticeIds: unionTags(vocabulary, undefined, held.excludePracticeIds, excludePracticeIds).sort(compareText),
    },
    prefer: {
      problemAreas: unionTags(vocabulary, "problemAreas", liked.problemAreas, liking.problemAreas),
      modalities: unionTags(vocabulary, "modalities", liked.modalities, liking.modalities),
      languages: unionTags(vocabulary, undefined, liked.languages, liking.languages),
      clinicianGenders: unionTags(vocabulary, undefined, liked.clinicianGenders, liking.clinicianGenders),
    },
  });
}

/**
 * The assessment of a case whose context is built: the rules run, their
 * findings gathered, the criteria and the preparation derived. Shared by
 * `assessReferral`, which validates a case first, and `assessPanelExit`,
 * which builds each episode's context from a panel exit validated once.
 */
export function assessContext(rules: readonly ReferralRule[], context: RuleContext): ReferralAssessment {
  const { findings, notices, unevaluated } = evaluate(rules, context);
  const urgency = findings[0]?.urgency ?? "routine";
  // An urgent need that is present (a finding asking for care from today or before) starts care today: a coming change
  // (a move, a new insurer), however urgent, never holds it back, and stays a finding of its own. Otherwise care starts
  // on the latest day a most urgent finding asks for, so one change of clinician covers coming changes alike, but never
  // after the first day the treating clinician may no longer see the client (a move, a stay elsewhere, a host's own;
  // today when that is already so), so no day is left without a clinician who may see them. The cover in force on the
  // start date pays.
  // Self-pay is barred while Medicare or Medicaid covers any day from the start to the end of the look-ahead, its length
  // counted from today and from every day a finding asks care from, as the ways to keep paying are judged after a loss.
  const careDay = (finding: Finding) => finding.careFrom ?? context.now;
  const latestOf = (days: readonly IsoDate[]) => days.reduce((latest, day) => (day > latest ? day : latest), context.now);
  const mostUrgentDays = findings.filter((finding) => finding.urgency === urgency).map(careDay);
  const latest = latestOf(mostUrgentDays);
  // A finding bars care only by saying so (`cannotContinueFrom`), never by its code or its rule's id.
  const barred = firstBarredDay(findings, context.now);
  const urgentNow = urgency === "urgent" && mostUrgentDays.some((day) => day <= context.now);
  const startDate = urgentNow ? context.now : barred !== undefined && barred < latest ? barred : latest;
  const lookAhead = context.policy.lookAheadDays;
  const barredUntil = latestOf([context.horizon, ...findings.map((finding) => addCalendarDays(careDay(finding), lookAhead))]);
  const { minimumOptions, preferredOptions, margin } = context.policy.options;
  const { safety } = context;
  return {
    // Safety first: read before anything else, and a referral's hand-off waits while risk is open.
    safety: { ...safety, holdsHandOff: safety.level !== "none" && findings.length > 0 },
    clientId: context.client.id,
    clinicianId: context.clinician.id,
    asOf: context.now,
    refer: findings.length > 0,
    urgency,
    findings,
    notices,
    criteria: buildCriteria(context, findings, { startDate, barredUntil }, urgency),
    options: { minimumOptions, preferredOptions, margin, source: OPTIONS_SOURCE },
    preparation: findings.length > 0 ? preparationSteps(context, findings, { startDate, urgency }) : [],
    unevaluated,
    // Built for this context alone, which ends with this call: the assessment may keep them as they are.
    progress: context.progress as ReferralAssessment["progress"],
    ...(context.pairedProgress === undefined
      ? {}
      : { pairedProgress: { ...context.pairedProgress, caseness: { ...context.pairedProgress.caseness } } }),
    unknownTags: findUnknownTags(context.vocabulary, [
      { path: ["client"], client: context.client },
      { path: ["clinician"], clinician: context.clinician },
    ]),
  };
}

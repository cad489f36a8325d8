import * as z from "zod";
import { InvalidInputError } from "../../errors.js";
import { type IsoDate, type MatchCriteria, type PayerRef, Urgency, validate, type VocabularyList } from "../../model/index.js";
import { clientCriteria } from "../../model/internal/clientCriteria.js";
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
import { preparationSteps } from "./preparationSteps.js";

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

/**
 * The client's own criteria on the start date, plus what every finding adds;
 * the treating clinician is excluded once referring, and the lowest self-pay
 * ceiling (the client's maximum or a finding's) is the payment's. The result is parsed as
 * MatchCriteria, so it has every field the schema defines, in its order, and
 * a union past a list's limit is reported instead of passed on. Every part
 * is already valid (the client's, or a finding's), so it is not parsed again.
 */
function buildCriteria(context: RuleContext, findings: readonly Finding[], startDate: IsoDate, urgency: Urgency): MatchCriteria {
  const base = clientCriteria(context.client, startDate);
  const { vocabulary } = context;
  const additions = findings.map((finding) => finding.criteria);
  const unionTags = (list: VocabularyList | undefined, held: readonly string[], added: readonly string[]): string[] => {
    const key = (tag: string) => (list === undefined ? tag : vocabulary.canonical(list, tag));
    const seen = new Set(held.map(key));
    const out = [...held];
    for (const tag of added) {
      if (!seen.has(key(tag))) out.push(tag);
      seen.add(key(tag));
    }
    return out;
  };
  const required = (pick: (addition: CriteriaAddition["require"]) => readonly string[]) =>
    additions.flatMap((addition) => pick(addition.require));
  const preferred = (pick: (addition: CriteriaAddition["prefer"]) => readonly string[]) =>
    additions.flatMap((addition) => pick(addition.prefer));
  const payerKey = (payer: PayerRef) => `${payer.payerId}\u0000${payer.planId ?? ""}`;
  const { require: held, prefer: liked, ...where } = base;
  // Sets, not rankings: payers and exclusions are sorted, so the order of coverage and conflicts cannot change them.
  const seenPayers = new Set<string>();
  const payers = (held.payment?.payers ?? []).filter((payer) => !seenPayers.has(payerKey(payer)) && seenPayers.add(payerKey(payer)));
  const morePayers = additions
    .flatMap((addition) => addition.require.payers)
    .filter((payer) => !seenPayers.has(payerKey(payer)) && seenPayers.add(payerKey(payer)));
  // The lowest self-pay ceiling of the client's and the findings', all in one currency.
  let ceiling = held.payment?.maxSelfPay;
  for (const addition of additions) {
    const amount = addition.require.maxSelfPay;
    if (amount === undefined) continue;
    if (ceiling !== undefined && ceiling.currency !== amount.currency) {
      throw new InvalidInputError("criteria", [{ path: ["require", "payment", "maxSelfPay"], code: "currency-mismatch" }]);
    }
    if (ceiling === undefined || amount.minorUnits < ceiling.minorUnits) ceiling = amount;
  }
  const payment =
    held.payment === undefined && morePayers.length === 0 && ceiling === undefined
      ? {}
      : {
          payment: { payers: [...payers, ...morePayers].sort(comparePayerRefs), ...(ceiling === undefined ? {} : { maxSelfPay: ceiling }) },
        };
  return trustedCriteria({
    ...where,
    urgency,
    require: {
      ...held,
      ...payment,
      populations: unionTags(
        "populations",
        held.populations,
        required((r) => r.populations),
      ),
      problemAreas: unionTags(
        "problemAreas",
        held.problemAreas,
        required((r) => r.problemAreas),
      ),
      modalities: unionTags(
        "modalities",
        held.modalities,
        required((r) => r.modalities),
      ),
      languages: unionTags(
        undefined,
        held.languages,
        required((r) => r.languages),
      ),
      excludeClinicianIds: unionTags(undefined, held.excludeClinicianIds, [
        ...required((r) => r.excludeClinicianIds),
        ...(findings.length > 0 ? [context.clinician.id] : []),
      ]).sort(compareText),
      excludePracticeIds: unionTags(
        undefined,
        held.excludePracticeIds,
        required((r) => r.excludePracticeIds),
      ).sort(compareText),
    },
    prefer: {
      ...liked,
      problemAreas: unionTags(
        "problemAreas",
        liked.problemAreas,
        preferred((p) => p.problemAreas),
      ),
      modalities: unionTags(
        "modalities",
        liked.modalities,
        preferred((p) => p.modalities),
      ),
      languages: unionTags(
        undefined,
        liked.languages,
        preferred((p) => p.languages),
      ),
      clinicianGenders: unionTags(
        undefined,
        liked.clinicianGenders,
        preferred((p) => p.clinicianGenders),
      ),
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
  const startDate = findings.reduce(
    (latest, finding) => (finding.careFrom !== undefined && finding.careFrom > latest ? finding.careFrom : latest),
    context.now,
  );
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
    criteria: buildCriteria(context, findings, startDate, urgency),
    options: { minimumOptions, preferredOptions, margin, source: OPTIONS_SOURCE },
    preparation: findings.length > 0 ? preparationSteps(context, findings) : [],
    unevaluated,
    // A copy: the context's summaries are the rules' to read, the assessment is the caller's to keep.
    progress: copyJson(context.progress) as ReferralAssessment["progress"],
    ...(context.pairedProgress === undefined
      ? {}
      : { pairedProgress: { ...context.pairedProgress, caseness: { ...context.pairedProgress.caseness } } }),
    unknownTags: findUnknownTags(context.vocabulary, [
      { path: ["client"], client: context.client },
      { path: ["clinician"], clinician: context.clinician },
    ]),
  };
}

import * as z from "zod";
import { type InputIssueDraft, InvalidInputError } from "../errors.js";
import { type IsoDate, MatchCriteria, type PayerRef, Urgency, validate, type VocabularyList } from "../model/index.js";
import { clientCriteria } from "../model/internal/clientCriteria.js";
import { trustedCriteria } from "../model/internal/trustedCriteria.js";
import { copyJson } from "../model/internal/copyJson.js";
import { findUnknownTags } from "../model/internal/findUnknownTags.js";
import { builtInRules } from "./builtInRules.js";
import { createRuleContext, type RuleContext, type RuleContextOptions } from "./createRuleContext.js";
import type { ReferralRule, RuleFinding, RuleNotice } from "./defineReferralRule.js";
import type { ReferralCaseInput } from "./schemas.js";
import {
  type CriteriaAddition,
  type Finding,
  FindingDraft,
  type Notice,
  NoticeDraft,
  type ReferralAssessment,
  type Unevaluated,
} from "./results.js";
import { compareText } from "../model/internal/compareText.js";
import { repeatedIndexes } from "../model/internal/repeatedIndexes.js";
import { preparationSteps } from "./internal/preparationSteps.js";

/** The options of {@link assessReferral}: those of a rule context, and the rules to run. */
export interface AssessReferralOptions extends RuleContextOptions {
  /** The rules to run, the nine {@link builtInRules} by default; ids must be unique. */
  readonly rules?: readonly ReferralRule[];
}

const isRule = (value: unknown): value is ReferralRule =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as ReferralRule).id === "string" &&
  typeof (value as ReferralRule).source === "string" &&
  typeof (value as ReferralRule).evaluate === "function";

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const RulesOption = z.strictObject({ rules: z.array(z.custom<ReferralRule>(isRule)).max(100).optional() });
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

function rulesOf(rulesOption: unknown): readonly ReferralRule[] {
  const { rules = builtInRules } = validate(RulesOption, rulesOption, "options");
  const issues: InputIssueDraft[] = repeatedIndexes(rules, (rule) => rule.id).map((index) => ({
    path: ["rules", index, "id"],
    code: "duplicate-id",
  }));
  if (issues.length > 0) throw new InvalidInputError("options", issues);
  return rules;
}

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
 * Decides whether a client should be referred out, why, how urgently, and
 * what the receiving clinician must offer. Runs each rule (the nine
 * built-in triggers unless `rules` says otherwise) on the validated case,
 * then gathers:
 *
 * - `safety`, first: the safety level (`none`, `review`, `urgent-review`,
 *   `crisis`) from risk items, risk ratings and needs that are a risk, its
 *   evidence, the actions for it with the emergency numbers for where the
 *   client lives, and whether a referral's hand-off waits while risk is
 *   open (then `preparation` only continues care). referwell is not a
 *   risk-assessment tool: it never lowers what a clinician judges;
 * - `findings`, most urgent first (ties by code, rule and date), each with
 *   evidence, a clinician summary, a plain-language explanation for the
 *   client, the criteria it adds, alternatives and its source;
 * - `refer` (any finding) and `urgency` (the highest finding's);
 * - `notices`: things to act on that are no reason to refer, by date, each
 *   with the alternatives that bridge it: a short gap in in-network cover, a
 *   move or a change of cover the client can continue through, a
 *   continuity-of-care or good-faith-estimate duty, a worsening outside the
 *   clinical range, scores that stay severe;
 * - `criteria`: {@link criteriaFromClient} on the start date (today, or the
 *   latest `careFrom` of a finding, such as a move), with every finding's
 *   additions and the treating clinician excluded, ready for
 *   `referwell/match` as it is;
 * - `options`: how many options to offer, from the policy, in the matcher's
 *   terms (`minimumOptions`, `preferredOptions`, and `margin`, an absolute
 *   lead of the best match score over the next): pass them to the matcher's
 *   `rank` as `recommendation`;
 * - `preparation`: the steps to take with the client when referring;
 * - `unevaluated`: the rules that could not run, or ran only in part, with
 *   the facts they need;
 * - `progress`: measured progress on each outcome instrument, and
 *   `pairedProgress`: PHQ-9 and GAD-7 (or the pair the policy names) read
 *   together as NHS Talking Therapies does, when both were measured;
 * - `unknownTags`: the client's and the clinician's tags that no vocabulary
 *   knows (problem areas, modalities, populations, the discipline,
 *   languages), by path from the case, never by value: a misspelled need
 *   would otherwise match only the same spelling, here and in the matcher.
 *
 * The result depends only on the input, and equal inputs give
 * byte-identical JSON. The order of rules, measurements, sessions,
 * disagreements, coverage, planned moves, conflicts and panels does not
 * change it (payers and exclusions in the criteria are sorted); the order of
 * needs and preferences is kept, since it means something (the first need
 * is the primary one).
 *
 * @param input - the case (see {@link ReferralCase}), usually parsed JSON
 * @param options - `now` and `timeZone` (an instant falls on its date in `timeZone` when given, else at its own offset), and optionally `rules`, `policy`, `instruments` and `vocabulary`
 * @throws {@link InvalidInputError} when the case or the options break a
 * rule, or a host's rule returns a malformed outcome; never with a value
 * from the input in it
 *
 * @example
 * ```ts
 * import { assessReferral } from "referwell/refer";
 *
 * const assessment = assessReferral(
 *   {
 *     client: {
 *       id: "cl-03",
 *       ageGroup: "adolescent",
 *       residence: { jurisdiction: "US-OR" },
 *       plannedMoves: [{ date: "2026-12-15", to: { jurisdiction: "US-WA" } }],
 *       coverage: [{ payerId: "aetna", period: { start: "2025-06-01" } }],
 *       needs: { problemAreas: ["eating-disorders", "anxiety"] },
 *     },
 *     clinician: {
 *       id: "clin-elif",
 *       name: "Elif Demir",
 *       discipline: "counselor",
 *       licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *       problemAreas: ["eating-disorders", "anxiety"],
 *       populations: ["adolescents", "adults"],
 *       languages: ["en"],
 *       insurancePanels: [{ payerId: "aetna", period: { start: "2023-02-01" } }],
 *       availability: { timeZone: "America/Los_Angeles", slots: [] },
 *       acceptingNewClients: true,
 *       capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
 *     },
 *     episode: { start: "2026-03-10" },
 *   },
 *   { now: "2026-11-23" },
 * );
 * [assessment.refer, assessment.urgency]; // => [true, "soon"]
 * assessment.findings.map((finding) => [finding.code, finding.date]); // => [["moving", "2026-12-15"]]
 * assessment.findings[0]?.explanation.startsWith("You're moving on 15 December 2026"); // => true
 * assessment.criteria.startDate; // => "2026-12-15"
 * assessment.criteria.location; // => { jurisdiction: "US-WA" }
 * assessment.criteria.require.excludeClinicianIds; // => ["clin-elif"]
 * assessment.options.minimumOptions; // => 2
 * assessment.options.margin; // => 0.1
 * assessment.preparation.map((step) => step.code);
 * // => ["explain-reason", "pre-termination-counselling", "offer-options", "consent-to-share-records", "warm-hand-off", "continuity-until-transfer"]
 * assessment.unevaluated.map((entry) => entry.rule); // => ["alliance", "progress"]
 * assessment.safety.level; // => "none"
 * ```
 */
export function assessReferral(input: ReferralCaseInput, options: AssessReferralOptions): ReferralAssessment {
  // `rules` is this function's option; the rest are the rule context's, each checked strictly by its owner.
  const { rules: ruleList, ...contextOptions } = isPlainObject(options) ? options : { rules: undefined };
  const rules = ruleList === undefined ? builtInRules : rulesOf({ rules: ruleList });
  const context = createRuleContext(input, (isPlainObject(options) ? contextOptions : options) as RuleContextOptions);
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

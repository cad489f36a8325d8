/**
 * What deciding to refer returns: findings with their evidence, the
 * alternatives to offer, the criteria the receiving clinician must meet, the
 * steps to take with the client, and measured progress. All plain JSON.
 *
 * @module
 */
import * as z from "zod";
import { emptyList } from "../model/internal/emptyList.js";
import { ExpectedText } from "../errors.js";
import {
  Id,
  IsoDate,
  Jurisdiction,
  LanguageTag,
  LevelOfCare,
  MatchCriteria,
  Money,
  PayerRef,
  Tag,
  UnknownTag,
  Urgency,
} from "../model/index.js";
import { EmergencyContact, RiskFlag, SafetyLevel } from "./safetySchemas.js";

/**
 * A stable kebab-case code: a finding, an alternative, a fact or a
 * preparation step. Codes name things; they never carry free text.
 *
 * @example
 * ```ts
 * import { ReasonCode } from "referwell/refer";
 *
 * ReasonCode.safeParse("insurance-changed").success; // => true
 * ReasonCode.safeParse("Client said she hates CBT").success; // => false
 * ```
 */
export const ReasonCode = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, { error: ExpectedText.kebabCode })
  .max(60);
/** A stable kebab-case code. */
export type ReasonCode = z.infer<typeof ReasonCode>;

/**
 * One piece of evidence behind a finding, always structured: an id, a date,
 * a score, an amount, a count or a jurisdiction, each labelled by the fact
 * it stands for. An id is a single token (an id or a code, at most 100
 * characters, no whitespace), never a sentence; never free text from
 * clinical notes. Tags no code list knows are counted, not named.
 *
 * @example
 * ```ts
 * import { EvidenceItem } from "referwell/refer";
 *
 * EvidenceItem.parse({ kind: "score", fact: "latest", instrument: "PHQ-9", date: "2026-10-27", score: 22 }).kind; // => "score"
 * EvidenceItem.safeParse({ kind: "note", fact: "session", text: "..." }).success; // => false
 * EvidenceItem.safeParse({ kind: "id", fact: "modality-wanted", id: "Client said she hates CBT" }).success; // => false
 * ```
 */
export const EvidenceItem = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("id"), fact: ReasonCode, id: Id.max(100).regex(/^\S+$/u, { error: ExpectedText.noSpaces }) }),
  z.strictObject({ kind: z.literal("date"), fact: ReasonCode, date: IsoDate }),
  z.strictObject({ kind: z.literal("score"), fact: ReasonCode, instrument: Id, date: IsoDate, score: z.number() }),
  z.strictObject({ kind: z.literal("amount"), fact: ReasonCode, amount: Money }),
  z.strictObject({ kind: z.literal("count"), fact: ReasonCode, count: z.number().int().min(0) }),
  z.strictObject({ kind: z.literal("place"), fact: ReasonCode, jurisdiction: Jurisdiction }),
]);
/** One structured piece of evidence behind a finding. */
export type EvidenceItem = z.infer<typeof EvidenceItem>;

/**
 * Something to offer before or beside a referral (seed 002): `self-pay`,
 * `sliding-scale`, `superbill`, `out-of-network`, `continue-by-telehealth`,
 * `continue-in-person`, `pause-until-cover-resumes` or `pause-while-away`
 * for the built-in triggers, and `private-contract`
 * for a Medicare beneficiary of a clinician who opted out. `amount` is the
 * fee the client would pay; `basis` says why the clinician may keep
 * practising where the client moves; `source` cites the rule of law an
 * alternative rests on, when one does. A higher level of care than weekly
 * outpatient therapy (`psychiatric-evaluation`, `intensive-outpatient`,
 * `partial-hospitalisation`) names its `levelOfCare`: a referral target of
 * its own, which the matcher finds with `require.levelOfCare`.
 *
 * @example
 * ```ts
 * import { Alternative } from "referwell/refer";
 *
 * const option = Alternative.parse({
 *   kind: "continue-by-telehealth",
 *   summary: "Continue by telehealth: authorized in US-WA under counseling-compact.",
 *   explanation: "I can keep seeing you by video after you move.",
 *   basis: { via: "compact", compactId: "counseling-compact" },
 * });
 * option.basis; // => { via: "compact", compactId: "counseling-compact" }
 * ```
 */
export const Alternative = z.strictObject({
  kind: ReasonCode,
  summary: z.string().min(1).max(2_000),
  explanation: z.string().min(1).max(2_000),
  amount: Money.optional(),
  basis: z
    .discriminatedUnion("via", [
      z.strictObject({ via: z.literal("license"), jurisdiction: Jurisdiction }),
      z.strictObject({ via: z.literal("compact"), compactId: Id }),
    ])
    .optional(),
  source: z.string().min(1).max(1_000).optional(),
  levelOfCare: LevelOfCare.optional(),
});
/** Something to offer before or beside a referral. */
export type Alternative = z.infer<typeof Alternative>;

/**
 * What one finding adds to the match criteria: hard requirements (problem
 * areas, modalities, populations, languages the receiving clinician must
 * cover; clinicians and practices to exclude; payers whose panel they must
 * be on, added to `require.payment.payers`; a self-pay ceiling, set as
 * `require.payment.maxSelfPay` when it is the lowest) and soft preferences.
 *
 * @example
 * ```ts
 * import { CriteriaAddition } from "referwell/refer";
 *
 * const addition = CriteriaAddition.parse({ require: { modalities: ["EMDR"] } });
 * addition.require.modalities; // => ["EMDR"]
 * addition.require.excludeClinicianIds; // => []
 * CriteriaAddition.parse({ require: { maxSelfPay: { currency: "USD", minorUnits: 9000 } } }).require.maxSelfPay; // => { currency: "USD", minorUnits: 9000 }
 * ```
 */
export const CriteriaAddition = z.strictObject({
  require: z
    .strictObject({
      problemAreas: z.array(Tag).max(50).default(emptyList),
      modalities: z.array(Tag).max(50).default(emptyList),
      populations: z.array(Tag).max(20).default(emptyList),
      languages: z.array(LanguageTag).max(20).default(emptyList),
      excludeClinicianIds: z.array(Id).max(1_000).default(emptyList),
      excludePracticeIds: z.array(Id).max(1_000).default(emptyList),
      payers: z.array(PayerRef).max(50).default(emptyList),
      maxSelfPay: Money.optional(),
    })
    .prefault({}),
  prefer: z
    .strictObject({
      problemAreas: z.array(Tag).max(50).default(emptyList),
      modalities: z.array(Tag).max(50).default(emptyList),
      languages: z.array(LanguageTag).max(20).default(emptyList),
      clinicianGenders: z.array(z.string().min(1).max(60)).max(20).default(emptyList),
    })
    .prefault({}),
});
/** What one finding adds to the match criteria. */
export type CriteriaAddition = z.infer<typeof CriteriaAddition>;

/**
 * A finding as a rule returns it. `date` is when the change it reports takes
 * effect (a move, a coverage change); `careFrom` asks that the receiving
 * clinician be chosen for the client's situation on that day (where they
 * will live, how they will pay). `cannotContinueFrom` says the treating
 * clinician can no longer see the client in a way they attend from that day
 * (a day already past means today): a move or a stay where they may not
 * practise, or, for a host's rule, the clinician leaving the practice. The
 * assessment's start date is never after it, and the hand-off and the care
 * meanwhile are due by it (while risk is open, nothing is ended or handed
 * over: the contact the law allows goes on); a finding that also offers to go on by video
 * (`continue-by-telehealth`) leaves that way open until the new clinician
 * starts. A change of cover sets no such day: the clinician may still see
 * the client. The assessment's start date is also earlier than `careFrom`
 * for an urgent need that is present or a more urgent finding. A finding whose
 * `careFrom` is after the start date adds no payers to the assessment's
 * criteria (its own criteria keep them), nor does a payer the client's
 * coverage shows they no longer hold that day. `summary` is for the
 * clinician; `explanation` is for the client, in plain words: no codes, no
 * scores, no jargon (seed 002: be transparent).
 *
 * @example
 * ```ts
 * import { FindingDraft } from "referwell/refer";
 *
 * const draft = FindingDraft.parse({
 *   code: "language",
 *   urgency: "routine",
 *   summary: "The client prefers care in es; the clinician does not speak it.",
 *   explanation: "You'd like therapy in Spanish, and I can't offer that.",
 *   criteria: { require: { languages: ["es"] } },
 * });
 * draft.evidence; // => []
 * draft.alternatives; // => []
 * ```
 *
 * @example
 * ```ts
 * import { assessReferral, builtInRules, defineReferralRule } from "referwell/refer";
 *
 * // The clinician leaves the practice on 18 December; the client would rather start with someone new after the holidays.
 * const leaving = defineReferralRule({
 *   id: "clinician-leaving",
 *   source: "Practice policy: a departing clinician's clients are referred on",
 *   evaluate: () => ({
 *     findings: [
 *       {
 *         code: "clinician-leaving",
 *         urgency: "soon",
 *         careFrom: "2027-01-04",
 *         cannotContinueFrom: "2026-12-18",
 *         summary: "The clinician leaves the practice on 2026-12-18.",
 *         explanation: "I'm leaving the practice on 18 December, so someone else will carry on your care.",
 *       },
 *     ],
 *   }),
 * });
 *
 * const assessment = assessReferral(
 *   {
 *     client: { id: "cl-21", ageGroup: "adult", residence: { jurisdiction: "US-OR" }, needs: { problemAreas: ["anxiety"] } },
 *     clinician: {
 *       id: "clin-ana",
 *       name: "Ana Ruiz",
 *       discipline: "psychologist",
 *       licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *       problemAreas: ["anxiety"],
 *       populations: ["adults"],
 *       languages: ["en"],
 *       availability: { timeZone: "America/Los_Angeles", slots: [] },
 *       acceptingNewClients: true,
 *       capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
 *     },
 *   },
 *   { now: "2026-11-23", rules: [...builtInRules, leaving] },
 * );
 * assessment.findings.map((finding) => [finding.careFrom, finding.cannotContinueFrom]); // => [["2027-01-04", "2026-12-18"]]
 * // No day is left without a clinician who may see the client: care starts by the day the clinician leaves.
 * assessment.criteria.startDate; // => "2026-12-18"
 * assessment.preparation.find((step) => step.code === "warm-hand-off")?.dueBy; // => "2026-12-18"
 * ```
 */
export const FindingDraft = z.strictObject({
  code: ReasonCode,
  urgency: Urgency,
  date: IsoDate.optional(),
  careFrom: IsoDate.optional(),
  cannotContinueFrom: IsoDate.optional(),
  summary: z.string().min(1).max(2_000),
  explanation: z.string().min(1).max(2_000),
  evidence: z.array(EvidenceItem).max(200).default(emptyList),
  criteria: CriteriaAddition.prefault({}),
  alternatives: z.array(Alternative).max(20).default(emptyList),
});
/** A finding as a rule returns it. */
export type FindingDraft = z.infer<typeof FindingDraft>;

/**
 * A reason to refer: a finding with the rule that made it and that rule's
 * source.
 *
 * @example
 * ```ts
 * import { Finding } from "referwell/refer";
 *
 * const finding = Finding.parse({
 *   code: "impartiality",
 *   rule: "impartiality",
 *   urgency: "soon",
 *   summary: "Declared dual-relationship with clin-chloe, the treating clinician.",
 *   explanation: "Something has changed that means I can't be fully objective in our work together.",
 *   criteria: { require: { excludeClinicianIds: ["clin-chloe"] } },
 *   source: "APA 3.05",
 * });
 * finding.criteria.require.excludeClinicianIds; // => ["clin-chloe"]
 * ```
 */
export const Finding = FindingDraft.extend({
  rule: ReasonCode,
  source: z.string().min(1).max(1_000),
});
/** A reason to refer, with the rule that found it and its source. */
export type Finding = z.infer<typeof Finding>;

/**
 * Something to act on that is no reason to refer, as a rule returns it: a
 * trigger care can continue past (with the ways to continue), or a gap in
 * in-network cover that resumes within the look-ahead, say. `date` is its
 * first day and `until` its last; `alternatives` are the ways to continue
 * or to bridge it. `summary` is for the clinician, `explanation` for the client, in plain
 * words.
 *
 * @example
 * ```ts
 * import { NoticeDraft } from "referwell/refer";
 *
 * const draft = NoticeDraft.parse({
 *   code: "coverage-gap",
 *   date: "2027-01-01",
 *   until: "2027-01-07",
 *   summary: "No in-network cover from 2027-01-01 to 2027-01-07; aetna cover resumes on 2027-01-08.",
 *   explanation: "Your insurance won't cover our sessions from 1 to 7 January 2027.",
 * });
 * draft.alternatives; // => []
 * ```
 */
export const NoticeDraft = z.strictObject({
  code: ReasonCode,
  date: IsoDate.optional(),
  until: IsoDate.optional(),
  summary: z.string().min(1).max(2_000),
  explanation: z.string().min(1).max(2_000),
  evidence: z.array(EvidenceItem).max(200).default(emptyList),
  alternatives: z.array(Alternative).max(20).default(emptyList),
});
/** Something to act on that is no reason to refer, as a rule returns it. */
export type NoticeDraft = z.infer<typeof NoticeDraft>;

/**
 * Something to act on that is no reason to refer, with the rule that noticed
 * it and that rule's source.
 *
 * @example
 * ```ts
 * import { Notice } from "referwell/refer";
 *
 * const notice = Notice.parse({
 *   code: "coverage-gap",
 *   rule: "insurance-changed",
 *   date: "2027-01-01",
 *   until: "2027-01-07",
 *   summary: "No in-network cover from 2027-01-01 to 2027-01-07.",
 *   explanation: "Your insurance won't cover our sessions for one week in January.",
 *   source: "Seed 002",
 * });
 * notice.until; // => "2027-01-07"
 * ```
 */
export const Notice = NoticeDraft.extend({
  rule: ReasonCode,
  source: z.string().min(1).max(1_000),
});
/** Something to act on that is no reason to refer. */
export type Notice = z.infer<typeof Notice>;

/**
 * A rule that could not run, or ran only in part, and the facts it needs:
 * named as input paths (`client.maxSelfPay`, `clinician.fee`) or as
 * `measurements:<instrument>`, `measurements:outcome`,
 * `measurements:alliance` and `sessions`. A rule that ran in part may also
 * have findings (a client who reported hardship, whose self-pay maximum is
 * not known).
 *
 * @example
 * ```ts
 * import { Unevaluated } from "referwell/refer";
 *
 * Unevaluated.parse({ rule: "cannot-afford", needs: ["client.maxSelfPay"] }).needs; // => ["client.maxSelfPay"]
 * ```
 */
export const Unevaluated = z.strictObject({
  rule: ReasonCode,
  needs: z.array(z.string().min(1).max(200)).min(1).max(50),
});
/** A rule that could not run, and the facts it needs. */
export type Unevaluated = z.infer<typeof Unevaluated>;

/**
 * One step to take with the client before and during the hand-off, with its
 * source and, when a date bounds it, the day it is due.
 *
 * @example
 * ```ts
 * import { PreparationStep } from "referwell/refer";
 *
 * PreparationStep.parse({ code: "warm-hand-off", summary: "Introduce the client to the new clinician.", source: "ACA A.11.d" }).code;
 * // => "warm-hand-off"
 * ```
 */
export const PreparationStep = z.strictObject({
  code: ReasonCode,
  summary: z.string().min(1).max(2_000),
  source: z.string().min(1).max(1_000),
  dueBy: IsoDate.optional(),
});
/** One step to take with the client. */
export type PreparationStep = z.infer<typeof PreparationStep>;

/**
 * How many options the matcher should offer (seed 002: give options), in the
 * matcher's own terms, so a host passes it to `referwell/match` as it is
 * (`rank(request, { now, recommendation: assessment.options })`; `source` is
 * ignored there): at least `minimumOptions`, `preferredOptions` when that
 * many fit, and only one when the best option's match score leads the next
 * by at least `margin`, an absolute lead on the matcher's 0–1 scale (best −
 * next ≥ margin), as the matcher reads it.
 *
 * @example
 * ```ts
 * import { OptionsPolicy } from "referwell/refer";
 *
 * OptionsPolicy.parse({ minimumOptions: 2, preferredOptions: 3, margin: 0.1, source: "seed 002" }).preferredOptions; // => 3
 * ```
 */
export const OptionsPolicy = z.strictObject({
  minimumOptions: z.number().int().min(1).max(20),
  preferredOptions: z.number().int().min(1).max(20),
  margin: z.number().min(0).max(1),
  source: z.string().min(1).max(1_000),
});
/** How many options to offer, and when one is enough. */
export type OptionsPolicy = z.infer<typeof OptionsPolicy>;

/**
 * How a series of scores moved, from baseline to the latest: `recovered`
 * (a reliable improvement that leaves the clinical range), `improved`,
 * `no-reliable-change` or `deteriorated` (a reliable worsening from
 * baseline, or from the best score of the series: a relapse).
 *
 * @example
 * ```ts
 * import { ProgressClass } from "referwell/refer";
 *
 * ProgressClass.options; // => ["recovered", "improved", "no-reliable-change", "deteriorated"]
 * ```
 */
export const ProgressClass = z.enum(["recovered", "improved", "no-reliable-change", "deteriorated"]);
/** How a series of scores moved. */
export type ProgressClass = z.infer<typeof ProgressClass>;

/**
 * The reliable change between two scores: the raw change (post − pre), the
 * Jacobson–Truax index when the instrument gives SD and reliability, whether
 * the change is reliable, and its direction as the instrument reads it.
 *
 * @example
 * ```ts
 * import { ReliableChange } from "referwell/refer";
 *
 * ReliableChange.parse({ change: -7, reliable: true, outcome: "improved" }).outcome; // => "improved"
 * ```
 */
export const ReliableChange = z.strictObject({
  change: z.number(),
  index: z.number().optional(),
  reliable: z.boolean(),
  outcome: z.enum(["improved", "no-reliable-change", "deteriorated"]),
});
/** The reliable change between two scores. */
export type ReliableChange = z.infer<typeof ReliableChange>;

/**
 * One score on one day.
 *
 * @example
 * ```ts
 * import { Score } from "referwell/refer";
 *
 * Score.parse({ date: "2026-06-02", score: 16 }).score; // => 16
 * ```
 */
export const Score = z.strictObject({ date: IsoDate, score: z.number() });
/** One score on one day. */
export type Score = z.infer<typeof Score>;

/**
 * Measured progress on one instrument: baseline and latest (same-day scores
 * averaged), the best day of the series (the latest day with the best
 * score), how many measured sessions and whole weeks lie between baseline
 * and latest, the reliable change from baseline (`change`) and from the best
 * (`sinceBest`: a relapse when it is a reliable worsening), the
 * classification, and whether baseline and latest are in the clinical range
 * (when the instrument has a cutoff).
 *
 * @example
 * ```ts
 * import { ProgressSummary } from "referwell/refer";
 *
 * const summary = ProgressSummary.parse({
 *   instrument: "GAD-7",
 *   baseline: { date: "2026-04-14", score: 13 },
 *   latest: { date: "2026-07-07", score: 4 },
 *   best: { date: "2026-07-07", score: 4 },
 *   sessions: 7,
 *   weeks: 12,
 *   change: { change: -9, reliable: true, outcome: "improved" },
 *   sinceBest: { change: 0, reliable: false, outcome: "no-reliable-change" },
 *   classification: "recovered",
 *   caseness: { baseline: true, latest: false },
 * });
 * summary.classification; // => "recovered"
 * ```
 */
export const ProgressSummary = z.strictObject({
  instrument: Id,
  baseline: Score,
  latest: Score,
  best: Score,
  sessions: z.number().int().min(2),
  weeks: z.number().int().min(0),
  change: ReliableChange,
  sinceBest: ReliableChange,
  classification: ProgressClass,
  caseness: z.strictObject({ baseline: z.boolean(), latest: z.boolean() }).optional(),
});
/** Measured progress on one instrument. */
export type ProgressSummary = z.infer<typeof ProgressSummary>;

/**
 * One signal the safety check read, never free text: a risk item's score
 * (`risk-item`: instrument, item number, day and value), a risk rating
 * (`risk-flag`: its source, day and rating) or a need that is a risk
 * (`risk-need`: its vocabulary code). `level` is the safety level the
 * signal calls for; `open` is false when a later clinician rating answered
 * it (see `SafetyPolicy.ratingAnswersScreens`).
 *
 * @example
 * ```ts
 * import { SafetyEvidence } from "referwell/refer";
 *
 * const signal = SafetyEvidence.parse({ kind: "risk-item", instrument: "PHQ-9", item: 9, date: "2026-11-17", value: 2, level: "urgent-review", open: true });
 * signal.kind === "risk-item" && signal.item; // => 9
 * ```
 */
export const SafetyEvidence = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("risk-item"),
    instrument: Id,
    item: z.number().int().min(1),
    date: IsoDate,
    value: z.number(),
    level: SafetyLevel,
    open: z.boolean(),
  }),
  z.strictObject({
    kind: z.literal("risk-flag"),
    source: RiskFlag.shape.source,
    date: IsoDate,
    rating: RiskFlag.shape.level,
    level: SafetyLevel,
    open: z.boolean(),
  }),
  z.strictObject({ kind: z.literal("risk-need"), need: Tag, level: SafetyLevel, open: z.boolean() }),
]);
/** One signal the safety check read. */
export type SafetyEvidence = z.infer<typeof SafetyEvidence>;

/**
 * One thing to do for the client's safety, with its source, and for
 * emergency services the numbers for the client's jurisdiction.
 *
 * @example
 * ```ts
 * import { SafetyAction } from "referwell/refer";
 *
 * SafetyAction.parse({ code: "safety-plan", summary: "Make a safety plan with the client.", source: "Stanley & Brown 2012" }).contacts; // => []
 * ```
 */
export const SafetyAction = z.strictObject({
  code: ReasonCode,
  summary: z.string().min(1).max(2_000),
  source: z.string().min(1).max(1_000),
  contacts: z.array(EmergencyContact).max(40).default(emptyList),
});
/** One thing to do for the client's safety. */
export type SafetyAction = z.infer<typeof SafetyAction>;

/**
 * Progress on a depression and an anxiety measure read together, as NHS
 * Talking Therapies does when both are present (PHQ-9 with GAD-7, or an
 * anxiety-disorder-specific measure the host names in
 * `policy.progress.paired`): a case at baseline when either measure is in
 * its clinical range; `recovery` when a case at baseline is below caseness
 * on both at the latest; `reliableImprovement` when one measure improved
 * reliably and the other did not worsen reliably; `reliableDeterioration`
 * when one worsened reliably and the other did not improve reliably;
 * `reliableRecovery` when both recovery and reliable improvement hold. The
 * single-measure readings stay in `progress`.
 *
 * @example
 * ```ts
 * import { PairedProgress } from "referwell/refer";
 *
 * PairedProgress.shape.classification.options;
 * // => ["reliable-recovery", "recovery", "reliable-improvement", "no-reliable-change", "reliable-deterioration"]
 * ```
 */
export const PairedProgress = z.strictObject({
  depression: Id,
  anxiety: Id,
  caseness: z.strictObject({ baseline: z.boolean(), latest: z.boolean() }),
  recovery: z.boolean(),
  reliableImprovement: z.boolean(),
  reliableDeterioration: z.boolean(),
  reliableRecovery: z.boolean(),
  classification: z.enum(["reliable-recovery", "recovery", "reliable-improvement", "no-reliable-change", "reliable-deterioration"]),
  source: z.string().min(1).max(1_000),
});
/** Progress on a depression and an anxiety measure read together. */
export type PairedProgress = z.infer<typeof PairedProgress>;

/**
 * The safety section of an assessment, read before anything else: the
 * `level` (the highest of the open signals, and never below the
 * clinician's latest rating), the `evidence`, the `actions` for that level,
 * whether a referral's hand-off is on hold (`holdsHandOff`: risk is open and
 * a referral stands; continue care and assess risk first), and `needs`:
 * what the check could not see (`measurements:PHQ-9.items` when the latest
 * PHQ-9 came without item scores; `policy.safety.emergencyContacts` when no
 * numbers are known for the client's jurisdiction).
 *
 * referwell is not a risk-assessment tool: it reads the signals a host
 * records, and a clinician's judgement always stands above it.
 *
 * @example
 * ```ts
 * import { Safety } from "referwell/refer";
 *
 * Safety.parse({ level: "none", evidence: [], actions: [], holdsHandOff: false, needs: [] }).level; // => "none"
 * ```
 */
export const Safety = z.strictObject({
  level: SafetyLevel,
  evidence: z.array(SafetyEvidence),
  actions: z.array(SafetyAction),
  holdsHandOff: z.boolean(),
  needs: z.array(z.string().min(1).max(200)),
});
/** The safety section of an assessment. */
export type Safety = z.infer<typeof Safety>;

/**
 * Whether to refer a client, why, how urgently, and what the receiving
 * clinician must offer, after the `safety` section, which comes first (see
 * {@link Safety}: while risk is open, a referral's hand-off waits). `refer` is true when any finding stands; where a
 * finding lists alternatives, offer them first or beside the referral.
 * `urgency` is the highest of the findings' (`routine` with none).
 * `notices` are things to act on that are no reason to refer, each with
 * its alternatives: a trigger care can continue past (a move the clinician
 * can follow, a way to keep paying), a short gap in in-network cover,
 * continuity of care when the clinician leaves a network, a good faith
 * estimate when the client may pay directly.
 * `criteria` is what `referwell/match` needs, as it accepts it; `options`
 * says how many options to present. `unknownTags` are the case's tags that
 * no vocabulary knows (a misspelled need, say, which would match only the
 * same spelling), by path from the case (`["client", "needs",
 * "problemAreas", 0]`, `["clinician", "modalities", 2]`), never by value.
 *
 * @example
 * ```ts
 * import { ReferralAssessment } from "referwell/refer";
 *
 * ReferralAssessment.shape.urgency.options; // => ["routine", "soon", "urgent"]
 * ```
 */
export const ReferralAssessment = z.strictObject({
  safety: Safety,
  clientId: Id,
  clinicianId: Id,
  asOf: IsoDate,
  refer: z.boolean(),
  urgency: Urgency,
  findings: z.array(Finding),
  notices: z.array(Notice),
  criteria: MatchCriteria,
  options: OptionsPolicy,
  preparation: z.array(PreparationStep),
  unevaluated: z.array(Unevaluated),
  progress: z.array(ProgressSummary),
  pairedProgress: PairedProgress.optional(),
  unknownTags: z.array(UnknownTag),
});
/** Whether to refer a client, why, how urgently, and to whom. */
export type ReferralAssessment = z.infer<typeof ReferralAssessment>;

/**
 * What a panel exit means for the clients in care. `referrals`: the clients
 * who must be referred, because no other way of paying is known to work,
 * each with the payers they lose and a full assessment whose criteria ask
 * for those panels (seed 002: choose from the panel you are leaving).
 * `continuing`: the clients who can stay, each with the payers whose
 * network they leave, the `ways` to continue (self-pay within their stated
 * maximum, the practice's sliding scale, out-of-network benefits, a
 * Medicare private contract) and the `notices` to act on (the exit itself,
 * continuity of care under the No Surprises Act, a good faith estimate).
 * A client is in one list or the other, never both.
 *
 * @example
 * ```ts
 * import { PanelExitResult } from "referwell/refer";
 *
 * PanelExitResult.parse({ date: "2027-01-01", selfPay: false, referrals: [] }).referrals; // => []
 * const result = PanelExitResult.parse({
 *   date: "2027-01-01",
 *   selfPay: false,
 *   referrals: [],
 *   continuing: [
 *     {
 *       clientId: "cl-21",
 *       clinicianId: "clin-hana",
 *       payerIds: ["aetna"],
 *       ways: [{ kind: "self-pay", summary: "Continue as self-pay.", explanation: "You could pay for sessions yourself.", amount: { currency: "USD", minorUnits: 15000 } }],
 *       notices: [],
 *     },
 *   ],
 * });
 * result.continuing.map((entry) => [entry.clientId, entry.ways.map((way) => way.kind)]); // => [["cl-21", ["self-pay"]]]
 * ```
 */
export const PanelExitResult = z.strictObject({
  date: IsoDate,
  selfPay: z.boolean(),
  referrals: z.array(
    z.strictObject({
      clientId: Id,
      clinicianId: Id,
      payerIds: z.array(Id),
      assessment: ReferralAssessment,
    }),
  ),
  continuing: z
    .array(
      z.strictObject({
        clientId: Id,
        clinicianId: Id,
        payerIds: z.array(Id),
        ways: z.array(Alternative),
        notices: z.array(Notice),
      }),
    )
    .default(emptyList),
});
/** The clients a panel exit affects: those to refer, each with an assessment, and those who can continue, and how. */
export type PanelExitResult = z.infer<typeof PanelExitResult>;

/**
 * The inputs of `referwell/relationships`: the events a host stores, the
 * policy with its documented defaults, outbound referrals and network goals.
 *
 * @module
 */
import * as z from "zod";
import { ReferrerKind } from "../model/enums.js";
import { Id, IsoDate } from "../model/scalars.js";
import { Tag } from "../model/defaultVocabulary.js";
import { Delay, Interval, withDefault } from "../model/internal/intervalSchemas.js";

/**
 * Ways to stay in touch (seeds 000 and 003: coffee, lunch, an article, a
 * question about a case, a progress note on a mutual client with consent;
 * seed 004: case conferences and MDTs, talks). `thank-you` records that a
 * referral was thanked; `practice-overview` that the referrer was told about
 * the whole team.
 *
 * @example
 * ```ts
 * import { TouchKind } from "referwell/relationships";
 *
 * TouchKind.options.includes("case-conference"); // => true
 * ```
 */
export const TouchKind = z.enum([
  "coffee",
  "lunch",
  "article-shared",
  "call",
  "email",
  "consult",
  "case-conference",
  "talk-given",
  "progress-note-sent",
  "thank-you",
  "practice-overview",
]);
/** A way to stay in touch. */
export type TouchKind = z.infer<typeof TouchKind>;

const base = {
  id: Id,
  date: IsoDate,
  /** The practice's clinician who acted (or, for a referral in, who received it). */
  clinicianId: Id,
  referrerId: Id,
};

/**
 * One thing that happened in a referrer relationship, as the host stores
 * it. `referral-received` says to whom the referrer addressed it: the point
 * person, a named colleague (then `clinicianId` is that colleague), or the
 * practice as a whole (seed 001's third stage).
 *
 * @example
 * ```ts
 * import { RelationshipEvent } from "referwell/relationships";
 *
 * const event = RelationshipEvent.parse({
 *   id: "ev-1",
 *   date: "2026-11-18",
 *   type: "referral-received",
 *   clinicianId: "clin-ana",
 *   referrerId: "ref-gp-01",
 *   addressedTo: "practice",
 * });
 * event.type; // => "referral-received"
 * ```
 */
export const RelationshipEvent = z.discriminatedUnion("type", [
  z.strictObject({ ...base, type: z.literal("outreach-sent") }),
  z.strictObject({ ...base, type: z.literal("meeting-held"), fit: z.boolean() }),
  z.strictObject({ ...base, type: z.literal("touch"), kind: TouchKind }),
  z.strictObject({ ...base, type: z.literal("referral-received"), addressedTo: z.enum(["point-person", "colleague", "practice"]) }),
  z.strictObject({ ...base, type: z.literal("referral-sent") }),
  z.strictObject({ ...base, type: z.literal("colleague-introduced"), colleagueId: Id }),
  z.strictObject({ ...base, type: z.literal("point-person-changed"), to: Id }),
  z.strictObject({
    ...base,
    type: z.literal("relationship-closed"),
    reason: z.enum(["not-a-fit", "moved", "retired", "other"]).default("other"),
  }),
  z.strictObject({ ...base, type: z.literal("relationship-revived") }),
  z
    .strictObject({ ...base, type: z.literal("snoozed"), until: IsoDate.optional(), for: Interval.optional() })
    .refine((event) => (event.until === undefined) !== (event.for === undefined), { error: "exactly-one-required", path: ["until"] }),
]);
/** One thing that happened in a referrer relationship. */
export type RelationshipEvent = z.infer<typeof RelationshipEvent>;
/** {@link RelationshipEvent} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type RelationshipEventInput = z.input<typeof RelationshipEvent>;

/**
 * How relationships are read, each rule with its documented default and
 * source. Seed 001: stage 2 when the referrer tries colleagues, stage 3 when
 * they refer to the practice as a whole (or, as a policy, to many
 * colleagues); seed 003: nurture every two months; seed 002: follow up after
 * a meeting.
 *
 * - `stage2ColleagueReferrals` (1): referrals received by colleagues of the point person that mark stage 2.
 * - `stage3OnPracticeReferral` (true): a referral addressed to the practice as a whole marks stage 3.
 * - `stage3DistinctColleagues` (3): distinct colleagues who received referrals that also mark stage 3.
 * - `allowFallback` (false): whether a dormant relationship falls back to stage 1.
 * - `dormantAfterDays` (180): no qualifying activity for this long makes a relationship dormant.
 * - `activeWithinDays` (180): a referral received this recently makes a relationship active.
 * - `thankWithinDays` (2), `followUpAfterMeetingDays` (7), `outreachFollowUpDays` (14): when those actions fall due;
 *   the seeds say to thank (000) and follow up (002), the days are referwell's defaults.
 * - `nurtureEveryDays` (`{ months: 2 }`): every two months, as seed 003 says it: calendar months, not 60 days.
 *
 * Each delay and interval takes days (a bare number, or `{ days }`), `{ weeks }` or calendar `{ months }`
 * (31 January + 1 month is 28 or 29 February, as date-fns `addMonths` has it).
 * - `introduceColleagueAfterReferrals` (2): referrals to the point person before suggesting an introduction; seed 001
 *   has the point person introduce colleagues, the count is referwell's default.
 *
 * @example
 * ```ts
 * import { RelationshipPolicy } from "referwell/relationships";
 *
 * RelationshipPolicy.parse({}).nurtureEveryDays; // => { months: 2 }
 * RelationshipPolicy.parse({ followUpAfterMeetingDays: { weeks: 1 } }).followUpAfterMeetingDays; // => { weeks: 1 }
 * ```
 */
export const RelationshipPolicy = z.strictObject({
  stage2ColleagueReferrals: z.number().int().min(1).max(100).default(1),
  stage3OnPracticeReferral: z.boolean().default(true),
  stage3DistinctColleagues: z.number().int().min(1).max(100).default(3),
  allowFallback: z.boolean().default(false),
  dormantAfterDays: z.number().int().min(1).max(3_650).default(180),
  activeWithinDays: z.number().int().min(1).max(3_650).default(180),
  thankWithinDays: withDefault(Delay, 2),
  followUpAfterMeetingDays: withDefault(Delay, 7),
  outreachFollowUpDays: withDefault(Delay, 14),
  nurtureEveryDays: withDefault(Interval, { months: 2 }),
  introduceColleagueAfterReferrals: z.number().int().min(1).max(100).default(2),
});
/** How relationships are read. */
export type RelationshipPolicy = z.infer<typeof RelationshipPolicy>;
/** {@link RelationshipPolicy} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type RelationshipPolicyInput = z.input<typeof RelationshipPolicy>;

/**
 * A referral the practice sent out to another discipline, whether or not
 * there is a relationship there; the raw material of lateral opportunities
 * (seed 004).
 *
 * @example
 * ```ts
 * import { OutboundReferral } from "referwell/relationships";
 *
 * OutboundReferral.parse({ id: "out-1", date: "2026-09-15", clinicianId: "clin-elif", discipline: "dietitian" }).discipline; // => "dietitian"
 * ```
 */
export const OutboundReferral = z.strictObject({
  id: Id,
  date: IsoDate,
  clinicianId: Id,
  discipline: Tag,
  referrerId: Id.optional(),
});
/** A referral the practice sent out. */
export type OutboundReferral = z.infer<typeof OutboundReferral>;
/** {@link OutboundReferral} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type OutboundReferralInput = z.input<typeof OutboundReferral>;

/**
 * What the practice wants its network to look like (seed 003: ten
 * therapists in distinct other specialties, one or two busy same-specialty
 * therapists, the health professionals who see the ideal client, a peer
 * group and a case-study group; seed 002: a monthly goal of new meetings).
 * `healthProfessionalKinds` names the kinds that see this practice's ideal
 * client. `monthlyNewMeetings` (2) is a default of this library; the seed
 * asks for a goal without naming one.
 *
 * @example
 * ```ts
 * import { NetworkGoals } from "referwell/relationships";
 *
 * const goals = NetworkGoals.parse({});
 * goals.otherSpecialtyTherapists; // => 10
 * goals.healthProfessionalKinds; // => ["gp", "paediatrician", "gynaecologist", "psychiatrist"]
 * ```
 */
export const NetworkGoals = z.strictObject({
  otherSpecialtyTherapists: z.number().int().min(0).max(1_000).default(10),
  sameSpecialtyTherapists: z
    .strictObject({ min: z.number().int().min(0).max(100), max: z.number().int().min(0).max(100) })
    .prefault({ min: 1, max: 2 }),
  healthProfessionalKinds: z
    .array(ReferrerKind)
    .max(20)
    .default((): ReferrerKind[] => ["gp", "paediatrician", "gynaecologist", "psychiatrist"]),
  peerGroups: z.number().int().min(0).max(100).default(1),
  caseStudyGroups: z.number().int().min(0).max(100).default(1),
  monthlyNewMeetings: z.number().int().min(0).max(1_000).default(2),
});
/** What the practice wants its network to look like. */
export type NetworkGoals = z.infer<typeof NetworkGoals>;
/** {@link NetworkGoals} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type NetworkGoalsInput = z.input<typeof NetworkGoals>;

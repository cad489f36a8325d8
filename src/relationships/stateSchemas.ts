/**
 * The state of one referrer relationship: what folding its events gives.
 * Plain JSON, a schema so that a stored state can be validated when it comes
 * back.
 *
 * @module
 */
import * as z from "zod";
import { ReferrerKind } from "../model/enums.js";
import { Id, IsoDate } from "../model/scalars.js";
import { RelationshipEvent, RelationshipPolicy } from "./schemas.js";

/**
 * Where a relationship is: seed 003's first meeting is a fit check; seed 002
 * and 003 nurture what fits; a relationship with no qualifying activity for a
 * while is dormant and can be revived; one that is not a fit is closed.
 *
 * @example
 * ```ts
 * import { Lifecycle } from "referwell/relationships";
 *
 * Lifecycle.options; // => ["prospect", "contacted", "met", "nurturing", "active", "dormant", "closed"]
 * ```
 */
export const Lifecycle = z.enum(["prospect", "contacted", "met", "nurturing", "active", "dormant", "closed"]);
/** Where a relationship is. */
export type Lifecycle = z.infer<typeof Lifecycle>;

/**
 * Seed 004's kinds of collaboration: `obvious` (they refer to you),
 * `competition` (a therapist in your own specialty), `knowledge-for-referrals`
 * (you give consults, talks or case conferences), `lateral` (you refer to
 * them, they have not referred yet), or `emerging` (none of these yet).
 *
 * @example
 * ```ts
 * import { Collaboration } from "referwell/relationships";
 *
 * Collaboration.options.length; // => 5
 * ```
 */
export const Collaboration = z.enum(["obvious", "competition", "knowledge-for-referrals", "lateral", "emerging"]);
/** A kind of collaboration. */
export type Collaboration = z.infer<typeof Collaboration>;

const date = IsoDate.nullable();

/** The most events one relationship holds. */
export const MAX_EVENTS = 100_000;

/**
 * The state of one referrer relationship on a day (`asOf`). It keeps its own
 * events (deduplicated by id, in date then id order), so a new event can be
 * applied without the host's store, in any order.
 *
 * @example
 * ```ts
 * import { relationshipState, RelationshipState } from "referwell/relationships";
 *
 * const state = relationshipState([], { now: "2026-11-23", referrerId: "ref-1" });
 * RelationshipState.parse(JSON.parse(JSON.stringify(state))).lifecycle; // => "prospect"
 * ```
 */
export const RelationshipState = z.strictObject({
  referrerId: Id,
  referrerKind: ReferrerKind.nullable(),
  asOf: IsoDate,
  policy: RelationshipPolicy,
  events: z.array(RelationshipEvent).max(MAX_EVENTS),
  lifecycle: Lifecycle,
  lifecycleSince: date,
  stage: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  stageEvidence: z.array(
    z.strictObject({
      stage: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      eventId: Id,
      date: IsoDate,
      reason: z.enum(["first-referral", "referral-to-colleague", "colleague-breadth", "referral-to-practice", "fell-back"]),
    }),
  ),
  daysInStage: z.strictObject({ 1: z.number().int().min(0), 2: z.number().int().min(0), 3: z.number().int().min(0) }),
  pointPersonId: Id.nullable(),
  colleaguesUsed: z.array(Id),
  colleaguesIntroduced: z.array(Id),
  fit: z.boolean().nullable(),
  counts: z.strictObject({
    outreach: z.number().int().min(0),
    meetings: z.number().int().min(0),
    touches: z.number().int().min(0),
    referralsIn: z.number().int().min(0),
    referralsOut: z.number().int().min(0),
    referralsToPointPerson: z.number().int().min(0),
    referralsToColleagues: z.number().int().min(0),
    referralsToPractice: z.number().int().min(0),
    knowledgeTouches: z.number().int().min(0),
  }),
  dates: z.strictObject({
    firstContact: date,
    firstMeeting: date,
    nurturingSince: date,
    lastRevived: date,
    lastMeeting: date,
    lastTouch: date,
    lastReferralIn: date,
    lastReferralOut: date,
    lastThankYou: date,
    lastActivity: date,
  }),
  closed: z.strictObject({ date: IsoDate, reason: z.enum(["not-a-fit", "moved", "retired", "other"]) }).nullable(),
  snoozedUntil: date,
  collaboration: Collaboration,
  signals: z.strictObject({
    recencyDays: z.number().int().nullable(),
    breadth: z.number().int().min(0),
    conversion: z.number().min(0).nullable(),
    reciprocity: z.enum(["mutual", "they-refer", "we-refer", "none"]),
  }),
});
/** The state of one referrer relationship. */
export type RelationshipState = z.infer<typeof RelationshipState>;
/** {@link RelationshipState} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type RelationshipStateInput = z.input<typeof RelationshipState>;

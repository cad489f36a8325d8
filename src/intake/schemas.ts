/**
 * The records of closed-loop referrals: what happened to each referral the
 * practice received or sent, as events the host stores, and the policy that
 * reads them.
 *
 * @module
 */
import * as z from "zod";
import { Tag } from "../model/defaultVocabulary.js";
import { MatchCriteria } from "../model/criteria.js";
import { Urgency, Weekday } from "../model/enums.js";
import { emptyList } from "../model/internal/emptyList.js";
import { NowOptions } from "../model/now.js";
import { Id, IsoDate, Period } from "../model/scalars.js";

const base = {
  /** The event's own id: an event stored twice counts once; two different events may not share one. */
  id: Id,
  /** The referral it belongs to. */
  referralId: Id,
  /** The day it happened. */
  date: IsoDate,
};

/**
 * A milestone of an inbound referral that the referrer is owed word of
 * (seed 000: thank them and keep them informed): the referral came in, the
 * client was seen, or the practice could not take them (declined by the
 * client, not a fit, redirected).
 *
 * @example
 * ```ts
 * import { LoopMilestone } from "referwell/intake";
 *
 * LoopMilestone.options; // => ["received", "first-visit", "declined", "not-a-fit", "redirected"]
 * ```
 */
export const LoopMilestone = z.enum(["received", "first-visit", "declined", "not-a-fit", "redirected"]);
/** A milestone the referrer is owed word of. */
export type LoopMilestone = z.infer<typeof LoopMilestone>;

/**
 * One thing that happened to a referral the practice received, as the host
 * stores it:
 *
 * - `received`: from `referrerId`, addressed to the point person, a
 *   colleague or the practice (`clinicianId` is the clinician who took it
 *   in), with its urgency and the client's needs as tags;
 * - `contact-attempted` (by `channel`), `contacted`: reaching the client;
 * - `scheduled`: a first appointment with `clinicianId` on `appointmentDate`;
 * - `first-visit-attended`, `no-show`;
 * - `waitlisted`: no place yet; the client waits;
 * - `declined`: the client declined, with a reason code;
 * - `not-a-fit`: the practice cannot meet the needs, with the hard
 *   constraints that failed (as `referwell/match` names them);
 * - `redirected`: passed to a colleague (`inside`) or to someone outside;
 * - `referrer-updated`: the referrer was told of a milestone;
 * - `closed`.
 *
 * Events carry no free text: a reason is a code.
 *
 * @example
 * ```ts
 * import { InboundEvent } from "referwell/intake";
 *
 * const event = InboundEvent.parse({
 *   id: "in-1",
 *   referralId: "rf-1",
 *   date: "2026-11-23",
 *   type: "received",
 *   referrerId: "ref-gp-01",
 *   addressedTo: "practice",
 *   clinicianId: "clin-ana",
 *   urgency: "routine",
 *   needs: ["depression"],
 * });
 * event.type; // => "received"
 * ```
 */
export const InboundEvent = z.discriminatedUnion("type", [
  z.strictObject({
    ...base,
    type: z.literal("received"),
    referrerId: Id,
    addressedTo: z.enum(["point-person", "colleague", "practice"]),
    clinicianId: Id,
    urgency: Urgency,
    needs: z.array(Tag).max(50).default(emptyList),
  }),
  z.strictObject({ ...base, type: z.literal("contact-attempted"), channel: z.enum(["phone", "email", "text", "letter", "portal"]) }),
  z.strictObject({ ...base, type: z.literal("contacted") }),
  z.strictObject({ ...base, type: z.literal("waitlisted") }),
  z.strictObject({ ...base, type: z.literal("scheduled"), clinicianId: Id, appointmentDate: IsoDate }),
  z.strictObject({ ...base, type: z.literal("no-show") }),
  z.strictObject({ ...base, type: z.literal("first-visit-attended") }),
  z.strictObject({
    ...base,
    type: z.literal("declined"),
    reason: z.enum(["cost", "timing", "location", "chose-elsewhere", "no-longer-needed", "no-response", "other"]),
  }),
  z.strictObject({ ...base, type: z.literal("not-a-fit"), failed: z.array(Tag).max(30).default(emptyList) }),
  z.strictObject({ ...base, type: z.literal("redirected"), to: z.enum(["inside", "outside"]), clinicianId: Id.optional() }),
  z.strictObject({ ...base, type: z.literal("referrer-updated"), milestone: LoopMilestone }),
  z.strictObject({ ...base, type: z.literal("closed") }),
]);
/** One thing that happened to an inbound referral. */
export type InboundEvent = z.infer<typeof InboundEvent>;
/** {@link InboundEvent} as a caller writes it, before defaults are filled in. */
export type InboundEventInput = z.input<typeof InboundEvent>;

/**
 * One thing that happened to a referral the practice sent out: `sent` to a
 * clinician (with how many options the client was given: seed 002, give
 * options), `accepted` by them, `client-connected` (the client's first visit
 * with them: only then is a warm hand-off complete), `declined-by-receiver`,
 * `client-declined`, `receiver-thanked`, `closed`.
 *
 * @example
 * ```ts
 * import { OutboundEvent } from "referwell/intake";
 *
 * const event = OutboundEvent.parse({
 *   id: "out-1",
 *   referralId: "rf-9",
 *   date: "2026-11-23",
 *   type: "sent",
 *   clinicianId: "clin-ana",
 *   toClinicianId: "clin-osei",
 *   optionsGiven: 2,
 * });
 * event.type === "sent" && event.optionsGiven; // => 2
 * ```
 */
export const OutboundEvent = z.discriminatedUnion("type", [
  z.strictObject({
    ...base,
    type: z.literal("sent"),
    /** The practice's clinician who referred. */
    clinicianId: Id,
    toClinicianId: Id,
    toPracticeId: Id.optional(),
    /** The receiver as a referrer in the practice's network, when they are one. */
    referrerId: Id.optional(),
    optionsGiven: z.number().int().min(1).max(20),
  }),
  z.strictObject({ ...base, type: z.literal("accepted") }),
  z.strictObject({ ...base, type: z.literal("client-connected") }),
  z.strictObject({ ...base, type: z.literal("declined-by-receiver") }),
  z.strictObject({ ...base, type: z.literal("client-declined") }),
  z.strictObject({ ...base, type: z.literal("receiver-thanked") }),
  z.strictObject({ ...base, type: z.literal("closed") }),
]);
/** One thing that happened to an outbound referral. */
export type OutboundEvent = z.infer<typeof OutboundEvent>;
/** {@link OutboundEvent} as a caller writes it. */
export type OutboundEventInput = z.input<typeof OutboundEvent>;

const businessDays = (value: number) =>
  z
    .number()
    .int()
    .min(0)
    .max(260)
    .default(() => value);

/**
 * The time standards, in business days (working days that are not
 * holidays), counted from the day after the event that starts the clock.
 *
 * - `firstContact` (urgent 1, soon 1, routine 2): from receipt to reaching
 *   the client. referwell's defaults: no access standard sets a time to
 *   first contact.
 * - `firstAppointment` (urgent 2, soon 5, routine 10): from receipt to the
 *   date of the first appointment offered. Urgent and routine follow the
 *   behavioural-health access standards of NCQA Health Plan Accreditation
 *   (urgent care within 48 hours; an initial routine visit within 10
 *   business days), read as business days; `soon` is referwell's default.
 * - `referrerUpdate` (2): from a milestone to word to the referrer;
 *   referwell's default (seed 000 says to thank and inform, not when).
 * - `checkConnected` (10): from sending a client out to checking they got
 *   there; referwell's default.
 * - `thankReceiver` (2): from the receiver accepting to thanking them;
 *   referwell's default.
 *
 * @example
 * ```ts
 * import { IntakePolicy } from "referwell/intake";
 *
 * IntakePolicy.parse({}).firstAppointment; // => { urgent: 2, soon: 5, routine: 10 }
 * ```
 */
export const IntakePolicy = z.strictObject({
  firstContact: z.strictObject({ urgent: businessDays(1), soon: businessDays(1), routine: businessDays(2) }).prefault({}),
  firstAppointment: z.strictObject({ urgent: businessDays(2), soon: businessDays(5), routine: businessDays(10) }).prefault({}),
  referrerUpdate: businessDays(2),
  checkConnected: businessDays(10),
  thankReceiver: businessDays(2),
});
/** The time standards an intake is read against. */
export type IntakePolicy = z.infer<typeof IntakePolicy>;
/** {@link IntakePolicy} as a caller writes it. */
export type IntakePolicyInput = z.input<typeof IntakePolicy>;

/**
 * The options of {@link referralStatus} and {@link outboundStatus}: `now`
 * (and `timeZone`), the policy, and the practice's working calendar, as the
 * cadence planner takes it: working weekdays (Monday to Friday by default)
 * and holidays, dates the host passes in.
 *
 * @example
 * ```ts
 * import { IntakeOptions } from "referwell/intake";
 *
 * IntakeOptions.parse({ now: "2026-11-23" }).workingDays; // => ["mon", "tue", "wed", "thu", "fri"]
 * ```
 */
export const IntakeOptions = z.strictObject({
  ...NowOptions.shape,
  policy: IntakePolicy.prefault({}),
  workingDays: z
    .array(Weekday)
    .min(1)
    .max(7)
    .default((): Weekday[] => ["mon", "tue", "wed", "thu", "fri"]),
  holidays: z.array(IsoDate).max(10_000).default(emptyList),
});
/** Options of the intake readers. */
export type IntakeOptions = z.infer<typeof IntakeOptions>;
/** {@link IntakeOptions} as a caller writes it. */
export type IntakeOptionsInput = z.input<typeof IntakeOptions>;

/**
 * The referrals {@link intakeMeasures} reads: the events of each inbound
 * referral, one list per referral, and likewise for outbound referrals.
 *
 * @example
 * ```ts
 * import { IntakeRecords } from "referwell/intake";
 *
 * IntakeRecords.parse({}); // => { inbound: [], outbound: [] }
 * ```
 */
export const IntakeRecords = z.strictObject({
  inbound: z.array(z.array(InboundEvent).min(1).max(10_000)).max(100_000).default(emptyList),
  outbound: z.array(z.array(OutboundEvent).min(1).max(10_000)).max(100_000).default(emptyList),
});
/** The referrals the measures read. */
export type IntakeRecords = z.infer<typeof IntakeRecords>;
/** {@link IntakeRecords} as a caller writes it. */
export type IntakeRecordsInput = z.input<typeof IntakeRecords>;

/**
 * The options of {@link intakeMeasures}: those of {@link IntakeOptions}, and
 * the `period` measured (both ends inclusive; no `end` runs to today).
 *
 * @example
 * ```ts
 * import { MeasureOptions } from "referwell/intake";
 *
 * MeasureOptions.parse({ now: "2026-11-30", period: { start: "2026-11-01" } }).period; // => { start: "2026-11-01" }
 * ```
 */
export const MeasureOptions = z.strictObject({ ...IntakeOptions.shape, period: Period });
/** Options of the measures. */
export type MeasureOptions = z.infer<typeof MeasureOptions>;
/** {@link MeasureOptions} as a caller writes it. */
export type MeasureOptionsInput = z.input<typeof MeasureOptions>;

/**
 * A client waiting for a place: since `dateAdded`, with an urgency, what
 * they need as {@link MatchCriteria} (as `referwell/match` ranks them),
 * the clinicians they would prefer, and the longest they should wait
 * before being referred out (`maxWaitDays`, calendar days).
 *
 * @example
 * ```ts
 * import { WaitlistEntry } from "referwell/intake";
 *
 * WaitlistEntry.parse({
 *   id: "w-1",
 *   dateAdded: "2026-11-02",
 *   urgency: "routine",
 *   criteria: { location: { jurisdiction: "US-OR" } },
 *   maxWaitDays: 30,
 * }).preferredClinicianIds; // => []
 * ```
 */
export const WaitlistEntry = z.strictObject({
  id: Id,
  referralId: Id.optional(),
  dateAdded: IsoDate,
  urgency: Urgency,
  criteria: MatchCriteria,
  preferredClinicianIds: z.array(Id).max(20).default(emptyList),
  maxWaitDays: z.number().int().min(0).max(3_650),
});
/** A client waiting for a place. */
export type WaitlistEntry = z.infer<typeof WaitlistEntry>;
/** {@link WaitlistEntry} as a caller writes it. */
export type WaitlistEntryInput = z.input<typeof WaitlistEntry>;

/**
 * The options of {@link reviewWaitlist}: `now` (and `timeZone`), the
 * practice whose clinicians may offer a place (`practiceId`; without it,
 * any clinician of the matcher's directory), how many new clients each
 * clinician can take in this review (`places`; a clinician not listed
 * takes one if the matcher finds room), and how many outside options to
 * give a client referred out (`referOutOptions`, 3 by default: seed 002,
 * give options).
 *
 * @example
 * ```ts
 * import { WaitlistOptions } from "referwell/intake";
 *
 * WaitlistOptions.parse({ now: "2026-11-30" }).referOutOptions; // => 3
 * ```
 */
export const WaitlistOptions = z.strictObject({
  ...NowOptions.shape,
  practiceId: Id.optional(),
  places: z
    .array(z.strictObject({ clinicianId: Id, count: z.number().int().min(0).max(10_000) }))
    .max(100_000)
    .default(emptyList),
  referOutOptions: z
    .number()
    .int()
    .min(1)
    .max(20)
    .default(() => 3),
});
/** Options of the waitlist review. */
export type WaitlistOptions = z.infer<typeof WaitlistOptions>;
/** {@link WaitlistOptions} as a caller writes it. */
export type WaitlistOptionsInput = z.input<typeof WaitlistOptions>;

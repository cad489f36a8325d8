/**
 * The inputs and outputs of `referwell/cadence`: the policy with its
 * documented defaults, due touches, and planned touches. Plain JSON, and
 * schemas, because a plan comes back as input (already scheduled, or to
 * export).
 *
 * @module
 */
import * as z from "zod";
import { emptyList } from "../model/internal/emptyList.js";
import { Interval, withDefault } from "../model/internal/intervalSchemas.js";
import { ReferrerKind, Weekday } from "../model/enums.js";
import { Now } from "../model/now.js";
import { Id, IsoDate, IsoInstant, LocalTime, TimeZone } from "../model/scalars.js";
import { TouchKind } from "../relationships/schemas.js";

const every = (value: z.input<typeof Interval>) => withDefault(Interval, value);

/**
 * How often to touch base, and what resets the clock. Defaults, with their
 * sources:
 *
 * - `everyDays`: per lifecycle, in days (a number, or `{ days }`), `{ weeks }`
 *   or calendar `{ months }`. Nurturing and active relationships every 2
 *   calendar months (seed 003: "connect with them every 2 months"); a met
 *   relationship 30 days after the last contact, until it is nurtured.
 *   Prospects, contacted, dormant and closed relationships have no cadence:
 *   outreach has its own follow-up, and a dormant one a touch to revive it.
 * - `stageFactor`: stretches the interval by stage; stage 3 referrers, who
 *   trust the whole practice, every 1.5 × as long. A library default.
 * - `kindEveryDays`: overrides by referrer kind, `days` taking the same
 *   intervals (peer and case-study groups every calendar month by default).
 * - `resetKinds`: which touches reset the clock (all of them by default);
 *   referrals in either direction and meetings always do.
 * - `progressNoteEveryDays` (2 months): seed 000, a short progress note every
 *   couple of months on a mutual client, when the client consents.
 * - `kindRotation`: the touch kinds suggested in turn, so they vary.
 *
 * @example
 * ```ts
 * import { CadencePolicy } from "referwell/cadence";
 *
 * CadencePolicy.parse({}).everyDays.nurturing; // => { months: 2 }
 * ```
 */
export const CadencePolicy = z.strictObject({
  everyDays: z.strictObject({ met: every(30), nurturing: every({ months: 2 }), active: every({ months: 2 }) }).prefault({}),
  stageFactor: z
    .strictObject({
      1: z.number().min(0.1).max(10).default(1),
      2: z.number().min(0.1).max(10).default(1),
      3: z.number().min(0.1).max(10).default(1.5),
    })
    .prefault({}),
  kindEveryDays: z
    .array(z.strictObject({ kind: ReferrerKind, days: Interval }))
    .max(13)
    // A fresh list on every parse: zod 4.0.0 hands out a default itself, not a copy.
    .default(() => [
      { kind: "peer-group" as const, days: { months: 1 } },
      { kind: "case-study-group" as const, days: { months: 1 } },
    ]),
  resetKinds: z
    .array(TouchKind)
    .max(20)
    .default(() => [...TouchKind.options]),
  progressNoteEveryDays: every({ months: 2 }),
  kindRotation: z
    .array(TouchKind)
    .min(1)
    .max(20)
    .default((): TouchKind[] => ["coffee", "article-shared", "call", "lunch", "consult"]),
});
/** How often to touch base, and what resets the clock. */
export type CadencePolicy = z.infer<typeof CadencePolicy>;

/**
 * Why a touch is due: the relationship's cadence, the follow-up after a first
 * meeting, a thank-you after a referral, a progress note on a mutual client
 * with consent, a follow-up on outreach, reviving a dormant relationship, or
 * one of the month's slots for new meetings.
 *
 * @example
 * ```ts
 * import { TouchReason } from "referwell/cadence";
 *
 * TouchReason.options.includes("thank-you"); // => true
 * ```
 */
export const TouchReason = z.enum([
  "cadence",
  "follow-up-meeting",
  "thank-you",
  "progress-note",
  "follow-up-outreach",
  "revive",
  "outreach-slot",
]);
/** Why a touch is due. */
export type TouchReason = z.infer<typeof TouchReason>;

/**
 * A touch that is due. `id` is stable (the same relationship, reason and due
 * date give the same id), so a plan can recognize what it already holds.
 *
 * @example
 * ```ts
 * import { DueTouch } from "referwell/cadence";
 *
 * DueTouch.safeParse({
 *   id: "ref-1:cadence:2026-11-20",
 *   referrerId: "ref-1",
 *   clinicianId: "clin-ana",
 *   reason: "cadence",
 *   dueDate: "2026-11-20",
 *   overdueDays: 3,
 *   suggestedKind: "coffee",
 *   value: 2,
 *   explanation: "About every 60 days.",
 * }).success; // => true
 * ```
 */
export const DueTouch = z.strictObject({
  id: Id,
  referrerId: Id.nullable(),
  clinicianId: Id.nullable(),
  reason: TouchReason,
  dueDate: IsoDate,
  overdueDays: z.number().int(),
  suggestedKind: z.union([TouchKind, z.literal("outreach")]),
  value: z.number().min(0).max(1_000),
  explanation: z.string().max(500),
});
/** A touch that is due. */
export type DueTouch = z.infer<typeof DueTouch>;
/** {@link DueTouch} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type DueTouchInput = z.input<typeof DueTouch>;

/**
 * A touch placed on the calendar: the due touch, its local date and time in
 * its time zone, the exact start and end instants, and its revision number
 * (`sequence`) for calendars that imported an earlier plan.
 *
 * @example
 * ```ts
 * import { PlannedTouch } from "referwell/cadence";
 *
 * PlannedTouch.shape.start.safeParse("2026-11-24T10:00:00-08:00").success; // => true
 * ```
 */
export const PlannedTouch = DueTouch.extend({
  date: IsoDate,
  /** The clock reading of `start` in `timeZone` (see `PlanOptions.preferredTime` for days when the clocks change). */
  localTime: LocalTime,
  timeZone: TimeZone,
  start: IsoInstant,
  end: IsoInstant,
  /** RFC 5545 §3.8.7.4 SEQUENCE: 0 when first planned, one more each time a re-plan moves it (see `PlanOptions.previous`). */
  sequence: z.number().int().min(0).max(2_147_483_647).default(0),
});
/** A touch placed on the calendar. */
export type PlannedTouch = z.infer<typeof PlannedTouch>;
/** {@link PlannedTouch} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type PlannedTouchInput = z.input<typeof PlannedTouch>;

/**
 * Options of the planner. `from` is the plan's first day: a calendar date,
 * or an instant (a `Now`) that falls on its date in `timeZone`, the
 * practice's IANA zone, which also places touches of clinicians without a
 * zone of their own; a clinician whose own calendar is already on a later day
 * at that instant starts there. `capacity` is the most touches per clinician per
 * week (touches with no clinician, such as outreach slots, share one
 * practice-wide allowance of the same size); `toleranceDays` is how far
 * past its due date (or past `from`, for an overdue touch) a touch may move
 * to level the load; `scheduled` is a previous plan: what it holds is not
 * planned again and uses up capacity; `previous` is the plan a calendar last
 * imported, against which a fresh plan is reconciled (moved touches get a
 * higher `sequence`, dropped ones come back as `cancelled`).
 *
 * @example
 * ```ts
 * import { PlanOptions } from "referwell/cadence";
 *
 * const options = PlanOptions.parse({ from: "2026-11-23", weeks: 4, timeZone: "America/Los_Angeles", capacity: 3 });
 * options.workingDays; // => ["mon", "tue", "wed", "thu", "fri"]
 * options.preferredTime; // => "10:00"
 * ```
 */
export const PlanOptions = z.strictObject({
  /**
   * The plan's first day: a date, or an instant read on its date in `timeZone`. An instant is also read in each
   * clinician's own zone: their touches start on their day when it is later (at `2026-03-01T20:00:00Z` a Sydney
   * clinician's plan starts on 2 March, a Los Angeles practice's on 1 March).
   */
  from: Now,
  weeks: z.number().int().min(1).max(104),
  /** The practice's IANA time zone: the day an instant `from` falls on, and where touches of clinicians without a zone are placed. */
  timeZone: TimeZone,
  clinicianTimeZones: z
    .array(z.strictObject({ clinicianId: Id, timeZone: TimeZone }))
    .max(10_000)
    .default(emptyList),
  workingDays: z
    .array(Weekday)
    .min(1)
    .max(7)
    .default((): Weekday[] => ["mon", "tue", "wed", "thu", "fri"]),
  holidays: z.array(IsoDate).max(10_000).default(emptyList),
  capacity: z.number().int().min(0).max(1_000),
  /**
   * The local time a day's first touch starts at; the next ones follow it in real minutes. RFC 5545 §3.3.5: a time
   * that occurs twice (fall back) is its first occurrence, the earlier instant, in every zone; a time that does not
   * exist (spring forward) moves forward by the gap (New York 02:30 on 8 March 2026 is 03:30 EDT). `24:00` would
   * start the touch on the next day, so it is refused.
   */
  preferredTime: LocalTime.refine((time) => time !== "24:00", { error: "too-big" }).default("10:00"),
  durationMinutes: z.number().int().min(5).max(480).default(30),
  toleranceDays: z.number().int().min(0).max(60).default(7),
  scheduled: z.array(PlannedTouch).max(1_000_000).default(emptyList),
  /** The plan a calendar last imported: touches that moved get a higher `sequence`, and those dropped come back as `cancelled`. */
  previous: z.array(PlannedTouch).max(1_000_000).default(emptyList),
});
/** Options of the planner. */
export type PlanOptions = z.infer<typeof PlanOptions>;
/**
 * {@link PlanOptions} as a caller writes it, before defaults are filled in:
 * what {@link planTouches} accepts. `scheduled` takes a previous plan's
 * `planned` as it comes.
 */
export type PlanOptionsInput = Omit<z.input<typeof PlanOptions>, "scheduled" | "previous"> & {
  scheduled?: readonly PlannedTouchInput[] | undefined;
  previous?: readonly PlannedTouchInput[] | undefined;
};

/**
 * A clinician as the directory knows them: who they are, where and how they
 * may practise, whom they serve, what they cost, when they are free and how
 * much room they have.
 *
 * @module
 */
import * as z from "zod";
import { emptyList } from "./internal/emptyList.js";
import { CareMode, LevelOfCare, OutcomeRating, Weekday } from "./enums.js";
import { Licensure } from "./licensure.js";
import { GeoPoint, Id, IsoDate, Jurisdiction, LanguageTag, LocalTime, Money, Period, TimeZone } from "./scalars.js";
import { Tag } from "./defaultVocabulary.js";

/** The rule between two times runs only when both are well formed. */
const TIME_SHAPE = /^\d{2}:\d{2}$/;
/** The rule between two amounts runs only when both currencies are well formed. */
const CURRENCY_SHAPE = /^[A-Z]{3}$/;

/** The rule a sliding-scale floor breaks against the fee, if any: none when either is absent or a currency is malformed. */
function floorIssue(fee: Money | undefined, floor: Money | undefined): "currency-mismatch" | "floor-above-fee" | undefined {
  if (floor === undefined || fee === undefined || !CURRENCY_SHAPE.test(floor.currency) || !CURRENCY_SHAPE.test(fee.currency))
    return undefined;
  if (floor.currency !== fee.currency) return "currency-mismatch";
  return floor.minorUnits > fee.minorUnits ? "floor-above-fee" : undefined;
}

/**
 * A weekly window of time on one day, `start` before `end`, in the time zone
 * of the schedule that holds it.
 *
 * @example
 * ```ts
 * import { WeeklySlot } from "referwell";
 *
 * WeeklySlot.safeParse({ day: "tue", start: "17:00", end: "20:00" }).success; // => true
 * WeeklySlot.safeParse({ day: "tue", start: "20:00", end: "17:00" }).success; // => false
 * ```
 */
export const WeeklySlot = z
  .strictObject({
    day: Weekday,
    start: LocalTime,
    end: LocalTime,
    modes: z.array(CareMode).min(1).max(2).optional(),
  })
  .refine((slot) => !TIME_SHAPE.test(slot.start) || !TIME_SHAPE.test(slot.end) || slot.end > slot.start, {
    error: "end-before-start",
    path: ["end"],
  });
/** A weekly window of time on one day. */
export type WeeklySlot = z.infer<typeof WeeklySlot>;

/**
 * Recurring weekly windows in one IANA time zone: a clinician's availability
 * or the times a client can attend. Wall-clock times, so they follow daylight
 * saving in that zone.
 *
 * @example
 * ```ts
 * import { WeeklySchedule } from "referwell";
 *
 * const schedule = WeeklySchedule.parse({
 *   timeZone: "America/Los_Angeles",
 *   slots: [{ day: "mon", start: "09:00", end: "17:00" }],
 * });
 * schedule.slots.length; // => 1
 * ```
 */
export const WeeklySchedule = z.strictObject({
  timeZone: TimeZone,
  slots: z.array(WeeklySlot).max(200),
});
/** Recurring weekly windows in one time zone. */
export type WeeklySchedule = z.infer<typeof WeeklySchedule>;

/**
 * Membership of a payer's panel (in network) for a period; without `plans`
 * it covers every plan of that payer.
 *
 * @example
 * ```ts
 * import { InsurancePanel } from "referwell";
 *
 * InsurancePanel.parse({ payerId: "aetna", period: { start: "2024-01-01" } }).payerId; // => "aetna"
 * ```
 */
export const InsurancePanel = z.strictObject({
  payerId: Id,
  plans: z.array(Id).max(200).optional(),
  period: Period,
});
/** Membership of a payer's panel for a period. */
export type InsurancePanel = z.infer<typeof InsurancePanel>;

/**
 * A place where a clinician sees clients in person.
 *
 * @example
 * ```ts
 * import { PracticeLocation } from "referwell";
 *
 * PracticeLocation.parse({ id: "pdx", jurisdiction: "US-OR", point: { lat: 45.52, lon: -122.68 } }).id; // => "pdx"
 * ```
 */
export const PracticeLocation = z.strictObject({
  id: Id,
  label: z.string().min(1).max(200).optional(),
  jurisdiction: Jurisdiction,
  point: GeoPoint,
});
/** A place where a clinician sees clients in person. */
export type PracticeLocation = z.infer<typeof PracticeLocation>;

/**
 * How much room a clinician has: caseload now and at most, new clients per
 * week at most and so far this week, and the usual wait for a first session.
 * A current caseload above the maximum is allowed (it happens); it simply
 * leaves no room.
 *
 * @example
 * ```ts
 * import { Capacity } from "referwell";
 *
 * Capacity.parse({ caseloadMax: 25, caseloadCurrent: 22, weeklyNewClientLimit: 2 }).newClientsThisWeek; // => 0
 * ```
 */
export const Capacity = z.strictObject({
  caseloadMax: z.number().int().min(0).max(10_000),
  caseloadCurrent: z.number().int().min(0).max(10_000),
  weeklyNewClientLimit: z.number().int().min(0).max(1_000),
  newClientsThisWeek: z.number().int().min(0).max(1_000).default(0),
  expectedWaitDays: z.number().int().min(0).max(3_650).optional(),
});
/** How much room a clinician has. */
export type Capacity = z.infer<typeof Capacity>;

/**
 * A clinician's measured effectiveness in one problem domain over a number
 * of cases, for outcome-based matching (Constantino et al. 2021, JAMA
 * Psychiatry). The matcher decides how many cases make a rating count.
 *
 * @example
 * ```ts
 * import { DomainOutcome } from "referwell";
 *
 * DomainOutcome.parse({ problemArea: "depression", rating: "effective", cases: 42 }).rating; // => "effective"
 * ```
 */
export const DomainOutcome = z.strictObject({
  problemArea: Tag,
  rating: OutcomeRating,
  cases: z.number().int().min(0).max(1_000_000),
  asOf: IsoDate.optional(),
  source: z.string().min(1).max(500).optional(),
});
/** A clinician's measured effectiveness in one problem domain. */
export type DomainOutcome = z.infer<typeof DomainOutcome>;

/**
 * A clinician in the practice or in its outside network. Problem areas,
 * modalities, populations and discipline are tags of the vocabulary; fees
 * are per session. `medicareOptOut` is the period the clinician's Medicare
 * opt-out is in force (42 CFR 405.400–405.455): only then may they see a
 * Medicare beneficiary under a private contract. An opt-out renews itself
 * every two years unless cancelled (42 CFR 405.400, opt-out period;
 * 405.445), so its `end` is the day it stops for good, not a term's end.
 * `levelsOfCare` lists the levels of care the clinician (or their programme)
 * offers; without it, `outpatient` only. `cultures` (communities and
 * cultural competencies) and `faiths` (faith traditions the clinician
 * integrates into care, on request) are free tags; `birthYear` lets a client
 * prefer a clinician's age range; `worksWithInterpreters` says the clinician
 * works with a client's interpreter.
 *
 * @example
 * ```ts
 * import { Clinician } from "referwell";
 *
 * const ana = Clinician.parse({
 *   id: "clin-ana",
 *   name: "Ana Ruiz",
 *   discipline: "psychologist",
 *   practiceId: "harbour",
 *   licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *   problemAreas: ["depression", "anxiety"],
 *   modalities: ["CBT", "ACT"],
 *   populations: ["adults"],
 *   languages: ["en", "es"],
 *   fee: { currency: "USD", minorUnits: 18000 },
 *   telehealth: true,
 *   availability: { timeZone: "America/Los_Angeles", slots: [{ day: "mon", start: "09:00", end: "17:00" }] },
 *   acceptingNewClients: true,
 *   capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
 * });
 * ana.insurancePanels; // => []
 * ```
 */
export const Clinician = z
  .strictObject({
    id: Id,
    name: z.string().min(1).max(200),
    discipline: Tag,
    credentials: z.array(z.string().min(1).max(50)).max(20).default(emptyList),
    practiceId: Id.optional(),
    licensure: Licensure,
    problemAreas: z.array(Tag).max(200).default(emptyList),
    modalities: z.array(Tag).max(200).default(emptyList),
    populations: z.array(Tag).min(1).max(50),
    languages: z.array(LanguageTag).min(1).max(30),
    gender: z.string().min(1).max(60).optional(),
    insurancePanels: z.array(InsurancePanel).max(500).default(emptyList),
    fee: Money.optional(),
    slidingScaleFloor: Money.optional(),
    locations: z.array(PracticeLocation).max(50).default(emptyList),
    telehealth: z.boolean().default(false),
    medicareOptOut: Period.optional(),
    availability: WeeklySchedule,
    acceptingNewClients: z.boolean(),
    capacity: Capacity,
    outcomes: z.array(DomainOutcome).max(200).optional(),
    levelsOfCare: z.array(LevelOfCare).min(1).max(4).optional(),
    cultures: z.array(Tag).max(50).optional(),
    faiths: z.array(Tag).max(20).optional(),
    birthYear: z.number().int().min(1900).max(2100).optional(),
    worksWithInterpreters: z.boolean().optional(),
  })
  // One plain rule per issue rather than one that adds issues, which would build a function for each clinician.
  .refine((clinician) => floorIssue(clinician.fee, clinician.slidingScaleFloor) !== "currency-mismatch", {
    error: "currency-mismatch",
    path: ["slidingScaleFloor", "currency"],
  })
  .refine((clinician) => floorIssue(clinician.fee, clinician.slidingScaleFloor) !== "floor-above-fee", {
    error: "floor-above-fee",
    path: ["slidingScaleFloor", "minorUnits"],
  });
/** A clinician in the practice or in its outside network. */
export type Clinician = z.infer<typeof Clinician>;
/** {@link Clinician} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type ClinicianInput = z.input<typeof Clinician>;

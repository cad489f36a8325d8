/**
 * What a receiving clinician must satisfy and what the client prefers: the
 * hand-off from deciding to refer (`referwell/refer`) to finding whom to
 * refer to (`referwell/match`).
 *
 * @module
 */
import * as z from "zod";
import { DIRECTORY_LIMITS } from "./internal/directoryLimits.js";
import { emptyList } from "./internal/emptyList.js";
import { CareMode, LevelOfCare, Severity, Urgency } from "./enums.js";
import { WeeklySchedule } from "./clinician.js";
import { Id, IsoDate, LanguageTag, Money, Period, Place } from "./scalars.js";
import { Tag } from "./defaultVocabulary.js";

/**
 * A payer (and optionally one plan of it) the client can use.
 *
 * @example
 * ```ts
 * import { PayerRef } from "referwell";
 *
 * PayerRef.parse({ payerId: "aetna" }).payerId; // => "aetna"
 * ```
 */
export const PayerRef = z.strictObject({
  payerId: Id,
  planId: Id.optional(),
});
/** A payer, and optionally one plan of it. */
export type PayerRef = z.infer<typeof PayerRef>;

/**
 * How the client can pay. A clinician passes when in network with any of
 * `payers` on the start date, or when their fee or sliding-scale floor is
 * within `maxSelfPay` (same currency). At least one of the two is needed;
 * when nothing is known about payment, leave the whole field out.
 *
 * @example
 * ```ts
 * import { PaymentCriteria } from "referwell";
 *
 * PaymentCriteria.parse({ maxSelfPay: { currency: "USD", minorUnits: 12000 } }).payers; // => []
 * ```
 */
export const PaymentCriteria = z
  .strictObject({
    payers: z.array(PayerRef).max(100).default(emptyList),
    maxSelfPay: Money.optional(),
  })
  .refine((payment) => payment.payers.length > 0 || payment.maxSelfPay !== undefined, { error: "no-payment-route", path: ["payers"] });
/** How the client can pay. */
export type PaymentCriteria = z.infer<typeof PaymentCriteria>;

/**
 * Hard constraints: a clinician who fails one is never an option. Tag lists
 * must all be met (every listed population served, every listed problem area
 * treated, every listed modality offered, every listed language spoken),
 * except `disciplines`, of which the clinician must have one (a psychiatrist
 * or a psychiatric nurse practitioner, say). A clinician who sees adults is
 * taken to see older adults too. `levelOfCare` asks for a clinician who
 * offers that level (a clinician who lists none offers `outpatient` only);
 * for a prescriber, add `disciplines: ["psychiatrist",
 * "psychiatric-nurse-practitioner"]`.
 * Being licensed where the client will be, accepting new clients and having
 * room are always required and need no field.
 *
 * @example
 * ```ts
 * import { MatchRequirements } from "referwell";
 *
 * MatchRequirements.parse({ populations: ["adults"] }).modes; // => ["in-person", "telehealth"]
 * ```
 */
export const MatchRequirements = z.strictObject({
  modes: z
    .array(CareMode)
    .min(1)
    .max(2)
    .default((): CareMode[] => ["in-person", "telehealth"]),
  travelRadiusKm: z.number().positive().max(20_000).optional(),
  payment: PaymentCriteria.optional(),
  populations: z.array(Tag).max(20).default(emptyList),
  problemAreas: z.array(Tag).max(50).default(emptyList),
  modalities: z.array(Tag).max(50).default(emptyList),
  languages: z.array(LanguageTag).max(20).default(emptyList),
  disciplines: z.array(Tag).max(50).default(emptyList),
  levelOfCare: LevelOfCare.optional(),
  maxWaitDays: z.number().int().min(0).max(3_650).optional(),
  excludeClinicianIds: z.array(Id).max(10_000).default(emptyList),
  excludePracticeIds: z.array(Id).max(10_000).default(emptyList),
});
/** Hard constraints on a receiving clinician. */
export type MatchRequirements = z.infer<typeof MatchRequirements>;

/**
 * A preference the client may say is a must: `populations` (LGBTQ+-affirming
 * care, say), `cultures`, `faiths` (faith-integrated care), `clinicianAge`,
 * `interpreter`.
 *
 * @example
 * ```ts
 * import { ClientPreference } from "referwell";
 *
 * ClientPreference.options.includes("faiths"); // => true
 * ```
 */
export const ClientPreference = z.enum(["populations", "cultures", "faiths", "clinicianAge", "interpreter"]);
/** A preference the client may say is a must. */
export type ClientPreference = z.infer<typeof ClientPreference>;

/** The preferences a client states and the matcher reads alike; the client record and the criteria share them. */
export const statedPreferenceShape = {
  populations: z.array(Tag).max(20).optional(),
  cultures: z.array(Tag).max(20).optional(),
  faiths: z.array(Tag).max(10).optional(),
  clinicianAge: z
    .strictObject({ min: z.number().int().min(18).max(120).optional(), max: z.number().int().min(18).max(120).optional() })
    .optional(),
  interpreter: LanguageTag.optional(),
  must: z.array(ClientPreference).max(5).optional(),
};

/**
 * Soft fit: what makes one eligible clinician better than another.
 * `problemAreas` lists the client's needs with the primary one first.
 * What clients ask for first (Swift et al. 2018: accommodating preferences
 * lowers dropout) is soft by default and hard when listed in `must`:
 * `populations` served (`lgbtq-affirming`: identity is not a problem area),
 * `cultures` and `faiths` the clinician works with, the clinician's age
 * range (`clinicianAge`, in years on the start date, from `birthYear`), and
 * `interpreter`: the client needs an interpreter for this language, so the
 * clinician must work with interpreters (distinct from the clinician's own
 * languages).
 *
 * `partner` is what the referring practice, not the client, looks for in a
 * clinician to refer to, where a host wants it (seed 003): a small practice
 * (`maxPracticeClinicians`: a clinician without a practice, or alone in
 * theirs, is a solo practice of 1; large practices tend to refer within
 * themselves) and a busy, established clinician in the practice's own
 * specialty (`busyIn`: problem areas the clinician must treat, every one;
 * such a clinician then counts by how full their caseload is, since busy
 * clinicians in the same niche have more demand than they can keep up with
 * and refer on). It only ranks eligible clinicians: room in the caseload is
 * still required.
 *
 * @example
 * ```ts
 * import { MatchPreferences } from "referwell";
 *
 * MatchPreferences.parse({ problemAreas: ["trauma", "sleep"] }).modalities; // => []
 * ```
 */
export const MatchPreferences = z.strictObject({
  problemAreas: z.array(Tag).max(50).default(emptyList),
  modalities: z.array(Tag).max(50).default(emptyList),
  languages: z.array(LanguageTag).max(20).default(emptyList),
  clinicianGenders: z.array(z.string().min(1).max(60)).max(20).default(emptyList),
  schedule: WeeklySchedule.optional(),
  ...statedPreferenceShape,
  partner: z
    .strictObject({
      maxPracticeClinicians: z.number().int().min(1).max(DIRECTORY_LIMITS.clinicians).optional(),
      busyIn: z.array(Tag).min(1).max(20).optional(),
    })
    .optional(),
});
/** Soft fit for a receiving clinician. */
export type MatchPreferences = z.infer<typeof MatchPreferences>;

/**
 * A dated temporary location of the client: a student at college in term
 * time, a winter stay. Telehealth licensure follows where the client is
 * physically during the session, not their residence.
 *
 * @example
 * ```ts
 * import { Stay } from "referwell";
 *
 * Stay.parse({ place: { jurisdiction: "US-WA" }, period: { start: "2026-09-20", end: "2026-12-12" } }).place.jurisdiction; // => "US-WA"
 * ```
 */
export const Stay = z.strictObject({ place: Place, period: Period });
/** A dated temporary location of the client. */
export type Stay = z.infer<typeof Stay>;

/**
 * Everything a matcher needs to find clinicians for one client, without the
 * client record itself: where the client will be, the hard requirements and
 * the soft preferences. `location` is where the client is when not on one of
 * their `stays` (their residence, the default when nothing else is known);
 * telehealth must be licensed for every place the client will be during the
 * expected course (each stay, and `location` on the days no stay covers),
 * checked on the first day of each unbroken stretch there.
 * In-person care is reckoned from `location`. `startDate` is when care would
 * start (licensure and insurance are checked on that date); without it the
 * matcher uses the date of its `now`. `expectedWeeks` is how long care is
 * expected to last: network status must hold on every day of it (the
 * matcher's `expectedWeeks` option when absent; 0 checks the start date alone).
 *
 * @example
 * ```ts
 * import { MatchCriteria } from "referwell";
 *
 * const criteria = MatchCriteria.parse({
 *   location: { jurisdiction: "US-OR" },
 *   require: { populations: ["adults"], payment: { payers: [{ payerId: "aetna" }] } },
 *   prefer: { problemAreas: ["depression"] },
 * });
 * criteria.require.excludeClinicianIds; // => []
 * ```
 */
export const MatchCriteria = z.strictObject({
  clientId: Id.optional(),
  startDate: IsoDate.optional(),
  location: Place,
  // A client's 20 stays, and up to 40 stretches of the residences their 20 planned moves lead to, between those stays.
  stays: z.array(Stay).max(60).optional(),
  severity: Severity.optional(),
  urgency: Urgency.optional(),
  expectedWeeks: z.number().int().min(0).max(520).optional(),
  require: MatchRequirements.prefault({}),
  prefer: MatchPreferences.prefault({}),
});
/** Everything a matcher needs to find clinicians for one client. */
export type MatchCriteria = z.infer<typeof MatchCriteria>;

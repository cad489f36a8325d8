/**
 * A client as matching and referral decisions need them: where they live
 * and will live, how they pay, what they need and what they prefer. No
 * clinical notes: those never enter referwell.
 *
 * @module
 */
import * as z from "zod";
import { emptyList } from "./internal/emptyList.js";
import { WeeklySchedule } from "./clinician.js";
import { AgeGroup, CareFormat, ConflictKind, Severity } from "./enums.js";
import { Id, IsoDate, LanguageTag, Money, Period, Place } from "./scalars.js";
import { Tag } from "./defaultVocabulary.js";
import { repeatedIndexes } from "./internal/repeatedIndexes.js";
import { Stay, statedPreferenceShape } from "./criteria.js";

/**
 * A move the client plans: from `date` on they live at `to`.
 *
 * @example
 * ```ts
 * import { PlannedMove } from "referwell";
 *
 * PlannedMove.parse({ date: "2027-01-15", to: { jurisdiction: "US-WA" } }).to.jurisdiction; // => "US-WA"
 * ```
 */
export const PlannedMove = z.strictObject({
  date: IsoDate,
  to: Place,
});
/** A move the client plans. */
export type PlannedMove = z.infer<typeof PlannedMove>;

/**
 * The kind of programme a coverage belongs to, which decides how a client
 * may pay a clinician outside its network. `medicare` (Medicare Advantage
 * too): a clinician must submit claims for covered services (Social
 * Security Act §1848(g)(4), 42 U.S.C. 1395w-4(g)(4)), so no superbill or
 * ordinary self-pay; only a clinician who opted out may see the client under
 * a private contract (42 CFR 405.400–405.455). `medicaid` (Medicaid managed
 * care too): a participating provider accepts the programme's payment in
 * full (42 CFR 447.15), and whether anyone else may charge the client is
 * state law, so referwell offers no self-pay. Criteria built from a client
 * covered by either (`criteriaFromClient`, a match request's `client`) ask
 * for their networks only, and so do a referral assessment's criteria for
 * a coverage with no programme unless its policy offers self-pay for one.
 * `commercial`: an employer or
 * individual plan. `other`: a programme with none of these rules, which
 * follows the practice's billing policy like `commercial`. Left out, the
 * kind is unknown, and the referral policy's `billing.unknownProgram`
 * decides (it withholds self-pay by default).
 *
 * @example
 * ```ts
 * import { PayerProgram } from "referwell";
 *
 * PayerProgram.options; // => ["commercial", "medicare", "medicaid", "other"]
 * ```
 */
export const PayerProgram = z.enum(["commercial", "medicare", "medicaid", "other"]);
/** The kind of programme a coverage belongs to. */
export type PayerProgram = z.infer<typeof PayerProgram>;

/**
 * One period of insurance coverage. The history keeps ended periods, so a
 * change of insurer is visible. `program` is the kind of programme (see
 * {@link PayerProgram}); `outOfNetworkBenefits` says whether the plan pays
 * part of out-of-network care (unknown when left out).
 *
 * @example
 * ```ts
 * import { Coverage } from "referwell";
 *
 * Coverage.parse({ payerId: "aetna", planId: "aetna-ppo", period: { start: "2025-01-01" } }).payerId; // => "aetna"
 * Coverage.parse({ payerId: "medicare", program: "medicare", period: { start: "2025-01-01" } }).program; // => "medicare"
 * ```
 */
export const Coverage = z.strictObject({
  payerId: Id,
  planId: Id.optional(),
  program: PayerProgram.optional(),
  outOfNetworkBenefits: z.boolean().optional(),
  period: Period,
});
/** One period of insurance coverage. */
export type Coverage = z.infer<typeof Coverage>;

/**
 * What the client needs: problem areas with the primary one first, and how
 * severe or complex the presentation is.
 *
 * @example
 * ```ts
 * import { ClientNeeds } from "referwell";
 *
 * ClientNeeds.parse({ problemAreas: ["trauma", "sleep"], severity: "severe" }).problemAreas[0]; // => "trauma"
 * ```
 */
export const ClientNeeds = z.strictObject({
  problemAreas: z.array(Tag).min(1, { error: "primary-need-missing" }).max(50),
  severity: Severity.optional(),
});
/** What the client needs. */
export type ClientNeeds = z.infer<typeof ClientNeeds>;

/**
 * What the client prefers. `mode` says how they can attend (`either` by
 * default); `travelRadiusKm` bounds in-person care; `schedule` holds the
 * times they can attend, in their own time zone. What clients ask for first
 * is soft unless listed in `must`, as in {@link MatchPreferences}:
 * `populations` (`lgbtq-affirming`: identity is not a problem area),
 * `cultures`, `faiths` (faith-integrated care), `clinicianAge` (a range in
 * years) and `interpreter` (the language the client needs an interpreter
 * for).
 *
 * @example
 * ```ts
 * import { ClientPreferences } from "referwell";
 *
 * ClientPreferences.parse({}).mode; // => "either"
 * ```
 */
export const ClientPreferences = z.strictObject({
  modalities: z.array(Tag).max(50).default(emptyList),
  clinicianGenders: z.array(z.string().min(1).max(60)).max(20).default(emptyList),
  languages: z.array(LanguageTag).max(20).default(emptyList),
  mode: z.enum(["in-person", "telehealth", "either"]).default("either"),
  travelRadiusKm: z.number().positive().max(20_000).optional(),
  schedule: WeeklySchedule.optional(),
  ...statedPreferenceShape,
});
/** What the client prefers. */
export type ClientPreferences = z.infer<typeof ClientPreferences>;

/**
 * A declared reason why one clinician should not treat this client (a dual
 * relationship, a conflict of interest).
 *
 * @example
 * ```ts
 * import { DeclaredConflict } from "referwell";
 *
 * DeclaredConflict.parse({ clinicianId: "clin-ana", kind: "dual-relationship" }).kind; // => "dual-relationship"
 * ```
 */
export const DeclaredConflict = z.strictObject({
  clinicianId: Id,
  kind: ConflictKind,
  declared: IsoDate.optional(),
});
/** A declared conflict between a clinician and this client. */
export type DeclaredConflict = z.infer<typeof DeclaredConflict>;

/**
 * A client. Planned moves have distinct dates. `stays` are dated temporary
 * locations (a student at college in term time, a winter stay): telehealth
 * licensure follows where the client is physically during a session, so a
 * stay counts over the residence on its days. Identified by an opaque id;
 * `displayName` is optional and used only in text the client's consent
 * allows (it is health data, like everything here).
 *
 * @example
 * ```ts
 * import { Client } from "referwell";
 *
 * const client = Client.parse({
 *   id: "cl-07",
 *   ageGroup: "adult",
 *   residence: { jurisdiction: "US-OR" },
 *   coverage: [{ payerId: "aetna", period: { start: "2025-01-01" } }],
 *   needs: { problemAreas: ["depression"] },
 * });
 * client.careFormat; // => "individual"
 * client.preferences.mode; // => "either"
 * ```
 */
export const Client = z.strictObject({
  id: Id,
  displayName: z.string().min(1).max(200).optional(),
  ageGroup: AgeGroup,
  careFormat: CareFormat.default("individual"),
  residence: Place,
  plannedMoves: z
    .array(PlannedMove)
    .max(20)
    .default(emptyList)
    .superRefine((moves, ctx) => {
      for (const index of repeatedIndexes(moves, (move) => move.date)) {
        ctx.addIssue({ code: "custom", message: "duplicate-date", path: [index, "date"] });
      }
    }),
  stays: z.array(Stay).max(20).default(emptyList),
  coverage: z.array(Coverage).max(100).default(emptyList),
  maxSelfPay: Money.optional(),
  needs: ClientNeeds,
  preferences: ClientPreferences.prefault({}),
  conflicts: z.array(DeclaredConflict).max(100).default(emptyList),
});
/** A client. */
export type Client = z.infer<typeof Client>;
/** {@link Client} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type ClientInput = z.input<typeof Client>;

/**
 * The hard constraints of a request as data: a small, JSON-serialisable
 * expression a database can run (see `hardConstraintFilter` and
 * `filterToSql`). Every predicate reads one clinician; dates are ISO
 * calendar days, both ends inclusive.
 *
 * @module
 */
import * as z from "zod";
import { CareMode } from "../model/enums.js";
import { CurrencyCode, GeoPoint, Id, IsoDate, Jurisdiction } from "../model/scalars.js";
import { HardConstraint } from "./types.js";

const Codes = z.array(z.string().min(1).max(200)).max(1_000).readonly();
const Ids = z.array(Id).max(100_000).readonly();

/**
 * One test of one clinician:
 *
 * - `not-in`: the clinician's `id`, or its `practiceId` (none passes), is not one of `values`.
 * - `is-true`: `acceptingNewClients`, `telehealth` or `worksWithInterpreters` is true.
 * - `has-room`: `caseload` (current below maximum) or `newClientsThisWeek` (below the weekly limit).
 * - `contains-all`: the clinician holds every one of `values` in a code list (canonical codes;
 *   `populations` served, `languages` primary subtags, `cultures` and `faiths` normalized).
 * - `in`: the clinician's canonical `discipline` is one of `values`.
 * - `between`: `birthYear` is known and within `min`–`max` (either may be left out).
 * - `at-most`: `expectedWaitDays` is unknown or at most `value`.
 * - `not-rated-ineffective`: no ineffective outcome rating with `problemArea` on at least `minCases` cases.
 * - `in-network`: the panels of `payerId` (for `planId`, or open to every plan when it is left out)
 *   keep the clinician in network on every day from `from` to `to`, renewals joined, and the payer
 *   pays a pre-licensed clinician's care (not one with `acceptsAssociates: false`).
 * - `fee-within`: the fee, or the sliding-scale floor, in `currency`, is at most `minorUnits`.
 * - `office-within`: an office within `radiusKm` of `point` (haversine), in a jurisdiction where the
 *   clinician is `licensed` for in-person care on `licensedOn`.
 * - `office-in`: the same for an office in `jurisdiction` or one of its subdivisions.
 * - `licensed`: authorized for `mode` in `jurisdiction` on `on`: a licence there (or for its
 *   country) in force, a compact privilege that counts there that day (its compact's members,
 *   modes, grants, home licence and days left in the year), or no licence required there for the
 *   clinician's discipline; never an associate without a supervisor of record.
 *
 * @example
 * ```ts
 * import { FilterPredicate } from "referwell/match";
 *
 * FilterPredicate.parse({ op: "is-true", field: "acceptingNewClients" }).op; // => "is-true"
 * FilterPredicate.safeParse({ op: "is-true", field: "name" }).success; // => false
 * ```
 */
export const FilterPredicate = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("not-in"), field: z.enum(["id", "practiceId"]), values: Ids }),
  z.strictObject({ op: z.literal("is-true"), field: z.enum(["acceptingNewClients", "telehealth", "worksWithInterpreters"]) }),
  z.strictObject({ op: z.literal("has-room"), field: z.enum(["caseload", "newClientsThisWeek"]) }),
  z.strictObject({
    op: z.literal("contains-all"),
    field: z.enum(["populations", "problemAreas", "modalities", "languages", "cultures", "faiths", "levelsOfCare"]),
    values: Codes,
  }),
  z.strictObject({ op: z.literal("in"), field: z.literal("discipline"), values: Codes }),
  z.strictObject({
    op: z.literal("between"),
    field: z.literal("birthYear"),
    min: z.number().int().min(-10_000).max(10_000).optional(),
    max: z.number().int().min(-10_000).max(10_000).optional(),
  }),
  z.strictObject({ op: z.literal("at-most"), field: z.literal("expectedWaitDays"), value: z.number().int().min(0).max(100_000) }),
  z.strictObject({
    op: z.literal("not-rated-ineffective"),
    problemArea: z.string().min(1).max(200),
    minCases: z.number().int().min(0).max(100_000),
  }),
  z.strictObject({ op: z.literal("in-network"), payerId: Id, planId: Id.optional(), from: IsoDate, to: IsoDate }),
  z.strictObject({
    op: z.literal("fee-within"),
    currency: CurrencyCode,
    // Number.MAX_SAFE_INTEGER written out: reading a global's property would keep this schema in every bundle.
    minorUnits: z.number().int().min(0).max(9_007_199_254_740_991),
  }),
  z.strictObject({ op: z.literal("office-within"), point: GeoPoint, radiusKm: z.number().min(0).max(40_075), licensedOn: IsoDate }),
  z.strictObject({ op: z.literal("office-in"), jurisdiction: Jurisdiction, licensedOn: IsoDate }),
  z.strictObject({ op: z.literal("licensed"), jurisdiction: Jurisdiction, mode: CareMode, on: IsoDate }),
]);
/** One test of one clinician. */
export type FilterPredicate = z.infer<typeof FilterPredicate>;

/** A predicate, or `and` / `or` / `not` over expressions: `{ and: [] }` always holds, `{ or: [] }` never does. */
export type FilterExpression =
  | { readonly and: readonly FilterExpression[] }
  | { readonly or: readonly FilterExpression[] }
  | { readonly not: FilterExpression }
  | FilterPredicate;

/**
 * A {@link FilterPredicate}, or `and`, `or` and `not` over expressions, up
 * to 1,000 terms each: `{ and: [] }` always holds, `{ or: [] }` never does.
 *
 * @example
 * ```ts
 * import { FilterExpression } from "referwell/match";
 *
 * FilterExpression.safeParse({ not: { or: [] } }).success; // => true
 * ```
 */
export const FilterExpression: z.ZodType<FilterExpression> = z.lazy(() =>
  z.union([
    z.strictObject({ and: z.array(FilterExpression).max(1_000).readonly() }),
    z.strictObject({ or: z.array(FilterExpression).max(1_000).readonly() }),
    z.strictObject({ not: FilterExpression }),
    FilterPredicate,
  ]),
);

/**
 * The hard constraints of one request as data: one entry per constraint the
 * request asks about, in the matcher's order (the others hold for every
 * clinician), each with the expression a clinician must meet. A clinician
 * passes when every entry's `where` holds, exactly when the matcher's hard
 * constraints pass. `startDate` and `courseEnd` are the days the request
 * was read for.
 *
 * @example
 * ```ts
 * import { HardConstraintFilter } from "referwell/match";
 *
 * const filter = HardConstraintFilter.parse({
 *   startDate: "2026-11-23",
 *   courseEnd: "2027-02-14",
 *   constraints: [{ constraint: "accepting", where: { op: "is-true", field: "acceptingNewClients" } }],
 * });
 * filter.constraints.length; // => 1
 * ```
 */
export const HardConstraintFilter = z.strictObject({
  startDate: IsoDate,
  courseEnd: IsoDate,
  constraints: z.array(z.strictObject({ constraint: HardConstraint, where: FilterExpression })).max(100),
});
/** The hard constraints of one request as data. */
export type HardConstraintFilter = z.infer<typeof HardConstraintFilter>;

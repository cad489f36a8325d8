import * as z from "zod";
import type { MatchCriteria } from "../model/criteria.js";
import { clientCriteria } from "../model/internal/clientCriteria.js";
import { dayOf } from "../model/internal/dayOf.js";
import { NowOptions } from "../model/now.js";
import { validate } from "../model/validate.js";
import type { FilterExpression, HardConstraintFilter } from "./filter.js";
import type { CompiledDirectory, PreparedQuery } from "./internal/compiled.js";
import { compileDirectory } from "./internal/compileDirectory.js";
import { prepareQuery } from "./internal/prepareQuery.js";
import { MatcherOptions, MatchRequest, type MatchRequestInput } from "./schemas.js";
import type { HardConstraint } from "./types.js";

/**
 * Options of {@link hardConstraintFilter}: `now` and `timeZone` as in
 * `RankOptions`, and `matcher`, the options the matcher was created with
 * (its vocabulary, expected course, wait caps, travel radius and outcome
 * and network policies are read).
 *
 * @example
 * ```ts
 * import { FilterOptions } from "referwell/match";
 *
 * FilterOptions.safeParse({ now: "2026-11-23", matcher: { expectedWeeks: 16 } }).success; // => true
 * ```
 */
export const FilterOptions = NowOptions.extend({ matcher: MatcherOptions.optional() });
/** {@link FilterOptions} as a caller writes them. */
export type FilterOptionsInput = z.input<typeof FilterOptions>;

const ALWAYS: FilterExpression = { and: [] };
const and = (terms: FilterExpression[]): FilterExpression => (terms.length === 1 ? (terms[0] as FilterExpression) : { and: terms });
const or = (terms: FilterExpression[]): FilterExpression => (terms.length === 1 ? (terms[0] as FilterExpression) : { or: terms });

/** What each hard constraint asks of a clinician, read from the prepared request as the matcher's check reads it. */
const WHERE: Readonly<Record<HardConstraint, (query: PreparedQuery, veto: string | undefined, minCases: number) => FilterExpression>> = {
  excluded: (query) =>
    and([
      ...(query.excludedClinicians.size > 0 ? [{ op: "not-in", field: "id", values: [...query.excludedClinicians] } as const] : []),
      ...(query.excludedPractices.size > 0 ? [{ op: "not-in", field: "practiceId", values: [...query.excludedPractices] } as const] : []),
    ]),
  accepting: () => ({ op: "is-true", field: "acceptingNewClients" }),
  capacity: () => ({
    and: [
      { op: "has-room", field: "caseload" },
      { op: "has-room", field: "newClientsThisWeek" },
    ],
  }),
  outcome: (_, veto, minCases) => (veto === undefined ? ALWAYS : { op: "not-rated-ineffective", problemArea: veto, minCases }),
  population: (query) => ({ op: "contains-all", field: "populations", values: query.requiredPopulations }),
  "problem-area": (query) => ({ op: "contains-all", field: "problemAreas", values: query.requiredProblemAreas }),
  modality: (query) => ({ op: "contains-all", field: "modalities", values: query.requiredModalities }),
  language: (query) => ({ op: "contains-all", field: "languages", values: query.requiredLanguages }),
  discipline: (query) => ({ op: "in", field: "discipline", values: [...query.requiredDisciplines] }),
  "level-of-care": (query) => {
    const level = query.criteria.require.levelOfCare;
    return level === undefined ? ALWAYS : { op: "contains-all", field: "levelsOfCare", values: [level] };
  },
  preference: ({ preferences, startDate }) => {
    const year = Number(startDate.slice(0, 4));
    const terms: FilterExpression[] = [];
    for (const preference of preferences.must) {
      if (preference === "populations") terms.push({ op: "contains-all", field: "populations", values: preferences.populations });
      else if (preference === "cultures") terms.push({ op: "contains-all", field: "cultures", values: preferences.cultures });
      else if (preference === "faiths") terms.push({ op: "contains-all", field: "faiths", values: preferences.faiths });
      else if (preference === "interpreter") {
        if (preferences.interpreter) terms.push({ op: "is-true", field: "worksWithInterpreters" });
      } else if (preferences.clinicianAge !== undefined) {
        // An age within min–max in the start date's year is a birth year within year − max to year − min.
        const { min, max } = preferences.clinicianAge;
        terms.push({
          op: "between",
          field: "birthYear",
          ...(max === undefined ? {} : { min: year - max }),
          ...(min === undefined ? {} : { max: year - min }),
        });
      }
    }
    return and(terms);
  },
  wait: (query) => (query.waitCap === undefined ? ALWAYS : { op: "at-most", field: "expectedWaitDays", value: query.waitCap.days }),
  payment: (query) => {
    const payment = query.criteria.require.payment;
    if (payment === undefined) return ALWAYS;
    // Under `panelEndsDuringCare: "warn"` the start date is enough; otherwise every day of the course.
    const to = query.panelEndsDuringCare === "warn" ? query.startDate : query.courseEnd;
    const routes: FilterExpression[] = payment.payers.map((payer) => ({
      op: "in-network",
      payerId: payer.payerId,
      ...(payer.planId === undefined ? {} : { planId: payer.planId }),
      from: query.startDate,
      to,
    }));
    if (payment.maxSelfPay !== undefined) routes.push({ op: "fee-within", ...payment.maxSelfPay });
    return or(routes);
  },
  "care-mode": (query) => {
    const modes: FilterExpression[] = [];
    if (query.modes.has("in-person"))
      modes.push(
        query.point === undefined
          ? { op: "office-in", jurisdiction: query.criteria.location.jurisdiction, licensedOn: query.startDate }
          : { op: "office-within", point: query.point, radiusKm: query.travelRadiusKm, licensedOn: query.startDate },
      );
    if (query.modes.has("telehealth"))
      modes.push({
        and: [
          { op: "is-true", field: "telehealth" },
          ...query.telehealthPlaces.map(({ jurisdiction, on }) => ({ op: "licensed", jurisdiction, mode: "telehealth", on }) as const),
        ],
      });
    return or(modes);
  },
};

const EMPTY_DIRECTORY = { practices: [], clinicians: [], payers: [], compacts: [] };
// An empty directory compiled per set of matcher options: the request is read with its vocabulary and options.
const compiledOptions = new WeakMap<object, CompiledDirectory>();
let compiledDefault: CompiledDirectory | undefined;

function compiledFor(input: object | undefined, options: MatcherOptions): CompiledDirectory {
  if (input === undefined) return (compiledDefault ??= compileDirectory(EMPTY_DIRECTORY, options));
  let compiled = compiledOptions.get(input);
  if (compiled === undefined) compiledOptions.set(input, (compiled = compileDirectory(EMPTY_DIRECTORY, options)));
  return compiled;
}

/**
 * The hard constraints of a request as a declarative filter: the
 * expression, constraint by constraint, that a clinician meets exactly when
 * the matcher's hard constraints pass for it (see {@link HardConstraintFilter}).
 * Compile it for a database with {@link filterToSql}, then rank the
 * clinicians the database returns with `matcher.rankCandidates`. The
 * request is read as `rank` reads it: criteria, or a client on the day of
 * `now`, with the matcher's options.
 *
 * @param request - the request, as `rank` takes it
 * @param options - `now`, `timeZone`, and the matcher's options (see {@link FilterOptions})
 * @throws {@link InvalidInputError} when the request or options are malformed
 *
 * @example
 * ```ts
 * import { hardConstraintFilter } from "referwell/match";
 *
 * const filter = hardConstraintFilter(
 *   {
 *     criteria: {
 *       location: { jurisdiction: "US-OR" },
 *       require: { modes: ["telehealth"], problemAreas: ["Depression"], payment: { payers: [{ payerId: "aetna" }] } },
 *     },
 *   },
 *   { now: "2026-11-23" },
 * );
 * filter.courseEnd; // => "2027-02-14"
 * filter.constraints.map((entry) => entry.constraint); // => ["accepting", "capacity", "problem-area", "payment", "care-mode"]
 * filter.constraints[2]?.where; // => { op: "contains-all", field: "problemAreas", values: ["depression"] }
 * ```
 */
export function hardConstraintFilter(request: MatchRequestInput, options: FilterOptionsInput): HardConstraintFilter {
  const parsedRequest = validate(MatchRequest, request, "request");
  const parsed = validate(FilterOptions, options, "options");
  const matcherOptions = parsed.matcher ?? MatcherOptions.parse({});
  const directory = compiledFor(typeof options === "object" ? (options.matcher as object | undefined) : undefined, matcherOptions);
  const today = dayOf(parsed.now, parsed.timeZone);
  const criteria: MatchCriteria =
    parsedRequest.criteria ?? clientCriteria(parsedRequest.client as NonNullable<MatchRequest["client"]>, today);
  const query = prepareQuery(directory, criteria, criteria.startDate ?? today, parsedRequest.practiceId);
  // Without outcome data in the empty directory the query has no veto; the policy decides it here, and a clinician with no rating passes.
  const veto = matcherOptions.ineffectiveOnPrimary === "exclude" ? query.needs[0] : undefined;
  const asked = query.constraintChecks.map((check) => check.constraint);
  if (veto !== undefined) asked.splice(asked.indexOf("capacity") + 1, 0, "outcome");
  return {
    startDate: query.startDate,
    courseEnd: query.courseEnd,
    constraints: asked.map((constraint) => ({ constraint, where: WHERE[constraint](query, veto, matcherOptions.outcomeMinCases) })),
  };
}

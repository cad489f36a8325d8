import type { FilterPredicate } from "../filter.js";
import { cellsNear } from "./cellsNear.js";
import type { SqlTable } from "./sqlTables.js";

/** Writes SQL for one query: binds values as numbered, cast parameters and names the tables. */
export interface SqlWriter {
  /** Adds a value to the parameters and returns its placeholder, cast to `type`. */
  bind(value: unknown, type: string): string;
  table(name: SqlTable): string;
}

/** The radius of the sphere the matcher's haversine distance uses, km (IUGG mean Earth radius). */
const EARTH_RADIUS_KM = 6371.0088;
/** Slack on the radius: float rounding in the database's trigonometry must never drop a clinician the matcher keeps. */
const RADIUS_SLACK_KM = 1e-9;

const COLUMN = {
  acceptingNewClients: "c.accepting_new_clients",
  telehealth: "c.telehealth",
  worksWithInterpreters: "c.works_with_interpreters",
  populations: "c.populations",
  problemAreas: "c.problem_areas",
  modalities: "c.modalities",
  languages: "c.languages",
  cultures: "c.cultures",
  faiths: "c.faiths",
  levelsOfCare: "c.levels_of_care",
} as const;

/**
 * Authorized for a mode in a jurisdiction on a day, as the matcher's licensure check has it. `where`
 * is an SQL expression (a bound value, or an office's column); a licence or a compact member for the
 * jurisdiction's country covers it, so both are looked up.
 */
function licensed(sql: SqlWriter, where: string, mode: string, on: string): string {
  const places = `(${where}, left(${where}, 2))`;
  const licence = `EXISTS (SELECT 1 FROM ${sql.table("licences")} l WHERE l.clinician_id = c.id AND l.jurisdiction IN ${places} AND l.valid @> ${on})`;
  const daysUsed = `(SELECT coalesce(sum(d.days), 0) FROM ${sql.table("privilege_days")} d
            WHERE d.clinician_id = p.clinician_id AND d.compact_id = p.compact_id AND d.year = extract(year FROM ${on})::integer
              AND d.jurisdiction IN ${places})`;
  const privilege = `EXISTS (SELECT 1 FROM ${sql.table("privileges")} p JOIN ${sql.table("compacts")} k ON k.id = p.compact_id
        WHERE p.clinician_id = c.id AND ${mode} = ANY (k.modes) AND p.valid @> ${on}
          AND EXISTS (SELECT 1 FROM ${sql.table("compact_members")} m WHERE m.compact_id = k.id AND m.jurisdiction IN ${places})
          AND (p.grants IS NULL OR p.grants && ARRAY[${where}, left(${where}, 2)])
          AND (k.max_days_per_year IS NULL OR ${daysUsed} < k.max_days_per_year))`;
  // A rule for the jurisdiction itself wins over one for its country; without a rule a licence is required.
  const notRequired = `NOT coalesce((SELECT r.licence_required FROM ${sql.table("regulations")} r
        WHERE r.discipline = c.discipline AND r.jurisdiction IN ${places} ORDER BY r.jurisdiction = ${where} DESC LIMIT 1), true)`;
  // Reach first: implied by each way to be licensed, and indexed, so the database looks only at clinicians who may be.
  return `(c.reach && ARRAY[${where}, left(${where}, 2)] AND c.may_practise AND (\n      ${licence}\n      OR ${privilege}\n      OR ${notRequired}))`;
}

/** An office that meets `reachable`, in a jurisdiction where the clinician is licensed for in-person care on the day. */
const office = (sql: SqlWriter, reachable: string, on: string): string =>
  `EXISTS (SELECT 1 FROM ${sql.table("offices")} o WHERE o.clinician_id = c.id AND ${reachable} AND ${licensed(sql, "o.jurisdiction", "'in-person'", on)})`;

type Writers = { readonly [Op in FilterPredicate["op"]]: (test: Extract<FilterPredicate, { op: Op }>, sql: SqlWriter) => string };

const WRITERS: Writers = {
  "not-in": (test, sql) =>
    test.field === "id"
      ? `c.id <> ALL (${sql.bind(test.values, "text[]")})`
      : `(c.practice_id IS NULL OR c.practice_id <> ALL (${sql.bind(test.values, "text[]")}))`,
  "is-true": (test) => COLUMN[test.field],
  "has-room": (test) =>
    test.field === "caseload" ? "c.caseload_current < c.caseload_max" : "c.new_clients_this_week < c.weekly_new_client_limit",
  "contains-all": (test, sql) => `${COLUMN[test.field]} @> ${sql.bind(test.values, "text[]")}`,
  in: (test, sql) => `c.discipline = ANY (${sql.bind(test.values, "text[]")})`,
  between: (test, sql) =>
    [
      "c.birth_year IS NOT NULL",
      ...(test.min === undefined ? [] : [`c.birth_year >= ${sql.bind(test.min, "integer")}`]),
      ...(test.max === undefined ? [] : [`c.birth_year <= ${sql.bind(test.max, "integer")}`]),
    ].join(" AND "),
  "at-most": (test, sql) => `(c.expected_wait_days IS NULL OR c.expected_wait_days <= ${sql.bind(test.value, "integer")})`,
  "not-rated-ineffective": (test, sql) =>
    `NOT EXISTS (SELECT 1 FROM ${sql.table("ineffective_outcomes")} i WHERE i.clinician_id = c.id AND i.problem_area = ${sql.bind(test.problemArea, "text")} AND i.cases >= ${sql.bind(test.minCases, "integer")})`,
  "in-network": (test, sql) => {
    const payer = sql.bind(test.payerId, "text");
    // Without a plan id only panels open to every plan count: a plan-limited one fails closed.
    const plan = test.planId === undefined ? "n.plan_id IS NULL" : `(n.plan_id IS NULL OR n.plan_id = ${sql.bind(test.planId, "text")})`;
    return `NOT (c.pre_licensed AND EXISTS (SELECT 1 FROM ${sql.table("payers_refusing_associates")} x WHERE x.payer_id = ${payer}))
      AND EXISTS (SELECT 1 FROM ${sql.table("networks")} n WHERE n.clinician_id = c.id AND n.payer_id = ${payer} AND ${plan}
        AND n.covered @> daterange(${sql.bind(test.from, "date")}, ${sql.bind(test.to, "date")}, '[]'))`;
  },
  "fee-within": (test, sql) => {
    const budget = sql.bind(test.minorUnits, "bigint");
    // The fee columns may be NULL: each comparison is coalesced, so `not` stays the complement.
    return `coalesce(c.fee_currency = ${sql.bind(test.currency, "text")}, FALSE) AND (coalesce(c.fee_minor_units <= ${budget}, FALSE) OR coalesce(c.sliding_floor_minor_units <= ${budget}, FALSE))`;
  },
  "office-within": (test, sql) => {
    const lat = sql.bind(test.point.lat, "double precision");
    const lon = sql.bind(test.point.lon, "double precision");
    // No office is nearer than its difference in latitude: a band on the lat index before the exact distance.
    const band = sql.bind(test.radiusKm / ((EARTH_RADIUS_KM * Math.PI) / 180) + RADIUS_SLACK_KM, "double precision");
    const distance = `2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(power(sin(radians(o.lat - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(o.lat)) * power(sin(radians(o.lon - ${lon}) / 2), 2))))`;
    const radius = sql.bind(test.radiusKm + RADIUS_SLACK_KM, "double precision");
    const near = office(
      sql,
      `o.lat BETWEEN ${lat} - ${band} AND ${lat} + ${band} AND ${distance} <= ${radius}`,
      sql.bind(test.licensedOn, "date"),
    );
    // An office within the radius lies in one of the grid cells around the point: an indexed condition first.
    const cells = cellsNear(test.point, test.radiusKm);
    return cells === undefined ? near : `c.office_cells && ${sql.bind(cells, "text[]")} AND ${near}`;
  },
  "office-in": (test, sql) => {
    const where = sql.bind(test.jurisdiction, "text");
    // An office in the jurisdiction or a subdivision of it has the jurisdiction among its places: an indexed condition first.
    return `c.office_places && ARRAY[${where}] AND ${office(sql, `(o.jurisdiction = ${where} OR starts_with(o.jurisdiction, ${where} || '-'))`, sql.bind(test.licensedOn, "date"))}`;
  },
  licensed: (test, sql) => licensed(sql, sql.bind(test.jurisdiction, "text"), sql.bind(test.mode, "text"), sql.bind(test.on, "date")),
};

/**
 * One predicate as an SQL condition on the clinician `c`. Never NULL: a nullable column is tested
 * with IS NULL or coalesced, so `not` is the complement; and no predicate is wrapped as a whole, so
 * the planner can use the indexes (GIN for the code arrays) and turn EXISTS into semi-joins.
 */
export function predicateSql(test: FilterPredicate, sql: SqlWriter): string {
  return (WRITERS[test.op] as (test: FilterPredicate, sql: SqlWriter) => string)(test, sql);
}

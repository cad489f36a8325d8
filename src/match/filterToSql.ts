import { ExpectedText, FROM_SCHEMA, InvalidInputError, type IssuePath } from "../errors.js";
import { validate } from "../model/validate.js";
import { type FilterExpression, HardConstraintFilter } from "./filter.js";
import { predicateSql, type SqlWriter } from "./internal/sqlPredicates.js";
import { tableNamer } from "./internal/sqlTables.js";
import { SqlTableOptions, type SqlTableOptionsInput } from "./sqlTableOptions.js";

/** A parameterised query: SQL text with `$1`, `$2`… and the values to bind, in order. */
export interface SqlQuery {
  readonly text: string;
  readonly values: readonly unknown[];
}

const MAX_DEPTH = 32;

/** The first path deeper than the limit, checked before the schema walks the expression. */
function tooDeep(expression: unknown, path: IssuePath, depth: number): IssuePath | undefined {
  if (typeof expression !== "object" || expression === null) return undefined;
  if (depth > MAX_DEPTH) return path;
  for (const key of ["and", "or"] as const) {
    const terms = (expression as Record<string, unknown>)[key];
    if (!Array.isArray(terms)) continue;
    for (let index = 0; index < terms.length; index += 1) {
      const found = tooDeep(terms[index], [...path, key, index], depth + 1);
      if (found !== undefined) return found;
    }
  }
  const inner = (expression as Record<string, unknown>)["not"];
  return inner === undefined ? undefined : tooDeep(inner, [...path, "not"], depth + 1);
}

/** Throws when an expression is nested deeper than the limit, before the schema walks it (and the stack with it). */
function rejectDeepNesting(filter: unknown): void {
  const constraints = (filter as { constraints?: unknown } | null)?.constraints;
  if (!Array.isArray(constraints)) return;
  for (let index = 0; index < constraints.length; index += 1) {
    const deep = tooDeep((constraints[index] as { where?: unknown } | null)?.where, ["constraints", index, "where"], 1);
    if (deep !== undefined)
      throw new InvalidInputError("filter", [{ path: deep, code: "too-big", expected: ExpectedText.filterDepth }], FROM_SCHEMA);
  }
}

/**
 * Compiles a {@link HardConstraintFilter} to one parameterised PostgreSQL
 * query over the tables of {@link directoryTables}: it selects the `id` of
 * every clinician who meets every constraint, in no particular order
 * (`rankCandidates` orders them). Every value is
 * a bound parameter (`$1`, `$2`…, cast in the SQL), never written into the
 * text; only the fixed table and column names and `schema`, a checked
 * identifier, are. Run it with any driver that binds parameters (`pg`,
 * `postgres`, PGlite), then rank the ids with `matcher.rankCandidates`.
 *
 * Distances use the matcher's haversine formula in SQL, with a micrometre
 * of slack so the database's rounding never drops a clinician the matcher
 * keeps; ranking checks every constraint again, so a clinician at the very
 * edge is decided by the matcher.
 *
 * @param filter - the filter, as {@link hardConstraintFilter} gives it (or as parsed back from JSON)
 * @param options - `schema`: where the tables live (see {@link directoryTables})
 * @throws {@link InvalidInputError} when the filter is malformed or nested more than 32 levels deep
 *
 * @example
 * ```ts
 * import { filterToSql, hardConstraintFilter } from "referwell/match";
 *
 * const filter = hardConstraintFilter(
 *   { criteria: { location: { jurisdiction: "US-OR" }, require: { modes: ["telehealth"], problemAreas: ["trauma"] } } },
 *   { now: "2026-11-23" },
 * );
 * const query = filterToSql(filter);
 * query.text.startsWith("SELECT c.id FROM referwell_clinicians c WHERE"); // => true
 * query.values.includes("trauma"); // => false
 * query.values.some((value) => Array.isArray(value) && value.includes("trauma")); // => true
 * ```
 */
export function filterToSql(filter: HardConstraintFilter, options: SqlTableOptionsInput = {}): SqlQuery {
  const { schema } = validate(SqlTableOptions, options, "options");
  rejectDeepNesting(filter);
  const parsed = validate(HardConstraintFilter, filter, "filter");
  const values: unknown[] = [];
  const sql: SqlWriter = {
    bind(value, type) {
      values.push(value);
      return `$${values.length}::${type}`;
    },
    table: tableNamer(schema),
  };

  // No predicate is ever NULL (see predicateSql), so `not` is always the complement.
  const expression = (term: FilterExpression): string => {
    if ("and" in term) return term.and.length === 0 ? "TRUE" : `(${term.and.map(expression).join(" AND ")})`;
    if ("or" in term) return term.or.length === 0 ? "FALSE" : `(${term.or.map(expression).join(" OR ")})`;
    if ("not" in term) return `NOT ${expression(term.not)}`;
    return `(${predicateSql(term, sql)})`;
  };

  const where = parsed.constraints.map((entry) => `-- ${entry.constraint}\n  ${expression(entry.where)}`);
  return {
    text: `SELECT c.id FROM ${sql.table("clinicians")} c WHERE ${where.length === 0 ? "TRUE" : `\n  ${where.join("\n  AND ")}`}`,
    values,
  };
}

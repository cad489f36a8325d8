import { validate } from "../model/validate.js";
import { type SqlTable, tableNamer } from "./internal/sqlTables.js";
import { SqlTableOptions, type SqlTableOptionsInput } from "./sqlTableOptions.js";

// Columns per table; the rows of `directoryRows` carry the same names.
const COLUMNS: Readonly<Record<SqlTable, string>> = {
  clinicians: `id text PRIMARY KEY,
  practice_id text,
  accepting_new_clients boolean NOT NULL,
  caseload_current integer NOT NULL,
  caseload_max integer NOT NULL,
  new_clients_this_week integer NOT NULL,
  weekly_new_client_limit integer NOT NULL,
  expected_wait_days integer,
  populations text[] NOT NULL,
  problem_areas text[] NOT NULL,
  modalities text[] NOT NULL,
  languages text[] NOT NULL,
  cultures text[] NOT NULL,
  faiths text[] NOT NULL,
  levels_of_care text[] NOT NULL,
  discipline text NOT NULL,
  reach text[] NOT NULL,
  office_places text[] NOT NULL,
  office_cells text[] NOT NULL,
  birth_year integer,
  works_with_interpreters boolean NOT NULL,
  telehealth boolean NOT NULL,
  pre_licensed boolean NOT NULL,
  may_practise boolean NOT NULL,
  fee_currency text,
  fee_minor_units bigint,
  sliding_floor_minor_units bigint`,
  licences: "clinician_id text NOT NULL, jurisdiction text NOT NULL, valid daterange NOT NULL",
  privileges: "clinician_id text NOT NULL, privilege integer NOT NULL, compact_id text NOT NULL, grants text[], valid daterange NOT NULL",
  privilege_days:
    "clinician_id text NOT NULL, compact_id text NOT NULL, jurisdiction text NOT NULL, year integer NOT NULL, days integer NOT NULL",
  networks: "clinician_id text NOT NULL, payer_id text NOT NULL, plan_id text, covered daterange NOT NULL",
  offices: "clinician_id text NOT NULL, jurisdiction text NOT NULL, lat double precision NOT NULL, lon double precision NOT NULL",
  ineffective_outcomes: "clinician_id text NOT NULL, problem_area text NOT NULL, cases integer NOT NULL",
  compacts: "id text PRIMARY KEY, modes text[] NOT NULL, max_days_per_year integer",
  compact_members: "compact_id text NOT NULL, jurisdiction text NOT NULL, PRIMARY KEY (compact_id, jurisdiction)",
  regulations:
    "jurisdiction text NOT NULL, discipline text NOT NULL, licence_required boolean NOT NULL, PRIMARY KEY (jurisdiction, discipline)",
  payers_refusing_associates: "payer_id text PRIMARY KEY",
};

// The indexes the compiled filter's plans use: GIN for the code arrays, btree to reach a clinician's rows or a jurisdiction's, GiST for date ranges.
const INDEXES: readonly (readonly [SqlTable, string, string])[] = [
  ["clinicians", "populations", "gin (populations)"],
  ["clinicians", "problem_areas", "gin (problem_areas)"],
  ["clinicians", "modalities", "gin (modalities)"],
  ["clinicians", "languages", "gin (languages)"],
  ["clinicians", "reach", "gin (reach)"],
  ["clinicians", "office_places", "gin (office_places)"],
  ["clinicians", "office_cells", "gin (office_cells)"],
  ["licences", "clinician", "btree (clinician_id)"],
  ["licences", "jurisdiction", "btree (jurisdiction, clinician_id)"],
  ["licences", "valid", "gist (valid)"],
  ["privileges", "clinician", "btree (clinician_id)"],
  ["privileges", "compact", "btree (compact_id, clinician_id)"],
  ["privileges", "valid", "gist (valid)"],
  ["privilege_days", "clinician", "btree (clinician_id, compact_id, year)"],
  ["networks", "clinician", "btree (clinician_id, payer_id)"],
  ["networks", "payer", "btree (payer_id, plan_id, clinician_id)"],
  ["networks", "covered", "gist (covered)"],
  ["offices", "clinician", "btree (clinician_id)"],
  ["offices", "lat", "btree (lat)"],
  ["offices", "jurisdiction", "btree (jurisdiction, clinician_id)"],
  ["ineffective_outcomes", "clinician", "btree (clinician_id, problem_area)"],
];

/**
 * The PostgreSQL tables (and their indexes) that hold a directory for
 * {@link filterToSql}: one statement after another, each ending in `;`,
 * every one `IF NOT EXISTS`, so running it again changes nothing. Fill them
 * with {@link directoryRows}. Tables are named `referwell_*`, in `schema`
 * when given (see the layout in the scale guide). PostgreSQL 14 or later.
 *
 * @param options - `schema`: a lower-case SQL identifier to put the tables in
 * @throws {@link InvalidInputError} when `schema` is not a plain identifier
 *
 * @example
 * ```ts
 * import { directoryTables } from "referwell/match";
 *
 * const ddl = directoryTables();
 * ddl.startsWith("CREATE TABLE IF NOT EXISTS referwell_clinicians ("); // => true
 * directoryTables({ schema: "directory" }).includes("directory.referwell_licences"); // => true
 * ```
 */
export function directoryTables(options: SqlTableOptionsInput = {}): string {
  const { schema } = validate(SqlTableOptions, options, "options");
  const name = tableNamer(schema);
  const tables = Object.entries(COLUMNS).map(
    ([table, columns]) => `CREATE TABLE IF NOT EXISTS ${name(table as SqlTable)} (\n  ${columns}\n);`,
  );
  const indexes = INDEXES.map(
    ([table, suffix, using]) => `CREATE INDEX IF NOT EXISTS referwell_${table}_${suffix} ON ${name(table)} USING ${using};`,
  );
  return [...tables, ...indexes].join("\n");
}

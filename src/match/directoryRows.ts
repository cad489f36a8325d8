import { createVocabulary } from "../model/createVocabulary.js";
import { Directory, type DirectoryInput } from "../model/directory.js";
import { validate } from "../model/validate.js";
import { unlicensedJurisdictions } from "./internal/unlicensedJurisdictions.js";
import { licenceRequiredByPlace } from "../model/internal/licenceRequiredByPlace.js";
import { clinicianRow, ineffectiveRows, licensureRows, networkRows, regulationRows } from "./internal/clinicianRows.js";
import { MatcherOptions, type MatcherOptionsInput } from "./schemas.js";

/** One clinician as the `referwell_clinicians` table holds it: what the hard constraints read, with codes canonical. */
export interface ClinicianRow {
  readonly id: string;
  readonly practice_id: string | null;
  readonly accepting_new_clients: boolean;
  readonly caseload_current: number;
  readonly caseload_max: number;
  readonly new_clients_this_week: number;
  readonly weekly_new_client_limit: number;
  readonly expected_wait_days: number | null;
  /** Served populations: `older-adults` added where `adults` is listed, as the matcher reads it. */
  readonly populations: readonly string[];
  readonly problem_areas: readonly string[];
  readonly modalities: readonly string[];
  /** Primary language subtags, lower case. */
  readonly languages: readonly string[];
  readonly cultures: readonly string[];
  readonly faiths: readonly string[];
  /** `outpatient` when the clinician lists none. */
  readonly levels_of_care: readonly string[];
  readonly discipline: string;
  /**
   * Every jurisdiction where the clinician may be licensed (licences, the
   * members of compacts they hold a privilege under, where their discipline
   * needs no licence): a licensure check can pass only where this reaches.
   */
  readonly reach: readonly string[];
  /** The jurisdictions of the offices, and their countries. */
  readonly office_places: readonly string[];
  /** The one-degree grid cells of the offices, `lat:lon`. */
  readonly office_cells: readonly string[];
  readonly birth_year: number | null;
  readonly works_with_interpreters: boolean;
  readonly telehealth: boolean;
  readonly pre_licensed: boolean;
  /** False for an associate without a supervisor of record, who is authorized nowhere. */
  readonly may_practise: boolean;
  readonly fee_currency: string | null;
  readonly fee_minor_units: number | null;
  readonly sliding_floor_minor_units: number | null;
}

/**
 * A directory as rows of the tables {@link directoryTables} creates, one
 * array per table (the key is the table's name without the `referwell_`
 * prefix), each row keyed by column. Dates are PostgreSQL `daterange`
 * literals, both ends inclusive.
 */
export interface DirectoryRows {
  readonly clinicians: readonly ClinicianRow[];
  /** Each licence: where, and the days it is in force. */
  readonly licences: readonly { readonly clinician_id: string; readonly jurisdiction: string; readonly valid: string }[];
  /**
   * Each compact privilege, on the days it counts: its own period, within
   * the days a home licence its compact requires is in force. `grants` lists
   * the jurisdictions it is limited to (null: every member). A privilege
   * that grants nothing, or any privilege of an associate, has no row.
   * `privilege` numbers a clinician's privileges.
   */
  readonly privileges: readonly {
    readonly clinician_id: string;
    readonly privilege: number;
    readonly compact_id: string;
    readonly grants: readonly string[] | null;
    readonly valid: string;
  }[];
  /** Days already practised under a compact, per jurisdiction and year (compacts with a yearly limit), from each of the clinician's privileges under it. */
  readonly privilege_days: readonly {
    readonly clinician_id: string;
    readonly compact_id: string;
    readonly jurisdiction: string;
    readonly year: number;
    readonly days: number;
  }[];
  /**
   * The days each payer keeps the clinician in network without a break
   * (renewals joined): `plan_id` null for panels open to every plan of the
   * payer, else one plan's days (its own panels and the open ones).
   */
  readonly networks: readonly {
    readonly clinician_id: string;
    readonly payer_id: string;
    readonly plan_id: string | null;
    readonly covered: string;
  }[];
  readonly offices: readonly { readonly clinician_id: string; readonly jurisdiction: string; readonly lat: number; readonly lon: number }[];
  /** Ineffective outcome ratings per problem area (canonical), with their cases. */
  readonly ineffective_outcomes: readonly { readonly clinician_id: string; readonly problem_area: string; readonly cases: number }[];
  readonly compacts: readonly { readonly id: string; readonly modes: readonly string[]; readonly max_days_per_year: number | null }[];
  readonly compact_members: readonly { readonly compact_id: string; readonly jurisdiction: string }[];
  /** Whether a jurisdiction requires a licence for a discipline (canonical): one row per pair, required where two regulations disagree. */
  readonly regulations: readonly { readonly jurisdiction: string; readonly discipline: string; readonly licence_required: boolean }[];
  readonly payers_refusing_associates: readonly { readonly payer_id: string }[];
}

/**
 * Turns a directory into the rows of the tables {@link directoryTables}
 * creates, so a database can run the hard constraints of a request (see
 * {@link hardConstraintFilter} and {@link filterToSql}). Codes are made
 * canonical with the vocabulary of `options`, which must be the matcher's,
 * and what the matcher works out per clinician is worked out here once:
 * served populations, the days each compact privilege counts, and each
 * payer's unbroken days in network. Rows hold no names, contact details or
 * free text beyond ids and codes.
 *
 * @param directory - the directory, as `createMatcher` takes it
 * @param options - the matcher's options (its vocabulary is read)
 * @throws {@link InvalidInputError} when the directory or options are malformed
 *
 * @example
 * ```ts
 * import { directoryRows } from "referwell/match";
 *
 * const rows = directoryRows({
 *   clinicians: [
 *     {
 *       id: "ana",
 *       name: "Ana",
 *       discipline: "psychologist",
 *       licensure: { licenses: [{ jurisdiction: "US-OR", period: { start: "2019-06-01" } }] },
 *       problemAreas: ["depression"],
 *       populations: ["adults"],
 *       languages: ["en-US"],
 *       telehealth: true,
 *       insurancePanels: [
 *         { payerId: "aetna", period: { start: "2024-01-01", end: "2026-12-31" } },
 *         { payerId: "aetna", period: { start: "2027-01-01" } },
 *       ],
 *       availability: { timeZone: "America/Los_Angeles", slots: [] },
 *       acceptingNewClients: true,
 *       capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
 *     },
 *   ],
 * });
 * rows.clinicians[0]?.populations; // => ["adults", "older-adults"]
 * rows.clinicians[0]?.languages; // => ["en"]
 * rows.licences[0]?.valid; // => "[2019-06-01,)"
 * rows.networks.map((row) => row.covered); // => ["[2024-01-01,)"]
 * ```
 */
export function directoryRows(directory: DirectoryInput, options: MatcherOptionsInput = {}): DirectoryRows {
  const parsed = validate(Directory, directory, "directory");
  const matcherOptions = validate(MatcherOptions, options, "options");
  const vocabulary = createVocabulary(matcherOptions.vocabulary ?? {});
  const compacts = new Map(parsed.compacts.map((compact) => [compact.id, compact]));
  const licenceRequired = licenceRequiredByPlace(parsed.regulations ?? [], (tag) => vocabulary.canonical("disciplines", tag));
  const context = { vocabulary, compacts, unlicensed: unlicensedJurisdictions(licenceRequired) };
  const rows = {
    clinicians: [] as ClinicianRow[],
    licences: [] as DirectoryRows["licences"][number][],
    privileges: [] as DirectoryRows["privileges"][number][],
    privilege_days: [] as DirectoryRows["privilege_days"][number][],
    networks: [] as DirectoryRows["networks"][number][],
    offices: [] as DirectoryRows["offices"][number][],
    ineffective_outcomes: [] as DirectoryRows["ineffective_outcomes"][number][],
  };
  for (const clinician of parsed.clinicians) {
    rows.clinicians.push(clinicianRow(clinician, context));
    const licensure = licensureRows(clinician, compacts);
    rows.licences.push(...licensure.licences);
    rows.privileges.push(...licensure.privileges);
    rows.privilege_days.push(...licensure.privilege_days);
    rows.networks.push(...networkRows(clinician));
    for (const office of clinician.locations)
      rows.offices.push({ clinician_id: clinician.id, jurisdiction: office.jurisdiction, lat: office.point.lat, lon: office.point.lon });
    rows.ineffective_outcomes.push(...ineffectiveRows(clinician, vocabulary));
  }
  return {
    ...rows,
    compacts: parsed.compacts.map((compact) => ({
      id: compact.id,
      modes: compact.modes,
      max_days_per_year: compact.rules?.maxDaysPerYear ?? null,
    })),
    compact_members: parsed.compacts.flatMap((compact) =>
      [...new Set(compact.members)].map((jurisdiction) => ({ compact_id: compact.id, jurisdiction })),
    ),
    regulations: regulationRows(licenceRequired),
    payers_refusing_associates: parsed.payers.filter((payer) => payer.acceptsAssociates === false).map((payer) => ({ payer_id: payer.id })),
  };
}

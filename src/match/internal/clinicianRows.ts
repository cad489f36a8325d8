import type { Clinician } from "../../model/clinician.js";
import type { Vocabulary } from "../../model/createVocabulary.js";
import type { Compact } from "../../model/licensure.js";
import { countryOf, DEFAULT_RULES, isMember } from "../../model/internal/licensureFor.js";
import { normalizeTag } from "../../model/normalizeTag.js";
import type { ClinicianRow, DirectoryRows } from "../directoryRows.js";
import { clipSpans, dateRangeLiteral, type DaySpan, joinSpans } from "./dateRanges.js";
import { primaryLanguage } from "./primaryLanguage.js";
import { telehealthJurisdictions } from "./telehealthJurisdictions.js";
import { gridCell } from "./gridCell.js";
import type { Jurisdiction } from "../../model/scalars.js";

type Row<Table extends keyof DirectoryRows> = DirectoryRows[Table][number];

/** A licence with no period is in force on every day. */
const ALWAYS = { start: "0001-01-01", end: undefined } as const;

/** What the rows of every clinician read from the directory as a whole. */
export interface DirectoryContext {
  readonly vocabulary: Vocabulary;
  readonly compacts: ReadonlyMap<string, Compact>;
  /** Where a canonical discipline needs no licence. */
  readonly unlicensed: ReadonlyMap<string, readonly Jurisdiction[]>;
}

/** Where the clinician's offices are, by jurisdiction and its country, and by grid cell: what the SQL's index conditions look up. */
function officeKeys(clinician: Clinician): Pick<ClinicianRow, "office_places" | "office_cells"> {
  const places = new Set<string>();
  const cells = new Set<string>();
  for (const office of clinician.locations) {
    places.add(office.jurisdiction).add(countryOf(office.jurisdiction));
    cells.add(gridCell(office.point.lat, office.point.lon));
  }
  return { office_places: [...places], office_cells: [...cells] };
}

/** The clinician's own row: what the hard constraints read, codes canonical as the matcher compiles them. */
export function clinicianRow(clinician: Clinician, { vocabulary, compacts, unlicensed }: DirectoryContext): ClinicianRow {
  const { capacity, licensure } = clinician;
  const codes = (list: "problemAreas" | "modalities" | "populations", tags: readonly string[]) => [
    ...new Set(tags.map((tag) => vocabulary.canonical(list, tag))),
  ];
  const populations = codes("populations", clinician.populations);
  // A clinician who sees adults is taken to see older adults too, as the matcher reads it.
  if (populations.includes("adults") && !populations.includes("older-adults")) populations.push("older-adults");
  return {
    id: clinician.id,
    practice_id: clinician.practiceId ?? null,
    accepting_new_clients: clinician.acceptingNewClients,
    caseload_current: capacity.caseloadCurrent,
    caseload_max: capacity.caseloadMax,
    new_clients_this_week: capacity.newClientsThisWeek,
    weekly_new_client_limit: capacity.weeklyNewClientLimit,
    expected_wait_days: capacity.expectedWaitDays ?? null,
    populations,
    problem_areas: codes("problemAreas", clinician.problemAreas),
    modalities: codes("modalities", clinician.modalities),
    languages: [...new Set(clinician.languages.map(primaryLanguage))],
    cultures: [...new Set((clinician.cultures ?? []).map(normalizeTag))],
    faiths: [...new Set((clinician.faiths ?? []).map(normalizeTag))],
    levels_of_care: [...new Set(clinician.levelsOfCare ?? ["outpatient"])],
    discipline: vocabulary.canonical("disciplines", clinician.discipline),
    reach: telehealthJurisdictions(
      clinician,
      new Map([...compacts].map(([id, compact]) => [id, compact.members])),
      unlicensed.get(vocabulary.canonical("disciplines", clinician.discipline)),
    ),
    ...officeKeys(clinician),
    birth_year: clinician.birthYear ?? null,
    works_with_interpreters: clinician.worksWithInterpreters === true,
    telehealth: clinician.telehealth,
    pre_licensed: licensure.status === "pre-licensed",
    may_practise: licensure.status !== "pre-licensed" || licensure.supervisorId !== undefined,
    ...feeColumns(clinician),
  };
}

/** The fee and the sliding-scale floor (in the fee's currency, as the schema requires). */
const feeColumns = ({ fee, slidingScaleFloor }: Clinician) => ({
  fee_currency: fee?.currency ?? null,
  fee_minor_units: fee?.minorUnits ?? null,
  sliding_floor_minor_units: slidingScaleFloor?.minorUnits ?? null,
});

/** The days a privilege counts, as the matcher's licensure check has them: its period, while a licence its compact requires is in force. */
function privilegeSpans(clinician: Clinician, privilege: Clinician["licensure"]["compacts"][number], compact: Compact): DaySpan[] {
  const members = new Set(compact.members);
  const rules = compact.rules ?? DEFAULT_RULES;
  const { home } = privilege;
  const homeLicences = clinician.licensure.licenses.filter((license) =>
    rules.home === "any-member"
      ? isMember(members, license.jurisdiction)
      : home !== undefined && isMember(members, home) && (license.jurisdiction === home || license.jurisdiction === countryOf(home)),
  );
  return clipSpans(joinSpans(homeLicences.map((license) => license.period ?? ALWAYS)), privilege.period);
}

/** Licences, the spans each compact privilege counts, and the days used under them. */
export function licensureRows(
  clinician: Clinician,
  compacts: ReadonlyMap<string, Compact>,
): { licences: Row<"licences">[]; privileges: Row<"privileges">[]; privilege_days: Row<"privilege_days">[] } {
  const { id, licensure } = clinician;
  const licences = licensure.licenses.map((license) => ({
    clinician_id: id,
    jurisdiction: license.jurisdiction,
    valid: dateRangeLiteral({ start: license.period?.start ?? ALWAYS.start, end: license.period?.end }),
  }));
  const privileges: Row<"privileges">[] = [];
  const privilegeDays: Row<"privilege_days">[] = [];
  // Pre-licensed clinicians hold no compact privileges, as the licensure check has it.
  if (licensure.status === "pre-licensed") return { licences, privileges, privilege_days: privilegeDays };
  licensure.compacts.forEach((privilege, index) => {
    const compact = compacts.get(privilege.compactId) as Compact;
    // Days count under the compact whatever the record they are listed on, one that authorizes nothing included.
    for (const used of privilege.daysUsed ?? [])
      privilegeDays.push({ clinician_id: id, compact_id: compact.id, jurisdiction: used.jurisdiction, year: used.year, days: used.days });
    // One privilege per remote state grants nothing without any listed.
    if (privilege.jurisdictions === undefined && (compact.rules ?? DEFAULT_RULES).grant === "per-jurisdiction") return;
    const grants = privilege.jurisdictions ?? null;
    for (const span of privilegeSpans(clinician, privilege, compact))
      privileges.push({ clinician_id: id, privilege: index, compact_id: compact.id, grants, valid: dateRangeLiteral(span) });
  });
  return { licences, privileges, privilege_days: privilegeDays };
}

/** Each payer's unbroken days in network, per plan: the open panels alone (plan null), and each plan named with the open ones. */
export function networkRows(clinician: Clinician): Row<"networks">[] {
  const rows: Row<"networks">[] = [];
  const byPayer = new Map<string, Clinician["insurancePanels"]>();
  for (const panel of clinician.insurancePanels) byPayer.set(panel.payerId, [...(byPayer.get(panel.payerId) ?? []), panel]);
  for (const [payerId, panels] of byPayer) {
    const plans = new Set(panels.flatMap((panel) => panel.plans ?? []));
    for (const planId of [null, ...[...plans].sort()]) {
      const counted = panels.filter((panel) => panel.plans === undefined || (planId !== null && panel.plans.includes(planId)));
      for (const span of joinSpans(counted.map((panel) => panel.period)))
        rows.push({ clinician_id: clinician.id, payer_id: payerId, plan_id: planId, covered: dateRangeLiteral(span) });
    }
  }
  return rows;
}

/**
 * One row per canonical problem area the clinician is rated ineffective
 * with, on the most cases of those ratings: the veto holds when any
 * ineffective rating of the area has enough cases, as the matcher reads
 * ratings (see `worstOutcome`).
 */
export function ineffectiveRows(clinician: Clinician, vocabulary: Vocabulary): Row<"ineffective_outcomes">[] {
  const cases = new Map<string, number>();
  for (const outcome of clinician.outcomes ?? []) {
    if (outcome.rating !== "ineffective") continue;
    const area = vocabulary.canonical("problemAreas", outcome.problemArea);
    cases.set(area, Math.max(cases.get(area) ?? 0, outcome.cases));
  }
  return [...cases].map(([problemArea, most]) => ({ clinician_id: clinician.id, problem_area: problemArea, cases: most }));
}

/** One row per jurisdiction and discipline, as the licensure check reads them (see `licenceRequiredByPlace`). */
export function regulationRows(licenceRequired: ReadonlyMap<Jurisdiction, ReadonlyMap<string, boolean>>): Row<"regulations">[] {
  const rows: Row<"regulations">[] = [];
  for (const [jurisdiction, disciplines] of licenceRequired)
    for (const [discipline, required] of disciplines) rows.push({ jurisdiction, discipline, licence_required: required });
  return rows;
}

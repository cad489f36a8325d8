import { createVocabulary } from "../../model/createVocabulary.js";
import type { Clinician } from "../../model/clinician.js";
import type { Directory } from "../../model/directory.js";
import { normalizeTag } from "../../model/normalizeTag.js";
import type { Jurisdiction } from "../../model/scalars.js";
import type { CompiledClinician, CompiledDirectory, CompiledSlot } from "./compiled.js";
import { gridCell } from "./gridCell.js";
import { licensureRules } from "../../model/internal/licensureFor.js";
import { primaryLanguage } from "./primaryLanguage.js";
import type { MatcherOptions } from "../schemas.js";
import { compareText } from "../../model/internal/compareText.js";
import { minutesOf } from "../../model/internal/minutesOf.js";
import { pushTo } from "../../model/internal/pushTo.js";

const OUTPATIENT = ["outpatient"] as const;
const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** A clinician who sees adults is taken to see older adults too; few list both. */
function servedPopulations(codes: readonly string[]): Set<string> {
  const served = new Set(codes);
  if (served.has("adults")) served.add("older-adults");
  return served;
}

function push<K>(map: Map<K, number[]>, key: K, index: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [index]);
  else if (list[list.length - 1] !== index) list.push(index);
}

/** For each code, which clinicians hold it, one byte per clinician: a required code then filters candidates with a lookup. */
function bitmaps(
  clinicians: readonly CompiledClinician[],
  codes: (clinician: CompiledClinician) => ReadonlySet<string>,
): Map<string, Uint8Array> {
  const maps = new Map<string, Uint8Array>();
  for (const clinician of clinicians) {
    for (const code of codes(clinician)) {
      let map = maps.get(code);
      if (map === undefined) maps.set(code, (map = new Uint8Array(clinicians.length)));
      map[clinician.index] = 1;
    }
  }
  return maps;
}

/** Where a discipline needs no licence (UK counselling, say): its clinicians may be reached there without one. */
export function unlicensedJurisdictions(
  directory: Pick<Directory, "regulations">,
  canonical: (tag: string) => string,
): Map<string, Jurisdiction[]> {
  const where = new Map<string, Jurisdiction[]>();
  for (const rule of directory.regulations ?? []) {
    if (rule.licenceRequired) continue;
    const discipline = canonical(rule.discipline);
    pushTo(where, discipline, rule.jurisdiction);
  }
  return where;
}

/** The jurisdictions a clinician may be licensed for telehealth in, sorted: licences, compact members, and where none is needed. */
export function telehealthJurisdictions(
  source: Clinician,
  compactMembers: ReadonlyMap<string, readonly Jurisdiction[]>,
  unlicensed: readonly Jurisdiction[] | undefined,
): Jurisdiction[] {
  const jurisdictions = new Set<Jurisdiction>(source.licensure.licenses.map((license) => license.jurisdiction));
  for (const privilege of source.licensure.compacts)
    for (const member of compactMembers.get(privilege.compactId) ?? []) jurisdictions.add(member);
  for (const where of unlicensed ?? []) jurisdictions.add(where);
  return [...jurisdictions].sort();
}

/** How many clinicians of the directory share each one's practice: a clinician without a practice is a practice of one. */
function practiceSizes(clinicians: readonly Clinician[]): (clinician: Clinician) => number {
  const sizes = new Map<string, number>();
  for (const { practiceId } of clinicians) if (practiceId !== undefined) sizes.set(practiceId, (sizes.get(practiceId) ?? 0) + 1);
  return ({ practiceId }) => (practiceId === undefined ? 1 : (sizes.get(practiceId) ?? 1));
}

const compiledSlot = (slot: Clinician["availability"]["slots"][number]): CompiledSlot => ({
  day: WEEKDAYS.indexOf(slot.day),
  start: minutesOf(slot.start),
  end: minutesOf(slot.end),
  modes: slot.modes,
});

/**
 * Indexes a validated directory once: canonical code sets per clinician,
 * slots as minutes, and lookups by jurisdiction and by grid cell, so a query
 * touches only clinicians who could be licensed or reached.
 */
export function compileDirectory(directory: Directory, options: MatcherOptions): CompiledDirectory {
  const vocabulary = createVocabulary(options.vocabulary ?? {});
  const sorted = [...directory.clinicians].sort((a, b) => compareText(a.id, b.id));
  const compactMembers = new Map(directory.compacts.map((compact) => [compact.id, compact.members]));
  const canonicalDiscipline = (tag: string) => vocabulary.canonical("disciplines", tag);
  const unlicensedWhere = unlicensedJurisdictions(directory, canonicalDiscipline);
  const byJurisdiction = new Map<Jurisdiction, number[]>();
  const officesByJurisdiction = new Map<Jurisdiction, number[]>();
  const officesByCell = new Map<string, number[]>();
  const practiceSize = practiceSizes(sorted);
  const clinicians: CompiledClinician[] = sorted.map((source, index) => {
    // A clinician who is closed to new clients fails every request, so only open ones are indexed for ranking.
    const { capacity } = source;
    const open =
      source.acceptingNewClients &&
      capacity.caseloadCurrent < capacity.caseloadMax &&
      capacity.newClientsThisWeek < capacity.weeklyNewClientLimit;
    const reachable = open
      ? telehealthJurisdictions(source, compactMembers, unlicensedWhere.get(canonicalDiscipline(source.discipline)))
      : [];
    for (const jurisdiction of reachable) push(byJurisdiction, jurisdiction, index);
    for (const office of open ? source.locations : []) {
      push(officesByJurisdiction, office.jurisdiction, index);
      push(officesByCell, gridCell(office.point.lat, office.point.lon), index);
    }
    return {
      index,
      source,
      problemAreas: new Set(source.problemAreas.map((tag) => vocabulary.canonical("problemAreas", tag))),
      modalities: new Set(source.modalities.map((tag) => vocabulary.canonical("modalities", tag))),
      populations: servedPopulations(source.populations.map((tag) => vocabulary.canonical("populations", tag))),
      discipline: vocabulary.canonical("disciplines", source.discipline),
      levelsOfCare: new Set(source.levelsOfCare ?? OUTPATIENT),
      languages: new Set(source.languages.map(primaryLanguage)),
      gender: source.gender === undefined ? undefined : normalizeTag(source.gender),
      cultures: new Set((source.cultures ?? []).map(normalizeTag)),
      faiths: new Set((source.faiths ?? []).map(normalizeTag)),
      outcomes: new Map((source.outcomes ?? []).map((outcome) => [vocabulary.canonical("problemAreas", outcome.problemArea), outcome])),
      slots: source.availability.slots.map(compiledSlot),
      practiceSize: practiceSize(source),
    };
  });

  return {
    clinicians,
    byPopulation: bitmaps(clinicians, (clinician) => clinician.populations),
    byProblemArea: bitmaps(clinicians, (clinician) => clinician.problemAreas),
    byId: new Map(clinicians.map((clinician) => [clinician.source.id, clinician])),
    byJurisdiction,
    officesByJurisdiction,
    officesByCell,
    compacts: directory.compacts,
    licensure: licensureRules(directory.compacts, directory.regulations, canonicalDiscipline),
    payersRefusingAssociates: new Set(directory.payers.filter((payer) => payer.acceptsAssociates === false).map((payer) => payer.id)),
    vocabulary,
    options,
    hasOutcomes: clinicians.some((clinician) => clinician.outcomes.size > 0),
  };
}

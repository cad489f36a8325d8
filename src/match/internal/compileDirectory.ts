import { createVocabulary } from "../../model/createVocabulary.js";
import type { Directory } from "../../model/directory.js";
import { normalizeTag } from "../../model/normalizeTag.js";
import type { Jurisdiction } from "../../model/scalars.js";
import type { CompiledClinician, CompiledDirectory } from "./compiled.js";
import { gridCell } from "./gridCell.js";
import { primaryLanguage } from "./primaryLanguage.js";
import type { MatcherOptions } from "../schemas.js";
import { compareText } from "../../model/internal/compareText.js";
import { minutesOf } from "../../model/internal/minutesOf.js";

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

/**
 * Indexes a validated directory once: canonical code sets per clinician,
 * slots as minutes, and lookups by jurisdiction and by grid cell, so a query
 * touches only clinicians who could be licensed or reached.
 */
export function compileDirectory(directory: Directory, options: MatcherOptions): CompiledDirectory {
  const vocabulary = createVocabulary(options.vocabulary ?? {});
  const sorted = [...directory.clinicians].sort((a, b) => compareText(a.id, b.id));
  const compactMembers = new Map(directory.compacts.map((compact) => [compact.id, compact.members]));
  const byJurisdiction = new Map<Jurisdiction, number[]>();
  const officesByJurisdiction = new Map<Jurisdiction, number[]>();
  const officesByCell = new Map<string, number[]>();

  const clinicians: CompiledClinician[] = sorted.map((source, index) => {
    // A clinician who is closed to new clients fails every request, so only open ones are indexed for ranking.
    const { capacity } = source;
    const open =
      source.acceptingNewClients &&
      capacity.caseloadCurrent < capacity.caseloadMax &&
      capacity.newClientsThisWeek < capacity.weeklyNewClientLimit;
    const jurisdictions = new Set<Jurisdiction>(open ? source.licensure.licenses.map((license) => license.jurisdiction) : []);
    if (open)
      for (const privilege of source.licensure.compacts)
        for (const member of compactMembers.get(privilege.compactId) ?? []) jurisdictions.add(member);
    for (const jurisdiction of [...jurisdictions].sort()) push(byJurisdiction, jurisdiction, index);
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
      outcomes: new Map((source.outcomes ?? []).map((outcome) => [vocabulary.canonical("problemAreas", outcome.problemArea), outcome])),
      slots: source.availability.slots.map((slot) => ({
        day: WEEKDAYS.indexOf(slot.day),
        start: minutesOf(slot.start),
        end: minutesOf(slot.end),
        modes: slot.modes,
      })),
    };
  });

  return {
    clinicians,
    byId: new Map(clinicians.map((clinician) => [clinician.source.id, clinician])),
    byJurisdiction,
    officesByJurisdiction,
    officesByCell,
    compacts: directory.compacts,
    vocabulary,
    options,
    hasOutcomes: clinicians.some((clinician) => clinician.outcomes.size > 0),
  };
}

import type { Clinician } from "../../model/clinician.js";
import { normalizeTag } from "../../model/normalizeTag.js";
import type { ClinicianCodes } from "./clinicianCodes.js";
import { packedOutcome, writeCodes } from "./clinicianCodes.js";
import { packSlot } from "./packedSlot.js";
import type { ClinicianContext, CompiledClinician, MatchRecord } from "./compiled.js";
import { deepFreeze } from "../../model/internal/deepFreeze.js";
import { findUnknownTags } from "../../model/internal/findUnknownTags.js";
import { levelOfCareBit } from "./levelOfCareBit.js";
import { primaryLanguage } from "./primaryLanguage.js";

const NO_TAGS: readonly string[] = [];

/** The fields of a record the matcher reads, every one present so all records share one shape. */
const matchRecord = (source: Clinician): MatchRecord => ({
  id: source.id,
  discipline: source.discipline,
  practiceId: source.practiceId,
  licensure: source.licensure,
  insurancePanels: source.insurancePanels,
  fee: source.fee,
  slidingScaleFloor: source.slidingScaleFloor,
  locations: source.locations,
  telehealth: source.telehealth,
  medicareOptOut: source.medicareOptOut,
  timeZone: source.availability.timeZone,
  acceptingNewClients: source.acceptingNewClients,
  capacity: source.capacity,
  birthYear: source.birthYear,
  worksWithInterpreters: source.worksWithInterpreters,
});

/** A clinician who sees adults is taken to see older adults too; few list both. */
const servedPopulations = (codes: string[]): string[] => (codes.includes("adults") ? [...codes, "older-adults"] : codes);

/**
 * One validated clinician at its place in the directory: its canonical code
 * lists written into the directory's `codes` at `index` (which must be
 * empty), the fields the matcher reads and its unknown tags kept on the
 * compiled clinician.
 */
export function compileClinician(
  source: Clinician,
  index: number,
  { vocabulary }: ClinicianContext,
  codes: ClinicianCodes,
): CompiledClinician {
  const canonical = (list: "problemAreas" | "modalities" | "populations") => (tag: string) => vocabulary.canonical(list, tag);
  writeCodes(
    codes,
    index,
    [
      servedPopulations(source.populations.map(canonical("populations"))),
      source.problemAreas.map(canonical("problemAreas")),
      source.modalities.map(canonical("modalities")),
      source.languages.map(primaryLanguage),
      (source.cultures ?? NO_TAGS).map(normalizeTag),
      (source.faiths ?? NO_TAGS).map(normalizeTag),
      (source.outcomes ?? []).map((outcome) => vocabulary.canonical("problemAreas", outcome.problemArea)),
    ],
    [(source.outcomes ?? []).map(packedOutcome), source.availability.slots.map(packSlot)],
  );
  let levelsOfCare = 0;
  for (const level of source.levelsOfCare ?? ["outpatient" as const]) levelsOfCare |= levelOfCareBit(level);
  const unknownTags = findUnknownTags(vocabulary, [{ path: [], clinician: source }]);
  return {
    index,
    source: matchRecord(source),
    unknownTags: unknownTags.length === 0 ? undefined : deepFreeze(unknownTags),
    discipline: vocabulary.canonical("disciplines", source.discipline),
    levelsOfCare,
    gender: source.gender === undefined ? undefined : normalizeTag(source.gender),
  };
}

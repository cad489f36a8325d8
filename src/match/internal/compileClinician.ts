import type { Clinician } from "../../model/clinician.js";
import type { Vocabulary } from "../../model/createVocabulary.js";
import { normalizeTag } from "../../model/normalizeTag.js";
import type { ClinicianCodes } from "./clinicianCodes.js";
import { packedOutcome, writeCodes } from "./clinicianCodes.js";
import { packSlot } from "./packedSlot.js";
import type { ClinicianContext, CompiledClinician } from "./compiled.js";
import { deepFreeze } from "../../model/internal/deepFreeze.js";
import { findUnknownTags } from "../../model/internal/findUnknownTags.js";
import { levelOfCareBit } from "./levelOfCareBit.js";
import { primaryLanguage } from "./primaryLanguage.js";
import { packPanels } from "./packedPanels.js";
import { packCapacity } from "./packedCapacity.js";
import { packFees } from "./packedFees.js";
import { clinicianFlags } from "./clinicianFlags.js";

const NO_TAGS: readonly string[] = [];
/** One frozen empty list for every clinician without compact privileges, offices, outcomes or levels of care listed (most have no privilege), not an array each. */
const NONE = Object.freeze([]) as unknown as never[];

/** Outpatient care alone, for a clinician who lists no level of care. */
const OUTPATIENT_ONLY = levelOfCareBit("outpatient");

/** The canonical code of each of `tags` in `list` (a plain loop: this runs for every clinician of a directory). */
function canonicalCodes(vocabulary: Vocabulary, list: "problemAreas" | "modalities" | "populations", tags: readonly string[]): string[] {
  const codes = new Array<string>(tags.length);
  for (let at = 0; at < tags.length; at += 1) codes[at] = vocabulary.canonical(list, tags[at] as string);
  return codes;
}

/** A clinician who sees adults is taken to see older adults too; few list both. */
const servedPopulations = (codes: string[]): string[] => (codes.includes("adults") ? [...codes, "older-adults"] : codes);

/**
 * One validated clinician at its place in the directory: its canonical code
 * lists, insurance panels, capacity and fees written into the directory's `codes` at
 * `index` (which must be empty), and the fields the matcher reads as they
 * are and its unknown tags kept on the compiled clinician.
 */
export function compileClinician(
  source: Clinician,
  index: number,
  { vocabulary }: ClinicianContext,
  codes: ClinicianCodes,
): CompiledClinician {
  const panels = packPanels(source.insurancePanels);
  const outcomes = source.outcomes ?? NONE;
  writeCodes(
    codes,
    index,
    {
      populations: servedPopulations(canonicalCodes(vocabulary, "populations", source.populations)),
      problemAreas: canonicalCodes(vocabulary, "problemAreas", source.problemAreas),
      modalities: canonicalCodes(vocabulary, "modalities", source.modalities),
      languages: source.languages.map(primaryLanguage),
      cultures: source.cultures === undefined ? NO_TAGS : source.cultures.map(normalizeTag),
      faiths: source.faiths === undefined ? NO_TAGS : source.faiths.map(normalizeTag),
      outcomes: outcomes.map((outcome) => vocabulary.canonical("problemAreas", outcome.problemArea)),
      panelPayers: panels.payers,
      panelPlans: panels.plans,
    },
    {
      outcomeRatings: outcomes.map(packedOutcome),
      slots: source.availability.slots.map(packSlot),
      panels: panels.numbers,
      capacity: packCapacity(source.capacity),
      fee: packFees(source),
    },
  );
  let levelsOfCare = source.levelsOfCare === undefined ? OUTPATIENT_ONLY : 0;
  for (const level of source.levelsOfCare ?? NONE) levelsOfCare |= levelOfCareBit(level);
  const unknownTags = findUnknownTags(vocabulary, [{ path: [], clinician: source }]);
  // Every field present, so all compiled clinicians share one shape.
  return {
    index,
    id: source.id,
    practiceId: source.practiceId,
    licensure: source.licensure.compacts.length === 0 ? { ...source.licensure, compacts: NONE } : source.licensure,
    locations: source.locations.length === 0 ? NONE : source.locations,
    timeZone: source.availability.timeZone,
    flags: clinicianFlags(source),
    birthYear: source.birthYear,
    unknownTags: unknownTags.length === 0 ? undefined : deepFreeze(unknownTags),
    discipline: vocabulary.canonical("disciplines", source.discipline),
    levelsOfCare,
    gender: source.gender === undefined ? undefined : normalizeTag(source.gender),
  };
}

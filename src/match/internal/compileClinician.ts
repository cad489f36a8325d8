import type { Clinician } from "../../model/clinician.js";
import { normalizeTag } from "../../model/normalizeTag.js";
import { minutesOf } from "../../model/internal/minutesOf.js";
import type { ClinicianContext, CompiledClinician, CompiledSlot } from "./compiled.js";
import { primaryLanguage } from "./primaryLanguage.js";

const OUTPATIENT = ["outpatient"] as const;
const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** A clinician who sees adults is taken to see older adults too; few list both. */
function servedPopulations(codes: readonly string[]): Set<string> {
  const served = new Set(codes);
  if (served.has("adults")) served.add("older-adults");
  return served;
}

const compiledSlot = (slot: Clinician["availability"]["slots"][number]): CompiledSlot => ({
  day: WEEKDAYS.indexOf(slot.day),
  start: minutesOf(slot.start),
  end: minutesOf(slot.end),
  modes: slot.modes,
});

/** One validated clinician at its place in the directory: canonical code sets, and slots as minutes. */
export function compileClinician(source: Clinician, index: number, { vocabulary }: ClinicianContext): CompiledClinician {
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
  };
}

import type { CompiledClinician, CompiledDirectory } from "./compiled.js";
import { clinicianPlaces } from "./clinicianPlaces.js";
import { codesOf, reportsOutcomes } from "./clinicianCodes.js";
import { addToIndex } from "./indexSet.js";

/**
 * Enters a compiled clinician, at its index, in every index of the
 * directory (its codes are already in `codes`): by id (in place of the one
 * it replaces), code, place and practice. Costs what the clinician holds,
 * not what the directory holds. `size` is the directory's size (while
 * compiling, all of it), which decides when an index set becomes a bitset.
 */
export function indexClinician(directory: CompiledDirectory, clinician: CompiledClinician, size: number): void {
  const { index, id, practiceId } = clinician;
  directory.clinicians[index] = clinician;
  directory.byId.set(id, clinician);
  for (const code of codesOf(directory.codes, index, "populations")) addToIndex(directory.byPopulation, code, index, size);
  for (const code of codesOf(directory.codes, index, "problemAreas")) addToIndex(directory.byProblemArea, code, index, size);
  const places = clinicianPlaces(clinician, directory);
  for (const jurisdiction of places.reachable) addToIndex(directory.byJurisdiction, jurisdiction, index, size);
  for (const office of places.offices) {
    addToIndex(directory.officesByJurisdiction, office.jurisdiction, index, size);
    addToIndex(directory.officesByCell, office.cell, index, size);
  }
  if (practiceId !== undefined) directory.practiceSizes.set(practiceId, (directory.practiceSizes.get(practiceId) ?? 0) + 1);
  if (reportsOutcomes(directory, clinician)) directory.outcomeHolders += 1;
}

import type { CompiledClinician, CompiledDirectory } from "./compiled.js";
import { clinicianPlaces } from "./clinicianPlaces.js";
import { codesOf, releaseCodes, reportsOutcomes } from "./clinicianCodes.js";
import { removeFromIndex } from "./indexSet.js";

/**
 * Takes a compiled clinician out of every index of the directory but `byId`
 * (which the caller keeps, so a replaced clinician keeps its place there),
 * leaving its place empty and its codes released: see `indexClinician`,
 * which it undoes. The places it was listed under are worked out again from
 * the clinician, so nothing beyond the indexes is kept per clinician.
 */
export function unindexClinician(directory: CompiledDirectory, clinician: CompiledClinician): void {
  const { index, practiceId } = clinician;
  directory.clinicians[index] = undefined;
  for (const code of codesOf(directory.codes, index, "populations")) removeFromIndex(directory.byPopulation, code, index);
  for (const code of codesOf(directory.codes, index, "problemAreas")) removeFromIndex(directory.byProblemArea, code, index);
  clinicianPlaces(directory, clinician, removeFromIndex, 0);
  if (practiceId !== undefined) {
    const left = (directory.practiceSizes.get(practiceId) ?? 1) - 1;
    if (left > 0) directory.practiceSizes.set(practiceId, left);
    else directory.practiceSizes.delete(practiceId);
  }
  if (reportsOutcomes(directory, clinician)) directory.outcomeHolders -= 1;
  if (clinician.unknownTags !== undefined) directory.unknownTagHolders -= 1;
  releaseCodes(directory.codes, index);
  // A replaced clinician is a new object, so its old week would never be read again: let it go now.
  directory.placedWeeks.recent.delete(clinician);
  directory.placedWeeks.older.delete(clinician);
}

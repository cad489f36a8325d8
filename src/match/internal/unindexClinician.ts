import type { CompiledClinician, CompiledDirectory } from "./compiled.js";
import { clinicianPlaces } from "./clinicianPlaces.js";

/** Removes an index from the set a map holds under a key, and the key with its last index. */
function removeFrom<Key>(map: Map<Key, Set<number>>, key: Key, index: number): void {
  const set = map.get(key);
  if (set === undefined) return;
  set.delete(index);
  if (set.size === 0) map.delete(key);
}

/**
 * Takes a compiled clinician out of every index of the directory but `byId`
 * (which the caller keeps, so a replaced clinician keeps its place there),
 * leaving its place empty: see `indexClinician`, which it undoes. The places it was
 * listed under are worked out again from the clinician, so nothing beyond
 * the indexes is kept per clinician.
 */
export function unindexClinician(directory: CompiledDirectory, clinician: CompiledClinician): void {
  const { index, source } = clinician;
  directory.clinicians[index] = undefined;
  for (const code of clinician.populations) {
    const bitmap = directory.byPopulation.get(code);
    if (bitmap !== undefined && index < bitmap.length) bitmap[index] = 0;
  }
  for (const code of clinician.problemAreas) {
    const bitmap = directory.byProblemArea.get(code);
    if (bitmap !== undefined && index < bitmap.length) bitmap[index] = 0;
  }
  const places = clinicianPlaces(clinician, directory.context);
  for (const jurisdiction of places.reachable) removeFrom(directory.byJurisdiction, jurisdiction, index);
  for (const office of places.offices) {
    removeFrom(directory.officesByJurisdiction, office.jurisdiction, index);
    removeFrom(directory.officesByCell, office.cell, index);
  }
  if (source.practiceId !== undefined) {
    const left = (directory.practiceSizes.get(source.practiceId) ?? 1) - 1;
    if (left > 0) directory.practiceSizes.set(source.practiceId, left);
    else directory.practiceSizes.delete(source.practiceId);
  }
  if (clinician.outcomes.size > 0) directory.outcomeHolders -= 1;
}

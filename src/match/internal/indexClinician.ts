import type { CompiledClinician, CompiledDirectory } from "./compiled.js";
import { clinicianPlaces } from "./clinicianPlaces.js";

/** Adds an index to the set a map holds under a key. */
function addTo<Key>(map: Map<Key, Set<number>>, key: Key, index: number): void {
  const set = map.get(key);
  if (set === undefined) map.set(key, new Set([index]));
  else set.add(index);
}

/** Marks an index in the bitmap a map holds under a code, growing it by doubling so adding clinicians one at a time stays linear. */
function mark(maps: Map<string, Uint8Array>, code: string, index: number, size: number): void {
  let bitmap = maps.get(code);
  if (bitmap === undefined) maps.set(code, (bitmap = new Uint8Array(Math.max(size, index + 1))));
  else if (index >= bitmap.length) {
    const grown = new Uint8Array(Math.max(2 * bitmap.length, index + 1));
    grown.set(bitmap);
    maps.set(code, (bitmap = grown));
  }
  bitmap[index] = 1;
}

/**
 * Enters a compiled clinician, at its index, in every index of the
 * directory: by id (in place of the one it replaces), code, place and
 * practice. Costs what the clinician
 * holds, not what the directory holds. `size` is the length a new bitmap
 * starts at (the directory's size while compiling it).
 */
export function indexClinician(directory: CompiledDirectory, clinician: CompiledClinician, size: number): void {
  const { index, source } = clinician;
  directory.clinicians[index] = clinician;
  directory.byId.set(source.id, clinician);
  for (const code of clinician.populations) mark(directory.byPopulation, code, index, size);
  for (const code of clinician.problemAreas) mark(directory.byProblemArea, code, index, size);
  const places = clinicianPlaces(clinician, directory.context);
  for (const jurisdiction of places.reachable) addTo(directory.byJurisdiction, jurisdiction, index);
  for (const office of places.offices) {
    addTo(directory.officesByJurisdiction, office.jurisdiction, index);
    addTo(directory.officesByCell, office.cell, index);
  }
  if (source.practiceId !== undefined)
    directory.practiceSizes.set(source.practiceId, (directory.practiceSizes.get(source.practiceId) ?? 0) + 1);
  if (clinician.outcomes.size > 0) directory.outcomeHolders += 1;
}

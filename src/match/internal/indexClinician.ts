import type { CompiledClinician, CompiledDirectory } from "./compiled.js";
import { clinicianPlaces } from "./clinicianPlaces.js";
import { type ClinicianCodes, type SetKind, reportsOutcomes, listFrom, listTo } from "./clinicianCodes.js";
import { addToIndex, type IndexSet } from "./indexSet.js";

/** Enters the clinician at `index` under each code of one of its lists, read where the pool holds them. */
function indexCodes(map: Map<string, IndexSet>, codes: ClinicianCodes, index: number, kind: SetKind, size: number): void {
  const to = listTo(codes, index, kind);
  for (let at = listFrom(codes, index, kind); at < to; at += 1)
    addToIndex(map, codes.codes[codes.pool[at] as number] as string, index, size);
}

/**
 * Enters a compiled clinician, at its index, in every index of the
 * directory (its codes are already in `codes`) but `byId`, which the caller
 * keeps: by code, place and practice. Costs what the clinician holds,
 * not what the directory holds. `size` is the directory's size (while
 * compiling, all of it), which decides when an index set becomes a bitset.
 */
export function indexClinician(directory: CompiledDirectory, clinician: CompiledClinician, size: number): void {
  const { index, practiceId } = clinician;
  directory.clinicians[index] = clinician;
  indexCodes(directory.byPopulation, directory.codes, index, "populations", size);
  indexCodes(directory.byProblemArea, directory.codes, index, "problemAreas", size);
  clinicianPlaces(directory, clinician, addToIndex, size);
  if (practiceId !== undefined) directory.practiceSizes.set(practiceId, (directory.practiceSizes.get(practiceId) ?? 0) + 1);
  if (reportsOutcomes(directory, clinician)) directory.outcomeHolders += 1;
  if (clinician.unknownTags !== undefined) directory.unknownTagHolders += 1;
}

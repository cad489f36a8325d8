import type { CompiledClinician, CompiledDirectory } from "./compiled.js";
import { entryOf } from "./idTable.js";

/** The compiled clinician with an id, or `undefined` when the directory has none. */
export function clinicianById(directory: CompiledDirectory, id: string): CompiledClinician | undefined {
  const index = entryOf(directory.byId, id);
  return index < 0 ? undefined : directory.clinicians[index];
}

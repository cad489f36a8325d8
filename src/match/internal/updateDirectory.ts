import { danglingReferences, type DirectoryIds } from "../../model/internal/danglingReferences.js";
import { FROM_SCHEMA, InvalidInputError, type InputIssueDraft } from "../../errors.js";
import type { MatcherChanges } from "../schemas.js";
import type { CompiledDirectory } from "./compiled.js";
import { compileClinician } from "./compileClinician.js";
import { indexClinician } from "./indexClinician.js";
import { unindexClinician } from "./unindexClinician.js";

/** The most clinicians a directory holds (the `Directory` schema's limit). */
const MAX_CLINICIANS = 1_000_000;

/**
 * Applies validated changes to a compiled directory: a replaced clinician
 * keeps its place in the directory's order, an added one comes last, a
 * removed one goes. Every check runs before anything changes, so a refused
 * change leaves the directory as it was. Costs what the changed clinicians
 * hold, whatever the directory's size.
 */
export function updateDirectory(compiled: CompiledDirectory, changes: MatcherChanges, references: DirectoryIds): void {
  const issues: InputIssueDraft[] = changes.upsert.flatMap((clinician, index) =>
    danglingReferences(clinician, references).map((path) => ({ path: ["upsert", index, ...path], code: "unknown-reference" as const })),
  );
  const removed = changes.remove.filter((id) => compiled.byId.has(id)).length;
  const added = changes.upsert.filter((clinician) => !compiled.byId.has(clinician.id)).length;
  if (compiled.byId.size - removed + added > MAX_CLINICIANS)
    issues.push({ path: ["upsert"], code: "too-big", expected: `at most ${MAX_CLINICIANS} clinicians in the directory` });
  if (issues.length > 0) throw new InvalidInputError("changes", issues, FROM_SCHEMA);

  for (const id of changes.remove) {
    const clinician = compiled.byId.get(id);
    if (clinician === undefined) continue;
    unindexClinician(compiled, clinician);
    compiled.byId.delete(id);
    compiled.freeIndexes.push(clinician.index);
  }
  for (const source of changes.upsert) {
    const previous = compiled.byId.get(source.id);
    if (previous !== undefined) unindexClinician(compiled, previous);
    const index = previous?.index ?? compiled.freeIndexes.pop() ?? compiled.clinicians.length;
    indexClinician(compiled, compileClinician(source, index, compiled.context, compiled.codes), compiled.clinicians.length + 1);
  }
}

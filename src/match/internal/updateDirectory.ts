import { danglingReferences, type DirectoryIds } from "../../model/internal/danglingReferences.js";
import { FROM_SCHEMA, InvalidInputError, type InputIssueDraft } from "../../errors.js";
import type { MatcherChanges } from "../schemas.js";
import type { CompiledClinician, CompiledDirectory } from "./compiled.js";
import { clinicianById } from "./clinicianById.js";
import { addId, entryOf, removeId } from "./idTable.js";
import { compileClinician } from "./compileClinician.js";
import { indexClinician } from "./indexClinician.js";
import { unindexClinician } from "./unindexClinician.js";
import { layoutShortfall } from "./clinicianCodes.js";
import { mostSegmentEntries } from "./mostSegmentEntries.js";
import { CLINICIAN_LIMIT } from "./matcherLimits.js";

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
  const removed = changes.remove.filter((id) => entryOf(compiled.byId, id) >= 0).length;
  const added = changes.upsert.filter((clinician) => entryOf(compiled.byId, clinician.id) < 0).length;
  if (compiled.byId.size - removed + added > CLINICIAN_LIMIT)
    issues.push({ path: ["upsert"], code: "too-big", expected: `at most ${CLINICIAN_LIMIT} clinicians` });
  // What the new records could add to the pool and its codes: every entry their lists could take (repeats and the fees'
  // room included), as if every code were new.
  let entries = 0;
  for (let at = 0; at < changes.upsert.length; at += 1)
    entries += mostSegmentEntries(changes.upsert[at] as MatcherChanges["upsert"][number]);
  const shortfall = layoutShortfall(compiled.codes, changes.upsert.length, entries);
  if (shortfall !== undefined) issues.push({ path: ["upsert"], code: "too-big", expected: shortfall });
  if (issues.length > 0) throw new InvalidInputError("changes", issues, FROM_SCHEMA);

  for (const id of changes.remove) {
    // Out of the table while still placed, as the table reads a clinician's id from its place.
    const index = removeId(compiled.byId, id);
    if (index < 0) continue;
    unindexClinician(compiled, compiled.clinicians[index] as CompiledClinician);
    compiled.freeIndexes.push(index);
  }
  for (const source of changes.upsert) {
    // A replaced clinician keeps its index, so its id stays where it was in the table and in the directory's order.
    const previous = clinicianById(compiled, source.id);
    if (previous !== undefined) unindexClinician(compiled, previous);
    const index = previous?.index ?? compiled.freeIndexes.pop() ?? compiled.clinicians.length;
    indexClinician(compiled, compileClinician(source, index, compiled.context, compiled.codes), compiled.clinicians.length + 1);
    if (previous === undefined) addId(compiled.byId, source.id, index);
  }
}

import type { Clinician } from "../clinician.js";

/** The ids a clinician may refer to in its directory. */
export interface DirectoryIds {
  readonly practiceIds: ReadonlySet<string>;
  readonly payerIds: ReadonlySet<string>;
  readonly compactIds: ReadonlySet<string>;
}

/** What a clinician that refers to nothing unlisted gives: one empty list for all, since most do. */
const NONE: readonly (readonly (string | number)[])[] = Object.freeze([]);

/**
 * Where, within a clinician, it refers to a practice, payer or compact its
 * directory does not list. A directory that lists no practices or no payers
 * leaves those references unchecked; a compact must always be listed, as its
 * rules decide licensure. Plain loops, and a list only for a clinician that
 * has such a reference: compiling a directory asks this of every clinician.
 */
export function danglingReferences(
  clinician: Clinician,
  { practiceIds, payerIds, compactIds }: DirectoryIds,
): readonly (readonly (string | number)[])[] {
  let paths: (readonly (string | number)[])[] | undefined;
  if (practiceIds.size > 0 && clinician.practiceId !== undefined && !practiceIds.has(clinician.practiceId)) {
    (paths ??= []).push(["practiceId"]);
  }
  const { insurancePanels } = clinician;
  if (payerIds.size > 0) {
    for (let index = 0; index < insurancePanels.length; index += 1) {
      if (!payerIds.has((insurancePanels[index] as (typeof insurancePanels)[number]).payerId)) {
        (paths ??= []).push(["insurancePanels", index, "payerId"]);
      }
    }
  }
  const { compacts } = clinician.licensure;
  for (let index = 0; index < compacts.length; index += 1) {
    if (!compactIds.has((compacts[index] as (typeof compacts)[number]).compactId)) {
      (paths ??= []).push(["licensure", "compacts", index, "compactId"]);
    }
  }
  return paths ?? NONE;
}

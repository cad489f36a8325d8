import type { Clinician } from "../clinician.js";

/** The ids a clinician may refer to in its directory. */
export interface DirectoryIds {
  readonly practiceIds: ReadonlySet<string>;
  readonly payerIds: ReadonlySet<string>;
  readonly compactIds: ReadonlySet<string>;
}

/**
 * Where, within a clinician, it refers to a practice, payer or compact its
 * directory does not list. A directory that lists no practices or no payers
 * leaves those references unchecked; a compact must always be listed, as its
 * rules decide licensure.
 */
export function danglingReferences(clinician: Clinician, { practiceIds, payerIds, compactIds }: DirectoryIds): (string | number)[][] {
  const paths: (string | number)[][] = [];
  if (practiceIds.size > 0 && clinician.practiceId !== undefined && !practiceIds.has(clinician.practiceId)) paths.push(["practiceId"]);
  if (payerIds.size > 0) {
    clinician.insurancePanels.forEach((panel, index) => {
      if (!payerIds.has(panel.payerId)) paths.push(["insurancePanels", index, "payerId"]);
    });
  }
  clinician.licensure.compacts.forEach((privilege, index) => {
    if (!compactIds.has(privilege.compactId)) paths.push(["licensure", "compacts", index, "compactId"]);
  });
  return paths;
}

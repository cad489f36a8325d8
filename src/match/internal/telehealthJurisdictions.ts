import type { Clinician } from "../../model/clinician.js";
import type { Jurisdiction } from "../../model/scalars.js";

/** The jurisdictions a clinician may be licensed for telehealth in, sorted: licences, compact members, and where none is needed. */
export function telehealthJurisdictions(
  source: Pick<Clinician, "licensure">,
  compactMembers: ReadonlyMap<string, readonly Jurisdiction[]>,
  unlicensed: readonly Jurisdiction[] | undefined,
): Jurisdiction[] {
  const jurisdictions = new Set<Jurisdiction>(source.licensure.licenses.map((license) => license.jurisdiction));
  for (const privilege of source.licensure.compacts)
    for (const member of compactMembers.get(privilege.compactId) ?? []) jurisdictions.add(member);
  for (const where of unlicensed ?? []) jurisdictions.add(where);
  return [...jurisdictions].sort();
}

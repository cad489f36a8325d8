import type { Clinician } from "../../model/clinician.js";
import type { Jurisdiction } from "../../model/scalars.js";

/** The jurisdictions a clinician may be licensed for telehealth in, sorted: licences, compact members, and where none is needed. */
export function telehealthJurisdictions(
  source: Pick<Clinician, "licensure">,
  compactMembers: ReadonlyMap<string, readonly Jurisdiction[]>,
  unlicensed: readonly Jurisdiction[] | undefined,
): Jurisdiction[] {
  // A list sorted and rid of repeats in place rather than a set: this runs for every open clinician a directory compiles.
  const jurisdictions: Jurisdiction[] = [];
  for (const license of source.licensure.licenses) jurisdictions.push(license.jurisdiction);
  for (const privilege of source.licensure.compacts) {
    const members = compactMembers.get(privilege.compactId);
    if (members !== undefined) for (const member of members) jurisdictions.push(member);
  }
  if (unlicensed !== undefined) for (const where of unlicensed) jurisdictions.push(where);
  jurisdictions.sort();
  let kept = 0;
  for (const jurisdiction of jurisdictions)
    if (kept === 0 || jurisdictions[kept - 1] !== jurisdiction) jurisdictions[kept++] = jurisdiction;
  jurisdictions.length = kept;
  return jurisdictions;
}

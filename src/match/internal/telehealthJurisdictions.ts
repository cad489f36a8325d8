import type { Clinician } from "../../model/clinician.js";
import type { Jurisdiction } from "../../model/scalars.js";

/** A list no longer than this is sorted by insertion (the library's own cutoff, as the pool's). */
const INSERTION_LIMIT = 16;

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
  // A short list (most are) sorted by insertion, with no copy made as the built-in sort makes; a long one by that sort.
  if (jurisdictions.length > INSERTION_LIMIT) jurisdictions.sort();
  else
    for (let at = 1; at < jurisdictions.length; at += 1) {
      const jurisdiction = jurisdictions[at] as Jurisdiction;
      let place = at;
      for (; place > 0 && (jurisdictions[place - 1] as Jurisdiction) > jurisdiction; place -= 1)
        jurisdictions[place] = jurisdictions[place - 1] as Jurisdiction;
      jurisdictions[place] = jurisdiction;
    }
  let kept = 0;
  for (const jurisdiction of jurisdictions)
    if (kept === 0 || jurisdictions[kept - 1] !== jurisdiction) jurisdictions[kept++] = jurisdiction;
  jurisdictions.length = kept;
  return jurisdictions;
}

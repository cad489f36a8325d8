import type { Clinician } from "../../model/clinician.js";
import type { Jurisdiction } from "../../model/scalars.js";
import { eachReachable } from "./eachReachable.js";

const addTo = (set: Set<Jurisdiction>, where: Jurisdiction): void => void set.add(where);

/** The jurisdictions a clinician may be licensed for telehealth in, sorted, each once: licences, compact members, and where none is needed. */
export function telehealthJurisdictions(
  source: Pick<Clinician, "licensure">,
  compactMembers: ReadonlyMap<string, readonly Jurisdiction[]>,
  unlicensed: readonly Jurisdiction[] | undefined,
): Jurisdiction[] {
  const reachable = new Set<Jurisdiction>();
  eachReachable(source, compactMembers, unlicensed, addTo, reachable, 0, 0);
  return [...reachable].sort();
}

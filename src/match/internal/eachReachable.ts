import type { Clinician } from "../../model/clinician.js";
import type { Jurisdiction } from "../../model/scalars.js";

/**
 * Takes `step(into, where, index, size)` for each jurisdiction a clinician
 * may be licensed for telehealth in: those of its licences, the members of
 * its compacts, and `unlicensed`, where its discipline needs no licence. A
 * jurisdiction may come more than once. The step and what it needs are
 * passed in rather than closed over, and no list is built: the matcher
 * enters every open clinician of a directory in its indexes this way.
 */
export function eachReachable<Into>(
  source: Pick<Clinician, "licensure">,
  compactMembers: ReadonlyMap<string, readonly Jurisdiction[]>,
  unlicensed: readonly Jurisdiction[] | undefined,
  step: (into: Into, where: Jurisdiction, index: number, size: number) => void,
  into: Into,
  index: number,
  size: number,
): void {
  const { licenses, compacts } = source.licensure;
  for (let at = 0; at < licenses.length; at += 1) step(into, (licenses[at] as (typeof licenses)[number]).jurisdiction, index, size);
  for (let at = 0; at < compacts.length; at += 1) {
    const members = compactMembers.get((compacts[at] as (typeof compacts)[number]).compactId);
    if (members !== undefined)
      for (let member = 0; member < members.length; member += 1) step(into, members[member] as Jurisdiction, index, size);
  }
  if (unlicensed !== undefined) for (let at = 0; at < unlicensed.length; at += 1) step(into, unlicensed[at] as Jurisdiction, index, size);
}

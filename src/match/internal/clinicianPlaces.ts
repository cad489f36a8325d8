import type { CompiledClinician, CompiledDirectory } from "./compiled.js";
import { hasRoom } from "./packedCapacity.js";
import { FLAG } from "./clinicianFlags.js";
import { eachReachable } from "./eachReachable.js";
import { gridCell } from "./gridCell.js";
import { officeAt, officeCount } from "./compiledOffices.js";
import type { IndexSet } from "./indexSet.js";

/** What is done under each place: `addToIndex` or `removeFromIndex`. */
export type IndexStep = <Key>(map: Map<Key, IndexSet>, key: Key, index: number, size: number) => void;

/**
 * Takes the step for a clinician under each place the indexes list it: the
 * jurisdictions telehealth may reach, and each office under its
 * jurisdiction and its grid cell (see `gridCell`). A place may come twice,
 * which both steps allow. A clinician closed to new clients fails every
 * request, so only open ones are listed: ranking never looks at the others.
 */
export function clinicianPlaces(directory: CompiledDirectory, clinician: CompiledClinician, step: IndexStep, size: number): void {
  const { index } = clinician;
  if (!hasRoom(directory.codes, index, (clinician.flags & FLAG.acceptingNewClients) !== 0)) return;
  const { compactMembers, unlicensedWhere } = directory.context;
  eachReachable(clinician, compactMembers, unlicensedWhere.get(clinician.discipline), step, directory.byJurisdiction, index, size);
  const { offices } = clinician;
  for (let at = 0, count = officeCount(offices); at < count; at += 1) {
    const office = officeAt(offices, at);
    step(directory.officesByJurisdiction, office.jurisdiction, index, size);
    step(directory.officesByCell, gridCell(office.lat, office.lon), index, size);
  }
}

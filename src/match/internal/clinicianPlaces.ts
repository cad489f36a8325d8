import type { Jurisdiction } from "../../model/scalars.js";
import type { ClinicianContext, CompiledClinician } from "./compiled.js";
import type { ClinicianCodes } from "./clinicianCodes.js";
import { hasRoom } from "./packedCapacity.js";
import { FLAG } from "./clinicianFlags.js";
import { telehealthJurisdictions } from "./telehealthJurisdictions.js";

/** Where the indexes list a clinician: the jurisdictions telehealth may reach, and its offices (each under its jurisdiction and its grid cell, see `gridCell`). */
export interface ClinicianPlaces {
  readonly reachable: readonly Jurisdiction[];
  readonly offices: CompiledClinician["locations"];
}

const NOWHERE: ClinicianPlaces = { reachable: [], offices: [] };

/**
 * The places a clinician is indexed under. A clinician closed to new
 * clients fails every request, so only open ones are listed: ranking never
 * looks at the others.
 */
export function clinicianPlaces(
  clinician: CompiledClinician,
  { context, codes }: { readonly context: ClinicianContext; readonly codes: ClinicianCodes },
): ClinicianPlaces {
  if (!hasRoom(codes, clinician.index, (clinician.flags & FLAG.acceptingNewClients) !== 0)) return NOWHERE;
  return {
    reachable: telehealthJurisdictions(clinician, context.compactMembers, context.unlicensedWhere.get(clinician.discipline)),
    offices: clinician.locations,
  };
}

import type { Jurisdiction } from "../../model/scalars.js";
import type { ClinicianContext, CompiledClinician } from "./compiled.js";
import { gridCell } from "./gridCell.js";
import { telehealthJurisdictions } from "./telehealthJurisdictions.js";

/** Where the indexes list a clinician: the jurisdictions telehealth may reach, and each office's jurisdiction and grid cell. */
export interface ClinicianPlaces {
  readonly reachable: readonly Jurisdiction[];
  readonly offices: readonly { readonly jurisdiction: Jurisdiction; readonly cell: string }[];
}

const NOWHERE: ClinicianPlaces = { reachable: [], offices: [] };

/**
 * The places a clinician is indexed under. A clinician closed to new
 * clients fails every request, so only open ones are listed: ranking never
 * looks at the others.
 */
export function clinicianPlaces({ source, discipline }: CompiledClinician, context: ClinicianContext): ClinicianPlaces {
  const { capacity } = source;
  const open =
    source.acceptingNewClients &&
    capacity.caseloadCurrent < capacity.caseloadMax &&
    capacity.newClientsThisWeek < capacity.weeklyNewClientLimit;
  if (!open) return NOWHERE;
  return {
    reachable: telehealthJurisdictions(source, context.compactMembers, context.unlicensedWhere.get(discipline)),
    offices: source.locations.map((office) => ({ jurisdiction: office.jurisdiction, cell: gridCell(office.point.lat, office.point.lon) })),
  };
}

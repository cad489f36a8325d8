import { pushTo } from "../../model/internal/pushTo.js";
import type { Jurisdiction } from "../../model/scalars.js";

/**
 * Where a discipline needs no licence (UK counselling, say): its clinicians
 * may be reached there without one. Read from the regulations as the
 * licensure check reads them (see `licenceRequiredByPlace`), by discipline.
 */
export function unlicensedJurisdictions(
  licenceRequired: ReadonlyMap<Jurisdiction, ReadonlyMap<string, boolean>>,
): Map<string, Jurisdiction[]> {
  const where = new Map<string, Jurisdiction[]>();
  for (const [jurisdiction, disciplines] of licenceRequired)
    for (const [discipline, required] of disciplines) if (!required) pushTo(where, discipline, jurisdiction);
  return where;
}

import type { Directory } from "../../model/directory.js";
import { pushTo } from "../../model/internal/pushTo.js";
import type { Jurisdiction } from "../../model/scalars.js";

/** Where a discipline needs no licence (UK counselling, say): its clinicians may be reached there without one. */
export function unlicensedJurisdictions(
  directory: Pick<Directory, "regulations">,
  canonical: (tag: string) => string,
): Map<string, Jurisdiction[]> {
  const where = new Map<string, Jurisdiction[]>();
  for (const rule of directory.regulations ?? []) {
    if (rule.licenceRequired) continue;
    const discipline = canonical(rule.discipline);
    pushTo(where, discipline, rule.jurisdiction);
  }
  return where;
}

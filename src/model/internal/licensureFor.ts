import type { CareSetting, LicensureCheck } from "../checkLicensure.js";
import type { Clinician } from "../clinician.js";
import type { Compact } from "../licensure.js";
import type { Jurisdiction } from "../scalars.js";
import { withinPeriod } from "./withinPeriod.js";

/** A country-level licence covers its subdivisions: `GB` covers `GB-SCT`. */
function covers(licensed: Jurisdiction, where: Jurisdiction): boolean {
  return licensed === where || (licensed.length === 2 && where.startsWith(`${licensed}-`));
}

/** `checkLicensure` on values already validated; no checks, for code that runs per clinician. */
export function licensureFor(clinician: Clinician, setting: CareSetting, compacts: readonly Compact[]): LicensureCheck {
  const { jurisdiction, mode, on } = setting;
  const { licenses } = clinician.licensure;
  const inForce = (license: (typeof licenses)[number]) => license.period === undefined || withinPeriod(license.period, on);
  for (const license of licenses) {
    if (covers(license.jurisdiction, jurisdiction) && inForce(license))
      return { authorized: true, via: "license", jurisdiction: license.jurisdiction };
  }
  for (const privilege of clinician.licensure.compacts) {
    if (privilege.period !== undefined && !withinPeriod(privilege.period, on)) continue;
    if (privilege.jurisdictions !== undefined && !privilege.jurisdictions.some((granted) => covers(granted, jurisdiction))) continue;
    const compact = compacts.find((candidate) => candidate.id === privilege.compactId);
    if (compact === undefined || !compact.modes.includes(mode) || !compact.members.some((member) => covers(member, jurisdiction))) continue;
    const homeLicence = licenses.some(
      (license) => inForce(license) && compact.members.some((member) => covers(member, license.jurisdiction)),
    );
    if (homeLicence) return { authorized: true, via: "compact", compactId: compact.id };
  }
  return { authorized: false };
}

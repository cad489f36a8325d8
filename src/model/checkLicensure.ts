import type { Clinician } from "./clinician.js";
import type { CareMode } from "./enums.js";
import type { Compact } from "./licensure.js";
import { periodContains } from "./periodContains.js";
import type { IsoDate, Jurisdiction } from "./scalars.js";

/**
 * Where care takes place, how, and on which day: telehealth takes place
 * where the client is; in-person care where the clinician sees them.
 */
export interface CareSetting {
  /** The jurisdiction where the care takes place. */
  readonly jurisdiction: Jurisdiction;
  /** How the care takes place. */
  readonly mode: CareMode;
  /** The day it takes place, `YYYY-MM-DD`. */
  readonly on: IsoDate;
}

/** Whether a clinician may practise in a setting, and on what basis. */
export type LicensureCheck =
  | { readonly authorized: true; readonly via: "license"; readonly jurisdiction: Jurisdiction }
  | { readonly authorized: true; readonly via: "compact"; readonly compactId: string }
  | { readonly authorized: false };

/** A country-level licence covers its subdivisions: `GB` covers `GB-SCT`. */
function covers(licensed: Jurisdiction, where: Jurisdiction): boolean {
  return licensed === where || (licensed.length === 2 && where.startsWith(`${licensed}-`));
}

/**
 * Whether a clinician may practise in a care setting: by a licence in force
 * for that jurisdiction on that day, or else by a compact privilege in force
 * whose compact lists the jurisdiction and allows the mode, held while the
 * clinician also has a licence in force in a member jurisdiction (the home
 * state). A privilege limited to some jurisdictions covers only those; one
 * naming a compact not in `compacts` authorizes nothing.
 *
 * @param clinician - a validated clinician
 * @param setting - where, how and when the care takes place
 * @param compacts - the compacts the host keeps, usually the directory's
 *
 * @example
 * ```ts
 * import { Clinician, checkLicensure } from "referwell";
 *
 * const clinician = Clinician.parse({
 *   id: "clin-ana",
 *   name: "Ana Ruiz",
 *   discipline: "psychologist",
 *   licensure: { licenses: [{ jurisdiction: "US-OR" }], compacts: [{ compactId: "psypact-apit" }] },
 *   populations: ["adults"],
 *   languages: ["en"],
 *   availability: { timeZone: "America/Los_Angeles", slots: [] },
 *   acceptingNewClients: true,
 *   capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
 * });
 * const compacts = [
 *   { id: "psypact-apit", name: "PSYPACT (APIT)", members: ["US-OR", "US-WA"], modes: ["telehealth" as const], source: "example" },
 * ];
 * checkLicensure(clinician, { jurisdiction: "US-WA", mode: "telehealth", on: "2026-11-23" }, compacts);
 * // => { authorized: true, via: "compact", compactId: "psypact-apit" }
 * checkLicensure(clinician, { jurisdiction: "US-WA", mode: "in-person", on: "2026-11-23" }, compacts).authorized; // => false
 * ```
 */
export function checkLicensure(clinician: Clinician, setting: CareSetting, compacts: readonly Compact[]): LicensureCheck {
  const { jurisdiction, mode, on } = setting;
  const { licenses } = clinician.licensure;
  const inForce = (license: (typeof licenses)[number]) => license.period === undefined || periodContains(license.period, on);
  for (const license of licenses) {
    if (covers(license.jurisdiction, jurisdiction) && inForce(license))
      return { authorized: true, via: "license", jurisdiction: license.jurisdiction };
  }
  for (const privilege of clinician.licensure.compacts) {
    if (privilege.period !== undefined && !periodContains(privilege.period, on)) continue;
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

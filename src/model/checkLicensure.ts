import * as z from "zod";
import { DIRECTORY_LIMITS } from "./internal/directoryLimits.js";
import { Clinician, type ClinicianInput } from "./clinician.js";
import { CareMode } from "./enums.js";
import { licensureFor } from "./internal/licensureFor.js";
import { Compact, Regulation } from "./licensure.js";
import { licensureRules } from "./internal/licensureFor.js";
import { IsoDate, Jurisdiction } from "./scalars.js";
import { validate } from "./validate.js";

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
  /** Where the clinician is while practising, when known: PSYPACT APIT requires the home state. */
  readonly clinicianIn?: Jurisdiction;
}

const CareSettingSchema = z.strictObject({ jurisdiction: Jurisdiction, mode: CareMode, on: IsoDate, clinicianIn: Jurisdiction.optional() });
const Compacts = z.array(Compact).max(DIRECTORY_LIMITS.compacts);
const Regulations = z.array(Regulation).max(DIRECTORY_LIMITS.regulations);

/** Whether a clinician may practise in a setting, and on what basis. */
export type LicensureCheck =
  | { readonly authorized: true; readonly via: "license"; readonly jurisdiction: Jurisdiction }
  | { readonly authorized: true; readonly via: "compact"; readonly compactId: string }
  | { readonly authorized: true; readonly via: "not-required"; readonly jurisdiction: Jurisdiction }
  | { readonly authorized: false };

/**
 * Whether a clinician may practise in a care setting: by a licence in force
 * for that jurisdiction on that day, or else by a compact privilege in force
 * whose compact lists the jurisdiction and allows the mode, held while the
 * clinician also has a licence in force in a member jurisdiction (the
 * declared home state, when the compact's rules tie privileges to it), and
 * within the compact's rules (see `CompactRules`: one privilege per remote
 * state, delivery from the home state, days per year), or else because the
 * jurisdiction requires no licence for the clinician's discipline (see
 * `Regulation`; disciplines compare as normalized tags). A privilege limited
 * to some jurisdictions covers only those; one naming a compact not in
 * `compacts` authorizes nothing. A pre-licensed clinician is authorized only
 * by their own licence, and only with a supervisor of record. The cost is
 * linear in the clinician's licences and privileges plus, once per list,
 * the compacts and regulations.
 *
 * @param clinician - a validated clinician
 * @param setting - where, how and when the care takes place
 * @param compacts - the compacts the host keeps, usually the directory's
 * @param regulations - where a licence is not required for a discipline, usually the directory's
 * @throws {@link InvalidInputError} when the clinician, the setting or a compact is malformed
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
export function checkLicensure(
  clinician: ClinicianInput,
  setting: CareSetting,
  compacts: readonly z.input<typeof Compact>[],
  regulations: readonly z.input<typeof Regulation>[] = [],
): LicensureCheck {
  const { clinicianIn, ...where } = validate(CareSettingSchema, setting, "setting");
  return licensureFor(
    validate(Clinician, clinician, "clinician"),
    clinicianIn === undefined ? where : { ...where, clinicianIn },
    licensureRules(validate(Compacts, compacts, "compacts"), validate(Regulations, regulations, "regulations")),
  );
}

import type { PurposeOfUse } from "../categories.js";

/**
 * The purposes each purpose is a kind of, among referwell's purposes, in the
 * HL7 v3 ActReason code system's hierarchy
 * (http://terminology.hl7.org/CodeSystem/v3-ActReason): coordination of care
 * (`COC`) and emergency treatment (`ETREAT`) are kinds of treatment
 * (`TREAT`), care management (`CAREMGT`) of health care operations
 * (`HOPERAT`). Care management is treatment too, by the library's own
 * reading: HIPAA's treatment is "the provision, coordination, or management
 * of health care" (45 CFR 164.501), and the treatment policy
 * `hipaa-permitted` counts it so.
 */
const KIND_OF: Readonly<Partial<Record<PurposeOfUse, readonly PurposeOfUse[]>>> = {
  COC: ["TREAT"],
  ETREAT: ["TREAT"],
  CAREMGT: ["HOPERAT", "TREAT"],
};

/**
 * Whether a deny provision's purposes reach a purpose: they name it, or a
 * purpose it is a kind of (a client who withholds for treatment withholds
 * for coordination of care). A permit names purposes exactly: reading one
 * wider would disclose more.
 */
export function deniedPurpose(purposes: readonly PurposeOfUse[] | undefined, purpose: PurposeOfUse): boolean {
  if (purposes === undefined || purposes.includes(purpose)) return true;
  return (KIND_OF[purpose] ?? []).some((wider) => purposes.includes(wider));
}

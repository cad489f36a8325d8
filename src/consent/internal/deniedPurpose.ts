import type { PurposeOfUse } from "../categories.js";

/**
 * The purpose each purpose is a kind of, among referwell's purposes, in the
 * HL7 v3 ActReason code system's hierarchy
 * (http://terminology.hl7.org/CodeSystem/v3-ActReason): coordination of care
 * (`COC`) and emergency treatment (`ETREAT`) are kinds of treatment
 * (`TREAT`), care management (`CAREMGT`) of health care operations
 * (`HOPERAT`).
 */
const KIND_OF: Readonly<Partial<Record<PurposeOfUse, PurposeOfUse>>> = { COC: "TREAT", ETREAT: "TREAT", CAREMGT: "HOPERAT" };

/**
 * Whether a deny provision's purposes reach a purpose: they name it, or a
 * purpose it is a kind of (a client who withholds for treatment withholds
 * for coordination of care). A permit names purposes exactly: reading one
 * wider would disclose more.
 */
export function deniedPurpose(purposes: readonly PurposeOfUse[] | undefined, purpose: PurposeOfUse): boolean {
  if (purposes === undefined || purposes.includes(purpose)) return true;
  const wider = KIND_OF[purpose];
  return wider !== undefined && purposes.includes(wider);
}

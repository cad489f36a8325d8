/**
 * `referwell/fhir`: FHIR R4 in and out. Reads clinicians (Practitioner,
 * PractitionerRole, as Da Vinci Plan-Net publishes them) and clients
 * (Patient, Coverage, Condition) and consents (Consent) into referwell's
 * models through code maps held as data (SNOMED CT, ICD-10-CM, NUCC
 * taxonomy); writes consents back, referrals
 * (ServiceRequest and Task, shaped after HL7 BSeR), composed updates
 * (Communication), disclosure records (AuditEvent) and a transaction Bundle.
 * Nothing else in referwell imports it, so the core stays FHIR-free; its FHIR
 * types come from `@medplum/fhirtypes`, a types-only optional peer.
 *
 * @module referwell/fhir
 */
export * from "../errorExports.js";
export { CodeMapEntry, CodeMaps, type CodeMapsInput, CodeSystems, defaultCodeMaps } from "./codeMaps.js";
export { clinicianFromFhir, type ClinicianFromFhir, type ClinicianFromFhirOptions } from "./clinicianFromFhir.js";
export { clientFromFhir, type ClientFromFhir, type ClientFromFhirOptions } from "./clientFromFhir.js";
export { disclosureToFhir, type DisclosureToFhirOptions } from "./disclosureToFhir.js";
export { FhirExtensions } from "./extensions.js";
export { type FhirReferral, referralToFhir, type ReferralToFhirOptions } from "./referralToFhir.js";
export { transactionBundle } from "./transactionBundle.js";
export { updateToFhir, type UpdateToFhirOptions } from "./updateToFhir.js";
export { FhirNote, FhirNoteCode } from "./notes.js";
export { consentFromFhir, type ConsentFromFhir, type ConsentFromFhirOptions } from "./consentFromFhir.js";
export { consentToFhir } from "./consentToFhir.js";

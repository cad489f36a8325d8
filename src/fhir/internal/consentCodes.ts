/** The code systems a FHIR Consent is written and read with. */

/** referwell's disclosure category codes (`attendance`, `diagnosis`, a host's own), as `provision.code`. */
export const CATEGORY_SYSTEM = "https://referwell.github.io/fhir/CodeSystem/disclosure-category";
/** referwell's authorization kinds (`general`, `psychotherapy-note`, `sud-records`, `sud-counselling-note`), as a `category`. */
export const AUTHORIZATION_KIND_SYSTEM = "https://referwell.github.io/fhir/CodeSystem/authorization-kind";
/** FHIR R4's consent scopes; referwell's consents are `patient-privacy`. */
export const CONSENT_SCOPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentscope";
/** HL7 v3 ParticipationType: `IRCP`, the information recipient, the actor role of a recipient. */
export const PARTICIPATION_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
/** LOINC 59284-0, Patient Consent: FHIR R4's example category for a privacy consent. */
export const LOINC_SYSTEM = "http://loinc.org";
export const PATIENT_CONSENT = "59284-0";
/** FHIR R4 Consent.provision.action (consentaction): a permit that names actions permits a disclosure only with `disclose`. */
export const CONSENT_ACTION_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentaction";

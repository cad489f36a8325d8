/**
 * The extension URLs `referwell/fhir` reads and writes: Da Vinci Plan-Net's
 * where it has a field, HL7's own where one exists, and referwell's for what
 * FHIR lacks (defined as StructureDefinitions in the repository's `fhir/`
 * folder).
 *
 * @module
 */
import { deepFreeze } from "../model/internal/deepFreeze.js";

const REFERWELL = "https://referwell.github.io/fhir/StructureDefinition/";
const PLAN_NET = "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/";

/**
 * Extension URLs. `newPatients` and `networkReference` are Da Vinci PDEX
 * Plan-Net 1.1.0's (http://hl7.org/fhir/us/davinci-pdex-plan-net/);
 * `timeZone` is the HL7 extensions pack's IANA time zone code; `geolocation`
 * is FHIR R4's. The rest are referwell's own: `capacity` (complex:
 * `caseloadMax`, `caseloadCurrent`, `weeklyNewClientLimit`,
 * `newClientsThisWeek`, `expectedWaitDays`, each `valueUnsignedInt`), `fee`
 * and `slidingScaleFloor` (`valueMoney`, per session), `modality` and
 * `population` (`valueString`, a referwell tag, repeating), `telehealth`
 * (`valueBoolean`), `careMode` (`valueCode` `in-person` or `telehealth`, on
 * an `availableTime`), `outcome` (complex, repeating: `problemArea`
 * `valueString`, `rating` `valueCode` `effective`, `neutral` or
 * `ineffective`, `cases` `valueUnsignedInt`, and optionally `asOf`
 * `valueDate` and `source` `valueString`: the clinician's outcome profile); and on a Consent, what FHIR R4's Consent has no
 * element for: `consentRevoked` (`valueBoolean`, on an `inactive` consent
 * the client revoked), `consentReplaces` (`valueReference` to the Consent it
 * supersedes, repeating) and `consentLifts` (complex: `consent`, a
 * `valueReference`, and `provision`, the `valueString` id of the deny
 * provision it ends, repeating) and `consentNames` (complex, on a consent
 * that permits nothing: the `recipient` identifiers, `purpose` and
 * `category` codes and `dataPeriod` it names all the same).
 *
 * @example
 * ```ts
 * import { FhirExtensions } from "referwell/fhir";
 *
 * FhirExtensions.newPatients; // => "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/newpatients"
 * FhirExtensions.capacity; // => "https://referwell.github.io/fhir/StructureDefinition/capacity"
 * ```
 */
export const FhirExtensions = /* @__PURE__ */ deepFreeze({
  newPatients: `${PLAN_NET}newpatients`,
  networkReference: `${PLAN_NET}network-reference`,
  timeZone: "http://hl7.org/fhir/StructureDefinition/timezone",
  geolocation: "http://hl7.org/fhir/StructureDefinition/geolocation",
  capacity: `${REFERWELL}capacity`,
  fee: `${REFERWELL}fee`,
  slidingScaleFloor: `${REFERWELL}sliding-scale-floor`,
  modality: `${REFERWELL}modality`,
  population: `${REFERWELL}population`,
  telehealth: `${REFERWELL}telehealth`,
  careMode: `${REFERWELL}care-mode`,
  outcome: `${REFERWELL}outcome`,
  consentRevoked: `${REFERWELL}consent-revoked`,
  consentReplaces: `${REFERWELL}consent-replaces`,
  consentLifts: `${REFERWELL}consent-lifts`,
  consentNames: `${REFERWELL}consent-names`,
} as const);

/** Plan-Net's code system for `newpatients.acceptingPatients` (codes `nopt`, `newpt`, `existptonly`, `existptfam`). */
export const ACCEPTING_PATIENTS_SYSTEM = "http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/AcceptingPatientsCS";

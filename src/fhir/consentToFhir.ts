import type { CodeableConcept, Coding, ConsentProvision, Consent as FhirConsent, Extension } from "@medplum/fhirtypes";
import { Consent, type ConsentInput, type ConsentRecipient, type DenyProvision } from "../consent/schemas.js";
import type { Period } from "../model/scalars.js";
import { validate } from "../model/validate.js";
import { FhirExtensions } from "./extensions.js";
import {
  AUTHORIZATION_KIND_SYSTEM,
  CATEGORY_SYSTEM,
  CONSENT_SCOPE_SYSTEM,
  LOINC_SYSTEM,
  PARTICIPATION_TYPE_SYSTEM,
  PATIENT_CONSENT,
} from "./internal/consentCodes.js";
import { ACT_CODE_SYSTEM, ACT_REASON_SYSTEM, FHIR_ID, REFERWELL_ID_SYSTEM, referenceTo, stableId } from "./internal/outbound.js";

/** A recipient as a consent actor: an information recipient, by identifier (referwell's id system for a referrer id). */
const identifierOf = (recipient: ConsentRecipient): { system: string; value: string } => {
  const { system, value } = recipient.identifier ?? { system: REFERWELL_ID_SYSTEM, value: recipient.referrerId as string };
  return { system, value };
};

function actorOf(recipient: ConsentRecipient): NonNullable<ConsentProvision["actor"]>[number] {
  return { role: { coding: [{ system: PARTICIPATION_TYPE_SYSTEM, code: "IRCP" }] }, reference: { identifier: identifierOf(recipient) } };
}

const periodOf = (period: Period): { start: string; end?: string } =>
  period.end === undefined ? { start: period.start } : { start: period.start, end: period.end };
const purposeOf = (code: string): Coding => ({ system: ACT_REASON_SYSTEM, code });
const categoryOf = (code: string): CodeableConcept => ({ coding: [{ system: CATEGORY_SYSTEM, code }] });

/** What a provision names, each list only when it is not empty: in FHIR an element left out means "any". */
function named(parts: {
  recipients?: readonly ConsentRecipient[] | undefined;
  purposes?: readonly string[] | undefined;
  categories?: readonly string[] | undefined;
  dataPeriod?: Period | undefined;
}): Pick<ConsentProvision, "actor" | "purpose" | "code" | "dataPeriod"> {
  const { recipients = [], purposes = [], categories = [], dataPeriod } = parts;
  return {
    ...(recipients.length === 0 ? {} : { actor: recipients.map(actorOf) }),
    ...(purposes.length === 0 ? {} : { purpose: purposes.map(purposeOf) }),
    ...(categories.length === 0 ? {} : { code: categories.map(categoryOf) }),
    ...(dataPeriod === undefined ? {} : { dataPeriod: periodOf(dataPeriod) }),
  };
}

/** What a consent that permits nothing names all the same, kept in an extension: in the provision it would permit. */
function namesOf(consent: Consent): Extension[] {
  const parts: Extension[] = [
    ...consent.recipients.map((recipient) => ({ url: "recipient", valueIdentifier: identifierOf(recipient) })),
    ...consent.purposes.map((code) => ({ url: "purpose", valueCode: code })),
    ...consent.categories.map((code) => ({ url: "category", valueCode: code })),
    ...(consent.dataPeriod === undefined ? [] : [{ url: "dataPeriod", valuePeriod: periodOf(consent.dataPeriod) }]),
  ];
  return parts.length === 0 ? [] : [{ url: FhirExtensions.consentNames, extension: parts }];
}

function denyOf(provision: DenyProvision): ConsentProvision {
  return { id: provision.id, type: "deny", ...named(provision) };
}

/**
 * Writes a referwell consent as a FHIR R4 Consent (scope `patient-privacy`,
 * policy rule `OPTIN`: nothing is disclosed that it does not permit):
 *
 * - `status` as FHIR's (`revoked` is `inactive` with the `consentRevoked`
 *   extension); `category` LOINC 59284-0 (Patient Consent) and the
 *   authorization kind in referwell's code system; `patient` the client;
 *   `dateTime` the day signed;
 * - the base provision: `permit`, with `period`, the recipients as actors in
 *   the role `IRCP` (information recipient) by identifier (a referrer id in
 *   referwell's id system), the purposes (HL7 v3 ActReason), the categories
 *   as `code` in referwell's category system, and `dataPeriod`;
 * - each deny provision nested, `deny`, its `id` the provision's, naming only
 *   the lists it has (a list left out means "all" in both models);
 * - `replaces` and `lifts` as referwell's extensions.
 *
 * A consent that permits nothing (an empty list of recipients, purposes or
 * categories) is written with a `deny` base provision that names nothing
 * (a FHIR permit with the element left out would permit to anyone), its deny
 * provisions nested as always, and what it names kept in the `consentNames`
 * extension. {@link consentFromFhir} reads every consent this writes back to
 * the same consent.
 *
 * @param consent - a referwell consent (see `Consent` in `referwell/consent`)
 * @returns the FHIR Consent; its id is the consent's when it is a FHIR id,
 *   else a hash of it, with the consent's id as an identifier
 * @throws {@link InvalidInputError} when the consent breaks a rule, never
 *   with a value from it
 *
 * @example
 * ```ts
 * import { consentToFhir } from "referwell/fhir";
 *
 * const resource = consentToFhir({
 *   id: "cons-01",
 *   clientId: "cl-01",
 *   status: "active",
 *   kind: "general",
 *   signed: "2026-06-02",
 *   period: { start: "2026-06-02", end: "2027-06-01" },
 *   recipients: [{ referrerId: "ref-gp-01" }],
 *   purposes: ["COC"],
 *   categories: ["attendance", "progress-summary"],
 *   deny: [{ id: "no-diagnosis", categories: ["diagnosis"] }],
 * });
 * resource.provision?.type; // => "permit"
 * resource.provision?.purpose; // => [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActReason", code: "COC" }]
 * resource.provision?.provision?.map((provision) => [provision.id, provision.type]); // => [["no-diagnosis", "deny"]]
 * ```
 */
export function consentToFhir(consent: ConsentInput): FhirConsent {
  const read = validate(Consent, consent, "consent");
  const permits = read.recipients.length > 0 && read.purposes.length > 0 && read.categories.length > 0;
  const extension: Extension[] = [
    ...(read.status === "revoked" ? [{ url: FhirExtensions.consentRevoked, valueBoolean: true }] : []),
    ...read.replaces.map((id) => ({ url: FhirExtensions.consentReplaces, valueReference: referenceTo("Consent", id) })),
    ...read.lifts.map((lift) => ({
      url: FhirExtensions.consentLifts,
      extension: [
        { url: "consent", valueReference: referenceTo("Consent", lift.consentId) },
        { url: "provision", valueString: lift.provisionId },
      ],
    })),
  ];
  if (!permits) extension.push(...namesOf(read));
  const fhirId = FHIR_ID.test(read.id);
  return {
    resourceType: "Consent",
    id: fhirId ? read.id : stableId("Consent", read.id),
    ...(extension.length === 0 ? {} : { extension }),
    ...(fhirId ? {} : { identifier: [{ system: REFERWELL_ID_SYSTEM, value: read.id }] }),
    status: read.status === "revoked" ? "inactive" : read.status,
    scope: { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: "patient-privacy" }] },
    category: [
      { coding: [{ system: LOINC_SYSTEM, code: PATIENT_CONSENT }] },
      { coding: [{ system: AUTHORIZATION_KIND_SYSTEM, code: read.kind }] },
    ],
    patient: referenceTo("Patient", read.clientId),
    dateTime: read.signed,
    policyRule: { coding: [{ system: ACT_CODE_SYSTEM, code: "OPTIN" }] },
    provision: {
      type: permits ? "permit" : "deny",
      period: periodOf(read.period),
      // A consent that permits nothing denies everything in its period: it names no one, and its deny provisions still bind.
      ...(permits ? named(read) : {}),
      ...(read.deny.length === 0 ? {} : { provision: read.deny.map(denyOf) }),
    },
  };
}

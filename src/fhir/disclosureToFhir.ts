import type { AuditEvent, Organization, Practitioner, PractitionerRole, Reference } from "@medplum/fhirtypes";
import type { DisclosureRecord } from "../consent/types.js";
import { IsoInstant } from "../model/scalars.js";
import { validate } from "../model/validate.js";
import { DisclosureShape } from "./internal/consentShapes.js";
import { purposeConcept, recipientReference, referenceTo, securityCodings, stableId } from "./internal/outbound.js";

/** What {@link disclosureToFhir} needs besides the record. */
export interface DisclosureToFhirOptions {
  /** When the event is recorded (AuditEvent.recorded is an instant). */
  readonly recorded: string;
  /** Who disclosed, and observed it: a reference to the practice or the clinician. */
  readonly discloser: Reference<Organization | Practitioner | PractitionerRole>;
}

const DCM = "http://dicom.nema.org/resources/ontology/DCM";

/**
 * Writes a disclosure record (the `disclosure` of a composed update) as a
 * FHIR R4 AuditEvent, the resource FHIR keeps for an accounting of
 * disclosures: `type` DICOM 110106 (Export), `action` `R`, `period` the day
 * of the disclosure, `purposeOfEvent` its purpose (v3 ActReason), two agents
 * (the discloser, DICOM 110153 Source Role ID, and the recipient, 110152
 * Destination Role ID), and entities: the client (object role 1, Patient)
 * with the description, the categories disclosed (each a `detail`) and the
 * DS4P security labels; each consent relied on. An emergency disclosure
 * says so in `outcomeDesc`, so the host can tell the client afterwards.
 *
 * Why AuditEvent and not Provenance: Provenance records where a resource
 * came from; a disclosure is an event (who sent what to whom, when, why),
 * which is what AuditEvent and 45 CFR 164.528's accounting record.
 *
 * @param record - the disclosure record of a composed update
 * @param options - when it is recorded and who disclosed
 * @returns the AuditEvent, with a stable id
 * @throws {@link InvalidInputError} when the record lacks a part it needs, or `recorded` is not an instant
 *
 * @example
 * ```ts
 * import { disclosureToFhir } from "referwell/fhir";
 *
 * const event = disclosureToFhir(
 *   {
 *     date: "2026-11-23",
 *     clientId: "cl-01",
 *     recipient: { referrerId: "ref-gp-01", name: "Dr Mei Lin", identifiers: [] },
 *     description: "Progress update: Acknowledgement of care; Attendance",
 *     purpose: { code: "COC", text: "Coordination of care" },
 *     basis: ["cons-01"],
 *     rules: [],
 *     emergency: false,
 *     kind: "progress",
 *     categories: ["acknowledgement", "attendance"],
 *     factIds: ["f1"],
 *     confidentiality: "R",
 *     sensitivity: ["BH"],
 *     part2: false,
 *   },
 *   { recorded: "2026-11-23T09:00:00-08:00", discloser: { reference: "Organization/harbour" } },
 * );
 * event.type.code; // => "110106"
 * event.entity?.[0]?.detail?.map((detail) => detail.valueString); // => ["acknowledgement", "attendance"]
 * event.agent.map((agent) => agent.requestor); // => [true, false]
 * ```
 */
export function disclosureToFhir(record: DisclosureRecord, options: DisclosureToFhirOptions): AuditEvent {
  const read = validate(DisclosureShape, record, "record");
  const recorded = validate(IsoInstant, options.recorded, "options.recorded");
  return {
    resourceType: "AuditEvent",
    id: stableId("AuditEvent", [read.date, read.clientId, read.recipient.referrerId, read.categories, read.purpose.code, recorded]),
    type: { system: DCM, code: "110106", display: "Export" },
    action: "R",
    period: { start: read.date, end: read.date },
    recorded,
    outcome: "0",
    ...(read.emergency ? { outcomeDesc: "Emergency disclosure: tell the client what was disclosed and to whom." } : {}),
    purposeOfEvent: [purposeConcept(read.purpose)],
    agent: [
      { type: { coding: [{ system: DCM, code: "110153", display: "Source Role ID" }] }, who: options.discloser, requestor: true },
      {
        type: { coding: [{ system: DCM, code: "110152", display: "Destination Role ID" }] },
        who: recipientReference(read.recipient),
        requestor: false,
      },
    ],
    source: { observer: options.discloser },
    entity: [
      {
        what: referenceTo("Patient", read.clientId),
        type: { system: "http://terminology.hl7.org/CodeSystem/audit-entity-type", code: "1", display: "Person" },
        role: { system: "http://terminology.hl7.org/CodeSystem/object-role", code: "1", display: "Patient" },
        securityLabel: securityCodings(read.confidentiality, read.sensitivity),
        description: read.description,
        detail: read.categories.map((category) => ({ type: "category", valueString: category })),
      },
      ...read.basis.map((consentId) => ({ what: referenceTo("Consent", consentId) })),
    ],
  };
}

import type { Communication, Organization, Practitioner, PractitionerRole, Reference } from "@medplum/fhirtypes";
import type { ComposedUpdate } from "../consent/types.js";
import { Now } from "../model/now.js";
import { validate } from "../model/validate.js";
import { ComposedShape } from "./internal/consentShapes.js";
import { purposeConcept, recipientReference, referenceTo, securityCodings, stableId } from "./internal/outbound.js";

/** What {@link updateToFhir} needs besides the composed update. */
export interface UpdateToFhirOptions {
  /** When it was composed: part of its id. */
  readonly now: Now;
  /** Who sends it: a reference to the practice or the clinician. */
  readonly sender?: Reference<Organization | Practitioner | PractitionerRole>;
}

/**
 * Writes a composed update (what `composeUpdate` returned) as a FHIR R4
 * Communication: `payload` the update's plain text (only what the consent
 * allowed; withheld facts never appear), `meta.security` its DS4P labels
 * (the confidentiality high-water mark in v3-Confidentiality, each
 * sensitivity code in v3-ActCode), `reasonCode` the purpose of use (v3
 * ActReason), `topic` its title, `subject` the client and `recipient` the
 * referrer (by their first identifier, else referwell's id). Its status is
 * `preparation`: the host sends it and marks it `completed`.
 *
 * A generic note names no one: it has no subject and no recipient (the host
 * adds the addressee). `nothing` to send gives `undefined`.
 *
 * @param composed - what `composeUpdate` returned
 * @param options - `now`, and optionally the sender
 * @returns the Communication, or `undefined` when there is nothing to send
 * @throws {@link InvalidInputError} when `composed` lacks a part it needs, or `now` is not valid
 *
 * @example
 * ```ts
 * import { composeUpdate } from "referwell/consent";
 * import { updateToFhir } from "referwell/fhir";
 *
 * const composed = composeUpdate({
 *   kind: "progress",
 *   client: { id: "cl-01" },
 *   recipient: { referrerId: "ref-gp-01", name: "Dr Mei Lin", identifiers: [{ system: "http://hl7.org/fhir/sid/us-npi", value: "1234567893" }] },
 *   purpose: "COC",
 *   facts: [{ id: "f1", clientId: "cl-01", category: "attendance", text: "Attended 6 of 7 sessions.", recorded: "2026-11-20" }],
 *   consents: [
 *     {
 *       id: "cons-01",
 *       clientId: "cl-01",
 *       status: "active",
 *       kind: "general",
 *       signed: "2026-06-02",
 *       period: { start: "2026-06-02" },
 *       recipients: [{ referrerId: "ref-gp-01" }],
 *       purposes: ["COC"],
 *       categories: ["acknowledgement", "attendance"],
 *     },
 *   ],
 *   now: "2026-11-23",
 * });
 * const communication = updateToFhir(composed, { now: "2026-11-23" });
 * communication?.subject; // => { reference: "Patient/cl-01" }
 * communication?.recipient; // => [{ identifier: { system: "http://hl7.org/fhir/sid/us-npi", value: "1234567893" }, display: "Dr Mei Lin" }]
 * communication?.reasonCode?.[0]?.coding; // => [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActReason", code: "COC" }]
 * communication?.meta?.security?.map((coding) => coding.code); // => ["N", "BH"]
 * ```
 */
export function updateToFhir(composed: ComposedUpdate, options: UpdateToFhirOptions): Communication | undefined {
  const read = validate(ComposedShape, composed, "composed");
  const now = validate(Now, options.now, "options.now");
  if (read.status === "nothing" || read.update === undefined) return undefined;
  const { update, disclosure } = read;
  const named = read.status === "update" && disclosure !== undefined;
  return {
    resourceType: "Communication",
    id: stableId("Communication", [update.text, disclosure?.clientId ?? null, disclosure?.recipient.referrerId ?? null, now]),
    meta: { security: securityCodings(update.labels.confidentiality, update.labels.sensitivity) },
    status: "preparation",
    ...(named ? { subject: referenceTo("Patient", disclosure.clientId) } : {}),
    ...(named ? { recipient: [recipientReference(disclosure.recipient)] } : {}),
    ...(options.sender === undefined ? {} : { sender: options.sender }),
    ...(disclosure === undefined ? {} : { reasonCode: [purposeConcept(disclosure.purpose)] }),
    topic: { text: update.title },
    payload: [{ contentString: update.text }],
  };
}

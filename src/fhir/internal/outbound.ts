import type { CodeableConcept, Coding, Reference, Resource, ResourceType } from "@medplum/fhirtypes";
import { sha256 } from "../../cadence/internal/sha256.js";
import type { CompiledMap } from "./codeLookup.js";

/** FHIR R4 `id`: 1–64 letters, digits, `-` and `.`. */
export const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
/** The system of referwell's own ids, for a reference whose id is not a FHIR id. */
export const REFERWELL_ID_SYSTEM = "https://referwell.github.io/fhir/sid/id";
/** The code system of referwell's reason codes (`no-progress`, `moving`, …). */
export const REASON_SYSTEM = "https://referwell.github.io/fhir/CodeSystem/reason";
export const CONFIDENTIALITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
export const ACT_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
export const ACT_REASON_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

/**
 * A resource id from what the resource says: the same inputs give the same
 * id, so exporting twice and sending both as `PUT`s stores one resource.
 */
export function stableId(kind: string, parts: unknown): string {
  return `rw-${sha256(JSON.stringify([kind, parts])).slice(0, 40)}`;
}

/** A reference to a host's record: `Type/id` when the id is a FHIR id, else by identifier in referwell's id system. */
export function referenceTo<T extends Resource = never>(type: ResourceType, id: string, display?: string): Reference<T> {
  const named = display === undefined ? {} : { display };
  return FHIR_ID.test(id)
    ? { reference: `${type}/${id}`, ...named }
    : { type, identifier: { system: REFERWELL_ID_SYSTEM, value: id }, ...named };
}

/** A tag written with every coding the code map has for it, and the tag as text. */
export function conceptOf(map: CompiledMap, tag: string): CodeableConcept {
  const coding: Coding[] = map.codingsOf(tag).map((entry) => ({ system: entry.system, code: entry.code }));
  return coding.length === 0 ? { text: tag } : { coding, text: tag };
}

/** DS4P labels as `meta.security` codings: the confidentiality level, then each sensitivity code. */
export function securityCodings(confidentiality: string, sensitivity: readonly string[]): Coding[] {
  return [{ system: CONFIDENTIALITY_SYSTEM, code: confidentiality }, ...sensitivity.map((code) => ({ system: ACT_CODE_SYSTEM, code }))];
}

/** A referwell recipient as a FHIR reference: by their first identifier (an NPI, say) when they have one, else by referwell's id. */
export function recipientReference(recipient: {
  referrerId: string;
  name: string;
  identifiers: readonly { system: string; value: string }[];
}): Reference<never> {
  const first = recipient.identifiers[0];
  return first === undefined
    ? { identifier: { system: REFERWELL_ID_SYSTEM, value: recipient.referrerId }, display: recipient.name }
    : { identifier: { system: first.system, value: first.value }, display: recipient.name };
}

/** The purpose of use as a CodeableConcept (HL7 v3 ActReason). */
export function purposeConcept(purpose: { code: string; text: string }): CodeableConcept {
  return { coding: [{ system: ACT_REASON_SYSTEM, code: purpose.code }], text: purpose.text };
}

import type { Capacity } from "../../model/clinician.js";
import type { Money } from "../../model/scalars.js";
import { ACCEPTING_PATIENTS_SYSTEM, FhirExtensions } from "../extensions.js";
import { codingsOf, extensionsOf, type Located } from "./elements.js";
import { moneyOf } from "./moneyOf.js";
import type { FhirObject, FhirReader } from "./read.js";

const CAPACITY_PARTS = ["caseloadMax", "caseloadCurrent", "weeklyNewClientLimit", "newClientsThisWeek", "expectedWaitDays"] as const;

/** What referwell needs and FHIR has no element for, read from the extensions of the Practitioner and its roles. */
export interface ExtensionFields {
  accepting: boolean | undefined;
  capacity: Partial<Capacity> | undefined;
  fee: Money | undefined;
  floor: Money | undefined;
  telehealth: boolean;
  modalities: string[];
  populations: string[];
}

/** Plan-Net `newpatients`: true when any `acceptingPatients` says `newpt`. */
function accepting(reader: FhirReader, element: Located<FhirObject>, previous: boolean | undefined): boolean | undefined {
  let result = previous;
  for (const found of extensionsOf(reader, element.value, FhirExtensions.newPatients, element.path)) {
    for (const part of extensionsOf(reader, found.value, "acceptingPatients", found.path)) {
      const at = [...part.path, "valueCodeableConcept"];
      const codes = codingsOf(reader, part.value.valueCodeableConcept, at).filter(
        ({ value }) => value.system === ACCEPTING_PATIENTS_SYSTEM,
      );
      if (codes.length === 0) reader.report(at, "invalid-value", "one of [nopt, newpt, existptonly, existptfam]");
      result = (result ?? false) || codes.some(({ value }) => value.code === "newpt");
    }
  }
  return result;
}

/** referwell's `capacity` extension: each part an unsigned integer. */
function capacity(reader: FhirReader, element: Located<FhirObject>): Partial<Capacity> | undefined {
  const found = extensionsOf(reader, element.value, FhirExtensions.capacity, element.path)[0];
  if (found === undefined) return undefined;
  const parts: Partial<Record<(typeof CAPACITY_PARTS)[number], number>> = {};
  for (const key of CAPACITY_PARTS) {
    const part = extensionsOf(reader, found.value, key, found.path)[0];
    const number =
      part === undefined ? undefined : reader.number(part.value.valueUnsignedInt, [...part.path, "valueUnsignedInt"], 0, 10_000, true);
    if (number !== undefined) parts[key] = number;
  }
  return parts;
}

function money(reader: FhirReader, element: Located<FhirObject>, url: string): Money | undefined {
  const found = extensionsOf(reader, element.value, url, element.path)[0];
  return found === undefined ? undefined : moneyOf(reader, found.value.valueMoney, [...found.path, "valueMoney"]);
}

function tags(reader: FhirReader, element: Located<FhirObject>, url: string, into: string[]): void {
  for (const { value, path } of extensionsOf(reader, element.value, url, element.path)) {
    const tag = reader.string(value.valueString, [...path, "valueString"], true, 100);
    if (tag !== undefined && !into.includes(tag)) into.push(tag);
  }
}

/** The fields FHIR lacks, the first element that gives each winning (the Practitioner, then its roles in order). */
export function extensionFields(reader: FhirReader, elements: readonly Located<FhirObject>[]): ExtensionFields {
  const fields: ExtensionFields = {
    accepting: undefined,
    capacity: undefined,
    fee: undefined,
    floor: undefined,
    telehealth: false,
    modalities: [],
    populations: [],
  };
  for (const element of elements) {
    fields.accepting = accepting(reader, element, fields.accepting);
    fields.capacity ??= capacity(reader, element);
    fields.fee ??= money(reader, element, FhirExtensions.fee);
    fields.floor ??= money(reader, element, FhirExtensions.slidingScaleFloor);
    for (const { value, path } of extensionsOf(reader, element.value, FhirExtensions.telehealth, element.path)) {
      fields.telehealth ||= reader.boolean(value.valueBoolean, [...path, "valueBoolean"]) === true;
    }
    tags(reader, element, FhirExtensions.modality, fields.modalities);
    tags(reader, element, FhirExtensions.population, fields.populations);
  }
  return fields;
}

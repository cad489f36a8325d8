import { ExpectedText } from "../../errors.js";
import { REFERWELL_ID_SYSTEM } from "./outbound.js";
import type { FhirObject, FhirPath, FhirReader } from "./read.js";

/** An element found in the input, with where it is. */
export interface Located<T> {
  readonly value: T;
  readonly path: FhirPath;
}

/** The extensions of an element that have this URL, each with its path. */
export function extensionsOf(reader: FhirReader, element: FhirObject, url: string, path: FhirPath): Located<FhirObject>[] {
  const found: Located<FhirObject>[] = [];
  reader.array(element.extension, [...path, "extension"]).forEach((item, index) => {
    const at = [...path, "extension", index];
    const extension = reader.object(item, at);
    if (extension === undefined) return;
    if (reader.string(extension.url, [...at, "url"], true) === url) found.push({ value: extension, path: at });
  });
  return found;
}

/** The codings of a CodeableConcept that have both a system and a code. */
export function codingsOf(reader: FhirReader, value: unknown, path: FhirPath): Located<{ system: string; code: string }>[] {
  const concept = reader.object(value, path);
  if (concept === undefined) return [];
  const found: Located<{ system: string; code: string }>[] = [];
  reader.array(concept.coding, [...path, "coding"]).forEach((item, index) => {
    const at = [...path, "coding", index];
    const coding = reader.object(item, at);
    if (coding === undefined) return;
    const system = reader.string(coding.system, [...at, "system"]);
    const code = reader.string(coding.code, [...at, "code"], false, 200);
    if (system !== undefined && code !== undefined) found.push({ value: { system, code }, path: at });
  });
  return found;
}

/** The id a reference `Type/id` names, when its type is `type` (a relative reference, as a Bundle's entries use). */
export function referencedId(reader: FhirReader, value: unknown, type: string, path: FhirPath, required = false): string | undefined {
  const reference = reader.object(value, path, required);
  if (reference === undefined) return undefined;
  const text = reader.string(reference.reference, [...path, "reference"], required);
  if (text === undefined) return undefined;
  const match = /^([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/.exec(text);
  if (match === null || match[1] !== type) return reader.report([...path, "reference"], "invalid-format", ExpectedText.reference);
  return match[2];
}

/** A reference to a host record: in referwell's id system, else `Type/id`. */
export function localId(reader: FhirReader, value: unknown, type: string, path: FhirPath, required = false): string | undefined {
  const reference = reader.object(value, path, required);
  if (reference === undefined) return undefined;
  const identifier = reader.object(reference.identifier, [...path, "identifier"]);
  if (identifier?.system === REFERWELL_ID_SYSTEM) return reader.string(identifier.value, [...path, "identifier", "value"], true, 200);
  return referencedId(reader, value, type, path, required);
}

import { ExpectedText } from "../../errors.js";
import type { License } from "../../model/licensure.js";
import { CodeSystems } from "../codeMaps.js";
import type { FhirNote } from "../notes.js";
import { period } from "./dates.js";
import { codingsOf } from "./elements.js";
import type { FhirObject, FhirPath, FhirReader } from "./read.js";

/** The first HumanName's text, else its given and family names. */
export function practitionerName(reader: FhirReader, person: FhirObject, root: FhirPath): string {
  const at = [...root, "name", 0];
  const first = reader.object(reader.array(person.name, [...root, "name"])[0], at, true) ?? {};
  const given = reader
    .array(first.given, [...at, "given"])
    .flatMap((part, index) => reader.string(part, [...at, "given", index], true, 100) ?? []);
  const family = reader.string(first.family, [...at, "family"], false, 100);
  const name = reader.string(first.text, [...at, "text"], false, 200) ?? [...given, ...(family === undefined ? [] : [family])].join(" ");
  if (name === "") reader.report([...at, "family"], "required", ExpectedText.string);
  return name;
}

/** The BCP 47 codes of `communication`, without repeats; at least one is required. */
export function practitionerLanguages(reader: FhirReader, person: FhirObject, root: FhirPath): string[] {
  const languages = reader
    .array(person.communication, [...root, "communication"])
    .flatMap((concept, index) =>
      codingsOf(reader, concept, [...root, "communication", index]).flatMap(({ value }) =>
        value.system === CodeSystems.bcp47 ? [value.code] : [],
      ),
    );
  if (languages.length === 0) reader.report([...root, "communication"], "required", ExpectedText.language);
  return [...new Set(languages)];
}

/** A qualification's title: its code's text, else its first code. */
function titleOf(reader: FhirReader, code: FhirObject | undefined, at: FhirPath): string | undefined {
  const first = reader.object(reader.array(code?.coding, [...at, "coding"])[0], [...at, "coding", 0]);
  return reader.string(code?.text, [...at, "text"], false, 100) ?? reader.string(first?.code, [...at, "coding", 0, "code"], false, 100);
}

/**
 * Licences from the qualifications whose issuer the host placed in a
 * jurisdiction; every qualification's code is kept for the discipline. An
 * issuer the host did not place is noted: that qualification is no licence.
 */
export function practitionerLicences(
  reader: FhirReader,
  person: FhirObject,
  root: FhirPath,
  issuers: Readonly<Record<string, string>> | undefined,
  notes: FhirNote[],
  concepts: { value: unknown; path: FhirPath }[],
): License[] {
  const licenses: License[] = [];
  reader.array(person.qualification, [...root, "qualification"]).forEach((item, index) => {
    const at = [...root, "qualification", index];
    const qualification = reader.object(item, at);
    if (qualification === undefined) return;
    concepts.push({ value: qualification.code, path: [...at, "code"] });
    const issuer = reader.object(qualification.issuer, [...at, "issuer"]);
    const reference = issuer === undefined ? undefined : reader.string(issuer.reference, [...at, "issuer", "reference"], true);
    if (reference === undefined) return;
    const jurisdiction = Object.hasOwn(issuers ?? {}, reference) ? issuers?.[reference] : undefined;
    if (jurisdiction === undefined) {
      notes.push({ path: [...at, "issuer"], code: "no-jurisdiction" });
      return;
    }
    const title = titleOf(reader, reader.object(qualification.code, [...at, "code"], true), [...at, "code"]);
    const span = period(reader, qualification.period, [...at, "period"], false);
    const identifier = reader.object(reader.array(qualification.identifier, [...at, "identifier"], 20)[0], [...at, "identifier", 0]);
    const number = reader.string(identifier?.value, [...at, "identifier", 0, "value"], false, 100);
    licenses.push({
      jurisdiction,
      ...(title === undefined ? {} : { title }),
      ...(number === undefined ? {} : { number }),
      ...(span === undefined ? {} : { period: span }),
    });
  });
  return licenses;
}

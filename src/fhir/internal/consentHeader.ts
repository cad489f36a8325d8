import { AuthorizationKind } from "../../consent/categories.js";
import { ExpectedText } from "../../errors.js";
import type { Consent } from "../../consent/schemas.js";
import { FhirExtensions } from "../extensions.js";
import type { FhirNote } from "../notes.js";
import { AUTHORIZATION_KIND_SYSTEM, CONSENT_SCOPE_SYSTEM } from "./consentCodes.js";
import { fullDate } from "./dates.js";
import { codingsOf, extensionsOf, localId } from "./elements.js";
import { REFERWELL_ID_SYSTEM } from "./outbound.js";
import type { FhirObject, FhirPath, FhirReader } from "./read.js";

const STATUSES = ["draft", "proposed", "active", "rejected", "inactive", "entered-in-error"] as const;

/** The consent's own id: referwell's, when an identifier carries it, else the resource id. */
function idOf(reader: FhirReader, resource: FhirObject, root: FhirPath): string | undefined {
  for (const [index, item] of reader.array(resource.identifier, [...root, "identifier"], 50).entries()) {
    const identifier = reader.object(item, [...root, "identifier", index]);
    if (identifier?.system === REFERWELL_ID_SYSTEM)
      return reader.string(identifier.value, [...root, "identifier", index, "value"], true, 200);
  }
  return reader.string(resource.id, [...root, "id"], true, 64);
}

/**
 * The authorization kind in referwell's system; without one, `general`,
 * which authorizes the least. Two different kinds are refused: each kind
 * unlocks its own categories only, so no reading of both is the cautious
 * one, and HIPAA forbids combining a psychotherapy-note authorization with
 * any other (45 CFR 164.508(b)(3)(ii)).
 */
function kindOf(reader: FhirReader, resource: FhirObject, root: FhirPath, notes: FhirNote[]): AuthorizationKind {
  const codings = reader
    .array(resource.category, [...root, "category"], 20)
    .flatMap((item, index) => codingsOf(reader, item, [...root, "category", index]))
    .filter(({ value }) => value.system === AUTHORIZATION_KIND_SYSTEM);
  const ours = codings[0];
  const kind = AuthorizationKind.safeParse(ours?.value.code);
  const other = kind.success ? codings.find(({ value }) => value.code !== kind.data) : undefined;
  if (other !== undefined) reader.report([...other.path, "code"], "invalid-value", ExpectedText.oneAuthorizationKind);
  if (kind.success) return kind.data;
  if (ours !== undefined) reader.report([...ours.path, "code"], "invalid-value", `one of [${AuthorizationKind.options.join(", ")}]`);
  else notes.push({ path: [...root, "category"], code: "assumed-general" });
  return "general";
}

/** Status, read so that nothing not agreed permits: `draft` is a draft here (the caller decides whether it restricts); `proposed`, `rejected` and `entered-in-error` are inactive, their restrictions kept. */
function statusOf(reader: FhirReader, resource: FhirObject, root: FhirPath, notes: FhirNote[]): Consent["status"] | undefined {
  const status = reader.string(resource.status, [...root, "status"], true, 40);
  if (status === undefined) return undefined;
  if (!(STATUSES as readonly string[]).includes(status)) {
    return reader.report([...root, "status"], "invalid-value", `one of [${STATUSES.join(", ")}]`);
  }
  const revoked = extensionsOf(reader, resource, FhirExtensions.consentRevoked, root).some(({ value }) => value.valueBoolean === true);
  if (status === "draft") return "draft";
  if (revoked) return "revoked";
  if (status === "proposed" || status === "rejected" || status === "entered-in-error")
    notes.push({ path: [...root, "status"], code: "read-as-inactive" });
  return status === "active" ? "active" : "inactive";
}

/** What a Consent says of itself, before its provisions: undefined where it breaks a rule (reported). */
export interface ConsentHeader {
  readonly id: string | undefined;
  readonly status: Consent["status"] | undefined;
  readonly kind: AuthorizationKind;
  readonly clientId: string | undefined;
  readonly signed: string | undefined;
}

/** Reads a Consent's id, status, scope (it must be `patient-privacy`), kind, patient and day signed. */
export function consentHeader(reader: FhirReader, fhir: FhirObject, root: FhirPath, notes: FhirNote[]): ConsentHeader {
  const scoped = codingsOf(reader, fhir.scope, [...root, "scope"]).some(
    ({ value }) => value.system === CONSENT_SCOPE_SYSTEM && value.code === "patient-privacy",
  );
  const id = idOf(reader, fhir, root);
  const status = statusOf(reader, fhir, root, notes);
  if (!scoped) reader.report([...root, "scope"], fhir.scope === undefined ? "required" : "invalid-value", "patient-privacy (consentscope)");
  return {
    id,
    status,
    kind: kindOf(reader, fhir, root, notes),
    clientId: localId(reader, fhir.patient, "Patient", [...root, "patient"], true),
    // Deny provisions bind from the day signed, so a time is not read forward; a permit counts from its first whole day.
    signed: fullDate(reader, fhir.dateTime, [...root, "dateTime"], true),
  };
}

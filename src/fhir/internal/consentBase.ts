import * as z from "zod";
import { CategoryCode, PurposeOfUse } from "../../consent/categories.js";
import { type ConsentInput, ConsentRecipient, type DenyProvision } from "../../consent/schemas.js";
import { Id } from "../../model/scalars.js";
import { FhirExtensions } from "../extensions.js";
import type { FhirNote } from "../notes.js";
import { denyOf, permitOf, type ProvisionReading } from "./consentProvisions.js";
import { period } from "./dates.js";
import { AUTHORIZATION_KIND_SYSTEM } from "./consentCodes.js";
import { extensionsOf, localId } from "./elements.js";
import { boundedDenials } from "./boundedDenials.js";
import { innerDenials } from "./innerDenials.js";
import { ACT_CODE_SYSTEM, REFERWELL_ID_SYSTEM } from "./outbound.js";
import type { FhirObject, FhirPath, FhirReader } from "./read.js";

/** What a base `deny` may name, which makes it a restriction as well. */
const BASE_DENY_PARTS = ["actor", "purpose", "code", "securityLabel", "dataPeriod", "class", "data", "action"] as const;

/** What a deny base, which permits nothing, names all the same (`consentNames`): read only while one list stays empty, so it never permits. */
function namesOf(
  reader: FhirReader,
  fhir: FhirObject,
  root: FhirPath,
  notes: FhirNote[],
): Partial<Pick<ConsentInput, "recipients" | "purposes" | "categories" | "dataPeriod">> {
  const found = extensionsOf(reader, fhir, FhirExtensions.consentNames, root)[0];
  if (found === undefined) return {};
  const parts = (url: string) => extensionsOf(reader, found.value, url, found.path);
  const recipients = parts("recipient").flatMap(({ value, path }): ConsentRecipient[] => {
    const identifier = reader.object(value.valueIdentifier, [...path, "valueIdentifier"], true);
    const system = reader.string(identifier?.system, [...path, "valueIdentifier", "system"], true, 200);
    const code = reader.string(identifier?.value, [...path, "valueIdentifier", "value"], true, 200);
    if (system === undefined || code === undefined) return [];
    const recipient = system === REFERWELL_ID_SYSTEM ? { referrerId: code } : { identifier: { system, value: code } };
    // One that names no one referwell can hold is left out: the consent permits nothing either way.
    return ConsentRecipient.safeParse(recipient).success ? [recipient] : [];
  });
  const codes = <T>(url: string, schema: z.ZodType<T>): T[] =>
    parts(url).flatMap(({ value, path }) => {
      const code = schema.safeParse(value.valueCode);
      if (code.success) return [code.data];
      notes.push({ path: [...path, "valueCode"], code: "unknown-code" });
      return [];
    });
  const purposes = codes("purpose", PurposeOfUse);
  const categories = codes("category", CategoryCode);
  const dataPeriod = parts("dataPeriod").map(({ value, path }) => period(reader, value.valuePeriod, [...path, "valuePeriod"]))[0];
  if (recipients.length > 0 && purposes.length > 0 && categories.length > 0) {
    notes.push({ path: [...found.path], code: "permits-nothing" });
    return {};
  }
  return { recipients, purposes, categories, ...(dataPeriod === undefined ? {} : { dataPeriod }) };
}

/** What a Consent's provisions read as: what it permits (or names without permitting), its period when it gives one, its deny provisions. */
export type ProvisionsRead = Pick<ConsentInput, "recipients" | "purposes" | "categories" | "dataPeriod"> & {
  readonly period?: { start: string; end?: string };
  readonly inForceOnNoDay?: true;
  readonly deny: DenyProvision[];
};

/** The base provision and its type, read: `undefined` type when it has none or a wrong one (reported). */
function baseOf(reader: FhirReader, fhir: FhirObject, at: FhirPath): { base?: FhirObject; type?: "permit" | "deny" } {
  const base = reader.object(fhir.provision, at);
  const type = base === undefined ? undefined : reader.string(base.type, [...at, "type"], false, 20);
  if (type !== undefined && type !== "permit" && type !== "deny") reader.report([...at, "type"], "invalid-value", "one of [deny, permit]");
  if (base === undefined) return {};
  return type === "permit" || type === "deny" ? { base, type } : { base };
}

/** The longest id a deny provision takes (`Id`): one kept apart from another by a suffix is cut to leave it room. */
const LONGEST_ID = 200;
/** The most provisions read nested in the base (the library's own bound; past 50 denies they merge, see `boundedDenials`). */
const MOST_NESTED_PROVISIONS = 200;

/**
 * The deny provisions: the base's when it restricts (id `base`), then each
 * nested deny (by `id`, else its place), then those inside nested permits
 * (see `innerDenials`), as many as a consent holds (see `boundedDenials`).
 * Ids read before are never changed by those read after, but for the 50th
 * when a Consent holds more than 50 in all.
 */
function denialsOf(reading: ProvisionReading, base: FhirObject | undefined, restricts: boolean, at: FhirPath): DenyProvision[] {
  const { reader, notes } = reading;
  const taken = new Set<string>();
  const take = (wanted: string | undefined, fallback: string): string => {
    let id = wanted ?? fallback;
    const suffix = `-${taken.size}`;
    while (taken.has(id) && id.length + suffix.length <= LONGEST_ID) id += suffix;
    // An id with no room left for a suffix is cut to make some, with a count that rises until the id is free.
    for (let count = taken.size; taken.has(id); count += 1) id = `${id.slice(0, LONGEST_ID - 12)}-${count}`;
    taken.add(id);
    return id;
  };
  // An id referwell cannot hold (not text, blank, spaces around it, too long) is not read: the deny takes its place's.
  const idFor = (provision: FhirObject, path: FhirPath, fallback: string): string => {
    const own = Id.safeParse(provision.id);
    if (!own.success && provision.id !== undefined && provision.id !== null) notes.push({ path: [...path, "id"], code: "unread-element" });
    return take(own.success ? own.data : undefined, fallback);
  };
  // A restricting base names what it denies; no base (an opt-out) denies everything.
  const deny: DenyProvision[] = !restricts
    ? []
    : [base === undefined ? { id: "base" } : denyOf(reading, base, at, idFor(base, at, "base"), false)];
  const permits: { provision: FhirObject; path: FhirPath; label: string }[] = [];
  reader.array(base?.provision, [...at, "provision"], MOST_NESTED_PROVISIONS).forEach((item, index) => {
    const path = [...at, "provision", index];
    const nested = reader.object(item, path);
    if (nested === undefined) return;
    // A nested permit adds nothing to what the consent permits (it is not read, which can only withhold more); the denies in it are read after.
    if (nested.type === "permit") {
      notes.push({ path, code: "unread-element" });
      permits.push({ provision: nested, path, label: `provision-${index + 1}` });
      return;
    }
    // Any other nested provision restricts: one with no type (or another) is read as a deny rather than lost.
    if (nested.type !== "deny") notes.push({ path: [...path, "type"], code: "read-as-deny" });
    deny.push(denyOf(reading, nested, path, idFor(nested, path, `provision-${index + 1}`), true));
  });
  deny.push(...innerDenials(reading, permits, idFor));
  const bounded = boundedDenials(deny, () => take(undefined, "merged"));
  if (bounded.merged) notes.push({ path: [...at, "provision"], code: "denies-merged" });
  return bounded.denials;
}

/** The codings of a CodeableConcept, read leniently: what is not one is no coding, and reads as no policy rule. */
const codingsIn = (concept: unknown): readonly FhirObject[] => {
  const codings = typeof concept === "object" && concept !== null ? (concept as FhirObject).coding : undefined;
  return Array.isArray(codings) ? codings.filter((coding): coding is FhirObject => typeof coding === "object" && coding !== null) : [];
};

/**
 * The ways HL7 v3 ActCode is named: its canonical URL, its OID (HL7 v3's
 * own name for it, 2.16.840.1.113883.5.4) and the URL of FHIR STU3 and
 * earlier; an opt-out is read whichever an EHR writes.
 */
const ACT_CODE_NAMES: ReadonlySet<unknown> = new Set([ACT_CODE_SYSTEM, "urn:oid:2.16.840.1.113883.5.4", "http://hl7.org/fhir/v3/ActCode"]);

/** The consent's policy rule, when it is an HL7 v3 ActCode consent directive referwell reads. */
function policyOf(fhir: FhirObject): "OPTIN" | "OPTOUT" | "OPTOUTE" | undefined {
  const codes = codingsIn(fhir.policyRule)
    .filter((coding) => ACT_CODE_NAMES.has(coding.system))
    .map((coding) => coding.code);
  // An opt-out anywhere among the codings is read as one: the cautious reading of codings that disagree.
  if (codes.includes("OPTOUT")) return "OPTOUT";
  if (codes.includes("OPTOUTE")) return "OPTOUTE";
  return codes.includes("OPTIN") ? "OPTIN" : undefined;
}

/** Whether the Consent is in the form referwell writes: its authorization kind in referwell's system, under an opt-in as referwell writes it (ActCode by its URL). */
export function writtenByReferwell(fhir: FhirObject, policy = policyOf(fhir)): boolean {
  const concepts = Array.isArray(fhir.category) ? (fhir.category as unknown[]) : [];
  const optIn = codingsIn(fhir.policyRule).some((coding) => coding.system === ACT_CODE_SYSTEM && coding.code === "OPTIN");
  return (
    policy === "OPTIN" &&
    optIn &&
    concepts.some((concept) => codingsIn(concept).some((coding) => coding.system === AUTHORIZATION_KIND_SYSTEM))
  );
}

/**
 * The base provision, its type, and whether it restricts: a deny base that
 * names anything, or that names nothing (it denies everything, in FHIR)
 * unless it is the form referwell writes for a consent that permits
 * nothing; under an opt-out, a base with no type is a deny (noted), and no
 * base denies everything.
 */
function baseRestriction(reading: ProvisionReading, fhir: FhirObject, at: FhirPath) {
  const { reader, notes } = reading;
  const policy = policyOf(fhir);
  const optOut = policy === "OPTOUT" || policy === "OPTOUTE";
  const { base, type: written } = baseOf(reader, fhir, at);
  if (written === undefined && base !== undefined && optOut) notes.push({ path: [...at, "type"], code: "read-as-deny" });
  const type = written ?? (base !== undefined && optOut ? "deny" : undefined);
  if (type === undefined) notes.push({ path: base === undefined ? [...at] : [...at, "type"], code: "permits-nothing" });
  if (base === undefined) return { base, type, restricts: optOut };
  const names = type === "deny" && BASE_DENY_PARTS.some((name) => base[name] !== undefined);
  return { base, type, restricts: names || (type === "deny" && !writtenByReferwell(fhir, policy)) };
}

/**
 * Reads the base provision and the provisions nested in it. A permit base
 * is what the consent permits; a deny base permits nothing and restricts
 * (see `baseRestriction`), or, in the form referwell writes, may carry
 * what the consent names in `consentNames`; without a base provision or
 * its type, nothing is permitted (the cautious reading); nested denies are
 * deny provisions, and so are the denies inside nested permits, which
 * themselves are not read.
 */
export function consentProvisions(reading: ProvisionReading, fhir: FhirObject, root: FhirPath): ProvisionsRead {
  const { reader, notes } = reading;
  const at: FhirPath = [...root, "provision"];
  const { base, type, restricts } = baseRestriction(reading, fhir, at);
  const deny = denialsOf(reading, base, restricts, at);
  if (base !== undefined && type === "permit") return { ...permitOf(reading, base, at), deny };
  const nothing = { recipients: [], purposes: [], categories: [], deny };
  if (base === undefined || type !== "deny") return nothing;
  // A deny base permits nothing; its period is kept as written, and what it names only when it restricts nothing itself.
  const span = period(reader, base.period, [...at, "period"], false);
  return { ...nothing, ...(restricts ? {} : namesOf(reader, fhir, root, notes)), ...(span === undefined ? {} : { period: span }) };
}

/** The consents it replaces and the deny provisions it lifts, from referwell's extensions. */
export function consentLinks(reader: FhirReader, fhir: FhirObject, root: FhirPath): Pick<ConsentInput, "replaces" | "lifts"> {
  const replaces = extensionsOf(reader, fhir, FhirExtensions.consentReplaces, root).flatMap(
    ({ value, path }) => localId(reader, value.valueReference, "Consent", [...path, "valueReference"], true) ?? [],
  );
  const lifts = extensionsOf(reader, fhir, FhirExtensions.consentLifts, root).flatMap(({ value, path }) => {
    const part = (url: string) => extensionsOf(reader, value, url, path)[0];
    const consent = part("consent");
    const provision = part("provision");
    const consentId = localId(reader, consent?.value.valueReference, "Consent", [...(consent?.path ?? path), "valueReference"], true);
    const provisionName = reader.string(provision?.value.valueString, [...(provision?.path ?? path), "valueString"], true, 200);
    return consentId === undefined || provisionName === undefined ? [] : [{ consentId, provisionId: provisionName }];
  });
  return { replaces, lifts };
}

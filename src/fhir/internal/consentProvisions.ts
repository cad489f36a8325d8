import { CONFIDENTIALITY_ORDER, CategoryCode, type DisclosureCategory, PurposeOfUse, SensitivityCode } from "../../consent/categories.js";
import { MOST_DENIED_CATEGORIES } from "../../consent/internal/denyLimits.js";
import { ConsentRecipient, type DenyProvision } from "../../consent/schemas.js";
import type { FhirNote } from "../notes.js";
import { BEHAVIORAL_HEALTH_FAMILY } from "./behavioralHealthReach.js";
import { markedBy } from "./markedBy.js";
import { CATEGORY_SYSTEM, CONSENT_ACTION_SYSTEM, PARTICIPATION_TYPE_SYSTEM } from "./consentCodes.js";
import { period, wholeDays } from "./dates.js";
import { codingsOf } from "./elements.js";
import { ACT_CODE_SYSTEM, ACT_REASON_SYSTEM, CONFIDENTIALITY_SYSTEM, REFERWELL_ID_SYSTEM } from "./outbound.js";
import type { FhirObject, FhirPath, FhirReader } from "./read.js";

/**
 * What reading a consent's provisions needs: the reader, the notes, the
 * host's reference map, every category known, and what a behavioral-health
 * label denies read together (`undefined` when each reads as labelled).
 */
export interface ProvisionReading {
  readonly reader: FhirReader;
  readonly notes: FhirNote[];
  readonly recipients: Readonly<Record<string, ConsentRecipient>>;
  readonly catalogue: readonly DisclosureCategory[];
  readonly behavioralHealthReach: readonly string[] | undefined;
}

/** What `readEach`'s reader gives for an entry it read and keeps nothing of on purpose (so it is not noted unknown). */
const LEFT_OUT: readonly never[] = Object.freeze([]);

/** What a list of a provision reads as: the entries read, and whether any could not be. */
interface ReadList<T> {
  readonly items: T[];
  readonly unread: boolean;
}

/** Resource types that stand for many people: a recipient referwell holds is one person or one referrer record. */
const GROUPS = new Set(["Organization", "CareTeam", "Group", "HealthcareService"]);

/**
 * Whether a reference may name a group of people: by its `type`, or by the
 * type in its literal reference (`Organization/12`, also with a version,
 * absolute, or conditional: `Organization?identifier=…`); a reference to a
 * contained resource (`#org`), whose type is not read here, may too.
 */
function namesMany(reference: FhirObject): boolean {
  const type = typeof reference.type === "string" ? reference.type.split("/").at(-1) : undefined;
  if (type !== undefined && GROUPS.has(type)) return true;
  if (typeof reference.reference !== "string") return false;
  if (reference.reference.startsWith("#")) return true;
  // The path without a query or a version: its last two steps are the type and the id, or its last is the type of a conditional reference.
  const [path = ""] = reference.reference.split("?");
  const steps = path.replace(/\/_history\/[^/]*$/, "").split("/");
  return reference.reference.includes("?") ? GROUPS.has(steps.at(-1) ?? "") : GROUPS.has(steps.at(-2) ?? "");
}

/**
 * A reference as a consent recipient: by identifier (referwell's id system holds referrer ids), else a reference the
 * host mapped. A reference to a group of people (an Organization, a CareTeam) or to a contained resource, or an identifier that names no one
 * referwell can hold (an NPI whose check digit is wrong, a referrer id with spaces around it), is no recipient: the
 * caller notes it, and reads the list the cautious way (a permit leaves it out, a deny is to all: who belongs to an
 * organization is not known here).
 */
function recipientOf(reading: ProvisionReading, value: unknown, path: FhirPath): ConsentRecipient | undefined {
  const { reader } = reading;
  const reference = reader.object(value, path);
  if (reference === undefined || namesMany(reference)) return undefined;
  const identifier = reader.object(reference.identifier, [...path, "identifier"]);
  if (identifier !== undefined) {
    const system = reader.string(identifier.system, [...path, "identifier", "system"], true, 200);
    const code = reader.string(identifier.value, [...path, "identifier", "value"], true, 200);
    if (system === undefined || code === undefined) return undefined;
    const recipient = system === REFERWELL_ID_SYSTEM ? { referrerId: code } : { identifier: { system, value: code } };
    return ConsentRecipient.safeParse(recipient).success ? recipient : undefined;
  }
  const text = reader.string(reference.reference, [...path, "reference"]);
  return text !== undefined && Object.hasOwn(reading.recipients, text) ? reading.recipients[text] : undefined;
}

/**
 * Reads each entry of a list: what `read` gives is kept, once each; an
 * entry it gives nothing for is noted with `code` and makes the list one
 * not read in full.
 */
function readEach<T>(
  reading: ProvisionReading,
  list: { value: unknown; path: FhirPath; max: number },
  code: "unknown-code" | "unknown-recipient",
  read: (entry: FhirObject, at: FhirPath) => readonly T[],
): ReadList<T> {
  const items: T[] = [];
  let unread = false;
  reading.reader.array(list.value, list.path, list.max).forEach((item, index) => {
    const at = [...list.path, index];
    const entry = reading.reader.object(item, at);
    if (entry === undefined) return;
    const found = read(entry, at);
    for (const value of found) if (!items.includes(value)) items.push(value);
    if (found.length > 0 || found === LEFT_OUT) return;
    reading.notes.push({ path: at, code });
    unread = true;
  });
  return { items, unread };
}

/** The information recipients among a provision's actors; any other actor, or one not resolved, is noted. */
function actorsOf(reading: ProvisionReading, value: unknown, path: FhirPath): ReadList<ConsentRecipient> {
  return readEach(reading, { value, path, max: 50 }, "unknown-recipient", (actor, at) => {
    const roles = codingsOf(reading.reader, actor.role, [...at, "role"]);
    const receives = roles.some(
      ({ value: role }) => role.system === PARTICIPATION_TYPE_SYSTEM && (role.code === "IRCP" || role.code === "PRCP"),
    );
    const recipient = receives ? recipientOf(reading, actor.reference, [...at, "reference"]) : undefined;
    return recipient === undefined ? [] : [recipient];
  });
}

/** The purposes of use (HL7 v3 ActReason codes referwell knows); any other coding is noted. */
function purposesOf(reading: ProvisionReading, value: unknown, path: FhirPath): ReadList<PurposeOfUse> {
  return readEach(reading, { value, path, max: 20 }, "unknown-code", (coding) => {
    const code = PurposeOfUse.safeParse(coding.code);
    return coding.system === ACT_REASON_SYSTEM && code.success ? [code.data] : [];
  });
}

/**
 * The categories a provision's codes name (referwell's category system); any
 * other concept is noted. A concept whose codings name different categories
 * is read the cautious way for its side (note `codings-disagree`): a deny
 * denies every one, a permit permits none, and the concept counts as read.
 */
function codesOf(reading: ProvisionReading, value: unknown, path: FhirPath, side: "deny" | "permit"): ReadList<string> {
  return readEach(reading, { value, path, max: 100 }, "unknown-code", (concept, at) => {
    const named: string[] = [];
    for (const { value: coding } of codingsOf(reading.reader, concept, at))
      if (coding.system === CATEGORY_SYSTEM && CategoryCode.safeParse(coding.code).success && !named.includes(coding.code))
        named.push(coding.code);
    if (named.length < 2) return named;
    reading.notes.push({ path: [...at], code: "codings-disagree" });
    return side === "deny" ? named : LEFT_OUT;
  });
}

/**
 * The categories a security label denies: a confidentiality level and every
 * level above it, or what a sensitivity code marks. A behavioral-health
 * code read together denies what the family reaches (`widened`), but only
 * when it marks a category as written: one that marks none is unread, and
 * so denies everything, however it is read.
 */
function labelled(reading: ProvisionReading, system: string | undefined, code: unknown): { categories: string[]; widened: boolean } {
  const { catalogue, behavioralHealthReach: reach } = reading;
  if (system === CONFIDENTIALITY_SYSTEM) {
    const level = CONFIDENTIALITY_ORDER.indexOf(code as DisclosureCategory["confidentiality"]);
    const categories = catalogue
      .filter((category) => level >= 0 && CONFIDENTIALITY_ORDER.indexOf(category.confidentiality) >= level)
      .map((category) => category.code);
    return { categories, widened: false };
  }
  const sensitivity = SensitivityCode.safeParse(code);
  if (system !== ACT_CODE_SYSTEM || !sensitivity.success) return { categories: [], widened: false };
  const written = markedBy(catalogue, sensitivity.data);
  if (reach === undefined || written.length === 0 || !BEHAVIORAL_HEALTH_FAMILY.has(sensitivity.data))
    return { categories: written, widened: false };
  return { categories: [...reach], widened: true };
}

/**
 * The categories a deny provision's security labels mark, and where a
 * behavioral-health label was read together; a label that marks no
 * category known is noted.
 */
function labelsOf(reading: ProvisionReading, value: unknown, path: FhirPath): ReadList<string> & { readonly widened: FhirPath[] } {
  const widened: FhirPath[] = [];
  const list = readEach(reading, { value, path, max: 50 }, "unknown-code", (coding, at) => {
    const read = labelled(reading, typeof coding.system === "string" ? coding.system : undefined, coding.code);
    if (read.widened) widened.push(at);
    return read.categories;
  });
  return { ...list, widened };
}

/** Elements of a deny provision referwell does not read: leaving them out only widens the restriction. */
const DENY_UNREAD = ["action", "class", "data"] as const;
/** A nested deny's own period and provisions are not read either; a base deny's are the consent's, read by the caller. */
const NESTED_DENY_UNREAD = ["period", ...DENY_UNREAD, "provision"] as const;

/**
 * The categories a deny provision's codes and labels name, or `undefined`
 * for every category: when one of the lists could not be read in full
 * (noted `denies-all`), names none, or together they name more than a deny
 * provision holds (labels that mark many host categories; noted too). A
 * label read together is noted only where the categories it gave are kept.
 */
function deniedCategories(
  reading: ProvisionReading,
  codes: ReadList<string>,
  labels: ReturnType<typeof labelsOf>,
  path: FhirPath,
): string[] | undefined {
  const categories = [...codes.items, ...labels.items.filter((code) => !codes.items.includes(code))];
  if (codes.unread || labels.unread || categories.length > MOST_DENIED_CATEGORIES) {
    const blamed = codes.unread || codes.items.length > MOST_DENIED_CATEGORIES ? "code" : "securityLabel";
    reading.notes.push({ path: [...path, blamed], code: "denies-all" });
    return undefined;
  }
  if (categories.length === 0) return undefined;
  for (const at of labels.widened) reading.notes.push({ path: [...at], code: "label-widened" });
  return categories;
}

/**
 * A nested deny provision. Each list (recipients, purposes, categories) is
 * read in full or not at all: a list with an entry that could not be read
 * is left out, which means "all", so a restriction is widened and never
 * narrowed. Security labels deny every category they mark.
 */
export function denyOf(reading: ProvisionReading, provision: FhirObject, path: FhirPath, id: string, nested: boolean): DenyProvision {
  const { reader, notes } = reading;
  const actors = actorsOf(reading, provision.actor, [...path, "actor"]);
  const purposes = purposesOf(reading, provision.purpose, [...path, "purpose"]);
  const codes = codesOf(reading, provision.code, [...path, "code"], "deny");
  const labels = labelsOf(reading, provision.securityLabel, [...path, "securityLabel"]);
  const dataPeriod = period(reader, provision.dataPeriod, [...path, "dataPeriod"], false);
  for (const name of nested ? NESTED_DENY_UNREAD : DENY_UNREAD)
    if (provision[name] !== undefined) notes.push({ path: [...path, name], code: "unread-element" });
  const all = (unread: boolean, at: string) => {
    if (unread) notes.push({ path: [...path, at], code: "denies-all" });
    return unread;
  };
  const everyone = all(actors.unread, "actor") || actors.items.length === 0;
  const always = all(purposes.unread, "purpose") || purposes.items.length === 0;
  const categories = deniedCategories(reading, codes, labels, path);
  const everything = categories === undefined;
  return {
    id,
    ...(everyone ? {} : { recipients: actors.items }),
    ...(always ? {} : { purposes: purposes.items }),
    ...(everything ? {} : { categories }),
    ...(dataPeriod === undefined ? {} : { dataPeriod }),
  };
}

/** What a base provision permits: each list as read; an element that restricts the permit in a way referwell does not read empties `categories`. */
export interface PermitRead {
  readonly recipients: ConsentRecipient[];
  readonly purposes: PurposeOfUse[];
  readonly categories: string[];
  readonly period?: { start: string; end?: string };
  readonly dataPeriod?: { start: string; end?: string };
  /** True when its period holds no whole day: the consent is in force on no day, and its lifts lift nothing. */
  readonly inForceOnNoDay?: true;
}

/** The action codes a permit names, when it names any: only `disclose` is a disclosure. */
function disclosesOrUnsaid(reading: ProvisionReading, value: unknown, path: FhirPath): boolean {
  const actions = reading.reader.array(value, path, 20);
  if (actions.length === 0) return true;
  return actions.some((item, index) =>
    codingsOf(reading.reader, item, [...path, index]).some(
      ({ value: coding }) => coding.system === CONSENT_ACTION_SYSTEM && coding.code === "disclose",
    ),
  );
}

/**
 * The base provision read as a permit, for what it names only: a list left
 * out permits nothing (in FHIR it would mean "any"), an entry not read is
 * left out, and periods are read as the whole days they cover. A permit
 * that also restricts by `class`, `data` or `securityLabel`, or names
 * actions without `disclose`, permits no category.
 */
export function permitOf(reading: ProvisionReading, provision: FhirObject, path: FhirPath): PermitRead {
  const { reader, notes } = reading;
  const recipients = actorsOf(reading, provision.actor, [...path, "actor"]).items;
  const purposes = purposesOf(reading, provision.purpose, [...path, "purpose"]).items;
  let categories = codesOf(reading, provision.code, [...path, "code"], "permit").items;
  const days = wholeDays(reader, provision.period, [...path, "period"]);
  const dataDays = wholeDays(reader, provision.dataPeriod, [...path, "dataPeriod"]);
  const unsaid = (list: readonly unknown[], at: string) => {
    if (list.length === 0) notes.push({ path: [...path, at], code: "permits-nothing" });
  };
  unsaid(recipients, "actor");
  unsaid(purposes, "purpose");
  unsaid(categories, "code");
  const restricted: string[] = ["class", "data", "securityLabel"].filter((name) => provision[name] !== undefined);
  if (!disclosesOrUnsaid(reading, provision.action, [...path, "action"])) restricted.push("action");
  for (const name of restricted) notes.push({ path: [...path, name], code: "permits-nothing" });
  // A period that holds no whole day permits on no day: the cautious reading is no category at all.
  for (const [span, at] of [
    [days, "period"],
    [dataDays, "dataPeriod"],
  ] as const) {
    if (span === "none") notes.push({ path: [...path, at], code: "permits-nothing" });
  }
  if (restricted.length > 0 || days === "none" || dataDays === "none") categories = [];
  return {
    recipients,
    purposes,
    categories,
    ...(days === undefined || days === "none" ? {} : { period: days }),
    ...(dataDays === undefined || dataDays === "none" ? {} : { dataPeriod: dataDays }),
    ...(days === "none" ? { inForceOnNoDay: true as const } : {}),
  };
}

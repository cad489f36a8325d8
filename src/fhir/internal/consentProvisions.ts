import { CONFIDENTIALITY_ORDER, CategoryCode, type DisclosureCategory, PurposeOfUse, SensitivityCode } from "../../consent/categories.js";
import { marksPart2 } from "../../consent/internal/marksPart2.js";
import type { ConsentRecipient, DenyProvision } from "../../consent/schemas.js";
import type { FhirNote } from "../notes.js";
import { CATEGORY_SYSTEM, CONSENT_ACTION_SYSTEM, PARTICIPATION_TYPE_SYSTEM } from "./consentCodes.js";
import { period, wholeDays } from "./dates.js";
import { codingsOf } from "./elements.js";
import { ACT_CODE_SYSTEM, ACT_REASON_SYSTEM, CONFIDENTIALITY_SYSTEM, REFERWELL_ID_SYSTEM } from "./outbound.js";
import type { FhirObject, FhirPath, FhirReader } from "./read.js";

/** What reading a consent's provisions needs: the reader, the notes, the host's reference map, every category known, how behavioral-health labels read. */
export interface ProvisionReading {
  readonly reader: FhirReader;
  readonly notes: FhirNote[];
  readonly recipients: Readonly<Record<string, ConsentRecipient>>;
  readonly catalogue: readonly DisclosureCategory[];
  readonly behavioralHealthLabels: BehavioralHealthLabels;
}

/** How a deny's `BH`, `MH` and `PSY` labels read (see `ConsentFromFhirOptions.behavioralHealthLabels`). */
export type BehavioralHealthLabels = "together" | "as-labelled";

/** The behavioral-health sensitivity codes, which HL7 v3 ActCode lists side by side and no source here draws a line between. */
const BEHAVIORAL_HEALTH_FAMILY: ReadonlySet<SensitivityCode> = new Set<SensitivityCode>(["BH", "MH", "PSY"]);

/**
 * What a deny labelled with any of the family denies, read together: every
 * category labelled with one of them, and with the codes for what they
 * hold. `PSYTHPN`: psychotherapy notes are a mental health professional's
 * notes (45 CFR 164.501). `EMOTDIS`: ActCode's `BH` covers "behavioral and
 * emotional disturbances". `SUD` and `ETH`: behavioral health problems
 * include substance use disorders (SAMHSA, Leading Change: A Plan for
 * SAMHSA's Roles and Actions 2011–2014, HHS Publication No. (SMA) 11-4629),
 * and ICD-10 files them among the mental and behavioural disorders
 * (Chapter V, F10–F19). IHE's Privacy Consent on FHIR leaves open whether
 * `PSY` includes `MH`, `PSYTHPN` and `SUD` (value set SlsSensitivePSY), so
 * the cautious reading withholds them all; `"as-labelled"` reads each code
 * alone.
 */
const BEHAVIORAL_HEALTH_REACH: readonly SensitivityCode[] = ["BH", "MH", "PSY", "PSYTHPN", "EMOTDIS", "SUD", "ETH"];

/** What `readEach`'s reader gives for an entry it read and keeps nothing of on purpose (so it is not noted unknown). */
const LEFT_OUT: readonly never[] = Object.freeze([]);

/** What a list of a provision reads as: the entries read, and whether any could not be. */
interface ReadList<T> {
  readonly items: T[];
  readonly unread: boolean;
}

/** A reference as a consent recipient: by identifier (referwell's id system holds referrer ids), else a reference the host mapped. */
function recipientOf(reading: ProvisionReading, value: unknown, path: FhirPath): ConsentRecipient | undefined {
  const { reader } = reading;
  const reference = reader.object(value, path);
  if (reference === undefined) return undefined;
  const identifier = reader.object(reference.identifier, [...path, "identifier"]);
  if (identifier !== undefined) {
    const system = reader.string(identifier.system, [...path, "identifier", "system"], true, 200);
    const code = reader.string(identifier.value, [...path, "identifier", "value"], true, 200);
    if (system === undefined || code === undefined) return undefined;
    return system === REFERWELL_ID_SYSTEM ? { referrerId: code } : { identifier: { system, value: code } };
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

/** The categories a sensitivity code marks as written: those labelled with it (Part 2 codes also a host's `part2` categories). */
function markedBy(catalogue: readonly DisclosureCategory[], code: SensitivityCode): string[] {
  const part2 = code === "SUD" || code === "ETH";
  return catalogue
    .filter((category) => category.sensitivity.includes(code) || (part2 && marksPart2(category)))
    .map((category) => category.code);
}

/**
 * The categories a security label denies: a confidentiality level and every
 * level above it, or what a sensitivity code marks, and for a
 * behavioral-health code read together (the host's choice) what the
 * family reaches (see `BEHAVIORAL_HEALTH_REACH`), which is always more than
 * the code marks: the built-in categories carry both `BH` and `PSY`.
 */
function labelled(reading: ProvisionReading, system: string | undefined, code: unknown): { categories: string[]; widened: boolean } {
  const { catalogue } = reading;
  if (system === CONFIDENTIALITY_SYSTEM) {
    const level = CONFIDENTIALITY_ORDER.indexOf(code as DisclosureCategory["confidentiality"]);
    const categories = catalogue
      .filter((category) => level >= 0 && CONFIDENTIALITY_ORDER.indexOf(category.confidentiality) >= level)
      .map((category) => category.code);
    return { categories, widened: false };
  }
  const sensitivity = SensitivityCode.safeParse(code);
  if (system !== ACT_CODE_SYSTEM || !sensitivity.success) return { categories: [], widened: false };
  if (reading.behavioralHealthLabels !== "together" || !BEHAVIORAL_HEALTH_FAMILY.has(sensitivity.data))
    return { categories: markedBy(catalogue, sensitivity.data), widened: false };
  const reached = new Set(BEHAVIORAL_HEALTH_REACH.flatMap((member) => markedBy(catalogue, member)));
  // In the catalogue's order, as every other label reads.
  return { categories: catalogue.map((category) => category.code).filter((category) => reached.has(category)), widened: true };
}

/**
 * The categories a deny provision's security labels mark; a label that
 * marks no category known is noted, and so is a behavioral-health label
 * read together (`label-widened`).
 */
function labelsOf(reading: ProvisionReading, value: unknown, path: FhirPath): ReadList<string> {
  return readEach(reading, { value, path, max: 50 }, "unknown-code", (coding, at) => {
    const { categories, widened } = labelled(reading, typeof coding.system === "string" ? coding.system : undefined, coding.code);
    if (widened) reading.notes.push({ path: [...at], code: "label-widened" });
    return categories;
  });
}

/** Elements of a deny provision referwell does not read: leaving them out only widens the restriction. */
const DENY_UNREAD = ["action", "class", "data"] as const;
/** A nested deny's own period and provisions are not read either; a base deny's are the consent's, read by the caller. */
const NESTED_DENY_UNREAD = ["period", ...DENY_UNREAD, "provision"] as const;

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
  const categories = [...codes.items, ...labels.items.filter((code) => !codes.items.includes(code))];
  const dataPeriod = period(reader, provision.dataPeriod, [...path, "dataPeriod"], false);
  for (const name of nested ? NESTED_DENY_UNREAD : DENY_UNREAD)
    if (provision[name] !== undefined) notes.push({ path: [...path, name], code: "unread-element" });
  const all = (unread: boolean, at: string) => {
    if (unread) notes.push({ path: [...path, at], code: "denies-all" });
    return unread;
  };
  const everyone = all(actors.unread, "actor") || actors.items.length === 0;
  const always = all(purposes.unread, "purpose") || purposes.items.length === 0;
  const everything = all(codes.unread || labels.unread, codes.unread ? "code" : "securityLabel") || categories.length === 0;
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
  };
}

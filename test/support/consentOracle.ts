/**
 * An independent, deliberately plain statement of the consent rules, for
 * properties to check `evaluateConsent` and `composeUpdate` against. It reads
 * the rules as the docs state them, not as the code is organized: a
 * disclosure is permitted when some grant covers it and every deny provision
 * that applies to it has been lifted by name by a later consent that is
 * active and in force on the day; identifiers compare in a canonical
 * spelling; a deny naming another referrer id applies when every grant
 * names the recipient only by identifier (unless the host declares its
 * referrers distinct); and, when the day of `now` is uncertain, on every
 * day it may be.
 */
import { type Consent, type DisclosureCategory, defaultCategories, type UpdateRequest } from "referwell/consent";

export interface OracleQuestion {
  readonly client: string;
  readonly distinctReferrers?: boolean;
  readonly recipient: { readonly referrerId: string; readonly identifiers: readonly { system: string; value: string }[] };
  readonly purpose: string;
  readonly category: string;
  readonly date: string;
  readonly dataDate?: string;
}

/** Identifier values as identities: compatibility-normalized, letters and digits only, one case (the generators' values are letters and digits). */
const canonical = (text: string): string =>
  text
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}:/.]/gu, "")
    .toLowerCase()
    .replace(/\/+$/, "");
const sameSystem = (a: string, b: string): boolean => canonical(a) === canonical(b);
const sameValue = (a: string, b: string): boolean =>
  canonical(a).replace(/[^\p{L}\p{N}]/gu, "") === canonical(b).replace(/[^\p{L}\p{N}]/gu, "");

const within = (period: { start: string; end?: string | undefined }, day: string): boolean =>
  period.start <= day && (period.end === undefined || day <= period.end);

/** How a grant names the recipient: by referrer id, by an identifier they hold, or not at all. */
function mentions(entries: Consent["recipients"], recipient: OracleQuestion["recipient"]): "referrer" | "identifier" | undefined {
  if (entries.some((entry) => entry.referrerId !== undefined && entry.referrerId === recipient.referrerId)) return "referrer";
  for (const entry of entries) {
    if (entry.identifier !== undefined) {
      for (const held of recipient.identifiers)
        if (sameSystem(held.system, entry.identifier.system) && sameValue(held.value, entry.identifier.value)) return "identifier";
    }
  }
  return undefined;
}

/** A deny names a recipient by referrer id, or by an identifier they hold or cannot be told apart from (no identifier in that system). */
function mayMean(entries: Consent["recipients"], recipient: OracleQuestion["recipient"], otherReferrers: boolean): boolean {
  for (const entry of entries) {
    if (entry.referrerId !== undefined && (otherReferrers || entry.referrerId === recipient.referrerId)) return true;
    if (entry.identifier !== undefined) {
      const inSystem = recipient.identifiers.filter((held) => sameSystem(held.system, entry.identifier?.system ?? ""));
      if (inSystem.length === 0 || inSystem.some((held) => sameValue(held.value, entry.identifier?.value ?? ""))) return true;
    }
  }
  return false;
}

export function catalogueOf(hostCategories: readonly DisclosureCategory[]): DisclosureCategory[] {
  return [...defaultCategories, ...hostCategories];
}

/** Whether the consents permit one disclosure. */
export function oraclePermits(consents: readonly Consent[], catalogue: readonly DisclosureCategory[], q: OracleQuestion): boolean {
  const category = catalogue.find((c) => c.code === q.category);
  if (category === undefined) return false;
  const grants: ("referrer" | "identifier")[] = [];
  const restrictions: { consentId: string; provisionId: string; signed: string; otherReferrers: boolean }[] = [];
  const replaced = (consent: Consent): boolean =>
    consents.some((c) => c.clientId === q.client && c.status !== "draft" && c.signed <= q.date && (c.replaces ?? []).includes(consent.id));
  for (const consent of consents) {
    if (consent.clientId !== q.client) continue;
    const agreed = consent.status !== "draft";
    const named = mentions(consent.recipients, q.recipient);
    if (
      consent.status === "active" &&
      !replaced(consent) &&
      consent.signed <= q.date &&
      within(consent.period, q.date) &&
      named !== undefined &&
      consent.purposes.includes(q.purpose as never) &&
      consent.categories.includes(q.category) &&
      consent.kind === category.authorization &&
      (consent.dataPeriod === undefined || (q.dataDate !== undefined && within(consent.dataPeriod, q.dataDate)))
    ) {
      grants.push(named);
    }
    if (!agreed || consent.signed > q.date) continue;
    for (const provision of consent.deny) {
      // HL7 v3 ActReason: coordination of care and emergency treatment are kinds of treatment, care management of
      // operations (and of treatment, as HIPAA's treatment includes the management of health care).
      const broader = ({ COC: ["TREAT"], ETREAT: ["TREAT"], CAREMGT: ["HOPERAT", "TREAT"] } as Record<string, string[]>)[q.purpose] ?? [];
      const purposeHit =
        provision.purposes === undefined ||
        provision.purposes.includes(q.purpose as never) ||
        broader.some((code) => provision.purposes?.includes(code as never));
      const categoryHit = provision.categories === undefined || provision.categories.includes(q.category);
      const dataHit = provision.dataPeriod === undefined || q.dataDate === undefined || within(provision.dataPeriod, q.dataDate);
      if (!purposeHit || !categoryHit || !dataHit) continue;
      const ref = { consentId: consent.id, provisionId: provision.id, signed: consent.signed };
      if (provision.recipients === undefined || mayMean(provision.recipients, q.recipient, false))
        restrictions.push({ ...ref, otherReferrers: false });
      else if (mayMean(provision.recipients, q.recipient, true)) restrictions.push({ ...ref, otherReferrers: true });
    }
  }
  const liftedBy = (restriction: (typeof restrictions)[number]): boolean =>
    consents.some(
      (c) =>
        c.clientId === q.client &&
        c.status === "active" &&
        !replaced(c) &&
        c.signed <= q.date &&
        within(c.period, q.date) &&
        c.signed > restriction.signed &&
        (c.lifts ?? []).some((ref) => ref.consentId === restriction.consentId && ref.provisionId === restriction.provisionId),
    );
  // A deny naming another referrer id may name this recipient under a second record when only identifiers tie the grants to them.
  const identifiersOnly = grants.length > 0 && grants.every((named) => named === "identifier") && q.distinctReferrers !== true;
  return grants.length > 0 && restrictions.every((r) => (r.otherReferrers && !identifiersOnly) || liftedBy(r));
}

/** Every calendar day `now` may fall on: its local date in the zone, or, for an instant without one, its date at every offset from UTC−12 to UTC+14 (by quarter hours). */
export function oracleDays(now: string, timeZone?: string): string[] {
  if (now.length === 10) return [now];
  if (timeZone !== undefined) return [oracleDay({ now, timeZone })];
  const ms = Date.parse(now);
  const days = new Set<string>();
  for (let minutes = -12 * 60; minutes <= 14 * 60; minutes += 15) days.add(new Date(ms + minutes * 60_000).toISOString().slice(0, 10));
  return [...days].sort();
}

/** Whether the consents permit a disclosure on every day `now` may fall on. */
export function oraclePermitsAt(
  consents: readonly Consent[],
  catalogue: readonly DisclosureCategory[],
  q: Omit<OracleQuestion, "date" | "dataDate"> & { readonly dataDate?: string | "day" },
  now: string,
  timeZone?: string,
): boolean {
  return oracleDays(now, timeZone).every((date) =>
    oraclePermits(consents, catalogue, {
      ...q,
      date,
      ...(q.dataDate === undefined ? {} : { dataDate: q.dataDate === "day" ? date : q.dataDate }),
    }),
  );
}

const TEMPLATE_DEFAULTS: Record<string, string[]> = {
  "thank-you": [],
  progress: ["attendance", "engagement", "progress-summary", "treatment-goals"],
  custom: [],
};

/** The day of a request's `now`: the local date in its time zone (read with Intl), else the date as written. */
export function oracleDay(request: Pick<UpdateRequest, "now" | "timeZone">): string {
  if (request.timeZone === undefined || request.now.length === 10) return request.now.slice(0, 10);
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: request.timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(new Date(request.now));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The facts an update should carry, by id in id order: the docs' rules, restated. */
export function oracleIncluded(request: UpdateRequest): string[] {
  const catalogue = catalogueOf(request.categories);
  const ask = (category: string, dataDate: string) =>
    oraclePermitsAt(
      request.consents,
      catalogue,
      { client: request.client.id, recipient: request.recipient, purpose: request.purpose, category, dataDate },
      request.now,
      request.timeZone,
    );
  if (!ask("acknowledgement", "day")) return [];
  const wanted = request.template?.categories ?? TEMPLATE_DEFAULTS[request.kind] ?? [];
  return request.facts
    .filter(
      (fact) =>
        fact.clientId === request.client.id &&
        fact.category !== undefined &&
        wanted.includes(fact.category) &&
        ask(fact.category, fact.recorded),
    )
    .map((fact) => fact.id)
    .sort();
}

/**
 * An independent, deliberately plain statement of the consent rules, for
 * properties to check `evaluateConsent` and `composeUpdate` against. It reads
 * the rules as the docs state them, not as the code is organized: a
 * disclosure is permitted when some grant covers it and every deny provision
 * that applies to it has been lifted by name by a later consent that is
 * active and in force on the day.
 */
import { type Consent, type DisclosureCategory, defaultCategories, type UpdateRequest } from "referwell/consent";

export interface OracleQuestion {
  readonly client: string;
  readonly recipient: { readonly referrerId: string; readonly identifiers: readonly { system: string; value: string }[] };
  readonly purpose: string;
  readonly category: string;
  readonly date: string;
  readonly dataDate?: string;
}

const within = (period: { start: string; end?: string | undefined }, day: string): boolean =>
  period.start <= day && (period.end === undefined || day <= period.end);

function mentions(entries: Consent["recipients"], recipient: OracleQuestion["recipient"]): boolean {
  for (const entry of entries) {
    if (entry.referrerId !== undefined && entry.referrerId === recipient.referrerId) return true;
    if (entry.identifier !== undefined) {
      for (const held of recipient.identifiers)
        if (held.system === entry.identifier.system && held.value === entry.identifier.value) return true;
    }
  }
  return false;
}

/** A deny names a recipient by referrer id, or by an identifier they hold or cannot be told apart from (no identifier in that system). */
function mayMean(entries: Consent["recipients"], recipient: OracleQuestion["recipient"]): boolean {
  for (const entry of entries) {
    if (entry.referrerId !== undefined && entry.referrerId === recipient.referrerId) return true;
    if (entry.identifier !== undefined) {
      const sameSystem = recipient.identifiers.filter((held) => held.system === entry.identifier?.system);
      if (sameSystem.length === 0 || sameSystem.some((held) => held.value === entry.identifier?.value)) return true;
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
  const grants: string[] = [];
  const restrictions: { consentId: string; provisionId: string; signed: string }[] = [];
  for (const consent of consents) {
    if (consent.clientId !== q.client) continue;
    const agreed = consent.status === "active" || consent.status === "revoked";
    if (
      consent.status === "active" &&
      consent.signed <= q.date &&
      within(consent.period, q.date) &&
      mentions(consent.recipients, q.recipient) &&
      consent.purposes.includes(q.purpose as never) &&
      consent.categories.includes(q.category) &&
      consent.kind === category.authorization &&
      (consent.dataPeriod === undefined || (q.dataDate !== undefined && within(consent.dataPeriod, q.dataDate)))
    ) {
      grants.push(consent.signed);
    }
    if (!agreed || consent.signed > q.date) continue;
    for (const provision of consent.deny) {
      const recipientHit = provision.recipients === undefined || mayMean(provision.recipients, q.recipient);
      const purposeHit = provision.purposes === undefined || provision.purposes.includes(q.purpose as never);
      const categoryHit = provision.categories === undefined || provision.categories.includes(q.category);
      const dataHit = provision.dataPeriod === undefined || q.dataDate === undefined || within(provision.dataPeriod, q.dataDate);
      if (recipientHit && purposeHit && categoryHit && dataHit)
        restrictions.push({ consentId: consent.id, provisionId: provision.id, signed: consent.signed });
    }
  }
  const liftedBy = (restriction: (typeof restrictions)[number]): boolean =>
    consents.some(
      (c) =>
        c.clientId === q.client &&
        c.status === "active" &&
        c.signed <= q.date &&
        within(c.period, q.date) &&
        c.signed > restriction.signed &&
        (c.lifts ?? []).some((ref) => ref.consentId === restriction.consentId && ref.provisionId === restriction.provisionId),
    );
  return grants.length > 0 && restrictions.every(liftedBy);
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
  const date = oracleDay(request);
  const ask = (category: string, dataDate: string) =>
    oraclePermits(request.consents, catalogue, {
      client: request.client.id,
      recipient: request.recipient,
      purpose: request.purpose,
      category,
      date,
      dataDate,
    });
  if (!ask("acknowledgement", date)) return [];
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

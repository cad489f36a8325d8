/**
 * Generators for consent-limited updates: a few consents and facts drawn from
 * small pools of clients, recipients, purposes, categories and dates around
 * one day, so that most compositions include some facts and withhold others,
 * and the boundary days of periods (yesterday, today, tomorrow) come up often.
 * Fact texts are unique alphanumeric markers, so a leak is found by search.
 * `now` comes as a date or an instant (with `Z` or another offset), with or
 * without an IANA `timeZone`.
 */
import fc from "fast-check";
import type { Consent, ConsentRecipient, DenyProvision, DisclosureCategory, Fact, UpdateRequest } from "referwell/consent";

export const TODAY = "2026-11-23";
const DAY_MS = 86_400_000;

/** The day `days` after (or before) `date`. */
export const shiftDate = (date: string, days: number): string => new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);

export const POOL = {
  clients: ["cl-1", "cl-2"],
  purposes: ["COC", "TREAT", "HPAYMT"] as const,
  categories: [
    "acknowledgement",
    "attendance",
    "engagement",
    "progress-summary",
    "treatment-goals",
    "diagnosis",
    "substance-use",
    "psychotherapy-note",
    "sud-counselling-note",
    "host-hiv",
    "host-process-note",
    "unknown-x",
  ],
  kinds: ["general", "psychotherapy-note", "sud-records", "sud-counselling-note"] as const,
};

export const NPI = { system: "http://hl7.org/fhir/sid/us-npi", value: "1234567893" };
/** The usual recipient of a generated request: known by referrer id `ref-a` and by an NPI. */
export const RECIPIENT = { referrerId: "ref-a", name: "Dr Ada Park", identifiers: [NPI] };
/**
 * The recipient of a generated request: `ref-a`, with the NPI, with another
 * NPI, or with no identifier at all (so that a deny by NPI must still bind
 * them), with or without an address.
 */
export const recipient = fc
  .tuple(
    fc.constantFrom<{ system: string; value: string }[]>(
      [NPI],
      [],
      [{ ...NPI, value: "9876543213" }],
      [{ system: "https://www.gmc-uk.org", value: "7654321" }],
    ),
    fc.option(fc.constant("12 Quay St, Sydney NSW 2000"), { nil: undefined }),
  )
  .map(([identifiers, address]) => ({ ...RECIPIENT, identifiers, ...(address === undefined ? {} : { address }) }));

export const HOST_CATEGORIES: DisclosureCategory[] = [
  { code: "host-hiv", label: "HIV status", confidentiality: "R", sensitivity: ["HIV"], authorization: "general" },
  { code: "host-process-note", label: "Process note", confidentiality: "V", sensitivity: ["PSYTHPN"], authorization: "psychotherapy-note" },
];

const recipientEntries: ConsentRecipient[] = [
  { referrerId: "ref-a" },
  { referrerId: "ref-b" },
  { identifier: NPI },
  { identifier: { ...NPI, value: "9876543213" } },
];

/** A day near today: often yesterday, today or tomorrow, otherwise up to four months back or two forward. */
export const nearDate = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: -1, max: 1 }).map((days) => shiftDate(TODAY, days)) },
  { weight: 3, arbitrary: fc.integer({ min: -120, max: 60 }).map((days) => shiftDate(TODAY, days)) },
);
const pastDate = fc.oneof(
  { weight: 1, arbitrary: fc.integer({ min: -1, max: 1 }).map((days) => shiftDate(TODAY, days)) },
  { weight: 4, arbitrary: fc.integer({ min: -200, max: -2 }).map((days) => shiftDate(TODAY, days)) },
);

/** One question to `evaluateConsent`: either client, a recipient known by id alone or by the NPI, any purpose and category, near today. */
export const consentQuery = fc.record(
  {
    client: fc.constantFrom(...POOL.clients),
    recipient: fc.constantFrom<{ referrerId: string; identifiers: { system: string; value: string }[] }>(
      { referrerId: "ref-a", identifiers: [] },
      { referrerId: "ref-z", identifiers: [NPI] },
      { referrerId: "ref-b", identifiers: [] },
    ),
    purpose: fc.constantFrom(...POOL.purposes),
    category: fc.constantFrom(...POOL.categories),
    at: nearDate,
    dataDate: nearDate,
  },
  { requiredKeys: ["client", "recipient", "purpose", "category", "at"] },
);

export const period = fc
  .tuple(nearDate, fc.option(nearDate, { nil: undefined, freq: 3 }))
  .map(([a, b]) => (b === undefined ? { start: a } : a <= b ? { start: a, end: b } : { start: b, end: a }));
/** Periods that usually include today. */
const consentPeriod = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(pastDate, fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }))
      .map(([start, after]) => (after === undefined ? { start } : { start, end: [start, shiftDate(TODAY, after)].sort()[1] as string })),
  },
  { weight: 2, arbitrary: period },
);

/** `undefined` most of the time; a value one time in `times`. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, times: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: times - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

/** A sub-list that includes `usual` more often than not. */
const mostlyWith = <T>(items: readonly T[], usual: T): fc.Arbitrary<T[]> =>
  fc
    .tuple(fc.subarray([...items]), fc.integer({ min: 0, max: 9 }))
    .map(([some, roll]) => (roll < 7 && !some.includes(usual) ? [usual, ...some] : some));

const denyBody = fc.record(
  {
    recipients: fc.subarray(recipientEntries, { minLength: 1, maxLength: 2 }),
    purposes: fc.subarray([...POOL.purposes], { minLength: 1, maxLength: 2 }),
    categories: fc.subarray(POOL.categories, { minLength: 1, maxLength: 3 }),
    dataPeriod: period,
  },
  { requiredKeys: [] },
);
export const denyProvision = (id: string): fc.Arbitrary<DenyProvision> => denyBody.map((body) => ({ id, ...body }));

const consentBody = fc.record({
  clientId: fc.oneof({ weight: 5, arbitrary: fc.constant("cl-1") }, { weight: 1, arbitrary: fc.constant("cl-2") }),
  status: fc.oneof(
    { weight: 6, arbitrary: fc.constant("active" as const) },
    { weight: 1, arbitrary: fc.constantFrom("draft" as const, "revoked" as const, "inactive" as const) },
  ),
  kind: fc.oneof(
    { weight: 4, arbitrary: fc.constant("general" as const) },
    { weight: 3, arbitrary: fc.constantFrom("psychotherapy-note" as const, "sud-records" as const, "sud-counselling-note" as const) },
  ),
  signed: pastDate,
  period: consentPeriod,
  recipients: mostlyWith(recipientEntries, recipientEntries[0] as ConsentRecipient),
  purposes: mostlyWith(POOL.purposes, "COC"),
  categories: mostlyWith(POOL.categories, "acknowledgement"),
  dataPeriod: sometimes(period, 4),
});

const OWN_CATEGORY = {
  general: "attendance",
  "psychotherapy-note": "psychotherapy-note",
  "sud-records": "substance-use",
  "sud-counselling-note": "sud-counselling-note",
} as const;

/**
 * A consent as a practice usually holds one: the client's, active, in force
 * today, naming the referrer for coordination of care; a general one lists
 * several categories, a specific one its own.
 */
const usualBody = (kinds: readonly (keyof typeof OWN_CATEGORY)[]) =>
  fc
    .record({
      clientId: fc.constant("cl-1"),
      status: fc.constant("active" as const),
      kind: fc.constantFrom(...kinds),
      signed: fc.integer({ min: -200, max: 0 }).map((days) => shiftDate(TODAY, days)),
      period: fc.oneof(
        {
          weight: 9,
          arbitrary: fc
            .tuple(fc.integer({ min: -200, max: 0 }), fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }))
            .map(([start, end]) => ({ start: shiftDate(TODAY, start), ...(end === undefined ? {} : { end: shiftDate(TODAY, end) }) })),
        },
        { weight: 1, arbitrary: period },
      ),
      recipients: fc
        .subarray(recipientEntries)
        .map((entries) =>
          entries.some((e) => e.referrerId === "ref-a" || e.identifier === NPI) ? entries : [{ referrerId: "ref-a" }, ...entries],
        ),
      purposes: fc.subarray([...POOL.purposes]).map((purposes) => (purposes.includes("COC") ? purposes : ["COC" as const, ...purposes])),
      categories: fc.subarray(POOL.categories, { minLength: 4 }),
      dataPeriod: sometimes(period, 8),
    })
    .map((body) => ({
      ...body,
      categories: body.kind === "general" ? [...new Set(["acknowledgement", ...body.categories])] : [OWN_CATEGORY[body.kind]],
    }));

/** What a consent lifts: usually nothing; sometimes a provision of another generated consent (ids `c0`…`c3`, `d0`, `d1`), which may or may not exist. */
const lifts: fc.Arbitrary<Consent["lifts"]> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Consent["lifts"]>([]) },
  {
    weight: 1,
    arbitrary: fc.array(fc.record({ consentId: fc.constantFrom("c0", "c1", "c2", "c3"), provisionId: fc.constantFrom("d0", "d1") }), {
      minLength: 1,
      maxLength: 2,
    }),
  },
);

/** What a consent replaces: usually nothing; sometimes another generated consent (ids `c0`…`c3`), which may or may not exist. */
const replaces: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 5, arbitrary: fc.constant<string[]>([]) },
  { weight: 1, arbitrary: fc.subarray(["c0", "c1", "c2", "c3"], { minLength: 1, maxLength: 2 }) },
);

/**
 * Up to four consents with ids `c0`, `c1`…: usually one like a practice
 * holds, then any; specific authorizations list their own category as often
 * as not.
 */
type Body = fc.Arbitrary<Omit<Consent, "id" | "deny" | "lifts" | "replaces" | "dataPeriod"> & { dataPeriod: Consent["dataPeriod"] }>;
/** A consent's body with, one time in four, deny provisions; and whether to make sure it lists its own kind's category. */
const withDenies = (body: Body) =>
  fc.tuple(
    body,
    fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(denyBody, { minLength: 1, maxLength: 2 }) }),
    fc.boolean(),
    lifts,
    replaces,
  );

export const consents: fc.Arbitrary<Consent[]> = fc
  .tuple(
    fc.option(withDenies(usualBody(["general"])), { nil: undefined, freq: 8 }),
    fc.option(withDenies(usualBody(["psychotherapy-note", "sud-records", "sud-counselling-note"])), { nil: undefined, freq: 2 }),
    fc.array(withDenies(consentBody), { maxLength: 2 }),
  )
  .map(([usual, authorization, others]) =>
    [...(usual === undefined ? [] : [usual]), ...(authorization === undefined ? [] : [authorization]), ...others].map(
      ([{ dataPeriod, ...body }, denies, own, lifted, replaced], index) => {
        const ownCategory = OWN_CATEGORY[body.kind];
        const categories = own && !body.categories.includes(ownCategory) ? [...body.categories, ownCategory] : body.categories;
        const deny = denies.map((provision, d) => ({ id: `d${d}`, ...provision }));
        // A consent never replaces itself in practice; the generator leaves that out.
        const replacing = replaced.filter((id) => id !== `c${index}`);
        return {
          id: `c${index}`,
          ...body,
          categories,
          ...(dataPeriod === undefined ? {} : { dataPeriod }),
          deny,
          lifts: lifted,
          replaces: replacing,
        };
      },
    ),
  );

/** Six random letters and digits: with the fact's index and field appended, a marker no other string contains. */
const random6 = fc.integer({ min: 0, max: 36 ** 6 - 1 }).map((n) => n.toString(36).toUpperCase().padStart(6, "0"));

const factBody = fc.record({
  clientId: fc.oneof({ weight: 6, arbitrary: fc.constant("cl-1") }, { weight: 1, arbitrary: fc.constant("cl-2") }),
  category: fc.option(
    fc.oneof(
      fc.constantFrom(...POOL.categories),
      fc.constantFrom("attendance", "engagement", "progress-summary", "treatment-goals"),
      fc.constantFrom("psychotherapy-note", "sud-counselling-note", "substance-use"),
    ),
    { nil: undefined, freq: 12 },
  ),
  text: random6,
  value: fc.array(fc.tuple(random6, fc.oneof(random6, fc.integer({ min: 0, max: 27 }))), { maxLength: 2 }),
  recorded: nearDate,
});

/**
 * Up to six facts with ids `f0`, `f1`…, whose strings are alphanumeric
 * markers unique to their fact and field (Markdown escaping leaves them as
 * they are).
 */
export const facts: fc.Arbitrary<Fact[]> = fc.array(factBody, { maxLength: 6 }).map((bodies) =>
  bodies.map(({ category, text, value, ...rest }, index) => ({
    id: `f${index}`,
    ...rest,
    ...(category === undefined ? {} : { category }),
    text: `ZQX${text}F${index}TQ`,
    value: value.map(([name, v], i) => ({
      name: `ZQX${name}F${index}N${i}Q`,
      value: typeof v === "string" ? `ZQX${v}F${index}V${i}Q` : v,
    })),
  })),
);

/** Every marker string a fact carries: its text and its values' names and texts. */
export const markersOf = (fact: Fact): string[] => [
  fact.text,
  ...fact.value.flatMap((component) => [component.name, ...(typeof component.value === "string" ? [component.value] : [])]),
];

/** A validated-shape request to `composeUpdate`, with its defaults filled in. */
export const updateRequest: fc.Arbitrary<UpdateRequest> = fc
  .record({
    kind: fc.oneof(
      { weight: 3, arbitrary: fc.constant("progress" as const) },
      { weight: 2, arbitrary: fc.constant("thank-you" as const) },
      { weight: 2, arbitrary: fc.constant("custom" as const) },
    ),
    template: fc.option(
      fc.record({
        id: fc.constant("tpl"),
        title: fc.constant("Update for you"),
        categories: fc
          .tuple(
            fc.subarray(POOL.categories, { maxLength: 5 }),
            fc.subarray(["psychotherapy-note", "sud-counselling-note", "substance-use"]),
          )
          .map(([some, notes]) => [...new Set([...some, ...notes])]),
      }),
      { nil: undefined, freq: 2 },
    ),
    displayName: random6.map((random) => `ZQX${random}NAMEQ`),
    recipient,
    purpose: fc.oneof({ weight: 4, arbitrary: fc.constant("COC" as const) }, { weight: 1, arbitrary: fc.constantFrom(...POOL.purposes) }),
    facts,
    consents,
    clock: fc.constantFrom<{ now: string; timeZone?: string }>(
      { now: TODAY },
      { now: `${TODAY}T23:30:00-08:00` },
      { now: `${TODAY}T00:15:00+13:00` },
      { now: `${TODAY}T12:00:00Z` },
      { now: `${TODAY}T12:00:00.000Z`, timeZone: "Europe/London" },
      { now: `${TODAY}T23:30:00-08:00`, timeZone: "America/Los_Angeles" },
      { now: `${TODAY}T10:00:00Z`, timeZone: "Australia/Sydney" },
      // Already tomorrow in Sydney: the day of now is not the date as written.
      { now: `${TODAY}T22:00:00Z`, timeZone: "Australia/Sydney" },
      { now: `${TODAY}T09:00:00+05:30`, timeZone: "Asia/Kolkata" },
      { now: TODAY, timeZone: "Pacific/Auckland" },
    ),
    categories: fc.oneof(
      { weight: 4, arbitrary: fc.constant(HOST_CATEGORIES) },
      { weight: 1, arbitrary: fc.constant<DisclosureCategory[]>([]) },
    ),
    unacknowledgedThankYou: fc.constantFrom("nothing" as const, "generic-note" as const),
  })
  .map(({ kind, template, displayName, clock, ...rest }) => ({
    kind,
    ...clock,
    ...(template === undefined && kind !== "custom"
      ? {}
      : { template: template ?? { id: "tpl", title: "Update for you", categories: ["attendance", "diagnosis"] } }),
    client: { id: "cl-1", displayName },
    ...rest,
    identifierSystems: [],
    distinctReferrers: false,
    restrictionIds: "lookalike" as const,
    treatmentPolicy: "client-permission" as const,
    jurisdiction: "US" as const,
    part2Notice: "short" as const,
    emergency: false,
  }));

/**
 * fast-check generators for every model type, valid by construction: each
 * value they produce parses with its schema to an equal value (checked by a
 * property in test/model/arbitraries.prop.test.ts).
 */
import fc from "fast-check";
import {
  AgeGroup,
  CareFormat,
  CareMode,
  ConflictKind,
  ContactChannel,
  defaultVocabulary,
  OutcomeRating,
  ReferrerKind,
  Severity,
  Urgency,
  Weekday,
  type Capacity,
  type CareEpisode,
  type Client,
  type Clinician,
  type Compact,
  type Directory,
  type GeoPoint,
  type MatchCriteria,
  type Money,
  type Payer,
  type Period,
  type Place,
  type Practice,
  type Referrer,
  type WeeklySchedule,
  type WeeklySlot,
} from "referwell";

/** Free text for names and labels; the no-leak tests swap it for marker strings. */
export const text = fc.string({ minLength: 1, maxLength: 24 }).filter((s) => s.trim().length > 0);

export const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/);

const DAY_MS = 86_400_000;
const EPOCH_2015 = Date.UTC(2015, 0, 1);

/** A calendar date from 2015 to about 2044. */
export const isoDate = fc.integer({ min: 0, max: 365 * 30 }).map((days) => new Date(EPOCH_2015 + days * DAY_MS).toISOString().slice(0, 10));

export const period: fc.Arbitrary<Period> = fc
  .tuple(isoDate, fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }))
  .map(([start, length]) =>
    length === undefined ? { start } : { start, end: new Date(Date.parse(start) + length * DAY_MS).toISOString().slice(0, 10) },
  );

export const timeZone = fc.constantFrom(
  "America/Los_Angeles",
  "America/New_York",
  "America/Denver",
  "Europe/London",
  "Europe/Berlin",
  "Australia/Sydney",
  "Asia/Kolkata",
  "Pacific/Auckland",
  "UTC",
);

export const jurisdiction = fc.oneof(
  fc.constantFrom("US-OR", "US-WA", "US-CA", "US-NY", "GB", "GB-SCT", "AU-NSW", "CA-ON", "IE", "NZ"),
  fc.stringMatching(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/),
);

export const languageTag = fc.constantFrom("en", "es", "fr", "de", "zh", "vi", "pt-BR", "ar", "tl", "ko");

export const geoPoint: fc.Arbitrary<GeoPoint> = fc.record({
  lat: fc.double({ min: -90, max: 90, noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
  lon: fc.double({ min: -180, max: 180, noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
});

export const place: fc.Arbitrary<Place> = fc.record({ jurisdiction, point: geoPoint }, { requiredKeys: ["jurisdiction"] });

const currency = fc.constantFrom("USD", "GBP", "AUD", "EUR");

export const money: fc.Arbitrary<Money> = fc.record({ currency, minorUnits: fc.integer({ min: 0, max: 100_000 }) });

/** Tags as people write them: codes, synonyms, and the occasional unknown tag. */
const tagFrom = (list: keyof typeof defaultVocabulary): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...defaultVocabulary[list].map((entry) => entry.code)) },
    { weight: 2, arbitrary: fc.constantFrom(...defaultVocabulary[list].flatMap((entry) => [entry.label, ...entry.synonyms])) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z -]{0,15}$/) },
  );
export const problemArea = tagFrom("problemAreas");
export const modality = tagFrom("modalities");
export const population = tagFrom("populations");
export const discipline = tagFrom("disciplines");

const minute = (m: number): string =>
  m === 1440 ? "24:00" : `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

export const weeklySlot: fc.Arbitrary<WeeklySlot> = fc
  .record({
    day: fc.constantFrom(...Weekday.options),
    start: fc.integer({ min: 0, max: 1425 }),
    length: fc.integer({ min: 1, max: 600 }),
    modes: fc.option(fc.subarray([...CareMode.options], { minLength: 1 }), { nil: undefined }),
  })
  .map(({ day, start, length, modes }) => ({
    day,
    start: minute(start),
    end: minute(Math.min(1440, start + length)),
    ...(modes === undefined ? {} : { modes }),
  }));

export const weeklySchedule: fc.Arbitrary<WeeklySchedule> = fc.record({ timeZone, slots: fc.array(weeklySlot, { maxLength: 6 }) });

export const capacity: fc.Arbitrary<Capacity> = fc.record(
  {
    caseloadMax: fc.integer({ min: 0, max: 60 }),
    caseloadCurrent: fc.integer({ min: 0, max: 70 }),
    weeklyNewClientLimit: fc.integer({ min: 0, max: 10 }),
    newClientsThisWeek: fc.integer({ min: 0, max: 10 }),
    expectedWaitDays: fc.integer({ min: 0, max: 120 }),
  },
  { requiredKeys: ["caseloadMax", "caseloadCurrent", "weeklyNewClientLimit", "newClientsThisWeek"] },
);

export const compact: fc.Arbitrary<Compact> = fc.record({
  id,
  name: text,
  members: fc.array(jurisdiction, { minLength: 1, maxLength: 6 }),
  modes: fc.subarray([...CareMode.options], { minLength: 1 }),
  source: text,
});

/** Fee and floor: same currency, floor at most the fee. */
const fees = fc.oneof(
  fc.constant({}),
  money.map((fee) => ({ fee })),
  fc.tuple(money, fc.double({ min: 0, max: 1, noNaN: true })).map(([fee, share]) => ({
    fee,
    slidingScaleFloor: { currency: fee.currency, minorUnits: Math.floor(fee.minorUnits * share) },
  })),
);

/** A clinician; `compactIds` are the compacts its privileges may name. */
export const clinician = (compactIds: readonly string[] = []): fc.Arbitrary<Clinician> =>
  fc
    .record(
      {
        id,
        name: text,
        discipline,
        credentials: fc.array(fc.constantFrom("PhD", "PsyD", "LCSW", "LPC", "LMFT", "MSc", "RD"), { maxLength: 3 }),
        practiceId: id,
        licensure: fc.record({
          licenses: fc.array(fc.record({ jurisdiction, title: text, period }, { requiredKeys: ["jurisdiction"] }), { maxLength: 3 }),
          compacts:
            compactIds.length === 0
              ? fc.constant<Clinician["licensure"]["compacts"]>([])
              : fc.array(fc.record({ compactId: fc.constantFrom(...compactIds), period }, { requiredKeys: ["compactId"] }), {
                  maxLength: 2,
                }),
        }),
        problemAreas: fc.array(problemArea, { maxLength: 6 }),
        modalities: fc.array(modality, { maxLength: 5 }),
        populations: fc.array(population, { minLength: 1, maxLength: 4 }),
        languages: fc.array(languageTag, { minLength: 1, maxLength: 3 }),
        gender: fc.constantFrom("woman", "man", "non-binary", "genderqueer"),
        insurancePanels: fc.array(
          fc.record({ payerId: id, plans: fc.array(id, { maxLength: 3 }), period }, { requiredKeys: ["payerId", "period"] }),
          { maxLength: 4 },
        ),
        locations: fc.array(
          fc.record({ id, label: text, jurisdiction, point: geoPoint }, { requiredKeys: ["id", "jurisdiction", "point"] }),
          {
            maxLength: 2,
          },
        ),
        telehealth: fc.boolean(),
        availability: weeklySchedule,
        acceptingNewClients: fc.boolean(),
        capacity,
        outcomes: fc.array(
          fc.record(
            {
              problemArea,
              rating: fc.constantFrom(...OutcomeRating.options),
              cases: fc.integer({ min: 0, max: 500 }),
              asOf: isoDate,
              source: text,
            },
            {
              requiredKeys: ["problemArea", "rating", "cases"],
            },
          ),
          { maxLength: 4 },
        ),
      },
      {
        requiredKeys: [
          "id",
          "name",
          "discipline",
          "credentials",
          "licensure",
          "problemAreas",
          "modalities",
          "populations",
          "languages",
          "insurancePanels",
          "locations",
          "telehealth",
          "availability",
          "acceptingNewClients",
          "capacity",
        ],
      },
    )
    .chain((base) => fees.map((fee) => ({ ...base, ...fee })));

export const client: fc.Arbitrary<Client> = fc.record(
  {
    id,
    displayName: text,
    ageGroup: fc.constantFrom(...AgeGroup.options),
    careFormat: fc.constantFrom(...CareFormat.options),
    residence: place,
    plannedMoves: fc.uniqueArray(fc.record({ date: isoDate, to: place }), { maxLength: 2, selector: (move) => move.date }),
    stays: fc.array(fc.record({ place, period }), { maxLength: 2 }),
    coverage: fc.array(
      fc.record(
        { payerId: id, planId: id, program: fc.constantFrom("commercial", "medicare", "medicaid", "other"), period },
        { requiredKeys: ["payerId", "period"] },
      ),
      { maxLength: 3 },
    ),
    maxSelfPay: money,
    needs: fc.record(
      { problemAreas: fc.array(problemArea, { minLength: 1, maxLength: 4 }), severity: fc.constantFrom(...Severity.options) },
      {
        requiredKeys: ["problemAreas"],
      },
    ),
    preferences: fc.record(
      {
        modalities: fc.array(modality, { maxLength: 3 }),
        clinicianGenders: fc.array(fc.constantFrom("woman", "man", "non-binary"), { maxLength: 2 }),
        languages: fc.array(languageTag, { maxLength: 2 }),
        mode: fc.constantFrom("in-person" as const, "telehealth" as const, "either" as const),
        travelRadiusKm: fc.integer({ min: 1, max: 200 }),
        schedule: weeklySchedule,
        populations: fc.subarray(["lgbtq-affirming", "adults"]),
        cultures: fc.subarray(["latinx", "black"]),
        faiths: fc.subarray(["christian", "muslim"]),
        clinicianAge: fc.record({ min: fc.constantFrom(25, 35), max: fc.constantFrom(45, 70) }, { requiredKeys: [] }),
        interpreter: languageTag,
        must: fc.subarray(["populations", "cultures", "faiths", "clinicianAge", "interpreter"] as const),
      },
      { requiredKeys: ["modalities", "clinicianGenders", "languages", "mode"] },
    ),
    conflicts: fc.array(
      fc.record(
        { clinicianId: id, kind: fc.constantFrom(...ConflictKind.options), declared: isoDate },
        { requiredKeys: ["clinicianId", "kind"] },
      ),
      {
        maxLength: 2,
      },
    ),
  },
  { requiredKeys: ["id", "ageGroup", "careFormat", "residence", "plannedMoves", "stays", "coverage", "needs", "preferences", "conflicts"] },
);

export const referrer: fc.Arbitrary<Referrer> = fc.record(
  {
    id,
    name: text,
    kind: fc.constantFrom(...ReferrerKind.options),
    discipline,
    specialties: fc.array(problemArea, { maxLength: 3 }),
    organization: text,
    place,
    contacts: fc.array(fc.record({ channel: fc.constantFrom(...ContactChannel.options), value: text, preferred: fc.boolean() }), {
      maxLength: 3,
    }),
  },
  { requiredKeys: ["id", "name", "kind", "specialties", "contacts"] },
);

export const practice: fc.Arbitrary<Practice> = fc.record({
  id,
  name: text,
  timeZone,
  jurisdictions: fc.array(jurisdiction, { maxLength: 3 }),
});

export const payer: fc.Arbitrary<Payer> = fc.record({ id, name: text });

export const careEpisode: fc.Arbitrary<CareEpisode> = fc
  .record(
    {
      id,
      clientId: id,
      clinicianId: id,
      practiceId: id,
      referredBy: id,
      status: fc.constantFrom("intake" as const, "active" as const, "ended" as const),
      period,
    },
    { requiredKeys: ["id", "clientId", "status", "period"] },
  )
  .map(({ period: { start, end }, ...rest }) => ({ ...rest, start, ...(end === undefined ? {} : { end }) }));

/** Lists with unique ids, as a directory requires. */
const uniqueById = <T extends { id: string }>(item: fc.Arbitrary<T>, maxLength: number): fc.Arbitrary<T[]> =>
  fc.uniqueArray(item, { selector: (value) => value.id, maxLength });

export const directory: fc.Arbitrary<Directory> = fc
  .tuple(uniqueById(compact, 3), uniqueById(practice, 3), uniqueById(payer, 3))
  .chain(([compacts, practices, payers]) =>
    fc.record({
      practices: fc.constant(practices),
      // References resolve: practices and payers come from the lists when there are any.
      clinicians: uniqueById(
        clinician(compacts.map((c) => c.id)).chain((c) =>
          fc
            .tuple(
              practices.length === 0 ? fc.constant(c.practiceId) : fc.constantFrom(...practices.map((p) => p.id)),
              payers.length === 0 ? fc.constant(undefined) : fc.constantFrom(...payers.map((p) => p.id)),
            )
            .map(([practiceId, payerId]) => ({
              ...c,
              ...(practiceId === undefined ? {} : { practiceId }),
              insurancePanels: payerId === undefined ? c.insurancePanels : c.insurancePanels.map((panel) => ({ ...panel, payerId })),
            })),
        ),
        6,
      ),
      payers: fc.constant(payers),
      compacts: fc.constant(compacts),
    }),
  );

export const matchCriteria: fc.Arbitrary<MatchCriteria> = fc.record(
  {
    clientId: id,
    startDate: isoDate,
    location: place,
    severity: fc.constantFrom(...Severity.options),
    urgency: fc.constantFrom(...Urgency.options),
    require: fc.record(
      {
        modes: fc.subarray([...CareMode.options], { minLength: 1 }),
        travelRadiusKm: fc.integer({ min: 1, max: 300 }),
        payment: fc.record(
          {
            payers: fc.array(fc.record({ payerId: id, planId: id }, { requiredKeys: ["payerId"] }), { minLength: 1, maxLength: 3 }),
            maxSelfPay: money,
          },
          {
            requiredKeys: ["payers"],
          },
        ),
        populations: fc.array(population, { maxLength: 2 }),
        problemAreas: fc.array(problemArea, { maxLength: 2 }),
        modalities: fc.array(modality, { maxLength: 2 }),
        languages: fc.array(languageTag, { maxLength: 2 }),
        disciplines: fc.array(discipline, { maxLength: 2 }),
        maxWaitDays: fc.integer({ min: 0, max: 90 }),
        excludeClinicianIds: fc.array(id, { maxLength: 3 }),
        excludePracticeIds: fc.array(id, { maxLength: 2 }),
      },
      {
        requiredKeys: [
          "modes",
          "populations",
          "problemAreas",
          "modalities",
          "languages",
          "disciplines",
          "excludeClinicianIds",
          "excludePracticeIds",
        ],
      },
    ),
    prefer: fc.record(
      {
        problemAreas: fc.array(problemArea, { maxLength: 4 }),
        modalities: fc.array(modality, { maxLength: 3 }),
        languages: fc.array(languageTag, { maxLength: 2 }),
        clinicianGenders: fc.array(fc.constantFrom("woman", "man", "non-binary"), { maxLength: 2 }),
        schedule: weeklySchedule,
      },
      { requiredKeys: ["problemAreas", "modalities", "languages", "clinicianGenders"] },
    ),
  },
  { requiredKeys: ["location", "require", "prefer"] },
);

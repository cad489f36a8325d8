/**
 * Generators for matching: small directories and criteria drawn from the same
 * small pools of codes, places and payers, so that many clinicians are
 * eligible and many are not, and every constraint gets exercised.
 */
import fc from "fast-check";
import type { Clinician, Compact, Directory, MatchCriteria } from "referwell";

export const POOL = {
  jurisdictions: ["US-OR", "US-WA"] as const,
  payers: ["aetna", "regence", "cigna"] as const,
  problemAreas: ["depression", "anxiety", "trauma", "grief", "ocd"] as const,
  modalities: ["cbt", "emdr", "act", "dbt"] as const,
  populations: ["adults", "adolescents", "couples"] as const,
  languages: ["en", "es"] as const,
  genders: ["woman", "man", "non-binary"] as const,
  zones: ["America/Los_Angeles", "America/New_York", "Europe/London"] as const,
};

const CENTRES = { "US-OR": { lat: 45.52, lon: -122.68 }, "US-WA": { lat: 47.61, lon: -122.33 } } as const;

export const COMPACTS: Compact[] = [
  { id: "tele-compact", name: "Telehealth compact", members: ["US-OR", "US-WA"], modes: ["telehealth"], source: "test" },
];

const some = <T>(items: readonly T[], min = 0) => fc.subarray([...items], { minLength: min });
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

const slot = fc
  .record({
    day: fc.constantFrom("mon", "tue", "wed", "thu", "fri", "sat", "sun" as const),
    start: fc.integer({ min: 6, max: 18 }).map((h) => h * 60),
    hours: fc.integer({ min: 1, max: 6 }),
  })
  .map(({ day, start, hours }) => ({ day, start: hhmm(start), end: hhmm(start + hours * 60) }));

const near = (jurisdiction: keyof typeof CENTRES) =>
  fc.record({ dLat: fc.integer({ min: -40, max: 40 }), dLon: fc.integer({ min: -40, max: 40 }) }).map(({ dLat, dLon }) => ({
    lat: CENTRES[jurisdiction].lat + dLat / 100,
    lon: CENTRES[jurisdiction].lon + dLon / 100,
  }));

export const matchClinician = (id: string): fc.Arbitrary<Clinician> =>
  fc
    .record({
      home: fc.constantFrom(...POOL.jurisdictions),
      discipline: fc.constantFrom("psychologist", "Clinical Psychologist", "counselor", "LCSW"),
      extraLicence: fc.boolean(),
      compact: fc.boolean(),
      practiceId: fc.constantFrom("p1", "p2", "p3"),
      problemAreas: some(POOL.problemAreas, 1),
      modalities: some(POOL.modalities),
      populations: some(POOL.populations, 1),
      languages: some(POOL.languages, 1),
      gender: fc.option(fc.constantFrom(...POOL.genders), { nil: undefined }),
      panels: some(POOL.payers),
      planLimited: fc.boolean(),
      renewal: fc.constantFrom("none", "none", "next-day", "after-a-gap"),
      panelEnds: fc.option(fc.constantFrom("2026-06-30", "2027-12-31"), { nil: undefined }),
      fee: fc.integer({ min: 80, max: 220 }),
      floor: fc.option(fc.integer({ min: 40, max: 80 }), { nil: undefined }),
      office: fc.boolean(),
      telehealth: fc.boolean(),
      zone: fc.constantFrom(...POOL.zones),
      slots: fc.array(slot, { maxLength: 4 }),
      accepting: fc.oneof(fc.constant(true), fc.constant(true), fc.constant(false)),
      caseloadMax: fc.integer({ min: 5, max: 10 }),
      caseloadCurrent: fc.integer({ min: 0, max: 10 }),
      weeklyLimit: fc.integer({ min: 0, max: 3 }),
      thisWeek: fc.integer({ min: 0, max: 2 }),
      wait: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
      affirming: fc.boolean(),
      cultures: fc.subarray(["Latinx", "black", "east-asian"]),
      faiths: fc.subarray(["christian", "Muslim"]),
      birthYear: fc.option(fc.integer({ min: 1950, max: 1998 }), { nil: undefined }),
      interpreters: fc.option(fc.boolean(), { nil: undefined }),
      levels: fc.option(fc.subarray(["outpatient", "psychiatric-evaluation", "intensive-outpatient"] as const, { minLength: 1 }), {
        nil: undefined,
      }),
      outcomes: fc.array(
        fc.record({
          problemArea: fc.constantFrom(...POOL.problemAreas),
          rating: fc.constantFrom("effective" as const, "neutral" as const, "ineffective" as const),
          cases: fc.integer({ min: 0, max: 40 }),
        }),
        { maxLength: 3 },
      ),
    })
    .chain((c) => near(c.home).map((point) => ({ c, point })))
    .map(({ c, point }) => ({
      id,
      name: id,
      discipline: c.discipline,
      credentials: [],
      practiceId: c.practiceId,
      licensure: {
        licenses: [
          { jurisdiction: c.home },
          ...(c.extraLicence
            ? [{ jurisdiction: c.home === "US-OR" ? "US-WA" : "US-OR", period: { start: "2026-01-01", end: "2026-12-31" } }]
            : []),
        ],
        compacts: c.compact ? [{ compactId: "tele-compact" }] : [],
      },
      problemAreas: c.problemAreas,
      modalities: c.modalities,
      populations: c.affirming ? [...c.populations, "LGBTQ+"] : c.populations,
      languages: c.languages,
      cultures: c.cultures,
      faiths: c.faiths,
      ...(c.birthYear === undefined ? {} : { birthYear: c.birthYear }),
      ...(c.interpreters === undefined ? {} : { worksWithInterpreters: c.interpreters }),
      ...(c.gender === undefined ? {} : { gender: c.gender }),
      insurancePanels: [
        ...c.panels.map((payerId, i) => ({
          payerId,
          ...(c.planLimited && i === 0 ? { plans: ["gold"] } : {}),
          period: { start: "2024-01-01", ...(c.panelEnds === undefined ? {} : { end: c.panelEnds }) },
        })),
        // A renewal of the last panel from the day after it ends, or one that leaves a gap.
        ...(c.renewal !== "none" && c.panels.length > 0 && c.panelEnds !== undefined
          ? [
              {
                payerId: c.panels[c.panels.length - 1] as string,
                period: { start: c.renewal === "next-day" ? (c.panelEnds === "2026-06-30" ? "2026-07-01" : "2028-01-01") : "2026-07-15" },
              },
            ]
          : []),
      ],
      fee: { currency: "USD", minorUnits: c.fee * 100 },
      ...(c.floor === undefined ? {} : { slidingScaleFloor: { currency: "USD", minorUnits: c.floor * 100 } }),
      locations: c.office ? [{ id: `${id}-office`, jurisdiction: c.home, point }] : [],
      telehealth: c.telehealth,
      availability: { timeZone: c.zone, slots: c.slots },
      acceptingNewClients: c.accepting,
      capacity: {
        caseloadMax: c.caseloadMax,
        caseloadCurrent: c.caseloadCurrent,
        weeklyNewClientLimit: c.weeklyLimit,
        newClientsThisWeek: c.thisWeek,
        ...(c.wait === undefined ? {} : { expectedWaitDays: c.wait }),
      },
      outcomes: c.outcomes,
      ...(c.levels === undefined ? {} : { levelsOfCare: [...c.levels] }),
    }));

export const matchCriteria: fc.Arbitrary<MatchCriteria> = fc
  .record({
    where: fc.constantFrom(...POOL.jurisdictions),
    withPoint: fc.boolean(),
    startDate: fc.constantFrom("2026-03-02", "2026-03-09", "2026-07-01", "2026-10-26", "2026-11-23", "2027-02-01"),
    modes: fc.constantFrom<("in-person" | "telehealth")[]>(["in-person", "telehealth"], ["telehealth"], ["in-person"]),
    radius: fc.option(fc.integer({ min: 5, max: 80 }), { nil: undefined }),
    payers: some(POOL.payers),
    planIds: fc.array(fc.constantFrom(undefined, "gold", "silver"), { minLength: 3, maxLength: 3 }),
    weeks: fc.option(fc.constantFrom(0, 1, 12, 40), { nil: undefined }),
    // Temporary stays (term time, a winter stay) around the start dates, sometimes none.
    stays: fc.array(
      fc.record({
        where: fc.constantFrom(...POOL.jurisdictions),
        start: fc.constantFrom("2026-02-20", "2026-03-09", "2026-06-01", "2026-11-30", "2027-01-15"),
        days: fc.option(fc.constantFrom(0, 6, 40, 200), { nil: undefined }),
      }),
      { maxLength: 2 },
    ),
    budget: fc.option(fc.integer({ min: 50, max: 200 }), { nil: undefined }),
    withPayment: fc.boolean(),
    populations: some(POOL.populations).map((p) => p.slice(0, 1)),
    needs: fc.uniqueArray(fc.constantFrom(...POOL.problemAreas), { maxLength: 3 }),
    requiredArea: fc.option(fc.constantFrom(...POOL.problemAreas), { nil: undefined, freq: 4 }),
    preferredModalities: some(POOL.modalities).map((m) => m.slice(0, 2)),
    preferredLanguages: some(POOL.languages),
    genders: some(POOL.genders).map((g) => g.slice(0, 1)),
    who: fc.record({
      populations: fc.subarray(["lgbtq-affirming", "adults"]),
      cultures: fc.subarray(["latinx", "black"]),
      faiths: fc.subarray(["christian", "muslim"]),
      age: fc.option(fc.record({ min: fc.constantFrom(25, 35), max: fc.constantFrom(45, 70) }), { nil: undefined }),
      interpreter: fc.option(fc.constantFrom("fa", "so"), { nil: undefined }),
      must: fc.subarray(["populations", "cultures", "faiths", "clinicianAge", "interpreter"] as const),
    }),
    schedule: fc.option(fc.record({ timeZone: fc.constantFrom(...POOL.zones), slots: fc.array(slot, { maxLength: 3 }) }), {
      nil: undefined,
    }),
    severity: fc.option(fc.constantFrom("mild" as const, "severe" as const), { nil: undefined }),
    urgency: fc.option(fc.constantFrom("routine" as const, "soon" as const, "urgent" as const), { nil: undefined, freq: 2 }),
    maxWait: fc.option(fc.integer({ min: 7, max: 60 }), { nil: undefined, freq: 4 }),
    level: fc.option(fc.constantFrom("outpatient" as const, "psychiatric-evaluation" as const, "intensive-outpatient" as const), {
      nil: undefined,
      freq: 2,
    }),
    disciplines: fc.constantFrom<string[][]>([], [], ["psychologist", "counselor"], ["counselor"]).map((d) => [...d]),
  })
  .chain((c) => near(c.where).map((point) => ({ c, point })))
  .map(({ c, point }) => ({
    startDate: c.startDate,
    location: { jurisdiction: c.where, ...(c.withPoint ? { point } : {}) },
    ...(c.severity === undefined ? {} : { severity: c.severity }),
    ...(c.urgency === undefined ? {} : { urgency: c.urgency }),
    ...(c.weeks === undefined ? {} : { expectedWeeks: c.weeks }),
    ...(c.stays.length === 0
      ? {}
      : {
          stays: c.stays.map(({ where, start, days }) => ({
            place: { jurisdiction: where },
            period:
              days === undefined
                ? { start }
                : { start, end: new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10) },
          })),
        }),
    require: {
      modes: c.modes,
      ...(c.radius === undefined ? {} : { travelRadiusKm: c.radius }),
      ...(c.withPayment && (c.payers.length > 0 || c.budget !== undefined)
        ? {
            payment: {
              payers: c.payers.map((payerId, i) => ({ payerId, ...(c.planIds[i] === undefined ? {} : { planId: c.planIds[i] }) })),
              ...(c.budget === undefined ? {} : { maxSelfPay: { currency: "USD", minorUnits: c.budget * 100 } }),
            },
          }
        : {}),
      populations: c.populations,
      problemAreas: c.requiredArea === undefined ? [] : [c.requiredArea],
      modalities: [],
      languages: [],
      disciplines: c.disciplines,
      ...(c.level === undefined ? {} : { levelOfCare: c.level }),
      ...(c.maxWait === undefined ? {} : { maxWaitDays: c.maxWait }),
      excludeClinicianIds: [],
      excludePracticeIds: [],
    },
    prefer: {
      problemAreas: c.needs,
      modalities: c.preferredModalities,
      languages: c.preferredLanguages,
      clinicianGenders: c.genders,
      ...(c.who.populations.length > 0 ? { populations: c.who.populations } : {}),
      ...(c.who.cultures.length > 0 ? { cultures: c.who.cultures } : {}),
      ...(c.who.faiths.length > 0 ? { faiths: c.who.faiths } : {}),
      ...(c.who.age === undefined ? {} : { clinicianAge: c.who.age }),
      ...(c.who.interpreter === undefined ? {} : { interpreter: c.who.interpreter }),
      ...(c.who.must.length > 0 ? { must: c.who.must } : {}),
      ...(c.schedule === undefined ? {} : { schedule: c.schedule }),
    },
  }));

/** A clinician who is usually eligible: open, with places, telehealth under the compact; fit still varies. */
export const openClinician = (id: string): fc.Arbitrary<Clinician> =>
  fc.tuple(matchClinician(id), fc.integer({ min: 1, max: 3 }), fc.boolean()).map(([c, places, closed]) => ({
    ...c,
    acceptingNewClients: !closed || places > 1,
    telehealth: true,
    licensure: { licenses: c.licensure.licenses, compacts: [{ compactId: "tele-compact" }] },
    populations: [...new Set([...c.populations, "adults"])],
    capacity: { ...c.capacity, caseloadMax: 30, caseloadCurrent: 10, weeklyNewClientLimit: places, newClientsThisWeek: 0 },
  }));

/** Criteria that most open clinicians meet; preferences still vary, so scores differ. */
export const openCriteria: fc.Arbitrary<MatchCriteria> = matchCriteria.map((c) => ({
  ...c,
  require: {
    ...c.require,
    modes: ["in-person", "telehealth"],
    populations: [],
    problemAreas: [],
    disciplines: [],
    payment: undefined,
    maxWaitDays: undefined,
  } as MatchCriteria["require"],
}));

/** A directory of up to `max` clinicians, most of them open, so rankings have options to compare. */
export const matchDirectory = (max = 12): fc.Arbitrary<Directory> =>
  fc.integer({ min: 1, max }).chain((count) =>
    fc
      .tuple(
        ...Array.from({ length: count }, (_, i) => {
          const id = `c${String(i).padStart(2, "0")}`;
          return fc.oneof({ weight: 2, arbitrary: openClinician(id) }, { weight: 1, arbitrary: matchClinician(id) });
        }),
      )
      .map((clinicians) => ({ practices: [], clinicians, payers: [], compacts: COMPACTS })),
  );

/** Criteria of every kind: open ones and ones with every sort of requirement. */
export const anyCriteria: fc.Arbitrary<MatchCriteria> = fc.oneof(openCriteria, matchCriteria);

/**
 * fast-check generators for referral cases: valid by construction, and drawn
 * from small pools of payers, problem areas, modalities, places and dates
 * around NOW, so that every trigger fires often enough to be exercised.
 */
import fc from "fast-check";
import type { Instrument } from "referwell/refer";

export const NOW = "2026-11-23";
export const TREATING = "clin-a";

const PAYERS = ["aetna", "regence", "cigna"];
const AREAS = ["depression", "anxiety", "trauma", "eating-disorders", "grief", "PTSD", "suicidality", "self-harm"];
const MODALITIES = ["cbt", "emdr", "act", "dbt", "Cognitive behavioural therapy"];
const PLACES = ["US-OR", "US-WA", "US-CA"];
const DAY_MS = 86_400_000;
const NOW_MS = Date.parse(NOW);

/** A date from about two years before NOW to half a year after it. */
export const date = fc.integer({ min: -700, max: 200 }).map((offset) => new Date(NOW_MS + offset * DAY_MS).toISOString().slice(0, 10));

const period = fc
  .tuple(date, fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }))
  .map(([start, length]) =>
    length === undefined ? { start } : { start, end: new Date(Date.parse(start) + length * DAY_MS).toISOString().slice(0, 10) },
  );

const usd = (min: number, max: number) => fc.integer({ min, max }).map((minorUnits) => ({ currency: "USD", minorUnits }));

export const COMPACTS = [
  { id: "compact-1", name: "Compact One", members: ["US-OR", "US-WA"], modes: ["telehealth" as const], source: "test" },
];

export const clinician = fc
  .record({
    extraLicence: fc.boolean(),
    compact: fc.boolean(),
    problemAreas: fc.subarray(AREAS),
    modalities: fc.subarray(MODALITIES),
    panels: fc.array(fc.record({ payerId: fc.constantFrom(...PAYERS), period }), { maxLength: 3 }),
    fee: fc.option(usd(8_000, 25_000), { nil: undefined }),
    floorShare: fc.option(fc.double({ min: 0.3, max: 1, noNaN: true }), { nil: undefined }),
    telehealth: fc.boolean(),
  })
  .map(({ extraLicence, compact, problemAreas, modalities, panels, fee, floorShare, telehealth }) => ({
    id: TREATING,
    name: "Clinician A",
    discipline: "psychologist",
    licensure: {
      licenses: [{ jurisdiction: "US-OR" }, ...(extraLicence ? [{ jurisdiction: "US-CA" }] : [])],
      compacts: compact ? [{ compactId: "compact-1" }] : [],
    },
    problemAreas,
    modalities,
    populations: ["adults"],
    languages: ["en"],
    insurancePanels: panels,
    ...(fee === undefined ? {} : { fee }),
    ...(fee === undefined || floorShare === undefined
      ? {}
      : { slidingScaleFloor: { currency: "USD", minorUnits: Math.floor(fee.minorUnits * floorShare) } }),
    telehealth,
    availability: { timeZone: "America/Los_Angeles", slots: [] },
    acceptingNewClients: true,
    capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
  }));

export const conflict = fc.record({
  clinicianId: fc.constantFrom(TREATING, "clin-b", "clin-c"),
  kind: fc.constantFrom("dual-relationship" as const, "conflict-of-interest" as const, "prior-relationship" as const, "other" as const),
  declared: date,
});

export const client = fc
  .record({
    moves: fc.uniqueArray(fc.record({ date, to: fc.record({ jurisdiction: fc.constantFrom(...PLACES) }) }), {
      maxLength: 2,
      selector: (move) => move.date,
    }),
    coverage: fc.array(fc.record({ payerId: fc.constantFrom(...PAYERS), period }), { maxLength: 3 }),
    maxSelfPay: fc.option(usd(5_000, 30_000), { nil: undefined }),
    needs: fc.subarray(AREAS, { minLength: 1 }),
    modalities: fc.subarray(MODALITIES, { maxLength: 2 }),
    mode: fc.constantFrom("in-person" as const, "telehealth" as const, "either" as const),
    conflicts: fc.array(conflict, { maxLength: 2 }),
  })
  .map(({ moves, coverage, maxSelfPay, needs, modalities, mode, conflicts }) => ({
    id: "cl-1",
    ageGroup: "adult" as const,
    residence: { jurisdiction: "US-OR" },
    plannedMoves: moves,
    coverage,
    ...(maxSelfPay === undefined ? {} : { maxSelfPay }),
    needs: { problemAreas: needs },
    preferences: { modalities, mode },
    conflicts,
  }));

const RANGES: Record<string, number> = { "PHQ-9": 27, "GAD-7": 21, SRS: 40, "CORE-10": 40 };
/** Item count and item maximum of the built-in instruments that have items. */
export const ITEMS: Record<string, readonly [number, number]> = { "PHQ-9": [9, 3], "GAD-7": [7, 3], "CORE-10": [10, 4] };

/** Item scores of an instrument, as many as it has, each in range. */
export const itemScores = (instrument: string): fc.Arbitrary<number[]> => {
  const [count, max] = ITEMS[instrument] as readonly [number, number];
  return fc.array(fc.integer({ min: 0, max }), { minLength: count, maxLength: count });
};

/** A measurement of a built-in instrument: a total only, or item scores with their sum as the total. */
export const measurement = fc.constantFrom("PHQ-9", "GAD-7", "SRS", "CORE-10").chain((instrument) => {
  const total = fc.record({ instrument: fc.constant(instrument), date, score: fc.integer({ min: 0, max: RANGES[instrument] as number }) });
  if (ITEMS[instrument] === undefined) return total;
  const itemized = fc
    .record({ instrument: fc.constant(instrument), date, items: itemScores(instrument) })
    .map((entry) => ({ ...entry, score: entry.items.reduce((sum, value) => sum + value, 0) }));
  return fc.oneof(total, itemized);
});

/** A risk rating by a clinician or a C-SSRS screen. */
export const riskFlag = fc.record({
  source: fc.constantFrom("clinician-rating" as const, "c-ssrs-screen" as const),
  date,
  level: fc.constantFrom("none" as const, "low" as const, "moderate" as const, "high" as const),
});

/** A whole referral case, as JSON. */
export const referralCase = fc.record(
  {
    client,
    clinician,
    episode: fc.record({
      start: fc.integer({ min: -700, max: -30 }).map((offset) => new Date(NOW_MS + offset * DAY_MS).toISOString().slice(0, 10)),
    }),
    measurements: fc.array(measurement, { maxLength: 16 }),
    sessions: fc.array(fc.record({ date, clinicianExhausted: fc.boolean() }), { maxLength: 6 }),
    disagreements: fc.array(
      fc.record({ recorded: date, about: fc.constantFrom("modality" as const, "goals" as const, "pace" as const), resolved: fc.boolean() }),
      {
        maxLength: 2,
      },
    ),
    hardship: fc.record({ reported: date }),
    compacts: fc.constant(COMPACTS),
    risk: fc.array(riskFlag, { maxLength: 3 }),
  },
  { requiredKeys: ["client", "clinician", "measurements", "sessions", "disagreements", "compacts"] },
);

/** An outcome instrument with either kind of reliable-change method and either direction. */
export const instrument: fc.Arbitrary<Instrument> = fc
  .record({
    direction: fc.constantFrom("lower-is-better" as const, "higher-is-better" as const),
    method: fc.oneof(
      fc.integer({ min: 1, max: 20 }).map((threshold) => ({ method: "threshold" as const, threshold })),
      fc.record({
        method: fc.constant("jacobson-truax" as const),
        sd: fc.double({ min: 0.5, max: 30, noNaN: true }),
        reliability: fc.double({ min: 0.05, max: 0.98, noNaN: true }),
      }),
    ),
    cutoff: fc.integer({ min: 5, max: 95 }),
  })
  .map(({ direction, method, cutoff }) => ({
    id: "scale",
    name: "A scale",
    measures: "outcome" as const,
    direction,
    range: { min: 0, max: 100 },
    reliableChange: method,
    cutoff,
    riskItems: [],
    source: "test",
  }));

/** A score on a 0–100 scale, whole or to two decimals. */
export const score = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
);

/** The smallest change the instrument counts as reliable (the Jacobson–Truax one is approached from both sides, never hit). */
export const criterionOf = (scale: Instrument): number => {
  const method = scale.reliableChange;
  if (method === undefined) return Number.NaN;
  return method.method === "threshold" ? method.threshold : 1.96 * method.sd * Math.SQRT2 * Math.sqrt(1 - method.reliability);
};

/**
 * An instrument with two scores: anywhere on the scale, a change within
 * three criteria of none, or a change of exactly a whole or half number of
 * criteria, so reliable changes and the boundary itself come up often.
 */
export const instrumentWithScores: fc.Arbitrary<[Instrument, number, number]> = instrument.chain((scale) => {
  const by = (k: number, pre: number): [Instrument, number, number] => [scale, pre, pre + k * criterionOf(scale)];
  return fc.oneof(
    fc.tuple(fc.constant(scale), score, score),
    fc.tuple(fc.double({ min: -3, max: 3, noNaN: true }), score).map(([k, pre]) => by(k, pre)),
    fc.tuple(fc.integer({ min: -6, max: 6 }), fc.integer({ min: 0, max: 100 })).map(([halves, pre]) => by(halves / 2, pre)),
  );
});

/** A valid panel exit: a few clinicians of one practice, their clients, episodes pairing them, and the payers left (or none: self-pay). */
export const panelExit = fc
  .record({
    date,
    clinicians: fc.array(clinician, { minLength: 1, maxLength: 3 }),
    clients: fc.array(client, { minLength: 1, maxLength: 4 }),
    pairs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.option(date, { nil: undefined })), { maxLength: 6 }),
    payerIds: fc.option(fc.subarray(PAYERS, { minLength: 1 }), { nil: undefined }),
    byPractice: fc.boolean(),
  })
  .map(({ date: exitDate, clinicians, clients, pairs, payerIds, byPractice }) => {
    const clinicianList = clinicians.map((entry, index) => ({ ...entry, id: `clin-${index}`, practiceId: "harbour" }));
    const clientList = clients.map((entry, index) => ({ ...entry, id: `cl-${index}` }));
    const seen = new Set<string>();
    const episodes = pairs.flatMap(([a, b, start]) => {
      const clientId = `cl-${a % clientList.length}`;
      const clinicianId = `clin-${b % clinicianList.length}`;
      if (seen.has(`${clientId}/${clinicianId}`)) return [];
      seen.add(`${clientId}/${clinicianId}`);
      return [{ clientId, clinicianId, ...(start === undefined ? {} : { start }) }];
    });
    return {
      date: exitDate,
      ...(byPractice ? { practiceId: "harbour" } : { clinicianIds: ["clin-0"] }),
      ...(payerIds === undefined ? {} : { payerIds }),
      clinicians: clinicianList,
      clients: clientList,
      episodes,
    };
  });

/**
 * Directories and criteria for the pushdown equivalence: the matching
 * generators, widened with every licensure rule (compact grants, declared
 * homes, yearly day limits, privilege periods, lapsing and country
 * licences, associates with and without a supervisor, places where a
 * discipline needs no licence), payers that refuse associates, exclusions
 * and required languages and modalities.
 */
import fc from "fast-check";
import type { Clinician, Compact, Directory, MatchCriteria, Regulation } from "referwell";
import { COMPACTS, matchCriteria, matchDirectory, openClinician, POOL } from "./match.js";

export const PUSHDOWN_COMPACTS: Compact[] = [
  ...COMPACTS,
  {
    id: "counseling",
    name: "Counseling Compact",
    members: ["US-OR", "US-WA"],
    modes: ["in-person", "telehealth"],
    rules: { grant: "per-jurisdiction", home: "declared", deliverFromHome: false },
    source: "test",
  },
  {
    id: "tap",
    name: "Temporary in-person practice",
    members: ["US"],
    modes: ["in-person"],
    rules: { grant: "every-member", home: "declared", deliverFromHome: false, maxDaysPerYear: 30 },
    source: "test",
  },
];

const state = fc.constantFrom(...POOL.jurisdictions);

const privilege = fc.oneof(
  fc.record({ compactId: fc.constant("tele-compact") }),
  fc.record({
    compactId: fc.constant("counseling"),
    jurisdictions: fc.option(fc.subarray(["US-OR", "US-WA"], { minLength: 1 }), { nil: undefined }),
    home: fc.option(state, { nil: undefined }),
    period: fc.option(fc.constantFrom({ start: "2026-06-01" }, { start: "2025-01-01", end: "2026-10-31" }), { nil: undefined }),
  }),
  fc.record({
    compactId: fc.constant("tap"),
    home: fc.option(state, { nil: undefined }),
    daysUsed: fc.array(
      fc.record({
        jurisdiction: fc.constantFrom("US-OR", "US-WA", "US"),
        year: fc.constantFrom(2026, 2027),
        days: fc.constantFrom(0, 12, 29, 30),
      }),
      { maxLength: 2 },
    ),
  }),
);

const widen = (clinician: Clinician): fc.Arbitrary<Clinician> =>
  fc
    .record({
      status: fc.constantFrom("licensed", "licensed", "licensed", "supervised", "unsupervised"),
      privileges: fc.array(privilege, { maxLength: 2 }),
      homeLapses: fc.option(fc.constantFrom("2026-03-31", "2026-09-30"), { nil: undefined }),
      countryLicence: fc.boolean(),
      plans: fc.option(fc.constantFrom<string[][]>(["gold"], ["gold", "silver"]), { nil: undefined }),
      // Without the base telehealth compact, the other privileges and licences decide alone.
      ownPrivilegesOnly: fc.boolean(),
      officeAway: fc.boolean(),
    })
    .map((extra) => {
      const [home, ...others] = clinician.licensure.licenses;
      const licenses = [
        ...(home === undefined
          ? []
          : [extra.homeLapses === undefined ? home : { ...home, period: { start: "2020-01-01", end: extra.homeLapses } }]),
        ...others,
        ...(extra.countryLicence ? [{ jurisdiction: "US", period: { start: "2026-05-01", end: "2026-12-31" } }] : []),
      ];
      const status = extra.status === "licensed" ? {} : { status: "pre-licensed" as const };
      const supervisor = extra.status === "supervised" ? { supervisorId: "sup" } : {};
      return {
        ...clinician,
        licensure: {
          licenses,
          compacts: extra.ownPrivilegesOnly ? extra.privileges : [...clinician.licensure.compacts, ...extra.privileges],
          ...status,
          ...supervisor,
        },
        locations: clinician.locations.map((office) =>
          extra.officeAway ? { ...office, jurisdiction: office.jurisdiction === "US-OR" ? "US-WA" : "US-OR" } : office,
        ),
        insurancePanels: clinician.insurancePanels.map((panel, index) =>
          index === 1 && extra.plans !== undefined ? { ...panel, plans: extra.plans } : panel,
        ),
      };
    });

/**
 * No regulations, or a few: for a state or its country, for a discipline as written or by another spelling of it
 * (`LPC`, an alias of `counselor`), often for the same place and discipline twice, agreeing or not.
 */
const regulations: fc.Arbitrary<Regulation[] | undefined> = fc.option(
  fc.array(
    fc.record({
      jurisdiction: fc.constantFrom("US-WA", "US-WA", "US", "US-OR"),
      discipline: fc.constantFrom("counselor", "LPC", "psychologist"),
      licenceRequired: fc.boolean(),
      source: fc.constant("test"),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  { nil: undefined },
);

/** Clinicians who are usually eligible, so that one rule alone often decides. */
const openDirectory = (max: number): fc.Arbitrary<Directory> =>
  fc
    .integer({ min: 1, max })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => openClinician(`c${String(i).padStart(2, "0")}`))))
    .map((clinicians) => ({ practices: [], clinicians, payers: [], compacts: COMPACTS }));

/** A directory of up to `max` clinicians with every licensure and payer rule in play. */
export const pushdownDirectory = (max = 12): fc.Arbitrary<Directory> =>
  fc.tuple(fc.oneof(matchDirectory(max), openDirectory(max)), regulations, fc.boolean()).chain(([directory, regulated, refusing]) =>
    fc.tuple(...directory.clinicians.map(widen)).map((clinicians) => ({
      ...directory,
      clinicians,
      compacts: PUSHDOWN_COMPACTS,
      payers: POOL.payers.map((id) => ({ id, name: id, ...(refusing && id === "cigna" ? { acceptsAssociates: false } : {}) })),
      ...(regulated === undefined ? {} : { regulations: regulated }),
    })),
  );

/** Criteria that keep payment, modes, places and dates but ask little else, so those constraints often decide alone. */
const relaxedCriteria: fc.Arbitrary<MatchCriteria> = fc
  .tuple(matchCriteria, fc.constantFrom(undefined, 40, 60))
  .map(([criteria, weeks]) => {
    const { must: _must, ...prefer } = criteria.prefer;
    return {
      ...criteria,
      // Long courses cross the panels' ends and renewals.
      ...(weeks === undefined ? {} : { expectedWeeks: weeks }),
      require: {
        ...criteria.require,
        populations: [],
        problemAreas: [],
        disciplines: [],
        maxWaitDays: undefined,
        modes:
          criteria.require.modes.length === 1 && criteria.startDate !== "2026-03-02" ? ["in-person", "telehealth"] : criteria.require.modes,
      } as MatchCriteria["require"],
      prefer,
    };
  });

/** Criteria of every kind, some with exclusions and required languages and modalities. */
export const pushdownCriteria: fc.Arbitrary<MatchCriteria> = fc
  .tuple(
    fc.oneof({ weight: 2, arbitrary: relaxedCriteria }, { weight: 1, arbitrary: matchCriteria }),
    fc.subarray(["c01", "c03"]),
    fc.subarray(["p2"]),
    fc.oneof({ weight: 3, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.constantFrom<string[]>(["es"], ["en-GB"]) }),
    fc.oneof({ weight: 3, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.constantFrom<string[]>(["cbt"], ["emdr"]) }),
  )
  .map(([criteria, clinicians, practices, languages, modalities]) => ({
    ...criteria,
    require: { ...criteria.require, excludeClinicianIds: clinicians, excludePracticeIds: practices, languages, modalities },
  }));

const PERIODS = [
  undefined,
  { start: "2020-01-01", end: "2026-03-31" },
  { start: "2026-05-01" },
  { start: "2025-01-01", end: "2026-12-31" },
];

/** A licensure of every kind, on its own: licences that lapse or start, privileges under each compact's rules, associates. */
const anyLicensure = fc
  .record({
    licences: fc.subarray(["US-OR", "US-WA", "US"]),
    periods: fc.array(fc.constantFrom(...PERIODS), { minLength: 3, maxLength: 3 }),
    privileges: fc.array(privilege, { maxLength: 2 }),
    status: fc.constantFrom("licensed", "licensed", "supervised", "unsupervised"),
  })
  .map(({ licences, periods, privileges, status }) => ({
    licenses: licences.map((jurisdiction, index) => {
      const period = periods[index];
      return period === undefined ? { jurisdiction } : { jurisdiction, period };
    }),
    compacts: privileges,
    ...(status === "licensed" ? {} : { status: "pre-licensed" as const }),
    ...(status === "supervised" ? { supervisorId: "sup" } : {}),
  }));

/** Panels of every shape for one payer: open or plan-limited, ending, renewed the next day, after a gap, or overlapping. */
const panelsFor = (payerId: string) =>
  fc
    .record({
      plans: fc.option(fc.constantFrom<string[][]>(["gold"], ["silver"]), { nil: undefined }),
      end: fc.option(fc.constantFrom("2026-06-30", "2026-12-31", "2027-03-31"), { nil: undefined }),
      renewal: fc.constantFrom("none", "next-day", "gap", "overlap"),
      renewalPlans: fc.option(fc.constantFrom<string[][]>(["gold"], ["silver"]), { nil: undefined }),
    })
    .map(({ plans, end, renewal, renewalPlans }) => {
      const first = {
        payerId,
        ...(plans === undefined ? {} : { plans }),
        period: { start: "2024-01-01", ...(end === undefined ? {} : { end }) },
      };
      if (end === undefined || renewal === "none") return [first];
      const day = new Date(Date.parse(`${end}T00:00:00Z`) + (renewal === "next-day" ? 1 : renewal === "gap" ? 10 : -30) * 86_400_000);
      const start = day.toISOString().slice(0, 10);
      return [first, { payerId, ...(renewalPlans === undefined ? {} : { plans: renewalPlans }), period: { start } }];
    });

/** Open clinicians whose licensure, offices or panels vary alone, for criteria that ask little else. */
const focusedDirectory = (max: number): fc.Arbitrary<Directory> =>
  fc
    .integer({ min: 1, max })
    .chain((count) =>
      fc.tuple(
        ...Array.from({ length: count }, (_, i) =>
          fc
            .tuple(
              openClinician(`c${String(i).padStart(2, "0")}`),
              anyLicensure,
              fc.constantFrom(...POOL.jurisdictions),
              fc.boolean(),
              fc.subarray([...POOL.payers]).chain((payers) => fc.tuple(...payers.map(panelsFor))),
            )
            .map(([clinician, licensure, officeIn, telehealth, panels]) => ({
              ...clinician,
              licensure,
              telehealth,
              locations: clinician.locations.map((office) => ({ ...office, jurisdiction: officeIn })),
              insurancePanels: panels.flat(),
            })),
        ),
      ),
    )
    .chain((clinicians) =>
      fc.tuple(regulations, fc.boolean()).map(([regulated, refusing]) => ({
        practices: [],
        clinicians,
        compacts: PUSHDOWN_COMPACTS,
        payers: POOL.payers.map((id) => ({ id, name: id, ...(refusing && id === "cigna" ? { acceptsAssociates: false } : {}) })),
        ...(regulated === undefined ? {} : { regulations: regulated }),
      })),
    );

/** Criteria that ask only for a mode of care, places and, often, payment in network without a budget. */
const focusedCriteria: fc.Arbitrary<MatchCriteria> = fc
  .tuple(relaxedCriteria, fc.boolean(), fc.option(fc.integer({ min: 80, max: 200 }), { nil: undefined, freq: 3 }))
  .map(([criteria, pays, budget]) => ({
    ...criteria,
    require: {
      ...criteria.require,
      languages: [],
      modalities: [],
      levelOfCare: undefined,
      ...(pays
        ? {
            payment: {
              payers: criteria.require.payment?.payers.length ? criteria.require.payment.payers : [{ payerId: "aetna" }],
              ...(budget === undefined ? {} : { maxSelfPay: { currency: "USD", minorUnits: budget * 100 } }),
            },
          }
        : { payment: undefined }),
    } as MatchCriteria["require"],
  }));

/** A directory and criteria: the general mix, or one where licensure, offices and panels decide alone. */
export const pushdownCase: fc.Arbitrary<[Directory, MatchCriteria]> = fc.oneof(
  fc.tuple(pushdownDirectory(), pushdownCriteria),
  fc.tuple(focusedDirectory(10), focusedCriteria),
);

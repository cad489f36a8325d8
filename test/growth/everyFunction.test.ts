import * as z from "zod";
import { describe, expect, it } from "vitest";
import {
  checkLicensure,
  type ClientInput,
  type ClinicianInput,
  coverageOn,
  createVocabulary,
  criteriaFromClient,
  normalizeTag,
  Referrer,
  residenceOn,
  validate,
} from "referwell";
import { type PlannedTouchInput, toICalendar } from "referwell/cadence";
import { type ComposedUpdate, composeUpdate, type ConsentInput, type DisclosureRecord, prepareConsents } from "referwell/consent";
import {
  clientFromFhir,
  clinicianFromFhir,
  consentFromFhir,
  consentToFhir,
  disclosureToFhir,
  FhirExtensions,
  referralToFhir,
  transactionBundle,
  updateToFhir,
} from "referwell/fhir";
import { type InboundEventInput, intakeMeasures, type OutboundEventInput, outboundStatus, reviewWaitlist } from "referwell/intake";
import { createMatcher, scoreMatch } from "referwell/match";
import {
  assessPanelExit,
  assessReferral,
  builtInInstruments,
  classifyProgress,
  createRuleContext,
  type PanelExitInput,
  type ReferralCaseInput,
} from "referwell/refer";
import { largeRequest } from "../bench/consentFixture.js";
import { growthRatio } from "../support/growthRatio.js";

/**
 * Growth checks on the public functions not checked elsewhere, each on the
 * worst shape its input allows within the schema's limits: the cost per item
 * at 8n is at most twice the cost at n, which n log n meets and n^1.5 (2.8)
 * or n² (8) does not. Validation is part of the cost, as a caller pays it.
 * Each run calls the function several times, so a run is long enough to
 * time; the ratio is per item all the same. The functions with no check,
 * and why their cost cannot grow, are listed in everyExport.test.ts.
 */

/** The day `offset` days after 1 January 2020. */
const day = (offset: number): string => new Date(Date.UTC(2020, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** Calls `call` `times` times: for inputs so small that one call is too short to time. */
const repeated =
  <Input>(times: number, call: (input: Input) => unknown) =>
  (input: Input): void => {
    for (let round = 0; round < times; round += 1) call(input);
  };

/** A client with `size` coverage periods and conflicts, and the other lists in proportion, each within its limit. */
function clientOfSize(size: number): ClientInput {
  const few = Math.ceil(size / 5);
  return {
    id: "cl-1",
    ageGroup: "adult",
    careFormat: "family",
    residence: { jurisdiction: "US-OR" },
    plannedMoves: Array.from({ length: few }, (_, i) => ({
      date: day(400 + 30 * i),
      to: { jurisdiction: i % 2 === 0 ? "US-WA" : "US-OR" },
    })),
    stays: Array.from({ length: few }, (_, i) => ({
      place: { jurisdiction: "US-CA" },
      period: { start: day(410 + 30 * i), end: day(415 + 30 * i) },
    })),
    coverage: Array.from({ length: size }, (_, i) => ({ payerId: `payer-${i}`, period: { start: day(10 * i), end: day(10 * i + 400) } })),
    maxSelfPay: { currency: "USD", minorUnits: 15_000 },
    needs: { problemAreas: Array.from({ length: Math.ceil(size / 2) }, (_, i) => `need-${i}`) },
    preferences: { modalities: Array.from({ length: Math.ceil(size / 2) }, (_, i) => `modality-${i}`) },
    conflicts: Array.from({ length: size }, (_, i) => ({ clinicianId: `clin-${i % 50}`, kind: "other" as const })),
  };
}

describe("growth: the shared model", () => {
  it("coverageOn: coverage periods", () => {
    const ratio = growthRatio(
      12,
      clientOfSize,
      repeated(200, (client) => coverageOn(client, day(500))),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("residenceOn: planned moves", () => {
    const client = (moves: number): ClientInput => ({
      id: "cl-1",
      ageGroup: "adult",
      residence: { jurisdiction: "US-OR" },
      plannedMoves: Array.from({ length: moves }, (_, i) => ({ date: day(30 * i), to: { jurisdiction: i % 2 === 0 ? "US-WA" : "US-OR" } })),
      needs: { problemAreas: ["anxiety"] },
    });
    const ratio = growthRatio(
      2,
      client,
      repeated(2_000, (input) => residenceOn(input, day(1_000))),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("criteriaFromClient: coverage, conflicts, needs, moves and stays together", () => {
    const ratio = growthRatio(
      12,
      clientOfSize,
      repeated(300, (client) => criteriaFromClient(client, { startDate: day(390) })),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("createVocabulary: host entries, each with synonyms", () => {
    const entries = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        code: `code-${i}`,
        label: `Label ${i}`,
        synonyms: Array.from({ length: 4 }, (_, s) => `synonym ${i} ${s}`),
      }));
    const extension = (n: number) => ({
      problemAreas: entries(n),
      modalities: entries(n),
      populations: entries(n),
      disciplines: entries(n),
    });
    const ratio = growthRatio(250, extension, (input) => createVocabulary(input), 3);
    expect(ratio).toBeLessThanOrEqual(2);
  });

  // Texts stay under 100 KB: past about 128 KB the engine's string operations cost about three times as much per
  // character (a step, flat on either side of it), which one size would pay and the other not.
  it("normalizeTag: a long text of accented words, ligatures, separators and British spellings", () => {
    const text = (n: number) => "  Behaviour & Counselling — Æsthetic Paediatric Programme, Straße; Øre ".repeat(n);
    const ratio = growthRatio(60, text, repeated(50, normalizeTag));
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("normalizeTag: a long run of separators", () => {
    const ratio = growthRatio(1_000, (n) => `a${" -&/".repeat(n)}b`, repeated(100, normalizeTag));
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("validate: a valid list", () => {
    const referrers = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: `ref-${i}`, name: `Referrer ${i}`, kind: "gp", specialties: ["anxiety"] }));
    const ratio = growthRatio(
      1_000,
      referrers,
      repeated(20, (list) => validate(z.array(Referrer), list, "referrers")),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("validate: a list with an issue in every item", () => {
    const referrers = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `ref-${i}`, name: "", kind: "dentist" }));
    const attempt = (list: unknown) => {
      try {
        validate(z.array(Referrer), list, "referrers");
      } catch {
        // Every item is refused: the cost is finding and naming the issues.
      }
    };
    const ratio = growthRatio(200, referrers, repeated(5, attempt));
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("checkLicensure: licences, compact privileges each limited to many jurisdictions with days used in each, compacts and regulations", () => {
    // Three-letter subdivisions of a country of the library's tests, all different: none is where the care is.
    const place = (i: number): string =>
      `XA-${String.fromCharCode(65 + (Math.floor(i / 676) % 26), 65 + (Math.floor(i / 26) % 26), 65 + (i % 26))}`;
    const where = { jurisdiction: "US-TX", mode: "telehealth" as const, on: "2026-11-23", clinicianIn: place(1) };
    // Every compact lists where the care is and tells each privilege to name its remote states, so every privilege is
    // read to its end: none names the place of care. Each list of a privilege or compact is as long at n as at 8n, so
    // the input grows with n. The schema holds a clinician to 50 privileges and a directory to 1,000 compacts, so work
    // over their pairs stays under 50,000 steps at any size and is not what this times: validation and the indexes of
    // the compacts' members and the regulations are.
    const build = (n: number) => ({
      clinician: clinicianWith("clin-ana", {
        licensure: {
          licenses: Array.from({ length: 2 * n }, (_, i) => ({ jurisdiction: place(i), period: { start: "2020-01-01" } })),
          compacts: Array.from({ length: n }, (_, i) => ({
            compactId: `compact-${i}`,
            home: place(i % (2 * n)),
            jurisdictions: Array.from({ length: 100 }, (_, j) => place(5_000 + j)),
            daysUsed: Array.from({ length: 100 }, (_, j) => ({ jurisdiction: place(j), year: 2026, days: 1 })),
          })),
        },
      }),
      compacts: Array.from({ length: 20 * n }, (_, i) => ({
        id: `compact-${i}`,
        name: "Compact",
        members: ["US-TX", ...Array.from({ length: 50 }, (_, j) => place(j))],
        modes: ["telehealth" as const],
        rules: { grant: "per-jurisdiction" as const, home: "declared" as const, deliverFromHome: true, maxDaysPerYear: 30 },
        source: "the library's tests",
      })),
      regulations: Array.from({ length: 200 * n }, (_, i) => ({
        jurisdiction: place(i),
        discipline: "psychologist",
        licenceRequired: true,
        source: "the library's tests",
      })),
    });
    const check = ({ clinician, compacts, regulations }: ReturnType<typeof build>) => {
      expect(checkLicensure(clinician, where, compacts, regulations).authorized).toBe(false);
    };
    const ratio = growthRatio(6, build, repeated(3, check));
    expect(ratio).toBeLessThanOrEqual(2);
  });
});

/** A clinician in Oregon with one panel; `more` replaces fields. */
const clinicianWith = (id: string, more: Partial<ClinicianInput> = {}): ClinicianInput => ({
  id,
  name: `Clinician ${id}`,
  discipline: "psychologist",
  practiceId: "harbour",
  licensure: { licenses: [{ jurisdiction: "US-OR" }] },
  problemAreas: ["depression", "anxiety", "trauma"],
  modalities: ["cbt"],
  populations: ["adults"],
  languages: ["en"],
  insurancePanels: [{ payerId: "aetna", period: { start: "2020-01-01" } }],
  fee: { currency: "USD", minorUnits: 15_000 },
  telehealth: true,
  availability: { timeZone: "America/Los_Angeles", slots: [{ day: "tue", start: "09:00", end: "17:00" }] },
  acceptingNewClients: true,
  capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
  ...more,
});

/** An adult client in Oregon covered by `payerId`. */
const clientWith = (id: string, payerId = "aetna"): ClientInput => ({
  id,
  ageGroup: "adult",
  residence: { jurisdiction: "US-OR" },
  coverage: [{ payerId, program: "commercial", period: { start: "2024-01-01" } }],
  maxSelfPay: { currency: "USD", minorUnits: 10_000 },
  needs: { problemAreas: ["depression"], severity: "moderate" },
});

const INSTRUMENTS = [
  { id: "PHQ-9", max: 27 },
  { id: "GAD-7", max: 21 },
  { id: "SRS", max: 40 },
  { id: "CORE-10", max: 40 },
];

/**
 * Sixteen months of care with `n` measurements over four instruments and
 * `n` sessions, several a day, listed latest first, and a tenth as many
 * disagreements and risk ratings.
 */
function caseWithRecords(n: number): ReferralCaseInput {
  const dated = (i: number) => day(2_000 + Math.floor(((n - i) * 500) / n));
  return {
    client: clientWith("cl-1"),
    clinician: clinicianWith("clin-ana"),
    episode: { start: day(1_990) },
    measurements: Array.from({ length: n }, (_, i) => {
      const instrument = INSTRUMENTS[i % INSTRUMENTS.length] as { id: string; max: number };
      return { instrument: instrument.id, date: dated(i), score: (i * 7) % (instrument.max + 1) };
    }),
    sessions: Array.from({ length: n }, (_, i) => ({ date: dated(i), clinicianExhausted: i % 3 === 0 })),
    disagreements: Array.from({ length: Math.ceil(n / 10) }, (_, i) => ({ recorded: dated(10 * i), about: "pace" as const })),
    risk: Array.from({ length: Math.ceil(n / 10) }, (_, i) => ({
      source: "clinician-rating" as const,
      date: dated(10 * i),
      level: i % 2 === 0 ? ("low" as const) : ("none" as const),
    })),
  };
}

const ASSESS = { now: day(2_100), policy: { lookAheadDays: 3_650 } };

describe("growth: deciding to refer", () => {
  it("assessReferral: measurements, sessions, disagreements and risk ratings", () => {
    const ratio = growthRatio(
      1_000,
      caseWithRecords,
      repeated(10, (input) => assessReferral(input, ASSESS)),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("createRuleContext: measurements, sessions, disagreements and risk ratings", () => {
    const ratio = growthRatio(
      1_000,
      caseWithRecords,
      repeated(10, (input) => createRuleContext(input, ASSESS)),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("classifyProgress: scores, several a day, out of order", () => {
    const phq9 = builtInInstruments.find((instrument) => instrument.id === "PHQ-9");
    const scores = (n: number) => Array.from({ length: n }, (_, i) => ({ date: day(Math.floor((n - i) / 3)), score: (i * 5) % 28 }));
    const ratio = growthRatio(
      1_000,
      scores,
      repeated(30, (list) => classifyProgress(phq9 as NonNullable<typeof phq9>, list)),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });

  // Ids as a directory writes them, alike but for their ends: comparing two costs their length.
  it("assessPanelExit: clinicians named by id", () => {
    const id = (i: number) => `https://directory.example.org/practitioners/clinician-${i}`;
    const exit = (n: number): PanelExitInput => ({
      date: day(2_200),
      clinicianIds: Array.from({ length: n }, (_, i) => id(i)),
      payerIds: ["aetna"],
      clinicians: Array.from({ length: n }, (_, i) => clinicianWith(id(i))),
      clients: [clientWith("cl-0")],
      episodes: [{ clientId: "cl-0", clinicianId: id(0) }],
    });
    const ratio = growthRatio(
      500,
      exit,
      repeated(3, (input) => assessPanelExit(input, { now: day(2_100) })),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });
});

const STATES = ["US-OR", "US-WA", "US-CA", "US-ID", "US-NV", "US-AZ", "US-UT", "US-CO", "US-NM", "US-MT"];
const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat"] as const;
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

describe("growth: matching", () => {
  it("scoreMatch: the clinician's licences, offices, slots, panels and problem areas, the client's stays and payers", () => {
    const input = (n: number) => ({
      clinician: clinicianWith("clin-ana", {
        licensure: { licenses: Array.from({ length: n }, (_, i) => ({ jurisdiction: STATES[i % STATES.length] as string })) },
        locations: Array.from({ length: n / 2 }, (_, i) => ({
          id: `loc-${i}`,
          jurisdiction: STATES[i % STATES.length] as string,
          point: { lat: 40 + i / 10, lon: -120 + i / 10 },
        })),
        availability: {
          timeZone: "America/Los_Angeles",
          slots: Array.from({ length: 2 * n }, (_, i) => ({
            day: WEEKDAYS[i % 6] as (typeof WEEKDAYS)[number],
            start: hhmm(420 + 15 * Math.floor(i / 6)),
            end: hhmm(435 + 15 * Math.floor(i / 6)),
          })),
        },
        insurancePanels: Array.from({ length: 5 * n }, (_, i) => ({
          payerId: `payer-${i}`,
          period: { start: day(i), end: day(i + 4_000) },
        })),
        problemAreas: Array.from({ length: 2 * n }, (_, i) => `need-${i}`),
      }),
      criteria: {
        location: { jurisdiction: "US-OR", point: { lat: 45.5, lon: -122.7 } },
        startDate: day(2_100),
        expectedWeeks: 52,
        stays: Array.from({ length: n / 2 }, (_, i) => ({
          place: { jurisdiction: STATES[i % STATES.length] as string },
          period: { start: day(2_101 + 7 * i), end: day(2_103 + 7 * i) },
        })),
        require: { payment: { payers: Array.from({ length: n }, (_, i) => ({ payerId: `payer-${5 * i}` })) } },
        prefer: {
          problemAreas: Array.from({ length: n / 2 }, (_, i) => `need-${4 * i}`),
          schedule: { timeZone: "America/New_York", slots: WEEKDAYS.map((weekday) => ({ day: weekday, start: "12:00", end: "20:00" })) },
        },
      },
    });
    const ratio = growthRatio(
      12,
      input,
      repeated(10, ({ clinician, criteria }) => scoreMatch({ criteria }, clinician, { now: day(2_100) })),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });
});

describe("growth: consent", () => {
  // Deny provisions name other people, so every question is decided by the full rule rather than the first match.
  it("composeUpdate: consents and facts, every provision limited to a data period and every fact on a day of its own", () => {
    const request = (n: number) => largeRequest({ consents: n, provisions: 8, recipients: 8, facts: 6 * n, dataPeriods: true });
    const ratio = growthRatio(10, request, repeated(5, composeUpdate));
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("composeUpdate with prepared consents: deny provisions each naming many recipients in many systems", () => {
    const request = (n: number) => {
      const built = largeRequest({ consents: n, provisions: 20, recipients: 50, facts: 6 * n });
      return { ...built, consents: prepareConsents(built.consents) };
    };
    const ratio = growthRatio(8, request, repeated(5, composeUpdate));
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("prepareConsents: consents, each with deny provisions naming many recipients", () => {
    const consents = (n: number) => largeRequest({ consents: n, provisions: 20, recipients: 50, facts: 0 }).consents;
    const ratio = growthRatio(8, consents, prepareConsents, 3);
    expect(ratio).toBeLessThanOrEqual(2);
  });
});

/** `n` touches planned over a year, each with the longest explanation the schema takes, and a display name for each referrer. */
function touchPlan(n: number): { planned: PlannedTouchInput[]; names: { id: string; name: string }[] } {
  const planned = Array.from({ length: n }, (_, i): PlannedTouchInput => {
    const date = day(2_500 + (i % 365));
    return {
      id: `ref-${i}:cadence:${date}`,
      referrerId: `ref-${i}`,
      clinicianId: `clin-${i % 20}`,
      reason: "cadence",
      dueDate: date,
      overdueDays: 0,
      suggestedKind: "coffee",
      value: 1,
      explanation: "Touch base; it has been a while, and the referrer asked about groups, waits and fees — all worth a word. "
        .repeat(5)
        .slice(0, 500),
      date,
      localTime: "10:00",
      timeZone: "America/Los_Angeles",
      start: `${date}T10:00:00-08:00`,
      end: `${date}T10:30:00-08:00`,
    };
  });
  return { planned, names: planned.map((touch) => ({ id: touch.referrerId as string, name: `Dr Referrer ${touch.referrerId}` })) };
}

describe("growth: cadence", () => {
  it("toICalendar: planned touches with long explanations, and their referrers' names", () => {
    const ratio = growthRatio(250, touchPlan, ({ planned, names }) => toICalendar({ planned }, { now: "2026-11-23T08:00:00Z", names }), 3);
    expect(ratio).toBeLessThanOrEqual(2);
  });
});

/** Referral `index`'s inbound events, latest first: received, tried, reached, booked, seen, the referrer told; from a referrer of its own. */
function inbound(index: number): InboundEventInput[] {
  const referralId = `rf-${index}`;
  const start = 2_000 + (index % 60);
  const event = (step: number, more: object) =>
    ({ id: `${referralId}-${step}`, referralId, date: day(start + 2 * step), ...more }) as InboundEventInput;
  return [
    event(5, { type: "referrer-updated", milestone: "first-visit" }),
    event(4, { type: "first-visit-attended" }),
    event(3, { type: "scheduled", clinicianId: "clin-ana", appointmentDate: day(start + 8) }),
    event(2, { type: "contacted" }),
    event(1, { type: "contact-attempted", channel: "phone" }),
    event(0, { type: "received", referrerId: `ref-${index}`, addressedTo: "practice", clinicianId: "clin-ana", urgency: "routine" }),
  ];
}

/** Referral `index`'s outbound events: sent to a referrer of its own, accepted, the client connected. */
function outbound(index: number): OutboundEventInput[] {
  const referralId = `out-${index}`;
  const date = day(2_000 + (index % 60));
  return [
    { id: `${referralId}-2`, referralId, date, type: "client-connected" },
    { id: `${referralId}-1`, referralId, date, type: "accepted" },
    {
      id: `${referralId}-0`,
      referralId,
      date,
      type: "sent",
      clinicianId: "clin-ana",
      toClinicianId: `clin-${index}`,
      referrerId: `ref-${index}`,
      optionsGiven: 2,
    },
  ];
}

describe("growth: intake", () => {
  it("intakeMeasures: inbound and outbound referrals, each from a referrer of its own", () => {
    const records = (n: number) => ({
      inbound: Array.from({ length: n }, (_, i) => inbound(i)),
      outbound: Array.from({ length: n }, (_, i) => outbound(i)),
    });
    const options = { now: day(2_100), period: { start: day(1_990), end: day(2_100) } };
    const ratio = growthRatio(
      125,
      records,
      repeated(4, (input) => intakeMeasures(input, options)),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("outboundStatus: events of one referral, out of order, and a holiday on every working day", () => {
    const input = (n: number) => {
      const kinds = ["accepted", "receiver-thanked", "declined-by-receiver", "client-declined"] as const;
      const events = Array.from({ length: n - 1 }, (_, i): OutboundEventInput => ({
        id: `o${n - i}`,
        referralId: "rf-1",
        date: day(1 + ((n - i) % 40)),
        type: kinds[i % 4] as (typeof kinds)[number],
      }));
      const sent: OutboundEventInput = {
        id: "o0",
        referralId: "rf-1",
        date: day(0),
        type: "sent",
        clinicianId: "clin-ana",
        toClinicianId: "clin-osei",
        optionsGiven: 2,
      };
      return { events: [...events, sent], holidays: Array.from({ length: n }, (_, i) => day(i)) };
    };
    const ratio = growthRatio(
      1_000,
      input,
      repeated(10, ({ events, holidays }) => outboundStatus(events, { now: day(9_000), holidays, policy: { checkConnected: 260 } })),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("reviewWaitlist: clients waiting, each preferring twenty clinicians, past the places there are", () => {
    const matcher = createMatcher({
      clinicians: Array.from({ length: 40 }, (_, i) => clinicianWith(`clin-${i}`, { practiceId: i % 2 === 0 ? "harbour" : "elsewhere" })),
    });
    const waitlist = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: `w-${i}`,
        dateAdded: day(2_000 + (i % 90)),
        urgency: i % 5 === 0 ? ("urgent" as const) : ("routine" as const),
        maxWaitDays: 60,
        criteria: { location: { jurisdiction: "US-OR" }, require: { populations: ["adults"] } },
        preferredClinicianIds: Array.from({ length: 20 }, (_, p) => `clin-${(i + 2 * p) % 40}`),
      }));
    const ratio = growthRatio(100, waitlist, (entries) => reviewWaitlist(entries, matcher, { now: day(2_100), practiceId: "harbour" }), 3);
    expect(ratio).toBeLessThanOrEqual(2);
  });
});

const ICD = "http://hl7.org/fhir/sid/icd-10-cm";
const MAPPED = ["F32.1", "F33.0", "F41.0", "F41.1", "F42.2", "F43.10", "F50.0", "Z99.9"];

/** A consent whose `n` deny provisions each name twenty other recipients, half by identifier, and that lifts and replaces `n` others. */
function consentOfSize(n: number): ConsentInput {
  return {
    id: "cons-1",
    clientId: "cl-1",
    status: "active",
    kind: "general",
    signed: day(2_000),
    period: { start: day(2_000), end: day(2_400) },
    recipients: Array.from({ length: 10 }, (_, r) => ({ referrerId: `ref-${r}` })),
    purposes: ["COC", "TREAT"],
    categories: ["acknowledgement", "attendance", "progress-summary", "diagnosis"],
    deny: Array.from({ length: n }, (_, p) => ({
      id: `deny-${p}`,
      recipients: Array.from({ length: 20 }, (_, r) =>
        r % 2 === 0 ? { referrerId: `ref-other-${p}-${r}` } : { identifier: { system: "https://ids.example/staff", value: `X${p}-${r}` } },
      ),
      categories: [["attendance", "diagnosis", "progress-summary"][p % 3] as string],
      dataPeriod: { start: day(2_000 + p), end: day(2_010 + p) },
    })),
    lifts: Array.from({ length: n }, (_, p) => ({ consentId: `cons-old-${p}`, provisionId: `deny-${p}` })),
    replaces: Array.from({ length: n }, (_, p) => `cons-older-${p}`),
  };
}

/** An assessment with `n` findings (a move, repeated) and `n` clinicians excluded by its criteria. */
function assessmentOfSize(n: number) {
  const base = assessReferral(
    {
      client: { ...clientWith("cl-1"), plannedMoves: [{ date: day(2_150), to: { jurisdiction: "US-WA" } }] },
      clinician: clinicianWith("clin-ana", { telehealth: false }),
      episode: { start: day(1_990) },
    },
    { now: day(2_100) },
  );
  const finding = base.findings[0] as (typeof base.findings)[number];
  const { criteria } = base;
  return {
    ...base,
    findings: Array.from({ length: n }, () => finding),
    criteria: { ...criteria, require: { ...criteria.require, excludeClinicianIds: Array.from({ length: n }, (_, i) => `clin-${i}`) } },
  };
}

describe("growth: FHIR in and out", () => {
  it("clientFromFhir: conditions, and coverages of which a tenth are in force", () => {
    const input = (n: number) => ({
      patient: {
        resourceType: "Patient" as const,
        id: "cl-07",
        birthDate: "1990-04-12",
        address: [{ use: "home" as const, state: "OR", country: "US" }],
      },
      coverages: Array.from({ length: n }, (_, i) => ({
        resourceType: "Coverage" as const,
        status: i % 10 === 0 ? ("active" as const) : ("draft" as const),
        beneficiary: { reference: "Patient/cl-07" },
        payor: [{ reference: `Organization/payer-${i}` }],
        period: { start: day(i), end: day(i + 3_000) },
      })),
      conditions: Array.from({ length: n }, (_, i) => ({
        resourceType: "Condition" as const,
        subject: { reference: "Patient/cl-07" },
        code: { coding: [{ system: ICD, code: MAPPED[i % MAPPED.length] as string }] },
      })),
    });
    const ratio = growthRatio(
      100,
      input,
      repeated(30, ({ patient, coverages, conditions }) => clientFromFhir(patient, coverages, conditions, { now: day(2_100) })),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("clinicianFromFhir: roles, each in a network of its own, and the insurance plans of those networks", () => {
    const input = (n: number) => ({
      practitioner: {
        resourceType: "Practitioner" as const,
        id: "ana",
        name: [{ given: ["Ana"], family: "Ruiz" }],
        communication: [{ coding: [{ system: "urn:ietf:bcp:47", code: "en" }] }],
        extension: [{ url: FhirExtensions.population, valueString: "adults" }],
      },
      roles: Array.from({ length: n }, (_, i) => ({
        resourceType: "PractitionerRole" as const,
        practitioner: { reference: "Practitioner/ana" },
        code: [{ coding: [{ system: "http://nucc.org/provider-taxonomy", code: "101YP2500X" }] }],
        extension: [{ url: FhirExtensions.networkReference, valueReference: { reference: `Organization/network-${i}` } }],
      })),
      insurancePlans: Array.from({ length: n }, (_, i) => ({
        resourceType: "InsurancePlan" as const,
        id: `plan-${i}`,
        ownedBy: { reference: `Organization/payer-${i % 400}` },
        network: [{ reference: `Organization/network-${i}` }],
        period: { start: day(0) },
      })),
    });
    const ratio = growthRatio(
      125,
      input,
      repeated(15, ({ practitioner, roles, insurancePlans }) =>
        clinicianFromFhir(practitioner, roles, { insurancePlans, timeZone: "America/Los_Angeles" }),
      ),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("consentToFhir: deny provisions, each naming twenty recipients, and consents lifted and replaced", () => {
    const ratio = growthRatio(6, consentOfSize, repeated(100, consentToFhir));
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("consentFromFhir: deny provisions, each naming twenty recipients, and consents lifted and replaced", () => {
    const ratio = growthRatio(
      6,
      (n) => consentToFhir(consentOfSize(n)),
      repeated(60, (resource) => consentFromFhir(resource)),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("disclosureToFhir: categories disclosed and consents relied on", () => {
    const record = (n: number): DisclosureRecord => ({
      date: day(2_100),
      clientId: "cl-01",
      recipient: { referrerId: "ref-gp-01", name: "Dr Mei Lin", identifiers: [] },
      description: "Progress update",
      purpose: { code: "COC", text: "Coordination of care" },
      basis: Array.from({ length: n }, (_, i) => `cons-${i}`),
      rules: [],
      emergency: false,
      kind: "progress",
      categories: Array.from({ length: n }, (_, i) => `category-${i}`),
      factIds: [],
      confidentiality: "R",
      sensitivity: ["BH"],
      part2: false,
    });
    const ratio = growthRatio(
      60,
      record,
      repeated(60, (input) =>
        disclosureToFhir(input, { recorded: `${day(2_100)}T09:00:00Z`, discloser: { reference: "Organization/harbour" } }),
      ),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("referralToFhir: findings, and clinicians the criteria exclude", () => {
    const clinician = clinicianWith("clin-kai");
    const ratio = growthRatio(
      120,
      assessmentOfSize,
      repeated(20, (assessment) => referralToFhir(assessment, clinician, { now: day(2_100) })),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("transactionBundle: resources, each listed twice", () => {
    const resources = (n: number) =>
      Array.from({ length: 2 * n }, (_, i) => ({
        resourceType: "Task" as const,
        id: `task-${i >> 1}`,
        status: "requested" as const,
        intent: "order" as const,
        description: `Task ${i >> 1}`,
      }));
    const ratio = growthRatio(
      500,
      resources,
      repeated(15, (list) => transactionBundle(list)),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });

  // Texts stay under 100 KB, as normalizeTag's do above.
  it("updateToFhir: the text of the update", () => {
    const composed = composeUpdate(largeRequest({ consents: 1, provisions: 0, recipients: 1, facts: 4 }));
    const withText = (n: number): ComposedUpdate => ({
      ...composed,
      update: {
        ...(composed.update as NonNullable<ComposedUpdate["update"]>),
        text: "- Attended the session and practised the plan.\n".repeat(n),
      },
    });
    const ratio = growthRatio(
      250,
      withText,
      repeated(15, (input) => updateToFhir(input, { now: day(2_100) })),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });
});

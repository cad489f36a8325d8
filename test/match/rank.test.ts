import { describe, expect, it } from "vitest";
import { Client, type Clinician } from "referwell";
import { createMatcher, MatchRequest, type MatchRequestInput } from "referwell/match";

type CriteriaInput = NonNullable<MatchRequestInput["criteria"]>;

const base: Clinician = {
  id: "x",
  name: "x",
  discipline: "psychologist",
  credentials: [],
  practiceId: "harbour",
  licensure: { licenses: [{ jurisdiction: "US-OR" }], compacts: [] },
  problemAreas: ["depression", "anxiety"],
  modalities: ["cbt"],
  populations: ["adults"],
  languages: ["en"],
  insurancePanels: [{ payerId: "aetna", period: { start: "2020-01-01" } }],
  fee: { currency: "USD", minorUnits: 18000 },
  locations: [{ id: "pdx", jurisdiction: "US-OR", point: { lat: 45.52, lon: -122.68 } }],
  telehealth: true,
  availability: { timeZone: "America/Los_Angeles", slots: [{ day: "mon", start: "09:00", end: "17:00" }] },
  acceptingNewClients: true,
  capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2, newClientsThisWeek: 0, expectedWaitDays: 7 },
};
const clinician = (id: string, changes: Partial<Clinician> = {}): Clinician => ({ ...base, id, name: id, ...changes });
const NOW = { now: "2026-11-23T09:00:00-08:00", limit: 100 };
const compacts = [{ id: "psypact", name: "PSYPACT", members: ["US-OR", "US-WA"], modes: ["telehealth" as const], source: "test" }];

const reasonsFor = (clinicians: Clinician[], criteria: CriteriaInput, id: string) =>
  createMatcher({ clinicians, compacts })
    .explain({ criteria }, id, NOW)
    .failures.map((f) => f.reason);

describe("hard constraints, one at a time", () => {
  const where = { location: { jurisdiction: "US-OR", point: { lat: 45.5, lon: -122.6 } } };

  it("excluded clinicians and practices", () => {
    expect(reasonsFor([clinician("a")], { ...where, require: { excludeClinicianIds: ["a"] } }, "a")).toContain("clinician-excluded");
    expect(reasonsFor([clinician("a")], { ...where, require: { excludePracticeIds: ["harbour"] } }, "a")).toContain("practice-excluded");
  });

  it("level of care: a clinician who lists none offers outpatient care only", () => {
    const iop = clinician("a", { levelsOfCare: ["outpatient", "intensive-outpatient"] });
    expect(reasonsFor([iop], { ...where, require: { levelOfCare: "intensive-outpatient" } }, "a")).toEqual([]);
    expect(reasonsFor([clinician("a")], { ...where, require: { levelOfCare: "outpatient" } }, "a")).toEqual([]);
    const explained = createMatcher({ clinicians: [clinician("a")] }).explain(
      { criteria: { ...where, require: { levelOfCare: "psychiatric-evaluation", disciplines: ["psychiatrist", "PMHNP"] } } },
      "a",
      NOW,
    );
    expect(explained.failures.map((f) => [f.reason, f.text])).toEqual([
      ["discipline-not-wanted", "Is not a psychiatrist or psychiatric nurse practitioner."],
      ["level-of-care-not-offered", "Does not offer psychiatric evaluation."],
    ]);
  });

  it("urgency caps the wait: urgent 2 calendar days, soon 10 business days from the start date", () => {
    const waiting = (days: number) => clinician("a", { capacity: { ...base.capacity, expectedWaitDays: days } });
    // Friday 2026-11-27: ten business days later is Friday 2026-12-11, 14 calendar days on.
    const soon = { ...where, startDate: "2026-11-27", urgency: "soon" as const };
    expect(reasonsFor([waiting(14)], soon, "a")).toEqual([]);
    expect(reasonsFor([waiting(15)], soon, "a")).toEqual(["wait-too-long"]);
    expect(reasonsFor([waiting(2)], { ...where, urgency: "urgent" }, "a")).toEqual([]);
    const explained = createMatcher({ clinicians: [waiting(3)] }).explain({ criteria: { ...where, urgency: "urgent" } }, "a", NOW);
    expect(explained.failures.map((f) => f.text)).toEqual([
      "The usual wait (3 days) is longer than the 2 days an urgent referral may wait.",
    ]);
    expect(reasonsFor([waiting(300)], { ...where, urgency: "routine" }, "a")).toEqual([]);
  });

  it("accepting, caseload and this week's places", () => {
    expect(reasonsFor([clinician("a", { acceptingNewClients: false })], where, "a")).toEqual(["not-accepting"]);
    expect(reasonsFor([clinician("a", { capacity: { ...base.capacity, caseloadCurrent: 25 } })], where, "a")).toEqual(["caseload-full"]);
    expect(reasonsFor([clinician("a", { capacity: { ...base.capacity, newClientsThisWeek: 2 } })], where, "a")).toEqual([
      "weekly-limit-reached",
    ]);
  });

  it("populations, problem areas, modalities, languages and disciplines, by code", () => {
    expect(reasonsFor([clinician("a")], { ...where, require: { populations: ["Teens"] } }, "a")).toEqual(["population-not-served"]);
    expect(reasonsFor([clinician("a")], { ...where, require: { populations: ["older adults"] } }, "a")).toEqual([]);
    expect(reasonsFor([clinician("a")], { ...where, require: { problemAreas: ["PTSD"] } }, "a")).toEqual(["problem-area-not-treated"]);
    expect(reasonsFor([clinician("a")], { ...where, require: { modalities: ["Cognitive Behavioural Therapy"] } }, "a")).toEqual([]);
    expect(reasonsFor([clinician("a")], { ...where, require: { languages: ["es"] } }, "a")).toEqual(["language-not-spoken"]);
    expect(reasonsFor([clinician("a")], { ...where, require: { languages: ["en-GB"] } }, "a")).toEqual([]);
    expect(reasonsFor([clinician("a")], { ...where, require: { disciplines: ["psychiatrist", "PMHNP"] } }, "a")).toEqual([
      "discipline-not-wanted",
    ]);
  });

  it("the usual wait, when the client has a maximum", () => {
    expect(reasonsFor([clinician("a")], { ...where, require: { maxWaitDays: 6 } }, "a")).toEqual(["wait-too-long"]);
    expect(reasonsFor([clinician("a")], { ...where, require: { maxWaitDays: 7 } }, "a")).toEqual([]);
  });

  it("payment: in network on the start date, plan by plan, or self-pay within budget", () => {
    const aetna = { payers: [{ payerId: "aetna" }] };
    expect(reasonsFor([clinician("a")], { ...where, require: { payment: aetna } }, "a")).toEqual([]);
    const ended = clinician("a", { insurancePanels: [{ payerId: "aetna", period: { start: "2020-01-01", end: "2026-11-22" } }] });
    expect(reasonsFor([ended], { ...where, require: { payment: aetna } }, "a")).toEqual(["not-in-network"]);
    expect(reasonsFor([ended], { ...where, startDate: "2026-11-22", expectedWeeks: 0, require: { payment: aetna } }, "a")).toEqual([]);
    const plans = clinician("a", { insurancePanels: [{ payerId: "aetna", plans: ["hmo"], period: { start: "2020-01-01" } }] });
    expect(reasonsFor([plans], { ...where, require: { payment: { payers: [{ payerId: "aetna", planId: "ppo" }] } } }, "a")).toEqual([
      "not-in-network",
    ]);
    expect(reasonsFor([plans], { ...where, require: { payment: { payers: [{ payerId: "aetna", planId: "hmo" }] } } }, "a")).toEqual([]);
    // A coverage without a plan id against a plan-limited panel fails closed.
    expect(reasonsFor([plans], { ...where, require: { payment: aetna } }, "a")).toEqual(["verify-benefits"]);
    const budget = (minorUnits: number, currency = "USD") => ({ ...where, require: { payment: { maxSelfPay: { currency, minorUnits } } } });
    expect(reasonsFor([clinician("a")], budget(18000), "a")).toEqual([]);
    expect(reasonsFor([clinician("a")], budget(17999), "a")).toEqual(["self-pay-unaffordable"]);
    expect(reasonsFor([clinician("a", { slidingScaleFloor: { currency: "USD", minorUnits: 9000 } })], budget(9000), "a")).toEqual([]);
    expect(reasonsFor([clinician("a")], budget(50000, "GBP"), "a")).toEqual(["self-pay-unaffordable"]);
  });

  it("self-pay: the route names what the client pays, the fee or else the sliding-scale floor, to the minor unit past 2³¹", () => {
    const payment = (changes: Partial<Clinician>, minorUnits: number) =>
      createMatcher({ clinicians: [clinician("a", changes)] }).explain(
        { criteria: { ...where, require: { payment: { maxSelfPay: { currency: "USD", minorUnits } } } } },
        "a",
        NOW,
      ).option?.payment;
    const sliding = { fee: { currency: "USD", minorUnits: 18000 }, slidingScaleFloor: { currency: "USD", minorUnits: 9000 } };
    expect(payment(sliding, 18000)).toEqual({ via: "self-pay", amount: { currency: "USD", minorUnits: 18000 }, slidingScale: false });
    expect(payment(sliding, 17999)).toEqual({ via: "self-pay", amount: { currency: "USD", minorUnits: 9000 }, slidingScale: true });
    expect(payment(sliding, 8999)).toBeUndefined();
    // An amount is kept in two numbers split at 2³¹: both parts count.
    const large = { fee: { currency: "USD", minorUnits: 2 ** 31 + 5 } };
    expect(payment(large, 2 ** 31 + 4)).toBeUndefined();
    expect(payment(large, 2 ** 31 + 5)).toEqual({
      via: "self-pay",
      amount: { currency: "USD", minorUnits: 2 ** 31 + 5 },
      slidingScale: false,
    });
  });

  it("network on every date: a panel ending inside the expected course fails with its date, or warns by policy", () => {
    const aetna = { ...where, startDate: "2026-11-23", require: { payment: { payers: [{ payerId: "aetna" }] } } };
    const ending = clinician("a", { insurancePanels: [{ payerId: "aetna", period: { start: "2020-01-01", end: "2026-11-30" } }] });
    const failures = createMatcher({ clinicians: [ending] }).explain({ criteria: aetna }, "a", NOW).failures;
    expect(failures).toEqual([
      {
        constraint: "payment",
        reason: "network-ends-during-care",
        text: "In network with the client's payer only until 2026-11-30, before the expected course ends on 2027-02-14.",
      },
    ]);
    // Twelve weeks by default; a shorter expected course that ends with the panel passes.
    expect(reasonsFor([ending], { ...aetna, expectedWeeks: 1 }, "a")).toEqual([]);
    expect(reasonsFor([ending], { ...aetna, expectedWeeks: 2 }, "a")).toEqual(["network-ends-during-care"]);
    // A renewal that starts the day after the panel ends keeps the clinician in network.
    const renewed = clinician("a", {
      insurancePanels: [...ending.insurancePanels, { payerId: "aetna", period: { start: "2026-12-01", end: "2027-12-31" } }],
    });
    expect(reasonsFor([renewed], aetna, "a")).toEqual([]);
    const option = createMatcher({ clinicians: [ending] }, { panelEndsDuringCare: "warn" }).explain({ criteria: aetna }, "a", NOW).option;
    expect(option?.payment).toEqual({ via: "insurance", payerId: "aetna", networkEndsOn: "2026-11-30" });
    expect(option?.warnings).toEqual([
      "In network with the client's payer only until 2026-11-30, before the expected course ends on 2027-02-14.",
    ]);
  });

  it("an associate is refused by a payer that does not pay for pre-licensed care, and fine for one that does", () => {
    const associate = clinician("a", {
      licensure: { licenses: [{ jurisdiction: "US-OR" }], compacts: [], status: "pre-licensed", supervisorId: "sup" },
      insurancePanels: [
        { payerId: "medicare", period: { start: "2020-01-01" } },
        { payerId: "aetna", period: { start: "2020-01-01" } },
      ],
    });
    const payers = [
      { id: "medicare", name: "Medicare", acceptsAssociates: false },
      { id: "aetna", name: "Aetna" },
    ];
    const paying = (payerId: string): CriteriaInput => ({ ...where, require: { payment: { payers: [{ payerId }] } } });
    const matcher = createMatcher({ clinicians: [associate], payers });
    expect(matcher.explain({ criteria: paying("medicare") }, "a", NOW).failures).toEqual([
      {
        constraint: "payment",
        reason: "associate-not-accepted",
        text: "The client's payer does not pay for care by pre-licensed clinicians.",
      },
    ]);
    expect(matcher.explain({ criteria: paying("aetna") }, "a", NOW).eligible).toBe(true);
    // Without a supervisor of record, nowhere.
    const unsupervised = clinician("u", { licensure: { licenses: [{ jurisdiction: "US-OR" }], compacts: [], status: "pre-licensed" } });
    expect(reasonsFor([unsupervised], where, "u")).toEqual(["not-licensed-in-person", "not-licensed-telehealth"]);
  });

  it("a UK counsellor on an accredited register is not failed for lacking a licence", () => {
    const london = { location: { jurisdiction: "GB-ENG" }, require: { modes: ["telehealth" as const] } };
    const counsellor = clinician("uk", {
      discipline: "counsellor",
      licensure: { licenses: [], compacts: [] },
      locations: [],
    });
    const regulations = [{ jurisdiction: "GB", discipline: "counselor", licenceRequired: false, source: "test" }];
    expect(
      createMatcher({ clinicians: [counsellor], regulations })
        .rank({ criteria: london }, NOW)
        .options.map((o) => o.clinicianId),
    ).toEqual(["uk"]);
    expect(reasonsFor([counsellor], london, "uk")).toEqual(["not-licensed-telehealth"]);
    // Another rule for the same place and discipline (another spelling of it), listed first, says a licence is needed: required.
    const contradicted = [
      { jurisdiction: "GB", discipline: "professional counselor", licenceRequired: true, source: "test" },
      ...regulations,
    ];
    const matcher = createMatcher({ clinicians: [counsellor], regulations: contradicted });
    expect(matcher.rank({ criteria: london }, NOW).options).toEqual([]);
    expect(matcher.explain({ criteria: london }, "uk", NOW).failures.map((failure) => failure.reason)).toEqual(["not-licensed-telehealth"]);
  });

  it("telehealth follows the client: a student's term-time stay needs a licence there too", () => {
    const student: CriteriaInput = {
      location: { jurisdiction: "US-OR" },
      startDate: "2026-09-01",
      expectedWeeks: 12,
      stays: [{ place: { jurisdiction: "US-WA" }, period: { start: "2026-09-20", end: "2026-12-12" } }],
      require: { modes: ["telehealth"] },
    };
    const explained = createMatcher({ clinicians: [clinician("a")] }).explain({ criteria: student }, "a", NOW);
    expect(explained.failures.map((f) => f.text)).toEqual(["Not licensed for telehealth to US-WA on 2026-09-20."]);
    expect(reasonsFor([clinician("a")], { ...student, stays: [] }, "a")).toEqual([]);
  });

  it("care mode: telehealth where licensed for the client's location, in person within reach", () => {
    const wa = { location: { jurisdiction: "US-WA", point: { lat: 47.6, lon: -122.3 } } };
    expect(reasonsFor([clinician("a")], wa, "a")).toEqual(["office-out-of-range", "not-licensed-telehealth"]);
    const underCompact = clinician("a", { licensure: { licenses: [{ jurisdiction: "US-OR" }], compacts: [{ compactId: "psypact" }] } });
    expect(reasonsFor([underCompact], wa, "a")).toEqual([]);
    expect(reasonsFor([underCompact], { ...wa, require: { modes: ["in-person"] } }, "a")).toEqual(["office-out-of-range"]);
    // Across the river: a Vancouver, WA client can reach a Portland office, where the clinician is licensed.
    const vancouver: CriteriaInput = {
      location: { jurisdiction: "US-WA", point: { lat: 45.64, lon: -122.66 } },
      require: { modes: ["in-person"] },
    };
    expect(reasonsFor([clinician("a")], vancouver, "a")).toEqual([]);
    expect(reasonsFor([clinician("a", { telehealth: false })], { ...where, require: { modes: ["telehealth"] } }, "a")).toEqual([
      "telehealth-not-offered",
    ]);
  });

  it("a planned move counts: telehealth must be licensed where the client will be during the course", () => {
    const client = Client.parse({
      id: "cl-03",
      ageGroup: "adult",
      residence: { jurisdiction: "US-OR" },
      plannedMoves: [{ date: "2026-12-15", to: { jurisdiction: "US-CA" } }],
      needs: { problemAreas: ["anxiety"] },
      preferences: { mode: "telehealth" },
    });
    const matcher = createMatcher({ clinicians: [clinician("a")] });
    // Licensed in Oregon only: care that starts before the move would go on after it, in California.
    expect(matcher.explain({ client }, "a", { now: "2026-12-01" }).failures.map((f) => f.reason)).toEqual(["not-licensed-telehealth"]);
    expect(matcher.explain({ client }, "a", { now: "2026-12-15" }).failures.map((f) => f.reason)).toEqual(["not-licensed-telehealth"]);
    // A course that ends before the move needs Oregon alone.
    const short = createMatcher({ clinicians: [clinician("a")] }, { expectedWeeks: 1 });
    expect(short.explain({ client }, "a", { now: "2026-12-01" }).eligible).toBe(true);
  });
});

describe("ranking", () => {
  const criteria = {
    location: { jurisdiction: "US-OR" },
    prefer: { problemAreas: ["trauma", "sleep"], languages: ["es"] },
  };

  it("ranks by explained score, best first, ties by id", () => {
    const result = createMatcher({
      clinicians: [
        clinician("b", { problemAreas: ["trauma"] }),
        clinician("a", { problemAreas: ["trauma"] }),
        clinician("c", { problemAreas: ["trauma", "sleep"], languages: ["en", "es"] }),
      ],
    }).rank({ criteria }, NOW);
    expect(result.options.map((o) => o.clinicianId)).toEqual(["c", "a", "b"]);
    expect(result.recommendation).toEqual({
      kind: "single",
      clinicianIds: ["c"],
      leadBy: (result.options[0]?.score ?? 0) - (result.options[1]?.score ?? 0),
    });
    const needs = result.options[1]?.parts.find((p) => p.criterion === "needs");
    expect(needs?.fit).toBeCloseTo(2 / 3, 12);
    expect(needs?.reason).toBe("Treats trauma and PTSD; not sleep problems.");
  });

  it("gives a choice when no option leads by the margin", () => {
    const result = createMatcher({ clinicians: [clinician("a"), clinician("b"), clinician("c"), clinician("d")] }).rank({ criteria }, NOW);
    expect(result.recommendation).toEqual({ kind: "choice", clinicianIds: ["a", "b", "c"] });
  });

  it("explains an unknown clinician without throwing", () => {
    expect(createMatcher({ clinicians: [] }).explain({ criteria }, "nobody", NOW)).toEqual({
      clinicianId: "nobody",
      known: false,
      eligible: false,
      failures: [],
      unknownTags: [],
    });
  });

  it("outcome data counts more for severe clients", () => {
    const rated = clinician("r", { outcomes: [{ problemArea: "trauma", rating: "effective", cases: 30 }], problemAreas: ["trauma"] });
    const unrated = clinician("u", { problemAreas: ["trauma", "sleep"] });
    const rank = (severity: "mild" | "severe") =>
      createMatcher({ clinicians: [rated, unrated] })
        .rank({ criteria: { ...criteria, severity } }, NOW)
        .options.map((o) => o.clinicianId);
    expect(rank("mild")).toEqual(["u", "r"]);
    expect(rank("severe")).toEqual(["r", "u"]);
  });
});

describe("what clients ask for", () => {
  const affirming = clinician("a", { populations: ["adults", "LGBTQ+"], faiths: ["Muslim"], birthYear: 1985, worksWithInterpreters: true });
  const other = clinician("b", { birthYear: 1960 });
  const asking = (must: ("populations" | "faiths" | "clinicianAge" | "interpreter")[]): CriteriaInput => ({
    location: { jurisdiction: "US-OR" },
    startDate: "2026-11-23",
    prefer: { populations: ["gender identity"], faiths: ["muslim"], clinicianAge: { min: 30, max: 45 }, interpreter: "fa", must },
  });

  it("soft by default: a clinician who meets them ranks first, the other stays an option", () => {
    const { options } = createMatcher({ clinicians: [other, affirming] }).rank({ criteria: asking([]) }, NOW);
    expect(options.map((o) => o.clinicianId)).toEqual(["a", "b"]);
    expect(options[1]?.parts.find((p) => p.criterion === "identity")?.reason).toBe(
      "Does not meet the populations asked for, faith-integrated care as asked, the clinician age range asked for and work with an interpreter.",
    );
  });

  it("hard when the client says must", () => {
    const matcher = createMatcher({ clinicians: [other, affirming] });
    expect(matcher.rank({ criteria: asking(["populations"]) }, NOW).options.map((o) => o.clinicianId)).toEqual(["a"]);
    expect(matcher.explain({ criteria: asking(["clinicianAge", "interpreter"]) }, "b", NOW).failures.map((f) => f.text)).toEqual([
      "Does not meet a must of the client's: the clinician age range.",
      "Does not meet a must of the client's: working with an interpreter.",
    ]);
  });
});

describe("what a practice looks for in a partner (seed 003), where a host asks", () => {
  // Two open clinicians who differ only in practice size and how full their caseload is.
  const solo = clinician("solo", {
    practiceId: "solo-practice",
    problemAreas: ["trauma"],
    capacity: { ...base.capacity, caseloadCurrent: 22 },
  });
  const group = ["g1", "g2", "g3"].map((id) =>
    clinician(id, { practiceId: "group", problemAreas: ["trauma"], capacity: { ...base.capacity, caseloadCurrent: 5 } }),
  );
  const noPractice = clinician("none", {
    practiceId: undefined,
    problemAreas: ["depression"],
    capacity: { ...base.capacity, caseloadCurrent: 24 },
  });
  const where = { location: { jurisdiction: "US-OR" }, startDate: "2026-11-23" };
  const partnerPart = (criteria: CriteriaInput, id: string) =>
    createMatcher({ clinicians: [solo, ...group, noPractice] })
      .rank({ criteria }, NOW)
      .options.find((o) => o.clinicianId === id)
      ?.parts.find((p) => p.criterion === "partner");

  it("counts nothing unless asked, so other requests score as before", () => {
    expect(partnerPart(where, "solo")).toBeUndefined();
    const asked = createMatcher({ clinicians: [solo, ...group] }).rank({ criteria: where }, NOW);
    expect(asked.options.map((o) => o.clinicianId)).toEqual(["g1", "g2", "g3", "solo"]);
  });

  it("prefers a small practice: a clinician without a practice is a solo practice", () => {
    const small = { ...where, prefer: { partner: { maxPracticeClinicians: 2 } } };
    expect(partnerPart(small, "solo")).toMatchObject({ fit: 1, reason: "Works in a solo practice." });
    expect(partnerPart(small, "none")).toMatchObject({ fit: 1, reason: "Works in a solo practice." });
    expect(partnerPart(small, "g1")).toMatchObject({ fit: 0, reason: "Works in a practice of 3 clinicians, larger than 2." });
    const order = createMatcher({ clinicians: [solo, ...group] }).rank({ criteria: small }, NOW);
    expect(order.options[0]?.clinicianId).toBe("solo");
  });

  it("prefers busy clinicians who work in the whole specialty, by how full their caseload is", () => {
    const busy = { ...where, prefer: { partner: { busyIn: ["PTSD"] } } };
    expect(partnerPart(busy, "solo")).toMatchObject({
      fit: 22 / 25,
      reason: "Works in the same specialty (trauma and PTSD) with a caseload 88% full.",
    });
    expect(partnerPart(busy, "g1")?.fit).toBe(5 / 25);
    expect(partnerPart(busy, "none")).toMatchObject({ fit: 0, reason: "Does not work in the whole specialty (trauma and PTSD)." });
    const both = { ...where, prefer: { partner: { busyIn: ["trauma"], maxPracticeClinicians: 1 } } };
    expect(partnerPart(both, "g1")?.fit).toBeCloseTo((0 + 5 / 25) / 2, 12);
  });

  it("never makes a full clinician an option: room is still required", () => {
    const full = clinician("full", { problemAreas: ["trauma"], capacity: { ...base.capacity, caseloadCurrent: 25 } });
    const ranked = createMatcher({ clinicians: [full, solo] }).rank(
      { criteria: { ...where, prefer: { partner: { busyIn: ["trauma"] } } } },
      NOW,
    );
    expect(ranked.options.map((o) => o.clinicianId)).toEqual(["solo"]);
  });
});

describe("outcome veto", () => {
  // The review's case: ineffective with the primary need on 40 cases, effective with sleep.
  const vetoed = clinician("v", {
    problemAreas: ["depression", "sleep"],
    outcomes: [
      { problemArea: "depression", rating: "ineffective", cases: 40 },
      { problemArea: "sleep", rating: "effective", cases: 40 },
    ],
  });
  const neutral = clinician("n", { problemAreas: ["depression", "sleep"] });
  const severe: CriteriaInput = {
    location: { jurisdiction: "US-OR" },
    severity: "severe",
    prefer: { problemAreas: ["depression", "sleep"] },
  };

  it("excludes a clinician rated ineffective with the primary need, by default", () => {
    const matcher = createMatcher({ clinicians: [vetoed, neutral] });
    expect(matcher.rank({ criteria: severe }, NOW).options.map((o) => o.clinicianId)).toEqual(["n"]);
    expect(matcher.explain({ criteria: severe }, "v", NOW).failures).toEqual([
      {
        constraint: "outcome",
        reason: "ineffective-on-primary-need",
        text: "Rated ineffective with the primary need, depression (40 cases).",
      },
    ]);
  });

  it("under the penalty policy, ranks it below a neutral clinician: an effective rating elsewhere does not offset it", () => {
    const matcher = createMatcher({ clinicians: [vetoed, neutral] }, { ineffectiveOnPrimary: "penalize" });
    const { options } = matcher.rank({ criteria: severe }, NOW);
    expect(options.map((o) => o.clinicianId)).toEqual(["n", "v"]);
    expect(options[1]?.parts.find((p) => p.criterion === "outcomes")?.fit).toBe(0);
  });

  it("of an area's ratings that disagree, an ineffective one on enough cases counts, in either order and by any spelling", () => {
    const ineffective = { problemArea: "depression", rating: "ineffective" as const, cases: 200 };
    const effective = { problemArea: "depression", rating: "effective" as const, cases: 20 };
    for (const outcomes of [
      [ineffective, effective],
      [effective, ineffective],
      [{ ...ineffective, problemArea: "MDD" }, effective],
    ]) {
      const both = clinician("b", { problemAreas: ["depression", "sleep"], outcomes });
      const matcher = createMatcher({ clinicians: [both, neutral] });
      expect(matcher.rank({ criteria: severe }, NOW).options.map((o) => o.clinicianId)).toEqual(["n"]);
      expect(matcher.explain({ criteria: severe }, "b", NOW).failures.map((failure) => failure.text)).toEqual([
        "Rated ineffective with the primary need, depression (200 cases).",
      ]);
      const penalized = createMatcher({ clinicians: [both] }, { ineffectiveOnPrimary: "penalize" }).rank({ criteria: severe }, NOW);
      expect(penalized.options[0]?.parts.find((p) => p.criterion === "outcomes")?.fit).toBe(0);
    }
    // An ineffective rating on too few cases is no evidence beside an effective one on enough.
    const weak = clinician("w", {
      problemAreas: ["depression"],
      outcomes: [{ ...ineffective, cases: 14 }, effective],
    });
    expect(createMatcher({ clinicians: [weak] }).explain({ criteria: severe }, "w", NOW).eligible).toBe(true);
  });

  it("counts a rating only from 15 cases", () => {
    const few = clinician("f", {
      problemAreas: ["depression"],
      outcomes: [{ problemArea: "depression", rating: "ineffective", cases: 14 }],
    });
    expect(createMatcher({ clinicians: [few] }).explain({ criteria: severe }, "f", NOW).eligible).toBe(true);
  });
});

describe("schedule overlap across time zones and daylight saving", () => {
  // A London client free 18:00–20:00 on Mondays; a New York clinician free 13:00–15:00.
  const ny = clinician("ny", {
    licensure: { licenses: [{ jurisdiction: "GB" }], compacts: [] },
    locations: [],
    availability: { timeZone: "America/New_York", slots: [{ day: "mon", start: "13:00", end: "15:00" }] },
  });
  const criteria = (startDate: string): CriteriaInput => ({
    startDate,
    location: { jurisdiction: "GB" },
    prefer: { schedule: { timeZone: "Europe/London", slots: [{ day: "mon", start: "18:00", end: "20:00" }] } },
  });
  const schedule = (startDate: string) =>
    createMatcher({ clinicians: [ny] })
      .explain({ criteria: criteria(startDate) }, "ny", NOW)
      .option?.parts.find((p) => p.criterion === "schedule");

  it("two hours overlap when both sides keep the same offset difference (5 h)", () => {
    expect(schedule("2026-02-02")?.reason).toBe("2 hours a week of availability within the client's times.");
    expect(schedule("2026-06-01")?.fit).toBe(1);
  });

  it("one hour in the weeks when New York has changed its clocks and London has not (4 h apart)", () => {
    expect(schedule("2026-03-09")?.reason).toBe("1 hour a week of availability within the client's times.");
    expect(schedule("2026-03-09")?.fit).toBe(0.5);
    expect(schedule("2026-10-26")?.fit).toBe(0.5);
    expect(schedule("2026-11-02")?.fit).toBe(1);
  });

  // A London clinician and a client whose week, in their own zone, starts or ends on another day in London.
  const overlapWith = (
    clinicianSlots: Clinician["availability"]["slots"],
    client: { timeZone: string; slots: Clinician["availability"]["slots"] },
    startDate = "2026-11-23",
  ) =>
    createMatcher({
      clinicians: [
        clinician("ldn", { licensure: ny.licensure, locations: [], availability: { timeZone: "Europe/London", slots: clinicianSlots } }),
      ],
    })
      .explain({ criteria: { startDate, location: { jurisdiction: "GB" }, prefer: { schedule: client } } }, "ldn", NOW)
      .option?.parts.find((p) => p.criterion === "schedule")?.reason;

  it("counts a clinician's Sunday before the week, and Monday after it, where the client's week reaches them", () => {
    // Monday 08:00 in Auckland (UTC+13 in November) is Sunday 19:00 in London, the day before the week starts there.
    const auckland = { timeZone: "Pacific/Auckland", slots: [{ day: "mon" as const, start: "08:00", end: "10:00" }] };
    expect(overlapWith([{ day: "sun", start: "19:00", end: "21:00" }], auckland)).toBe(
      "2 hours a week of availability within the client's times.",
    );
    // Sunday 18:00 in Los Angeles (UTC−8) is Monday 02:00 in London, the day after the week ends there.
    const losAngeles = { timeZone: "America/Los_Angeles", slots: [{ day: "sun" as const, start: "18:00", end: "20:00" }] };
    expect(overlapWith([{ day: "mon", start: "02:00", end: "04:00" }], losAngeles)).toBe(
      "2 hours a week of availability within the client's times.",
    );
  });

  it("counts nothing for a slot that the clocks going forward fold to nothing", () => {
    // London, Sunday 2026-03-29: 01:30 falls in the hour skipped and is read forward to 02:30, after the end, 02:15.
    const client = { timeZone: "Europe/London", slots: [{ day: "sun" as const, start: "00:00", end: "04:00" }] };
    const folded = overlapWith([{ day: "sun", start: "01:30", end: "02:15" }], client, "2026-03-23");
    expect(folded).toBe("0 hours a week of availability within the client's times.");
    expect(overlapWith([{ day: "sun", start: "03:00", end: "04:00" }], client, "2026-03-23")).toBe(
      "1 hour a week of availability within the client's times.",
    );
    // And a client's window folded the same way.
    const foldedWindow = { timeZone: "Europe/London", slots: [{ day: "sun" as const, start: "01:30", end: "02:15" }] };
    expect(overlapWith([{ day: "sun", start: "00:00", end: "04:00" }], foldedWindow, "2026-03-23")).toBe(
      "0 hours a week of availability within the client's times.",
    );
  });

  it("counts only the clinician's slots open to a mode of care the client can have", () => {
    const client = { timeZone: "Europe/London", slots: [{ day: "tue" as const, start: "09:00", end: "17:00" }] };
    const slots: Clinician["availability"]["slots"] = [
      { day: "tue", start: "09:00", end: "10:00", modes: ["in-person"] },
      { day: "tue", start: "11:00", end: "14:00", modes: ["telehealth"] },
      { day: "tue", start: "15:00", end: "17:00" },
    ];
    // No office: telehealth only, so the in-person hour does not count.
    expect(overlapWith(slots, client)).toBe("5 hours a week of availability within the client's times.");
  });
});

describe("pass to a colleague (seed 001: the best match wins)", () => {
  const criteria = {
    location: { jurisdiction: "US-OR" },
    require: { payment: { payers: [{ payerId: "cigna" }] } },
    prefer: { problemAreas: ["depression"] },
  };
  it("passes when the point person cannot take the client, with the point person's reasons", () => {
    const result = createMatcher({
      clinicians: [
        clinician("point"),
        clinician("colleague", { insurancePanels: [{ payerId: "cigna", period: { start: "2020-01-01" } }] }),
      ],
    }).rank(MatchRequest.parse({ criteria, practiceId: "harbour", pointPersonId: "point" }), NOW);
    expect(result.passTo?.to).toBe("colleague");
    expect(result.passTo?.reasons[0]).toMatch(/^Point person: Not in network/);
  });

  it("passes when a colleague leads by the margin, and not otherwise", () => {
    const open = { location: { jurisdiction: "US-OR" }, prefer: { problemAreas: ["depression", "grief"] } };
    const matcher = createMatcher({ clinicians: [clinician("point"), clinician("colleague", { problemAreas: ["depression", "grief"] })] });
    const passed = matcher.rank({ criteria: open, practiceId: "harbour", pointPersonId: "point" }, NOW).passTo;
    expect(passed?.to).toBe("colleague");
    expect(passed?.reasons).toEqual(["needs: Treats every need: depression and grief and loss."]);
    const close = matcher.rank(
      { criteria: { ...open, prefer: { problemAreas: ["depression"] } }, practiceId: "harbour", pointPersonId: "point" },
      NOW,
    );
    expect(close.passTo).toBeUndefined();
  });

  it("passes to the best colleague even when outside clinicians fill every option shown and named", () => {
    const open = { location: { jurisdiction: "US-OR" }, prefer: { problemAreas: ["depression", "grief"] } };
    const outside = (id: string) => clinician(id, { practiceId: "elsewhere", problemAreas: ["depression", "grief"] });
    // The better colleague is listed after the lesser one, and ranks behind three outside clinicians (ties go by id).
    const matcher = createMatcher({
      clinicians: [
        outside("a"),
        outside("b"),
        outside("c"),
        clinician("point"),
        clinician("colleague-lesser", { problemAreas: ["depression", "anxiety"] }),
        clinician("colleague", { problemAreas: ["depression", "grief"] }),
      ],
    });
    const result = matcher.rank(
      { criteria: open, practiceId: "harbour", pointPersonId: "point" },
      { ...NOW, limit: 1, recommendation: { minimumOptions: 1, preferredOptions: 1 } },
    );
    expect(result.options.map((option) => option.clinicianId)).toEqual(["a"]);
    expect(result.recommendation).toEqual({ kind: "choice", clinicianIds: ["a"] });
    expect(result.passTo?.to).toBe("colleague");
  });
});

describe("edges found in review", () => {
  it("an office right at the radius is found by ranking as by explaining", () => {
    const office = clinician("edge", {
      telehealth: false,
      locations: [{ id: "o", jurisdiction: "US-OR", point: { lat: 45.000005, lon: -122.68 } }],
    });
    const criteria = {
      location: { jurisdiction: "US-OR", point: { lat: 45 - 50 / 111.2 - 1e-6, lon: -122.68 } },
      require: { travelRadiusKm: 50 },
    };
    const matcher = createMatcher({ clinicians: [office] });
    expect(matcher.explain({ criteria }, "edge", NOW).eligible).toBe(true);
    expect(matcher.rank({ criteria }, NOW).eligibleCount).toBe(1);
  });

  it("a client with many coverages in force gives criteria, not a crash", () => {
    const coverage = Array.from({ length: 60 }, (_, i) => ({ payerId: `p${i}`, period: { start: "2020-01-01" } }));
    const client = Client.parse({
      id: "c",
      ageGroup: "adult",
      residence: { jurisdiction: "US-OR" },
      coverage,
      needs: { problemAreas: ["depression"] },
    });
    expect(createMatcher({ clinicians: [clinician("a")] }).explain({ client }, "a", NOW).known).toBe(true);
  });

  it("an answer's list of modes is its own: changing it changes no other answer", () => {
    const matcher = createMatcher({ clinicians: [clinician("a"), clinician("b")], compacts });
    const criteria = { location: { jurisdiction: "US-OR", point: { lat: 45.5, lon: -122.6 } } };
    const first = matcher.rank({ criteria }, NOW);
    for (const option of first.options) (option.modes as string[]).splice(0, 1, "changed");
    const again = matcher.rank({ criteria }, NOW);
    expect(again.options.map((option) => option.modes)).toEqual([
      ["in-person", "telehealth"],
      ["in-person", "telehealth"],
    ]);
    expect(matcher.explain({ criteria }, "a", NOW).option?.modes).toEqual(["in-person", "telehealth"]);
  });
});

describe("a ranking's own recommendation policy", () => {
  it("overrides the matcher's margin and counts for one call", () => {
    const matcher = createMatcher({
      clinicians: [clinician("a", { problemAreas: ["trauma", "sleep"] }), clinician("b", { problemAreas: ["trauma"] }), clinician("c")],
    });
    const criteria = { location: { jurisdiction: "US-OR" }, prefer: { problemAreas: ["trauma", "sleep"] } };
    expect(matcher.rank({ criteria }, NOW).recommendation.kind).toBe("single");
    // As a referral assessment's `options` arrive: with a `source` the matcher ignores.
    const policy = { margin: 0.5, minimumOptions: 2, preferredOptions: 2, source: "ignored" };
    const strict = matcher.rank({ criteria }, { ...NOW, recommendation: policy });
    expect(strict.recommendation).toEqual({ kind: "choice", clinicianIds: ["a", "b"] });
  });
});

describe("each part's fit and reason, word for word", () => {
  const where = { location: { jurisdiction: "US-OR", point: { lat: 45.5, lon: -122.6 } } };
  const partOf = (candidate: Clinician, prefer: CriteriaInput["prefer"], criterion: string, modes?: ("in-person" | "telehealth")[]) => {
    const explained = createMatcher({ clinicians: [candidate], compacts }).explain(
      { criteria: { ...where, ...(modes === undefined ? {} : { require: { modes } }), prefer } },
      candidate.id,
      NOW,
    );
    const part = explained.option?.parts.find((p) => p.criterion === criterion);
    return part === undefined ? undefined : [part.fit, part.reason];
  };

  it("needs: every one, none, and the primary one missing", () => {
    const a = clinician("a");
    expect(partOf(a, {}, "needs")).toEqual([1, "No needs were given."]);
    expect(partOf(a, { problemAreas: ["depression", "anxiety"] }, "needs")).toEqual([1, "Treats every need: depression and anxiety."]);
    expect(partOf(a, { problemAreas: ["trauma", "grief"] }, "needs")).toEqual([
      0,
      "Treats none of the needs (trauma and PTSD and grief and loss).",
    ]);
    // The primary need counts twice: 2 of 2 + 1 + 1 missed, 2 of 4 met.
    expect(partOf(a, { problemAreas: ["trauma", "depression", "anxiety"] }, "needs")).toEqual([
      2 / 4,
      "Treats depression and anxiety but not the primary need, trauma and PTSD.",
    ]);
    expect(partOf(a, { problemAreas: ["trauma", "depression", "grief", "anxiety"] }, "needs")).toEqual([
      2 / 5,
      "Treats depression and anxiety but not the primary need, trauma and PTSD; not grief and loss.",
    ]);
    expect(partOf(a, { problemAreas: ["depression", "grief"] }, "needs")).toEqual([2 / 3, "Treats depression; not grief and loss."]);
  });

  it("outcomes: none asked, none measured, the notes, and an ineffective rating outweighing an effective one", () => {
    const rated = clinician("r", {
      outcomes: [
        { problemArea: "depression", rating: "effective", cases: 30 },
        { problemArea: "anxiety", rating: "neutral", cases: 20 },
        { problemArea: "grief", rating: "ineffective", cases: 16 },
        { problemArea: "trauma", rating: "ineffective", cases: 14 },
      ],
    });
    expect(partOf(rated, {}, "outcomes")).toEqual([0, "No needs were given to weigh outcomes against."]);
    // Fourteen cases are too few to count (outcomeMinCases 15).
    expect(partOf(rated, { problemAreas: ["trauma"] }, "outcomes")).toEqual([0.5, "No measured outcomes for these needs."]);
    expect(partOf(rated, { problemAreas: ["anxiety", "depression"] }, "outcomes")).toEqual([
      1,
      "Measured outcomes: neutral with anxiety (20 cases); effective with depression (30 cases).",
    ]);
    expect(partOf(rated, { problemAreas: ["anxiety"] }, "outcomes")).toEqual([0.5, "Measured outcomes: neutral with anxiety (20 cases)."]);
    expect(partOf(rated, { problemAreas: ["depression", "grief"] }, "outcomes")).toEqual([
      0,
      "Measured outcomes: effective with depression (30 cases); ineffective with grief and loss (16 cases). An ineffective rating on one of the client's needs outweighs any effective one.",
    ]);
  });

  it("modality, language and gender", () => {
    const a = clinician("a", { modalities: ["cbt", "emdr"], languages: ["en", "es"], gender: "woman" });
    expect(partOf(a, {}, "modality")).toEqual([1, "No modality was preferred."]);
    expect(partOf(a, { modalities: ["dbt", "act"] }, "modality")).toEqual([0, "Offers none of the preferred modalities."]);
    expect(partOf(a, { modalities: ["emdr", "dbt"] }, "modality")).toEqual([
      1 / 2,
      "Offers Eye movement desensitisation and reprocessing.",
    ]);
    expect(partOf(a, {}, "language")).toEqual([1, "No language was preferred."]);
    expect(partOf(a, { languages: ["fr", "es"] }, "language")).toEqual([1, "Works in es."]);
    expect(partOf(a, { languages: ["fr"] }, "language")).toEqual([0, "Does not work in a preferred language."]);
    expect(partOf(a, {}, "gender")).toEqual([1, "No clinician gender was preferred."]);
    expect(partOf(a, { clinicianGenders: ["Woman"] }, "gender")).toEqual([1, "Matches the preferred clinician gender."]);
    expect(partOf(a, { clinicianGenders: ["man"] }, "gender")).toEqual([0, "Does not match the preferred clinician gender."]);
  });

  it("wait and distance", () => {
    const waiting = (expectedWaitDays?: number) => {
      const { expectedWaitDays: _, ...capacity } = base.capacity;
      return clinician("w", { capacity: expectedWaitDays === undefined ? capacity : { ...capacity, expectedWaitDays } });
    };
    expect(partOf(waiting(), {}, "wait")).toEqual([0.5, "The usual wait is not known."]);
    expect(partOf(waiting(0), {}, "wait")).toEqual([1, "No wait for a first session."]);
    // The library's default horizon is 60 days: 15 days of it leave three quarters.
    expect(partOf(waiting(15), {}, "wait")).toEqual([0.75, "Usual wait 15 days."]);
    const a = clinician("a");
    expect(partOf(a, {}, "distance")).toEqual([1, "Telehealth is possible, so distance does not matter."]);
    const inPerson = partOf(a, {}, "distance", ["in-person"]);
    expect(inPerson?.[1]).toBe("In person, 6.6 km away.");
    expect(inPerson?.[0]).toBeCloseTo(1 - 6.6 / 40, 2);
  });

  it("who the clinician is: nothing asked, everything met, and what is missed", () => {
    const a = clinician("a", { populations: ["adults", "LGBTQ+"], faiths: ["christian"], birthYear: 1980 });
    expect(partOf(a, {}, "identity")).toBeUndefined();
    expect(partOf(a, { populations: ["lgbtq-affirming"], faiths: ["Christian"] }, "identity")).toEqual([
      1,
      "Meets the populations asked for and faith-integrated care as asked.",
    ]);
    expect(partOf(a, { populations: ["lgbtq-affirming"], cultures: ["latinx"], clinicianAge: { max: 40 } }, "identity")).toEqual([
      1 / 3,
      "Does not meet the cultures asked for and the clinician age range asked for.",
    ]);
  });
});

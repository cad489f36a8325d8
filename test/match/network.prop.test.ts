import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { Client, type Clinician, type MatchCriteria } from "referwell";
import { createMatcher } from "referwell/match";
import { inNetworkOn } from "../../src/refer/internal/inNetworkOn.js";
import { COMPACTS, matchClinician } from "../arbitraries/match.js";
import { hardConstraintViolations } from "../support/hardConstraintOracle.js";

const DATES = ["2026-01-01", "2026-03-31", "2026-04-01", "2026-04-14", "2026-06-30", "2026-07-01", "2026-12-31"] as const;
const period = fc
  .record({ start: fc.constantFrom(...DATES), end: fc.option(fc.constantFrom(...DATES), { nil: undefined }) })
  .map(({ start, end }) => (end === undefined || end < start ? { start } : { start, end }));
const plan = fc.option(fc.constantFrom("gold", "silver"), { nil: undefined });
// Panels of two payers, some limited to plans, some renewing others: every payment rule gets exercised.
const panels = fc.array(
  fc.record({
    payerId: fc.constantFrom("aetna", "cigna"),
    plans: fc.option(fc.subarray(["gold", "silver"], { minLength: 1 }), { nil: undefined }),
    period,
  }),
  { maxLength: 4 },
);
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
// Half the time the first panel that ends is renewed from the next day, as payers do.
const renewed = fc.tuple(panels, fc.boolean()).map(([list, renew]) => {
  const ending = list.find((panel) => panel.period.end !== undefined);
  return renew && ending?.period.end !== undefined ? [...list, { ...ending, period: { start: dayAfter(ending.period.end) } }] : list;
});
const withPanels = fc.tuple(matchClinician("c"), renewed).map(([c, insurancePanels]): Clinician => ({
  ...c,
  acceptingNewClients: true,
  capacity: { caseloadMax: 10, caseloadCurrent: 0, weeklyNewClientLimit: 3, newClientsThisWeek: 0 },
  insurancePanels: insurancePanels.map(({ plans, ...panel }) => (plans === undefined ? panel : { ...panel, plans })),
}));
const startDate = fc.constantFrom("2026-01-01", "2026-03-25", "2026-04-01", "2026-06-30", "2026-07-01");

describe("network on every date", () => {
  test.prop([
    withPanels,
    fc.array(fc.record({ payerId: fc.constantFrom("aetna", "cigna"), planId: plan }), { minLength: 1, maxLength: 2 }),
    startDate,
    fc.constantFrom(0, 1, 2, 12, 30),
  ])(
    "the payment constraint agrees with the oracle, a day at a time over the expected course",
    (clinician, payers, start, expectedWeeks) => {
      const criteria: MatchCriteria = MatchCriteriaOf(start, expectedWeeks, payers);
      const failures = createMatcher({ clinicians: [clinician], compacts: COMPACTS }).explain({ criteria }, clinician.id, {
        now: start,
      }).failures;
      const oracle = hardConstraintViolations(criteria, clinician, COMPACTS, start);
      expect(failures.some((f) => f.constraint === "payment")).toBe(oracle.includes("payment"));
    },
  );

  test.prop([
    withPanels,
    fc.array(fc.record({ payerId: fc.constantFrom("aetna", "cigna"), planId: plan, period }), { minLength: 1, maxLength: 3 }),
    startDate,
  ])("refer and match agree on network status for any coverage on any day", (clinician, coverage, day) => {
    const client = Client.parse({
      id: "cl",
      ageGroup: "adult",
      residence: { jurisdiction: "US-OR" },
      coverage: coverage.map(({ planId, ...rest }) => (planId === undefined ? rest : { ...rest, planId })),
      needs: { problemAreas: ["depression"] },
    });
    const refer = inNetworkOn(client, clinician, day).length > 0;
    // The matcher on that day alone (a course of 0 weeks), from the same client record, insurance only.
    const matcher = createMatcher({ clinicians: [clinician], compacts: COMPACTS }, { expectedWeeks: 0 });
    const explained = matcher.explain({ client }, clinician.id, { now: day });
    const payment = explained.failures.find((f) => f.constraint === "payment");
    const inForce = client.coverage.some((c) => c.period.start <= day && (c.period.end === undefined || day <= c.period.end));
    if (!inForce) return;
    expect(payment === undefined).toBe(refer);
  });
});

function MatchCriteriaOf(start: string, expectedWeeks: number, payers: { payerId: string; planId: string | undefined }[]): MatchCriteria {
  return {
    startDate: start,
    expectedWeeks,
    location: { jurisdiction: "US-OR" },
    require: {
      modes: ["in-person", "telehealth"],
      payment: { payers: payers.map(({ payerId, planId }) => (planId === undefined ? { payerId } : { payerId, planId })) },
      populations: [],
      problemAreas: [],
      modalities: [],
      languages: [],
      disciplines: [],
      excludeClinicianIds: [],
      excludePracticeIds: [],
    },
    prefer: { problemAreas: [], modalities: [], languages: [], clinicianGenders: [] },
  };
}

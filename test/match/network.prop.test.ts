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

// Ids of payers and plans the pool also holds as tag codes ("depression"), and ids no panel lists.
const PAYERS = ["aetna", "cigna", "depression"] as const;
const PLANS = ["gold", "silver", "depression"] as const;
const DAY = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
// Most panels are in force on the start dates below; many end inside a course of up to 30 weeks from them.
const STARTS = ["2025-01-01", "2025-01-01", "2026-01-01", "2026-04-01", "2026-07-01"];
const ENDS = ["2026-03-31", "2026-04-14", "2026-06-30", "2026-07-15", "2026-12-31", "9999-12-31"];

interface Panel {
  payerId: string;
  plans?: string[];
  period: { start: string; end?: string };
}
interface Course {
  startDate: string;
  expectedWeeks: number;
  /** The expected course's last day. */
  end: string;
}
const course = fc
  .record({
    startDate: fc.constantFrom("2026-01-01", "2026-03-25", "2026-04-01", "2026-06-30", "2026-07-01"),
    expectedWeeks: fc.constantFrom(0, 1, 12, 30, 30),
  })
  .map((c): Course => ({ ...c, end: dateOf(dayOf(c.startDate) + Math.max(0, c.expectedWeeks * 7 - 1)) }));

/** Panels that end on fixed days or a day either side of the course's end, so a cover that ends on its last day is drawn. */
function panelsFor({ end }: Course) {
  const ends = [...ENDS, ...[-1, 0, 1].map((shift) => dateOf(dayOf(end) + shift))];
  const panel = fc
    .record({
      payerId: fc.constantFrom(...PAYERS),
      // Left out (any plan), empty (no plan of the payer) or limited to some.
      plans: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.subarray([...PLANS]), weight: 2 }),
      start: fc.constantFrom(...STARTS),
      end: fc.option(fc.constantFrom(...ends), { nil: undefined }),
    })
    .map(({ payerId, plans, start, end }): Panel => ({
      payerId,
      ...(plans === undefined ? {} : { plans }),
      period: end === undefined || end < start ? { start } : { start, end },
    }));
  // Each panel that ends may be followed by one of the same payer and plans starting two days before to two days after its end
  // (a renewal, overlapping, joined or with a gap), itself open or ending.
  const renewal = fc.tuple(fc.constantFrom(-1, 0, 1, 2), fc.option(fc.constantFrom(...ends), { nil: undefined }));
  return fc.array(fc.tuple(panel, fc.option(renewal, { nil: undefined })), { minLength: 1, maxLength: 4 }).map((list) =>
    list.flatMap(([first, renewed]): Panel[] => {
      if (renewed === undefined || first.period.end === undefined || first.period.end === "9999-12-31") return [first];
      const start = dateOf(dayOf(first.period.end) + renewed[0]);
      const renewedEnd = renewed[1];
      return [first, { ...first, period: renewedEnd === undefined || renewedEnd < start ? { start } : { start, end: renewedEnd } }];
    }),
  );
}
// The client's payers: mostly ones the panels list, with or without a plan they list; else any id, known or not.
const someOf = <T>(often: readonly T[], rarely: readonly T[]) =>
  often.length === 0
    ? fc.constantFrom(...rarely)
    : fc.oneof({ arbitrary: fc.constantFrom(...often), weight: 4 }, fc.constantFrom(...rarely));
const payersFor = (list: readonly Panel[]) =>
  fc.array(
    fc.record({
      payerId: someOf(
        list.map((p) => p.payerId),
        ["unknown-payer", "unknown-payer", ...PAYERS],
      ),
      planId: fc.oneof(
        fc.constant(undefined),
        someOf(
          list.flatMap((p) => p.plans ?? []),
          ["unknown-plan", "unknown-plan", ...PLANS],
        ),
      ),
    }),
    { minLength: 1, maxLength: 3 },
  );
// An id the panels list, put first among the clinician's tags: the pool numbers codes as it meets them, so it gets the first number.
const firstCodeFor = (list: readonly Panel[]) =>
  someOf(
    list.flatMap((p) => [p.payerId, ...(p.plans ?? [])]),
    [...PAYERS, ...PLANS],
  );
const cases = course.chain((c) =>
  panelsFor(c).chain((list) => fc.tuple(fc.constant(c), fc.constant(list), payersFor(list), firstCodeFor(list))),
);

type Expected =
  | { kind: "covered"; payerId: string; endsOn?: string }
  | { kind: "ends"; endsOn: string }
  | { kind: "verify-benefits" | "refuses-associates" | "out" };

/** The cover a day at a time, as the docs state it, written apart from the matcher. */
function expectedCover(
  list: readonly Panel[],
  wanted: readonly { payerId: string; planId?: string | undefined }[],
  start: number,
  courseEnd: number,
  associate: boolean,
  refusing: ReadonlySet<string>,
  policy: "fail" | "warn",
): Expected {
  let ends: { payerId: string; endsOn: string } | undefined;
  let verify = false;
  let refused = false;
  for (const payer of wanted) {
    const own = list.filter((p) => p.payerId === payer.payerId);
    if (associate && refusing.has(payer.payerId)) {
      refused ||= own.length > 0;
      continue;
    }
    const on = (p: Panel, day: number) => dayOf(p.period.start) <= day && (p.period.end === undefined || day <= dayOf(p.period.end));
    const inNetwork = (day: number) =>
      own.some((p) => on(p, day) && (p.plans === undefined || (payer.planId !== undefined && p.plans.includes(payer.planId))));
    if (!inNetwork(start)) {
      verify ||= payer.planId === undefined && own.some((p) => on(p, start) && p.plans !== undefined);
      continue;
    }
    let last = start;
    while (last < courseEnd && inNetwork(last + 1)) last += 1;
    if (last >= courseEnd) return { kind: "covered", payerId: payer.payerId };
    ends ??= { payerId: payer.payerId, endsOn: dateOf(last) };
  }
  if (ends !== undefined) return policy === "warn" ? { kind: "covered", ...ends } : { kind: "ends", endsOn: ends.endsOn };
  return { kind: verify ? "verify-benefits" : refused ? "refuses-associates" : "out" };
}

describe("network cover against a day-at-a-time oracle", () => {
  test.prop(
    [
      matchClinician("c"),
      cases,
      fc.constantFrom(false, false, true),
      fc.subarray([...PAYERS]),
      fc.constantFrom("fail" as const, "warn" as const),
    ],
    { numRuns: 400 },
  )(
    "the payment route, its failure and its warning, for any panels, payers, plans, associates and policy",
    (base, [{ startDate, expectedWeeks }, insurancePanels, wanted, firstCode], associate, refusing, policy) => {
      const clinician: Clinician = {
        ...base,
        populations: [firstCode, ...base.populations],
        licensure: {
          licenses: [{ jurisdiction: "US-OR" }],
          compacts: [],
          ...(associate ? { status: "pre-licensed", supervisorId: "sup" } : {}),
        },
        telehealth: true,
        acceptingNewClients: true,
        capacity: { caseloadMax: 10, caseloadCurrent: 0, weeklyNewClientLimit: 3, newClientsThisWeek: 0 },
        insurancePanels,
      };
      const directory = {
        clinicians: [clinician],
        compacts: COMPACTS,
        payers: PAYERS.map((id) => ({ id, name: id, ...(refusing.includes(id) ? { acceptsAssociates: false } : {}) })),
      };
      const criteria = MatchCriteriaOf(startDate, expectedWeeks, wanted);
      const start = dayOf(startDate);
      const courseEnd = start + Math.max(0, expectedWeeks * 7 - 1);
      const expected = expectedCover(insurancePanels, wanted, start, courseEnd, associate, new Set(refusing), policy);
      const explained = createMatcher(directory, { panelEndsDuringCare: policy }).explain({ criteria }, clinician.id, { now: startDate });
      expect(explained.failures.filter((f) => f.constraint !== "payment")).toEqual([]);
      const failure = explained.failures.find((f) => f.constraint === "payment");
      switch (expected.kind) {
        case "covered":
          expect(failure).toBeUndefined();
          expect(explained.option?.payment).toEqual({
            via: "insurance",
            payerId: expected.payerId,
            ...(expected.endsOn === undefined ? {} : { networkEndsOn: expected.endsOn }),
          });
          expect(explained.option?.warnings?.some((w) => w.startsWith("In network with the client's payer only until")) ?? false).toBe(
            expected.endsOn !== undefined,
          );
          break;
        case "ends":
          expect(failure).toEqual({
            constraint: "payment",
            reason: "network-ends-during-care",
            text: `In network with the client's payer only until ${expected.endsOn}, before the expected course ends on ${dateOf(courseEnd)}.`,
          });
          break;
        default:
          expect(failure?.reason).toBe(
            { "verify-benefits": "verify-benefits", "refuses-associates": "associate-not-accepted", out: "not-in-network" }[expected.kind],
          );
      }
    },
  );
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

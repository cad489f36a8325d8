import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { InvalidInputError } from "referwell";
import { assignReferrals, createMatcher } from "referwell/match";
import { COMPACTS, matchClinician, matchCriteria, openClinician, openCriteria } from "../arbitraries/match.js";
import { hostile } from "../arbitraries/hostile.js";
import { untyped } from "../support/untyped.js";

const NOW = "2026-11-23";
const PRIORITY = { routine: 1, soon: 2, urgent: 4 } as const;
type Urgency = keyof typeof PRIORITY;
/** The urgency that counts for a referral: the more urgent of its own and its criteria's. */
const urgencyOf = (referral: { readonly urgency: Urgency; readonly criteria: { readonly urgency?: Urgency | undefined } }): Urgency =>
  PRIORITY[referral.criteria.urgency ?? "routine"] > PRIORITY[referral.urgency] ? (referral.criteria.urgency as Urgency) : referral.urgency;

const referralsArb = (max: number) =>
  fc
    .array(
      fc.record({
        criteria: fc.oneof({ weight: 3, arbitrary: openCriteria }, { weight: 1, arbitrary: matchCriteria }),
        urgency: fc.constantFrom("routine" as const, "soon" as const, "urgent" as const),
      }),
      { minLength: 1, maxLength: max },
    )
    .map((items) => items.map((item, i) => ({ id: `r${i}`, ...item })));

const cliniciansArb = (max: number) =>
  fc
    .integer({ min: 1, max })
    .chain((n) =>
      fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.oneof({ weight: 3, arbitrary: openClinician(`c${i}`) }, { weight: 1, arbitrary: matchClinician(`c${i}`) }),
        ),
      ),
    );

/** Places per clinician as the assignment counts them. */
const placesOf = (c: {
  acceptingNewClients: boolean;
  capacity: { caseloadMax: number; caseloadCurrent: number; weeklyNewClientLimit: number; newClientsThisWeek: number };
}) =>
  c.acceptingNewClients
    ? Math.max(
        0,
        Math.min(c.capacity.caseloadMax - c.capacity.caseloadCurrent, c.capacity.weeklyNewClientLimit - c.capacity.newClientsThisWeek),
      )
    : 0;

/** Every way to place the referrals, by exhaustive search, and the best total in millionths. */
function bruteForceOptimum(values: (number | undefined)[][], places: number[]): number {
  let best = 0;
  const left = [...places];
  const walk = (row: number, total: number): void => {
    if (row === values.length) {
      best = Math.max(best, total);
      return;
    }
    walk(row + 1, total);
    (values[row] ?? []).forEach((value, column) => {
      if (value === undefined || (left[column] ?? 0) <= 0) return;
      left[column] = (left[column] ?? 0) - 1;
      walk(row + 1, total + value);
      left[column] = (left[column] ?? 0) + 1;
    });
  };
  walk(0, 0);
  return best;
}

describe("assignReferrals", () => {
  test.prop([referralsArb(5), cliniciansArb(3)], { numRuns: 150 })(
    "optimality: reaches the brute-force optimum on small instances",
    (referrals, clinicians) => {
      const result = assignReferrals(referrals, clinicians, { now: NOW, compacts: COMPACTS });
      const matcher = createMatcher({ clinicians, compacts: COMPACTS });
      // The value of every eligible pair, scored independently of the assignment.
      const values = referrals.map((referral) =>
        clinicians.map((clinician) => {
          // The more urgent of the referral's and the criteria's caps the wait, as the criteria's alone would.
          const explanation = matcher.explain({ criteria: { ...referral.criteria, urgency: urgencyOf(referral) } }, clinician.id, {
            now: NOW,
          });
          const severe = referral.criteria.severity === "severe" || referral.criteria.severity === "complex";
          const priority = PRIORITY[urgencyOf(referral)] * (severe ? 1.5 : 1);
          return explanation.option === undefined
            ? undefined
            : Math.max(1, Math.round(priority * (1 + explanation.option.score) * 1_000_000));
        }),
      );
      const optimum = bruteForceOptimum(values, clinicians.map(placesOf));
      const reached = result.assignments.reduce((sum, a) => sum + Math.round(a.priority * (1 + a.option.score) * 1_000_000), 0);
      expect(reached).toBe(optimum);
    },
  );

  test.prop([referralsArb(12), cliniciansArb(5)])(
    "capacity: no clinician takes more than its places; every referral is placed once or reported once",
    (referrals, clinicians) => {
      const result = assignReferrals(referrals, clinicians, { now: NOW, compacts: COMPACTS });
      const taken = new Map<string, number>();
      for (const a of result.assignments) taken.set(a.clinicianId, (taken.get(a.clinicianId) ?? 0) + 1);
      for (const clinician of clinicians) expect(taken.get(clinician.id) ?? 0).toBeLessThanOrEqual(placesOf(clinician));
      const ids = [...result.assignments.map((a) => a.referralId), ...result.unassigned.map((u) => u.referralId)].sort();
      expect(ids).toEqual(referrals.map((r) => r.id).sort());
      for (const u of result.unassigned) expect(u.text.length).toBeGreaterThan(0);
    },
  );

  test.prop([referralsArb(8), cliniciansArb(4)])(
    "soundness: every placement is an eligible pair, with the matcher's own score",
    (referrals, clinicians) => {
      const result = assignReferrals(referrals, clinicians, { now: NOW, compacts: COMPACTS });
      const matcher = createMatcher({ clinicians, compacts: COMPACTS });
      for (const a of result.assignments) {
        const referral = referrals.find((r) => r.id === a.referralId);
        if (referral === undefined) throw new Error("unknown referral");
        const explanation = matcher.explain({ criteria: { ...referral.criteria, urgency: urgencyOf(referral) } }, a.clinicianId, {
          now: NOW,
        });
        expect(explanation.eligible).toBe(true);
        expect(a.option.score).toBe(explanation.option?.score);
      }
    },
  );

  test.prop([referralsArb(6), cliniciansArb(4)])(
    "reasons: a referral no clinician can take counts, per constraint, the clinicians whose explanation fails it",
    (referrals, clinicians) => {
      const result = assignReferrals(referrals, clinicians, { now: NOW, compacts: COMPACTS });
      const matcher = createMatcher({ clinicians, compacts: COMPACTS });
      for (const u of result.unassigned.filter((item) => item.reason === "no-eligible-clinician")) {
        const referral = referrals.find((r) => r.id === u.referralId);
        if (referral === undefined) throw new Error("unknown referral");
        const expected: Record<string, number> = {};
        for (const clinician of clinicians) {
          const explanation = matcher.explain({ criteria: { ...referral.criteria, urgency: urgencyOf(referral) } }, clinician.id, {
            now: NOW,
          });
          for (const constraint of new Set(explanation.failures.map((failure) => failure.constraint))) {
            expected[constraint] = (expected[constraint] ?? 0) + 1;
          }
        }
        expect(u.failedConstraints).toEqual(expected);
        expect(Object.keys(u.failedConstraints ?? {})).toEqual(Object.keys(expected));
      }
    },
  );

  test.prop([referralsArb(8), cliniciansArb(4), fc.infiniteStream(fc.nat())])(
    "order independence: shuffled inputs give the same assignment",
    (referrals, clinicians, seeds) => {
      const shuffle = <T>(items: T[]) => [...items].sort(() => (seeds.next().value % 3) - 1);
      const a = assignReferrals(referrals, clinicians, { now: NOW, compacts: COMPACTS });
      const b = assignReferrals(shuffle(referrals), shuffle(clinicians), { now: NOW, compacts: COMPACTS });
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    },
  );

  test.prop([hostile(referralsArb(2)), hostile(cliniciansArb(2))])(
    "no leak: hostile inputs give a result or an InvalidInputError without input text",
    (referrals, clinicians) => {
      try {
        assignReferrals(untyped(referrals), untyped(clinicians), { now: NOW });
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidInputError);
        expect(JSON.stringify(error)).not.toMatch(/ZQX[A-Z0-9]{6}/);
      }
    },
  );
});

describe("priorities", () => {
  test.prop([fc.constant(null)])("urgency and severity from the criteria set the priority when the referral does not", () => {
    const clinician = { ...BASE_CLINICIAN, capacity: { caseloadMax: 30, caseloadCurrent: 10, weeklyNewClientLimit: 1 } };
    const routine = { id: "a", criteria: { location: { jurisdiction: "US-OR" } } };
    const urgent = { id: "b", criteria: { location: { jurisdiction: "US-OR" }, urgency: "urgent", severity: "severe" } };
    const result = assignReferrals([routine, urgent], [clinician], { now: NOW });
    expect(result.assignments.map((a) => [a.referralId, a.priority])).toEqual([["b", 6]]);
  });

  test.prop([
    fc.constantFrom("routine" as const, "soon" as const, "urgent" as const),
    fc.constantFrom("routine" as const, "soon" as const, "urgent" as const),
  ])("where the referral's urgency and the criteria's disagree, the more urgent sets the priority and caps the wait", (own, asked) => {
    const stronger = PRIORITY[own] >= PRIORITY[asked] ? own : asked;
    // A wait of 20 days: within a routine request, past soon's 10 business days (14 days from this Monday) and urgent's 2.
    const clinician = {
      ...BASE_CLINICIAN,
      capacity: { caseloadMax: 30, caseloadCurrent: 10, weeklyNewClientLimit: 1, expectedWaitDays: 20 },
    };
    const referral = { id: "a", urgency: own, criteria: { location: { jurisdiction: "US-OR" }, urgency: asked } };
    const result = assignReferrals([referral], [clinician], { now: NOW });
    if (stronger === "routine") expect(result.assignments.map((a) => [a.referralId, a.priority])).toEqual([["a", 1]]);
    else
      expect(result.unassigned.map((u) => [u.referralId, u.reason, u.failedConstraints])).toEqual([
        ["a", "no-eligible-clinician", { wait: 1 }],
      ]);
  });
});

const BASE_CLINICIAN = {
  id: "solo",
  name: "solo",
  discipline: "counselor",
  licensure: { licenses: [{ jurisdiction: "US-OR" }] },
  populations: ["adults"],
  languages: ["en"],
  telehealth: true,
  availability: { timeZone: "America/Los_Angeles", slots: [] },
  acceptingNewClients: true,
};

/**
 * A seeded intake week for assignment benchmarks and the munkres cross-check:
 * clinicians with a fixed number of places, referrals from synthetic
 * clients, and the same problem as a square slot matrix for the Hungarian
 * algorithm.
 */
import { calendarDateOf, type Clinician, criteriaFromClient, type MatchCriteria } from "referwell";
import { createMatcher } from "referwell/match";
import { SYNTHETIC_COMPACTS, syntheticClients, syntheticDirectory } from "../arbitraries/synthetic.js";

export const NOW = "2026-11-23";

export interface AssignmentFixture {
  readonly clinicians: Clinician[];
  readonly referrals: { id: string; criteria: MatchCriteria; priority: number }[];
  /** values[r][c]: the value of placing referral r with clinician c in millionths, or 0 when not eligible. */
  readonly values: number[][];
  readonly places: number;
}

/** Needs stay soft here, so that most pairs are eligible and the solver has real choices to make. */
const dense = (criteria: MatchCriteria): MatchCriteria => ({ ...criteria, require: { ...criteria.require, problemAreas: [] } });

export function assignmentFixture(options: { seed: number; referrals: number; clinicians: number; places: number }): AssignmentFixture {
  const clinicians = syntheticDirectory({
    seed: options.seed,
    clinicians: options.clinicians,
    practiceSize: options.clinicians,
  }).clinicians.map((c) => ({
    ...c,
    acceptingNewClients: true,
    telehealth: true,
    licensure: { ...c.licensure, compacts: [{ compactId: "psypact-apit" }] },
    capacity: { ...c.capacity, caseloadMax: 40, caseloadCurrent: 20, weeklyNewClientLimit: options.places, newClientsThisWeek: 0 },
  }));
  const referrals = syntheticClients({ seed: options.seed + 1, count: options.referrals }).map((client, i) => ({
    id: `ref-${String(i).padStart(4, "0")}`,
    // One priority for all, so the slot matrix's values are the assignment's.
    priority: 1,
    criteria: dense(criteriaFromClient(client, { startDate: calendarDateOf(NOW) })),
  }));
  const matcher = createMatcher({ clinicians, compacts: SYNTHETIC_COMPACTS });
  const values = referrals.map((referral) =>
    clinicians.map((clinician) => {
      const option = matcher.explain({ criteria: referral.criteria }, clinician.id, { now: NOW }).option;
      return option === undefined ? 0 : Math.round((1 + option.score) * 1_000_000);
    }),
  );
  return { clinicians, referrals, values, places: options.places };
}

/** The fixture as a square cost matrix over clinician slots, for munkres (which minimizes). */
export function slotCostMatrix(fixture: AssignmentFixture): { matrix: number[][]; columnClinician: number[] } {
  const columnClinician = fixture.clinicians.flatMap((_, c) => Array.from({ length: fixture.places }, () => c));
  const size = Math.max(fixture.referrals.length, columnClinician.length);
  const top = Math.max(0, ...fixture.values.flat());
  const matrix = Array.from({ length: size }, (_, r) =>
    Array.from({ length: size }, (_, s) => {
      const c = columnClinician[s];
      const value = c === undefined ? 0 : (fixture.values[r]?.[c] ?? 0);
      return top - value;
    }),
  );
  return { matrix, columnClinician };
}

/** The total value of a munkres solution: eligible placements only. */
export function munkresTotal(fixture: AssignmentFixture, pairs: [number, number][], columnClinician: number[]): number {
  let total = 0;
  for (const [r, s] of pairs) {
    const c = columnClinician[s];
    if (c === undefined || r >= fixture.referrals.length) continue;
    total += fixture.values[r]?.[c] ?? 0;
  }
  return total;
}

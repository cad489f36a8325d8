/**
 * A seeded intake week for assignment benchmarks and the munkres cross-check:
 * clinicians with a fixed number of places, referrals from synthetic
 * clients, and the same problem as a square slot matrix for the Hungarian
 * algorithm.
 */
import { calendarDateOf, type Clinician, criteriaFromClient, type MatchCriteria } from "referwell";
import { createMatcher } from "referwell/match";
import type { ObjectiveSense } from "highs";
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
  const column = new Map(clinicians.map((clinician, index) => [clinician.id, index]));
  // One ranking per referral lists every eligible clinician with its score, at a fraction of the cost of a check per pair.
  const values = referrals.map((referral) => {
    const row = clinicians.map(() => 0);
    for (const option of matcher.rank({ criteria: referral.criteria }, { now: NOW, limit: 10_000 }).options) {
      row[column.get(option.clinicianId) ?? -1] = Math.round((1 + option.score) * 1_000_000);
    }
    return row;
  });
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

/** The fixture as a square value matrix over clinician slots (0 where not eligible), for solvers that maximise. */
export function slotValueMatrix(fixture: AssignmentFixture): number[][] {
  const columnClinician = fixture.clinicians.flatMap((_, c) => Array.from({ length: fixture.places }, () => c));
  return fixture.values.map((row) => columnClinician.map((c) => row[c] ?? 0));
}

/** The total value of a row-to-slot assignment (-1: unplaced), eligible placements only. */
export function slotTotal(fixture: AssignmentFixture, rowSlots: ArrayLike<number>): number {
  let total = 0;
  for (let r = 0; r < fixture.referrals.length; r += 1) {
    const slot = rowSlots[r] ?? -1;
    if (slot >= 0) total += fixture.values[r]?.[Math.floor(slot / fixture.places)] ?? 0;
  }
  return total;
}

/**
 * The assignment as a linear programme over the eligible pairs, in the
 * sparse column form HiGHS reads: maximise the total value, each referral at
 * most once, each clinician at most its places, 0 ≤ x ≤ 1. The constraint
 * matrix is the incidence matrix of a bipartite graph, which is totally
 * unimodular, so a basic optimal solution is whole (Schrijver, Combinatorial
 * Optimization, 2003, ch. 18); the test checks that it is.
 */
export function assignmentProgramme(fixture: AssignmentFixture, maximize: ObjectiveSense) {
  const rows = fixture.referrals.length;
  const cost: number[] = [];
  const starts = [0];
  const indices: number[] = [];
  fixture.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value <= 0) return;
      cost.push(value);
      indices.push(r, rows + c);
      starts.push(indices.length);
    }),
  );
  const pairs = cost.length;
  const constraints = rows + fixture.clinicians.length;
  return {
    numCols: pairs,
    numRows: constraints,
    sense: maximize,
    colCost: Float64Array.from(cost),
    colLower: new Float64Array(pairs),
    colUpper: new Float64Array(pairs).fill(1),
    rowLower: new Float64Array(constraints).fill(Number.NEGATIVE_INFINITY),
    rowUpper: Float64Array.from({ length: constraints }, (_, i) => (i < rows ? 1 : fixture.places)),
    matrix: {
      format: "csc" as const,
      numRows: constraints,
      numCols: pairs,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: new Float64Array(indices.length).fill(1),
    },
  };
}

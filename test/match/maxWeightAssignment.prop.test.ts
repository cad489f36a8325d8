import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { maxWeightAssignment, type WeightedEdge } from "../../src/match/internal/maxWeightAssignment.js";
import { assignmentOptimum } from "../support/assignmentOracle.js";

/** The best total by trying every placement of every row (or none), within the capacities. */
function bruteForce(rows: number, capacities: readonly number[], edges: readonly WeightedEdge[]): number {
  const byRow = Array.from({ length: rows }, (_, row) => edges.filter((edge) => edge.row === row));
  const left = [...capacities];
  let best = 0;
  const walk = (row: number, total: number): void => {
    if (row === rows) {
      best = Math.max(best, total);
      return;
    }
    walk(row + 1, total);
    for (const edge of byRow[row] ?? []) {
      if ((left[edge.column] ?? 0) <= 0) continue;
      left[edge.column] = (left[edge.column] ?? 0) - 1;
      walk(row + 1, total + edge.value);
      left[edge.column] = (left[edge.column] ?? 0) + 1;
    }
  };
  walk(0, 0);
  return best;
}

// Small values, so ties are common and paths that move or drop placed rows are tried.
const instance = fc
  .record({ rows: fc.integer({ min: 0, max: 7 }), capacities: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }) })
  .chain(({ rows, capacities }) =>
    fc
      .uniqueArray(
        fc.record({
          row: fc.integer({ min: 0, max: Math.max(0, rows - 1) }),
          column: fc.integer({ min: 0, max: capacities.length - 1 }),
          value: fc.integer({ min: 1, max: 12 }),
        }),
        { maxLength: rows * capacities.length, selector: (edge) => `${edge.row}:${edge.column}` },
      )
      .map((edges) => ({ rows, capacities, edges: rows === 0 ? [] : edges })),
  );

/** Larger instances, with many rows competing for few places, checked against the Bellman-Ford oracle. */
const crowded = fc
  .record({ rows: fc.integer({ min: 1, max: 120 }), capacities: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 16 }) })
  .chain(({ rows, capacities }) =>
    // One optional value per pair, so about two thirds of the pairs are eligible whatever the size.
    fc
      .array(fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined, freq: 3 }), {
        minLength: rows * capacities.length,
        maxLength: rows * capacities.length,
      })
      .map((values) => ({
        rows,
        capacities,
        edges: values.flatMap((value, at) =>
          value === undefined ? [] : [{ row: Math.floor(at / capacities.length), column: at % capacities.length, value }],
        ),
      })),
  );

const totalOf = (placed: readonly number[], edges: readonly WeightedEdge[]): number =>
  placed.reduce((sum, column, row) => sum + (edges.find((edge) => edge.row === row && edge.column === column)?.value ?? 0), 0);

describe("maxWeightAssignment", () => {
  test.prop([crowded], { numRuns: 100 })("exact on crowded instances: the Bellman-Ford oracle's optimum", ({ rows, capacities, edges }) => {
    expect(totalOf(maxWeightAssignment(rows, capacities, edges), edges)).toBe(assignmentOptimum(rows, capacities, edges));
  });

  test.prop([instance], { numRuns: 400 })(
    "exact: the brute-force optimum, with each row on one of its own edges and no column over its capacity",
    ({ rows, capacities, edges }) => {
      const placed = maxWeightAssignment(rows, capacities, edges);
      expect(placed).toHaveLength(rows);
      const used = capacities.map(() => 0);
      let total = 0;
      placed.forEach((column, row) => {
        if (column < 0) return;
        const edge = edges.find((candidate) => candidate.row === row && candidate.column === column);
        expect(edge).toBeDefined();
        total += edge?.value ?? 0;
        used[column] = (used[column] ?? 0) + 1;
      });
      used.forEach((count, column) => expect(count).toBeLessThanOrEqual(capacities[column] ?? 0));
      expect(total).toBe(bruteForce(rows, capacities, edges));
    },
  );

  test.prop([instance, fc.infiniteStream(fc.nat())])(
    "the edges' order does not change the assignment",
    ({ rows, capacities, edges }, seeds) => {
      const shuffled = [...edges].sort(() => (seeds.next().value % 3) - 1);
      expect(maxWeightAssignment(rows, capacities, shuffled)).toEqual(maxWeightAssignment(rows, capacities, edges));
    },
  );
});

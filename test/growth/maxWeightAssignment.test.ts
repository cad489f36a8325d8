import { describe, expect, it } from "vitest";
import { maxWeightAssignment, type WeightedEdge } from "../../src/match/internal/maxWeightAssignment.js";
import { growthRatio } from "../support/growthRatio.js";

describe("growth", () => {
  /** About `size` eligible pairs: four fifths of all pairs, five referrals per clinician with five places each, seeded. */
  function crowdedWeek(size: number) {
    const rows = Math.round(Math.sqrt((size / 0.8) * 5));
    const columns = Math.round(rows / 5);
    let seed = size;
    const random = () => (seed = (seed * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32;
    const edges: WeightedEdge[] = [];
    for (let row = 0; row < rows; row += 1)
      for (let column = 0; column < columns; column += 1)
        if (random() < 0.8) edges.push({ row, column, value: 1_000_000 + Math.floor(random() * 1_000_000) });
    return { rows, capacities: Array.from({ length: columns }, () => 5), edges };
  }

  it("the cost per eligible pair at 8n pairs is at most twice the cost at n", () => {
    const ratio = growthRatio(20_000, crowdedWeek, ({ rows, capacities, edges }) => maxWeightAssignment(rows, capacities, edges));
    expect(ratio).toBeLessThanOrEqual(2);
  });
});

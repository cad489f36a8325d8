import { describe, expect, it } from "vitest";
import { findLateralOpportunities, relationshipState } from "referwell/relationships";
import { growthRatio } from "../support/growthRatio.js";

/**
 * Growth checks on the worst shapes for each function's input: the cost per
 * item at 8n is at most twice the cost at n, which n log n meets and n^1.5
 * (2.8) or n² (8) does not. Validation is part of the cost, as a caller pays it.
 */
const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000).toISOString().slice(0, 10);

describe("growth: relationships", () => {
  it("findLateralOpportunities: many referrals to one discipline", () => {
    const referrals = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: `o${i}`, date: day(i), clinicianId: `clin-${i % 7}`, discipline: "dietitian" }));
    const ratio = growthRatio(2_000, referrals, (sent) => findLateralOpportunities(sent, [], [], { now: "2026-12-01" }));
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("findLateralOpportunities: many disciplines, each with a referrer to approach", () => {
    const input = (n: number) => ({
      sent: Array.from({ length: n }, (_, i) => ({ id: `o${i}`, date: day(i), clinicianId: "clin-a", discipline: `discipline-${i}` })),
      known: Array.from({ length: n }, (_, i) => ({
        id: `ref-${i}`,
        name: "Referrer",
        kind: "other" as const,
        discipline: `discipline-${i}`,
      })),
    });
    const ratio = growthRatio(1_000, input, ({ sent, known }) =>
      findLateralOpportunities(sent, known, [], { now: "2026-12-01", minReferrals: 1 }),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("relationshipState: every referral from a colleague not seen before", () => {
    const events = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: `e${i}`,
        date: day(i),
        type: "referral-received" as const,
        clinicianId: `clin-${i}`,
        referrerId: "ref-1",
        addressedTo: "colleague" as const,
      }));
    const ratio = growthRatio(2_000, events, (list) => relationshipState(list, { now: "2026-12-01" }));
    expect(ratio).toBeLessThanOrEqual(2);
  });
});

import { describe, expect, it } from "vitest";
import { applyRelationshipEvent, findLateralOpportunities, relationshipState, suggestNextActions } from "referwell/relationships";
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

  /** A history built the way a host that updates as events arrive builds it: one event at a time, each on the state before. */
  const oneAtATime = (events: readonly Parameters<typeof applyRelationshipEvent>[1][], allowFallback = false) => {
    let state = relationshipState([], { now: "2026-12-01", referrerId: "ref-1", policy: { allowFallback } });
    for (const event of events) state = applyRelationshipEvent(state, event);
    return state;
  };

  /** `n` referrals over 300 days, in order: to the point person, or through the colleague `colleagueOf` names. */
  const referrals = (n: number, colleagueOf?: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => ({
      id: `e${String(i).padStart(7, "0")}`,
      date: day(Math.floor((i * 300) / n)),
      type: "referral-received" as const,
      clinicianId: colleagueOf?.(i) ?? "clin-a",
      referrerId: "ref-1",
      addressedTo: colleagueOf === undefined ? ("point-person" as const) : ("colleague" as const),
    }));

  it("applyRelationshipEvent: a long history built one event at a time, each in order", () => {
    expect(growthRatio(2_000, (n) => referrals(n), oneAtATime)).toBeLessThanOrEqual(2);
  });

  it("applyRelationshipEvent: every event of a long history delivered again, as a queue that delivers at least once may", () => {
    const input = (n: number) => {
      const events = referrals(n, (i) => `clin-${i % 50}`);
      return { events, state: oneAtATime(events) };
    };
    // Small enough that code folding the history again for each event fails on the ratio in seconds, not minutes.
    expect(growthRatio(250, input, ({ events, state }) => events.reduce(applyRelationshipEvent, state))).toBeLessThanOrEqual(2);
  });

  it("suggestNextActions: a long history, every referral through a colleague not seen before, as a state made here and as one read back", () => {
    const input = (n: number) => {
      const state = relationshipState(
        referrals(n, (i) => `clin-${i}`),
        { now: "2026-12-01" },
      );
      return { state, stored: JSON.parse(JSON.stringify(state)) as typeof state };
    };
    const ratio = growthRatio(1_000, input, ({ state, stored }) => {
      suggestNextActions(state, { now: "2026-12-01" });
      suggestNextActions(stored, { now: "2026-12-01" });
    });
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("applyRelationshipEvent: one event at a time, every referral through a colleague not seen before, and stages falling back", () => {
    // Referrals a dormant spell apart (more than the 180-day window, across years) add stage evidence as well as colleagues.
    const events = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: `e${String(i).padStart(7, "0")}`,
        date: new Date(Date.UTC(1900, 0, 1) + i * 200 * 86_400_000).toISOString().slice(0, 10),
        type: "referral-received" as const,
        clinicianId: `clin-${i}`,
        referrerId: "ref-1",
        addressedTo: "colleague" as const,
      }));
    // The first referral's clinician is the point person; after it, every referral falls back to stage 1 and rises again.
    const last = oneAtATime(events(50), true);
    expect([last.stageEvidence.length > 2 * 49, last.colleaguesUsed.length]).toEqual([true, 49]);
    expect(growthRatio(1_000, events, (list) => oneAtATime(list, true))).toBeLessThanOrEqual(2);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dueTouches } from "referwell/cadence";
import { type InboundEventInput, referralStatus, referralStatuses } from "referwell/intake";
import { assignReferrals, createMatcher, directoryRows, filterToSql, hardConstraintFilter } from "referwell/match";
import { assessNetwork, relationshipState } from "referwell/relationships";
import { relationshipEvent } from "../arbitraries/relationships.js";
import { SYNTHETIC_COMPACTS, SYNTHETIC_NOW, syntheticClients, syntheticDirectory, syntheticReferrers } from "../arbitraries/synthetic.js";
import { growthRatio } from "../support/growthRatio.js";
import { assignmentFixture, NOW as ASSIGNMENT_NOW } from "../bench/assignmentFixture.js";

/**
 * Growth checks on public functions not checked in a file of their own: the
 * cost per item at 8n is at most twice the cost at n (8 × a log factor in
 * total), which n log n meets and n^1.5 (2.8) or n² (8) does not.
 */
const NOW = SYNTHETIC_NOW;

// Ten seeded histories of 30 events, given to the referrers in turn.
const HISTORIES = fc.sample(fc.uniqueArray(relationshipEvent("ref"), { minLength: 30, maxLength: 30, selector: (e) => e.id }), {
  numRuns: 10,
  seed: 11,
});

/** Referrers with a relationship each: the network's states. */
function network(n: number) {
  const referrers = syntheticReferrers({ seed: 5, count: n });
  const states = referrers.map((referrer, i) => {
    const events = (HISTORIES[i % HISTORIES.length] ?? []).map((event) => ({ ...event, referrerId: referrer.id }));
    return relationshipState(events, { now: NOW, referrerId: referrer.id });
  });
  return { referrers, states };
}

describe("growth: matching", () => {
  it("createMatcher: clinicians", () => {
    const ratio = growthRatio(
      500,
      (n) => syntheticDirectory({ seed: 7, clinicians: n }),
      (directory) => createMatcher(directory),
      3,
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("rank: one request against a directory of n clinicians", () => {
    const clients = syntheticClients({ seed: 8, count: 20 });
    const build = (n: number) => createMatcher(syntheticDirectory({ seed: 7, clinicians: n }));
    const ratio = growthRatio(1_000, build, (matcher) => {
      for (const client of clients) matcher.rank({ client }, { now: NOW });
    });
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("rankCandidates: every clinician of a directory of n as a candidate", () => {
    const clients = syntheticClients({ seed: 8, count: 5 });
    const build = (n: number) => {
      const directory = syntheticDirectory({ seed: 7, clinicians: n });
      return { matcher: createMatcher(directory), ids: directory.clinicians.map((clinician) => clinician.id) };
    };
    const ratio = growthRatio(1_000, build, ({ matcher, ids }) => {
      for (const client of clients) matcher.rankCandidates({ client }, ids, { now: NOW });
    });
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("rankCandidates: n requests, each with five candidates, against a directory of 32n: each costs what its candidates hold", () => {
    const clients = syntheticClients({ seed: 8, count: 20 });
    const build = (n: number) => {
      const directory = syntheticDirectory({ seed: 7, clinicians: 32 * n });
      const ids = directory.clinicians.map((clinician) => clinician.id);
      return { matcher: createMatcher(directory), calls: Array.from({ length: n }, (_, i) => ids.slice(5 * i, 5 * i + 5)) };
    };
    const ratio = growthRatio(100, build, ({ matcher, calls }) =>
      calls.forEach((candidates, i) => matcher.rankCandidates({ client: clients[i % clients.length] as never }, candidates, { now: NOW })),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("explain: each clinician of a directory of n, one at a time", () => {
    const [client] = syntheticClients({ seed: 8, count: 1 });
    const build = (n: number) => {
      const directory = syntheticDirectory({ seed: 7, clinicians: n });
      return { matcher: createMatcher(directory), ids: directory.clinicians.map((clinician) => clinician.id) };
    };
    const ratio = growthRatio(500, build, ({ matcher, ids }) => {
      for (const id of ids) matcher.explain({ client: client as never }, id, { now: NOW });
    });
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("assignReferrals: a week's referrals to a group practice of 40 clinicians with five places each", () => {
    const build = (n: number) => assignmentFixture({ seed: 3, referrals: n, clinicians: 40, places: 5 });
    const ratio = growthRatio(100, build, ({ referrals, clinicians }) =>
      assignReferrals(referrals, clinicians, { now: ASSIGNMENT_NOW, compacts: SYNTHETIC_COMPACTS }),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });
});

describe("growth: pushing the matcher down to a database", () => {
  it("directoryRows: clinicians", () => {
    const ratio = growthRatio(
      500,
      (n) => syntheticDirectory({ seed: 7, clinicians: n }),
      (directory) => directoryRows(directory),
      3,
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("hardConstraintFilter and filterToSql: excluded clinicians, stays and payers in a request", () => {
    const request = (n: number) => ({
      criteria: {
        location: { jurisdiction: "US-OR" },
        stays: Array.from({ length: Math.min(n, 60) }, (_, i) => ({
          place: { jurisdiction: i % 2 === 0 ? "US-WA" : "US-OR" },
          period: { start: `2027-${String(1 + (i % 12)).padStart(2, "0")}-01`, end: `2027-${String(1 + (i % 12)).padStart(2, "0")}-03` },
        })),
        expectedWeeks: 52,
        require: {
          modes: ["telehealth" as const, "in-person" as const],
          excludeClinicianIds: Array.from({ length: n }, (_, i) => `clin-${i}`),
          payment: { payers: Array.from({ length: Math.min(n, 50) }, (_, i) => ({ payerId: `payer-${i}` })) },
        },
      },
    });
    const ratio = growthRatio(50, request, (input) => filterToSql(hardConstraintFilter(input, { now: NOW })));
    expect(ratio).toBeLessThanOrEqual(2);
  });
});

describe("growth: the network and its cadence", () => {
  it("assessNetwork: referrers and their states", () => {
    const ratio = growthRatio(250, network, ({ referrers, states }) => assessNetwork(referrers, states, {}, { now: NOW }));
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("dueTouches: relationship states", () => {
    const ratio = growthRatio(
      250,
      (n) => network(n).states,
      (states) => dueTouches(states, { now: NOW }),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });
});

/** One referral received on a day of September 2026, with `attempts` contact attempts on the days after it, listed latest first. */
function intakeLog(index: number, attempts: number): InboundEventInput[] {
  const day = (offset: number) => new Date(Date.UTC(2026, 8, 1 + (index % 20) + offset)).toISOString().slice(0, 10);
  const referralId = `rf-${index}`;
  const tries = Array.from({ length: attempts }, (_, step): InboundEventInput => ({
    id: `${referralId}-${attempts - step}`,
    referralId,
    date: day(1 + ((attempts - step) % 40)),
    type: "contact-attempted",
    channel: "phone",
  }));
  const received: InboundEventInput = {
    id: `${referralId}-0`,
    referralId,
    date: day(0),
    type: "received",
    referrerId: `ref-${index % 50}`,
    addressedTo: "practice",
    clinicianId: "clin-1",
    urgency: "routine",
    needs: ["anxiety"],
  };
  return [...tries, received];
}

describe("growth: intake", () => {
  it("referralStatuses: referrals of 20 events each", () => {
    const ratio = growthRatio(
      500,
      (n) => Array.from({ length: n }, (_, index) => intakeLog(index, 19)),
      (logs) => referralStatuses(logs, { now: "2026-11-23", holidays: ["2026-10-12"] }),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it("referralStatus: events of one referral, out of order", () => {
    const ratio = growthRatio(
      500,
      (n) => intakeLog(0, n - 1),
      (events) => referralStatus(events, { now: "2026-11-23" }),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });
});

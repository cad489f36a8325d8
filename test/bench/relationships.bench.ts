import fc from "fast-check";
import { bench, describe } from "vitest";
import * as z from "zod";
import { validate } from "referwell";
import { assessNetwork, RelationshipEvent, relationshipState } from "referwell/relationships";
import { relationshipEvent } from "../arbitraries/relationships.js";
import { syntheticReferrers } from "../arbitraries/synthetic.js";

const NOW = "2026-11-23";
const referrers = syntheticReferrers({ seed: 4, count: 1_000 });
// 1,000 relationships with 200 events each, seeded.
const logs = referrers.map(
  (referrer, i) =>
    fc.sample(fc.uniqueArray(relationshipEvent(referrer.id), { minLength: 200, maxLength: 200, selector: (e) => e.id }), {
      numRuns: 1,
      seed: i + 1,
    })[0] ?? [],
);
const states = logs.map((events, i) => relationshipState(events, { now: NOW, referrerId: referrers[i]?.id }));
const Events = z.array(RelationshipEvent);

describe("1,000 relationships × 200 events", () => {
  bench("validate the events only (baseline)", () => {
    for (const events of logs) validate(Events, events, "events");
  });
  bench("relationshipState: validate and fold", () => {
    logs.forEach((events, i) => relationshipState(events, { now: NOW, referrerId: referrers[i]?.id }));
  });
});

describe("assessNetwork over 1,000 referrers and their states", () => {
  bench("assessNetwork", () => {
    assessNetwork(referrers, states, {}, { now: NOW });
  });
});

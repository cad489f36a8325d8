import { describe, expect, it } from "vitest";
import { planTouches } from "referwell/cadence";
import { plannerOptions, plannerWorkload } from "../bench/plannerFixture.js";
import { growthRatio } from "../support/growthRatio.js";

/**
 * The planner's cost per touch stays flat as the plan grows: timed at n and
 * 8n touches (the same load per clinician). The bound of 2 leaves room for
 * noise and still fails n^1.5 (2.8) or n² (8).
 */
describe("growth", () => {
  it("planTouches: the cost per touch at 8n is at most twice the cost at n", () => {
    expect(growthRatio(4_000, plannerWorkload, (due) => planTouches(due, plannerOptions))).toBeLessThanOrEqual(2);
  });
});

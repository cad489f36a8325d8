import { describe, expect, it } from "vitest";
import { planTouches } from "referwell/cadence";
import { plannerOptions, plannerWorkload } from "../bench/plannerFixture.js";

/**
 * The planner's cost per touch stays flat as the plan grows: timed at n and
 * 8n touches (the same load per clinician), each the fastest of several runs
 * taken in turn, so a busy machine slows both alike. Only the ratio is
 * asserted, never a duration. Linear gives 1, n log n about 1.25 here; the
 * bound of 2 leaves room for noise and still fails n^1.5 (2.8) or n² (8).
 */
describe("growth", () => {
  it("planTouches: the cost per touch at 8n is at most twice the cost at n", () => {
    const n = 4_000;
    const small = plannerWorkload(n);
    const large = plannerWorkload(8 * n);
    const time = (due: typeof small) => {
      const started = performance.now();
      planTouches(due, plannerOptions);
      return performance.now() - started;
    };
    time(small);
    time(large);
    let [fastestSmall, fastestLarge] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
    for (let run = 0; run < 5; run += 1) {
      fastestSmall = Math.min(fastestSmall, time(small));
      fastestLarge = Math.min(fastestLarge, time(large));
    }
    const ratio = fastestLarge / (8 * n) / (fastestSmall / n);
    expect(ratio).toBeLessThanOrEqual(2);
  });
});

import { describe, expect, it } from "vitest";
import { type PlanOptionsInput, planTouches } from "referwell/cadence";
import { PLAN_START, plannerOptions, plannerWorkload } from "../bench/plannerFixture.js";
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

  it("planTouches: the longest horizon, a zone for each clinician, holidays and the last plan given back as scheduled and previous, all growing with the touches", () => {
    const ZONES = ["America/Los_Angeles", "America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata"];
    const build = (n: number) => {
      const due = plannerWorkload(n);
      const clinicians = Math.max(1, Math.round(n / 200));
      const options: PlanOptionsInput = {
        ...plannerOptions,
        weeks: 104,
        clinicianTimeZones: Array.from({ length: clinicians }, (_, i) => ({
          clinicianId: `clin-${i}`,
          timeZone: ZONES[i % ZONES.length] as string,
        })),
        // A holiday every fourth day from the start on, one per eight touches: most fall beyond the horizon at 8n.
        holidays: Array.from({ length: Math.ceil(n / 8) }, (_, i) =>
          new Date(Date.parse(PLAN_START) + (4 * i + 3) * 86_400_000).toISOString().slice(0, 10),
        ),
      };
      // Half the touches already on the calendar, and the whole last plan as the calendar imported it.
      const last = planTouches(due, options).planned;
      return { due, options: { ...options, scheduled: last.filter((_, i) => i % 2 === 0), previous: last } };
    };
    expect(growthRatio(4_000, build, ({ due, options }) => planTouches(due, options), 3)).toBeLessThanOrEqual(2);
  });
});

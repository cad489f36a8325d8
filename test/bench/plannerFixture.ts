/**
 * A practice's year for the planner's benchmark and growth check: one touch
 * per relationship, due around the plan's start, 200 relationships per
 * clinician whatever the size, so only the size changes between runs.
 */
import type { DueTouch } from "referwell/cadence";
import { seededRandom } from "../arbitraries/synthetic.js";

const DAY_MS = 86_400_000;
export const PLAN_START = "2026-11-23";

/** `relationships` due touches over `relationships / 200` clinicians, clustered around the start (some overdue). */
export function plannerWorkload(relationships: number): DueTouch[] {
  const random = seededRandom(7);
  const clinicians = Math.max(1, Math.round(relationships / 200));
  return Array.from({ length: relationships }, (_, i) => {
    const offset = Math.floor(random() * 420) - 60;
    const dueDate = new Date(Date.parse(`${PLAN_START}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10);
    return {
      id: `ref-${i}:cadence:${dueDate}`,
      referrerId: `ref-${i}`,
      clinicianId: `clin-${i % clinicians}`,
      reason: "cadence",
      dueDate,
      overdueDays: -offset,
      suggestedKind: "coffee",
      value: 1 + (i % 5),
      explanation: "About every 2 months.",
    };
  });
}

/** A year's plan: 52 weeks from the start, four touches per clinician per week, three holidays. */
export const plannerOptions = {
  from: PLAN_START,
  weeks: 52,
  timeZone: "America/Los_Angeles",
  capacity: 4,
  holidays: ["2026-11-26", "2026-12-25", "2027-01-01"],
};

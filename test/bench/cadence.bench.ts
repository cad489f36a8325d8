import { bench, describe } from "vitest";
import { type DueTouch, planTouches } from "referwell/cadence";
import { seededRandom } from "../arbitraries/synthetic.js";

// 10,000 relationships across 50 clinicians: one touch each over the year, clustered around the start.
const random = seededRandom(7);
const due: DueTouch[] = Array.from({ length: 10_000 }, (_, i) => {
  const offset = Math.floor(random() * 420) - 60;
  const dueDate = new Date(Date.parse("2026-11-23T00:00:00Z") + offset * 86_400_000).toISOString().slice(0, 10);
  return {
    id: `ref-${i}:cadence:${dueDate}`,
    referrerId: `ref-${i}`,
    clinicianId: `clin-${i % 50}`,
    reason: "cadence",
    dueDate,
    overdueDays: -offset,
    suggestedKind: "coffee",
    value: 1 + (i % 5),
    explanation: "About every 60 days.",
  };
});
const options = {
  from: "2026-11-23",
  weeks: 52,
  timeZone: "America/Los_Angeles",
  capacity: 4,
  holidays: ["2026-11-26", "2026-12-25", "2027-01-01"],
};

describe("plan 10,000 relationships over 52 weeks", () => {
  bench("planTouches", () => {
    planTouches(due, options);
  });
});

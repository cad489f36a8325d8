/**
 * The planner on a practice's year: 10,000 relationships across 50 clinicians
 * over 52 weeks (the aim is at most 200 ms), and ten times as many across ten
 * times the clinicians, so the cost per touch can be read at both sizes (the
 * same load per clinician, so only the size changes).
 *
 * Beside it, in the same run, the baseline: a greedy first-fit planner as a
 * host might write it with @date-fns/tz (touches by due date, each on the
 * first working day that is no holiday and whose week has room, at the
 * preferred local time). It does less than planTouches: no validation, no
 * levelling within the week, no tolerance window, no clock-change rules, no
 * reconciliation with a previous plan. The durations are reported, never
 * asserted.
 */
import { TZDate } from "@date-fns/tz";
import { bench, describe } from "vitest";
import { type DueTouch, planTouches } from "referwell/cadence";
import { seededRandom } from "../arbitraries/synthetic.js";

const DAY_MS = 86_400_000;
const START = "2026-11-23";

/** One touch per relationship over the year, clustered around the start. */
function dueTouchesFor(relationships: number, clinicians: number): DueTouch[] {
  const random = seededRandom(7);
  return Array.from({ length: relationships }, (_, i) => {
    const offset = Math.floor(random() * 420) - 60;
    const dueDate = new Date(Date.parse(`${START}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10);
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

const options = {
  from: START,
  weeks: 52,
  timeZone: "America/Los_Angeles",
  capacity: 4,
  holidays: ["2026-11-26", "2026-12-25", "2027-01-01"],
};

/** The baseline: greedy first fit, as a host might write it. */
function firstFit(due: readonly DueTouch[]): Array<{ id: string; start: string }> {
  const holidays = new Set(options.holidays);
  const start = Date.parse(`${options.from}T00:00:00Z`);
  const days: string[] = [];
  for (let day = 0; day < options.weeks * 7; day++) {
    const date = new Date(start + day * DAY_MS);
    const weekday = date.getUTCDay();
    const iso = date.toISOString().slice(0, 10);
    if (weekday !== 0 && weekday !== 6 && !holidays.has(iso)) days.push(iso);
  }
  const weekOf = (iso: string) => Math.floor((Date.parse(`${iso}T00:00:00Z`) - start) / (7 * DAY_MS));
  const used = new Map<string, number>();
  const planned: Array<{ id: string; start: string }> = [];
  for (const touch of [...due].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : b.value - a.value))) {
    const day = days.find((iso) => iso >= touch.dueDate && (used.get(`${touch.clinicianId} ${weekOf(iso)}`) ?? 0) < options.capacity);
    if (day === undefined) continue;
    const key = `${touch.clinicianId} ${weekOf(day)}`;
    used.set(key, (used.get(key) ?? 0) + 1);
    const [year, month, date] = day.split("-").map(Number) as [number, number, number];
    planned.push({ id: touch.id, start: new TZDate(year, month - 1, date, 10, 0, options.timeZone).toISOString() });
  }
  return planned;
}

const year = dueTouchesFor(10_000, 50);
const tenTimes = dueTouchesFor(100_000, 500);

describe("plan 10,000 relationships over 52 weeks", () => {
  bench("greedy first fit with @date-fns/tz (baseline)", () => {
    firstFit(year);
  });
  bench("planTouches", () => {
    planTouches(year, options);
  });
});

describe("per touch at ten times the size: 100,000 relationships, 500 clinicians", () => {
  bench(
    "planTouches, 100,000 touches (divide the mean by 10 to compare per touch)",
    () => {
      planTouches(tenTimes, options);
    },
    { time: 0, iterations: 3, warmupIterations: 1 },
  );
});

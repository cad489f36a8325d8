/**
 * The planner on a practice's year: 10,000 relationships across 50 clinicians
 * over 52 weeks (the aim is at most 200 ms), and ten and a hundred times as
 * many across as many more clinicians, so the cost per touch can be read at
 * 10k, 100k and 1M (the same load per clinician, so only the size changes;
 * test/growth/planTouches.test.ts checks the ratio).
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
import { plannerOptions as options, plannerWorkload } from "./plannerFixture.js";

const DAY_MS = 86_400_000;

/**
 * The baseline: greedy first fit, as a careful host might write it — the
 * working days and their weeks computed once, the first day on or after the
 * due date found by binary search, the same order as planTouches (due date,
 * value, id), and each start written with @date-fns/tz.
 */
function firstFit(due: readonly DueTouch[]): Array<{ id: string; start: string }> {
  const holidays = new Set(options.holidays);
  const start = Date.parse(`${options.from}T00:00:00Z`);
  const days: string[] = [];
  const weeks: number[] = [];
  for (let day = 0; day < options.weeks * 7; day++) {
    const date = new Date(start + day * DAY_MS);
    const weekday = date.getUTCDay();
    const iso = date.toISOString().slice(0, 10);
    if (weekday !== 0 && weekday !== 6 && !holidays.has(iso)) {
      days.push(iso);
      weeks.push(Math.floor(day / 7));
    }
  }
  const firstFrom = (date: string) => {
    let [low, high] = [0, days.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((days[middle] as string) < date) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const used = new Map<string, number>();
  const planned: Array<{ id: string; start: string }> = [];
  const order = [...due].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : b.value - a.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  for (const touch of order) {
    let index = firstFrom(touch.dueDate);
    while (index < days.length && (used.get(`${touch.clinicianId} ${weeks[index]}`) ?? 0) >= options.capacity) index += 1;
    if (index === days.length) continue;
    const key = `${touch.clinicianId} ${weeks[index]}`;
    used.set(key, (used.get(key) ?? 0) + 1);
    const [year, month, date] = (days[index] as string).split("-").map(Number) as [number, number, number];
    planned.push({ id: touch.id, start: new TZDate(year, month - 1, date, 10, 0, options.timeZone).toISOString() });
  }
  return planned;
}

const year = plannerWorkload(10_000);
const tenTimes = plannerWorkload(100_000);

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

// At the schema's limit the workload is built inside the run, so it is not held while the other cases run.
describe("per touch at a hundred times the size: 1,000,000 relationships, 5,000 clinicians", () => {
  let million: DueTouch[] = [];
  bench(
    "planTouches, 1,000,000 touches (divide the mean by 100 to compare per touch)",
    () => {
      planTouches(million, options);
    },
    {
      time: 0,
      iterations: 2,
      warmupIterations: 0,
      setup: () => {
        million = plannerWorkload(1_000_000);
      },
      teardown: () => {
        million = [];
      },
    },
  );
});

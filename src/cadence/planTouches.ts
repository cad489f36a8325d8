import * as z from "zod";
import { validate } from "../model/validate.js";
import { addCalendarDays } from "../model/internal/addCalendarDays.js";
import { dayOf } from "../model/internal/dayOf.js";
import { instantIn } from "../model/internal/instantIn.js";
import { minutesOf } from "../model/internal/minutesOf.js";
import { daySlots } from "./internal/daySlots.js";
import { planDays } from "./internal/planDays.js";
import { reconcile } from "./internal/reconcile.js";
import { textRanks } from "./internal/textRanks.js";
import { planCalendar } from "./internal/planCalendar.js";
import { plannedTouch } from "./internal/plannedTouch.js";
import { DueTouch, type DueTouchInput, PlannedTouch, PlanOptions, type PlanOptionsInput } from "./schemas.js";

/** A due touch that could not be placed, and why. */
export interface UnplacedTouch {
  /** The due touch. */
  readonly touch: DueTouch;
  /** `due-after-horizon`: it falls due after the plan ends; `no-capacity`: every working day until then is full. */
  readonly reason: "due-after-horizon" | "no-capacity";
}

/** A dated plan of touches, and what could not be placed. */
export interface TouchPlan {
  /** Placed touches, by start time, then id. */
  readonly planned: readonly PlannedTouch[];
  /** Touches that could not be placed, with the reason. */
  readonly unplaced: readonly UnplacedTouch[];
  /** Touches of `previous` that this plan drops (neither planned nor scheduled), each with its next `sequence`: calendars cancel them. */
  readonly cancelled: readonly PlannedTouch[];
}

const Due = z.array(DueTouch).max(1_000_000);

/**
 * The plan's last day: `weeks` weeks from `from`, and never after
 * 9999-12-30, so every start and end, in any zone and in UTC, has a
 * four-digit year (RFC 5545 §3.3.4 and §3.3.5 write `YYYY`).
 */
const lastDay = (from: string, weeks: number): string => {
  const end = addCalendarDays(from, weeks * 7 - 1);
  return end < LAST_PLANNABLE ? end : LAST_PLANNABLE;
};
const LAST_PLANNABLE = "9999-12-30";

/**
 * Puts due touches on real calendars (seed 003: realistic and sustainable):
 * each on a working day that is not a holiday, from `from` for `weeks`
 * weeks, at most `capacity` per clinician per week, most overdue and most
 * valuable first, and spread: within the tolerance window after its due date
 * a touch goes to the clinician's least loaded day, so touches do not pile
 * up. Touches on one day follow each other from the preferred local time,
 * in the clinician's time zone or the practice's. Whatever cannot be placed
 * comes back with the reason. Feeding a plan back as `scheduled` plans
 * nothing twice.
 *
 * @param due - touches from `dueTouches`
 * @param options - the calendar and capacity, from the day `from` falls on in `timeZone` (or, when later, in a clinician's own zone); see {@link PlanOptions}
 * @throws {@link InvalidInputError} when an input is malformed
 *
 * @example
 * ```ts
 * import { planTouches } from "referwell/cadence";
 *
 * const touch = (id: string, dueDate: string) => ({
 *   id,
 *   referrerId: id,
 *   clinicianId: "clin-ana",
 *   reason: "cadence" as const,
 *   dueDate,
 *   overdueDays: 0,
 *   suggestedKind: "coffee" as const,
 *   value: 2,
 *   explanation: "About every 60 days.",
 * });
 * const plan = planTouches([touch("a", "2026-11-20"), touch("b", "2026-11-26"), touch("c", "2026-11-27")], {
 *   from: "2026-11-23",
 *   weeks: 2,
 *   timeZone: "America/Los_Angeles",
 *   holidays: ["2026-11-26", "2026-11-27"],
 *   capacity: 2,
 * });
 * plan.planned.map((p) => `${p.id} ${p.date} ${p.start}`); // => ["a 2026-11-23 2026-11-23T10:00:00-08:00", "b 2026-11-30 2026-11-30T10:00:00-08:00", "c 2026-12-01 2026-12-01T10:00:00-08:00"]
 * ```
 */
export function planTouches(due: readonly DueTouchInput[], options: PlanOptionsInput): TouchPlan {
  const touches = validate(Due, due, "due");
  const settings = validate(PlanOptions, options, "options");
  const from = dayOf(settings.from, settings.timeZone);
  const end = lastDay(from, settings.weeks);
  const zones = new Map(settings.clinicianTimeZones.map((entry) => [entry.clinicianId, entry.timeZone]));
  const days = planDays(from, end, settings, new Set([settings.timeZone, ...zones.values()]));
  const dayIndex = new Map(days.map((day, index) => [day, index]));
  const { dayNumbers, dayWeek, nextWeekStart, dayNumber, weekNumber, firstDayFrom } = planCalendar(from, days);
  const weekCount = settings.weeks + 1;

  // Load per owner (a clinician, or the practice for touches without one): per week and per working day.
  const loads = new Map<string, { week: Int32Array; day: Int32Array }>();
  const loadOf = (who: string) => {
    let load = loads.get(who);
    if (load === undefined) {
      load = { week: new Int32Array(weekCount), day: new Int32Array(days.length) };
      loads.set(who, load);
    }
    return load;
  };
  const owner = (touch: DueTouch) => touch.clinicianId ?? "";
  const held = new Set(settings.scheduled.map((touch) => touch.id));
  for (const touch of settings.scheduled) {
    const load = loadOf(owner(touch));
    const week = weekNumber(touch.date);
    if (week >= 0 && week < weekCount) load.week[week] = (load.week[week] ?? 0) + 1;
    const index = dayIndex.get(touch.date);
    if (index !== undefined) load.day[index] = (load.day[index] ?? 0) + 1;
  }
  // An instant `from` is a day in each owner's own calendar: at 20:00 UTC on 1 March it is already 2 March in Sydney, and
  // a Sydney clinician's plan starts there; never before the practice's day, so no plan starts on a day already over.
  const firstDays = new Map<string, string>();
  const firstDayIn = (timeZone: string): string => {
    let first = firstDays.get(timeZone);
    if (first === undefined) {
      const own = dayOf(settings.from, timeZone);
      firstDays.set(timeZone, (first = own > from ? own : from));
    }
    return first;
  };
  const slot = daySlots(minutesOf(settings.preferredTime), settings.durationMinutes);
  // Many touches start at the same instant in the same zone: each instant is written once per plan.
  const instants = new Map<string, string>();
  const instantOf = (ms: number, timeZone: string): string => {
    const key = `${timeZone} ${ms}`;
    let text = instants.get(key);
    if (text === undefined) instants.set(key, (text = instantIn(ms, timeZone)));
    return text;
  };

  // Sorted on keys computed once per touch (due day, value, the id's rank), so no comparison reads a string.
  const pending = touches.filter((touch) => !held.has(touch.id));
  const ranks = textRanks(pending.map((touch) => touch.id));
  const dueMs = Float64Array.from(pending, (touch) => Date.parse(touch.dueDate));
  const order = Array.from(pending, (_, index) => index).sort(
    (a, b) =>
      (dueMs[a] as number) - (dueMs[b] as number) ||
      (pending[b] as DueTouch).value - (pending[a] as DueTouch).value ||
      (ranks[a] as number) - (ranks[b] as number),
  );
  const planned: PlannedTouch[] = [];
  // Each planned touch's start instant and id rank, for the final order.
  const plannedStart: number[] = [];
  const plannedRank: number[] = [];
  const unplaced: UnplacedTouch[] = [];
  for (const position of order) {
    const touch = pending[position] as DueTouch;
    if (touch.dueDate > end) {
      unplaced.push({ touch, reason: "due-after-horizon" });
      continue;
    }
    const load = loadOf(owner(touch));
    const timeZone = (touch.clinicianId === null ? undefined : zones.get(touch.clinicianId)) ?? settings.timeZone;
    const first = firstDayIn(timeZone);
    const earliest = touch.dueDate > first ? touch.dueDate : first;
    const windowEnd = dayNumber(earliest) + settings.toleranceDays;
    let chosen = -1;
    let chosenLoad = Number.POSITIVE_INFINITY;
    for (let index = firstDayFrom(earliest); index < days.length; index += 1) {
      const day = dayNumbers[index] as number;
      // Past the window, a day in the window already chosen wins; else the search ends with the first week that had room.
      if (day > windowEnd && chosen >= 0 && ((dayNumbers[chosen] as number) <= windowEnd || dayWeek[chosen] !== dayWeek[index])) break;
      if ((load.week[dayWeek[index] as number] ?? 0) >= settings.capacity) {
        index = (nextWeekStart[index] as number) - 1;
        continue;
      }
      const dayLoad = load.day[index] ?? 0;
      // The least loaded day wins (earliest on ties): within the window, or within the first week past it with room.
      if (dayLoad < chosenLoad) [chosen, chosenLoad] = [index, dayLoad];
      if (dayLoad === 0) break;
    }
    if (chosen < 0) {
      unplaced.push({ touch, reason: "no-capacity" });
      continue;
    }
    const date = days[chosen] as string;
    const startMs = slot(date, timeZone, load.day[chosen] ?? 0);
    load.week[dayWeek[chosen] as number] = (load.week[dayWeek[chosen] as number] ?? 0) + 1;
    load.day[chosen] = (load.day[chosen] ?? 0) + 1;
    const start = instantOf(startMs, timeZone);
    // The end is the start plus the duration in real minutes, even across a clock change.
    const finish = instantOf(startMs + settings.durationMinutes * 60_000, timeZone);
    planned.push(plannedTouch(touch, date, timeZone, start, finish));
    plannedStart.push(startMs);
    plannedRank.push(ranks[position] as number);
  }
  const reconciled = reconcile(planned, settings.previous, held);
  // By start, then id: the keys were kept while planning; reconciling keeps the list's order.
  const list = reconciled.planned;
  const byStart = Array.from(list, (_, index) => index)
    .sort((a, b) => (plannedStart[a] as number) - (plannedStart[b] as number) || (plannedRank[a] as number) - (plannedRank[b] as number))
    .map((index) => list[index] as PlannedTouch);
  return { planned: byStart, unplaced, cancelled: reconciled.cancelled };
}

import { z } from "zod";
import { validate } from "../model/validate.js";
import { addCalendarDays } from "../relationships/addCalendarDays.js";
import { localInstant } from "./localInstant.js";
import { DueTouch, PlannedTouch, PlanOptions } from "./schemas.js";

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
}

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const Due = z.array(DueTouch).max(1_000_000);

/**
 * Minutes from the preferred time of the `position`-th touch of a day: the
 * following slots while they end by midnight, then the slots before it, so a
 * day's touches never spill into the next day.
 */
function slotOffset(position: number, preferred: string, duration: number): number {
  const start = Number(preferred.slice(0, 2)) * 60 + Number(preferred.slice(3, 5));
  const after = Math.max(1, Math.floor((1440 - start) / duration));
  if (position < after) return position * duration;
  const before = (position - after + 1) * duration;
  return before <= start ? -before : (after - 1) * duration;
}

/** Monday of the week that holds the date. */
const weekOf = (date: string): string => addCalendarDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));

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
 * @param options - the calendar and capacity; see {@link PlanOptions}
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
export function planTouches(due: unknown, options: unknown): TouchPlan {
  const touches = validate(Due, due, "due");
  const settings = validate(PlanOptions, options, "options");
  const end = addCalendarDays(settings.from, settings.weeks * 7 - 1);
  const holidays = new Set(settings.holidays);
  const working = new Set(settings.workingDays);
  const zones = new Map(settings.clinicianTimeZones.map((entry) => [entry.clinicianId, entry.timeZone]));
  const days: string[] = [];
  for (let day = settings.from; day <= end; day = addCalendarDays(day, 1)) {
    if (working.has(WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()] as (typeof WEEKDAYS)[number]) && !holidays.has(day)) days.push(day);
  }
  const dayIndex = new Map(days.map((day, index) => [day, index]));
  const weeks = new Map(days.map((day) => [day, weekOf(day)]));
  const week = (day: string) => weeks.get(day) ?? weekOf(day);

  // Load per owner (a clinician, or the practice for touches without one): per week and per day.
  const perWeek = new Map<string, number>();
  const perDay = new Map<string, number>();
  const owner = (touch: DueTouch) => touch.clinicianId ?? "";
  const book = (who: string, day: string) => {
    perWeek.set(`${who}|${week(day)}`, (perWeek.get(`${who}|${week(day)}`) ?? 0) + 1);
    perDay.set(`${who}|${day}`, (perDay.get(`${who}|${day}`) ?? 0) + 1);
  };
  const held = new Set(settings.scheduled.map((touch) => touch.id));
  for (const touch of settings.scheduled) book(owner(touch), touch.date);

  const order = [...touches]
    .filter((touch) => !held.has(touch.id))
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : b.value - a.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  const planned: PlannedTouch[] = [];
  const unplaced: UnplacedTouch[] = [];
  for (const touch of order) {
    if (touch.dueDate > end) {
      unplaced.push({ touch, reason: "due-after-horizon" });
      continue;
    }
    const who = owner(touch);
    const earliest = touch.dueDate > settings.from ? touch.dueDate : settings.from;
    const windowEnd = addCalendarDays(earliest, settings.toleranceDays);
    const fits = (day: string) => (perWeek.get(`${who}|${week(day)}`) ?? 0) < settings.capacity;
    let chosen: string | undefined;
    let chosenLoad = Number.POSITIVE_INFINITY;
    for (let index = days.findIndex((day) => day >= earliest); index >= 0 && index < days.length; index += 1) {
      const day = days[index] as string;
      if (day > windowEnd && chosen !== undefined) break;
      if (!fits(day)) continue;
      const load = perDay.get(`${who}|${day}`) ?? 0;
      // Within the window, the least loaded day wins (earliest on ties); past it, the first day with room.
      if (load < chosenLoad) [chosen, chosenLoad] = [day, load];
      if (day > windowEnd || load === 0) break;
    }
    if (chosen === undefined || !dayIndex.has(chosen)) {
      unplaced.push({ touch, reason: "no-capacity" });
      continue;
    }
    const timeZone = (touch.clinicianId === null ? undefined : zones.get(touch.clinicianId)) ?? settings.timeZone;
    const position = perDay.get(`${who}|${chosen}`) ?? 0;
    book(who, chosen);
    const offset = slotOffset(position, settings.preferredTime, settings.durationMinutes);
    const start = localInstant(chosen, settings.preferredTime, timeZone, offset);
    planned.push({
      ...touch,
      date: chosen,
      localTime: start.slice(11, 16),
      timeZone,
      start,
      end: localInstant(chosen, settings.preferredTime, timeZone, offset + settings.durationMinutes),
    });
  }
  planned.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { planned, unplaced };
}

import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { calendarDays } from "../../model/internal/calendarDays.js";
import { weekdayOf } from "../../model/internal/weekdayOf.js";

/** A plan's working days, numbered, with their weeks, so loads live in arrays rather than string-keyed maps. */
export interface PlanCalendar {
  /** The working days, in order. */
  readonly days: readonly string[];
  /** Each working day's number of days since the Monday of the plan's first week. */
  readonly dayNumbers: readonly number[];
  /** Each working day's week, counted from the plan's first week. */
  readonly dayWeek: readonly number[];
  /** For each working day, the index of the first working day of the next week: full weeks are skipped whole. */
  readonly nextWeekStart: readonly number[];
  /** A date's number of days since the Monday of the plan's first week. */
  readonly dayNumber: (date: string) => number;
  /** A date's week, counted from the plan's first week. */
  readonly weekNumber: (date: string) => number;
  /** The index of the first working day on or after a date, by binary search (`days.length` when none). */
  readonly firstDayFrom: (date: string) => number;
}

/** Numbers a plan's working days from the Monday of the week that holds `from`. */
export function planCalendar(from: string, days: readonly string[]): PlanCalendar {
  const firstMonday = addCalendarDays(from, -weekdayOf(from));
  const dayNumber = (date: string) => calendarDays(firstMonday, date);
  const weekNumber = (date: string) => Math.floor(dayNumber(date) / 7);
  const dayWeek = days.map(weekNumber);
  const nextWeekStart = days.map(() => days.length);
  for (let index = days.length - 2; index >= 0; index -= 1) {
    nextWeekStart[index] = dayWeek[index + 1] !== dayWeek[index] ? index + 1 : (nextWeekStart[index + 1] as number);
  }
  const firstDayFrom = (date: string): number => {
    let [low, high] = [0, days.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((days[middle] as string) < date) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return { days, dayNumbers: days.map(dayNumber), dayWeek, nextWeekStart, dayNumber, weekNumber, firstDayFrom };
}

import type { Weekday } from "../../model/enums.js";
import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { calendarDays } from "../../model/internal/calendarDays.js";
import { weekdayOf } from "../../model/internal/weekdayOf.js";

const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** Business days: working weekdays that are not holidays. */
export interface WorkingCalendar {
  /** The date `count` business days after `date` (the day itself not counted); `date` when `count` is 0. */
  addBusinessDays(date: string, count: number): string;
  /** Business days after `from`, up to and including `to`; 0 when `to` is not later. */
  businessDaysBetween(from: string, to: string): number;
}

/**
 * A practice's working calendar. Counting walks whole weeks at a time and
 * then the holidays in the span, so its cost follows the holidays, not the
 * length of the span.
 */
export function workingCalendar(workingDays: readonly Weekday[], holidays: readonly string[]): WorkingCalendar {
  const working = WEEKDAYS.map((day) => workingDays.includes(day));
  const perWeek = working.filter(Boolean).length;
  const isWorking = (date: string) => working[weekdayOf(date)] === true;
  // Only holidays on working days take a business day away; sorted, for counting within a span.
  const closed = [...new Set(holidays)].filter(isWorking).sort();
  const closedSet = new Set(closed);
  /** Working weekdays after `from` up to and including `to`, holidays counted as working. */
  const weekdaysBetween = (from: string, to: string): number => {
    const days = calendarDays(from, to);
    if (days <= 0) return 0;
    let count = Math.floor(days / 7) * perWeek;
    for (let offset = Math.floor(days / 7) * 7 + 1; offset <= days; offset++) if (isWorking(addCalendarDays(from, offset))) count++;
    return count;
  };
  /** Holidays on working days after `from` up to and including `to`. */
  const holidaysBetween = (from: string, to: string): number => {
    let low = 0;
    let high = closed.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((closed[middle] as string) <= from) low = middle + 1;
      else high = middle;
    }
    let count = 0;
    for (let index = low; index < closed.length && (closed[index] as string) <= to; index++) count++;
    return count;
  };
  const businessDaysBetween = (from: string, to: string): number => Math.max(0, weekdaysBetween(from, to) - holidaysBetween(from, to));
  const addBusinessDays = (date: string, count: number): string => {
    if (count <= 0) return date;
    // A first guess by whole weeks, then a step a day at a time past the holidays it met.
    let day = addCalendarDays(date, Math.max(0, Math.floor((count - 1) / perWeek)) * 7);
    let left = count - businessDaysBetween(date, day);
    while (left > 0) {
      day = addCalendarDays(day, 1);
      if (isWorking(day) && !closedSet.has(day)) left--;
    }
    return day;
  };
  return { addBusinessDays, businessDaysBetween };
}

import type { Weekday } from "../../model/enums.js";
import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { calendarDays } from "../../model/internal/calendarDays.js";
import { weekdayOf } from "../../model/internal/weekdayOf.js";
import { remember } from "../../model/internal/remember.js";

const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const EPOCH = "1970-01-01";
const EPOCH_WEEKDAY = weekdayOf(EPOCH);

/** Days since 1970-01-01, and back: counting works on whole numbers, text is written once at the end. */
const dayNumber = (date: string): number => calendarDays(EPOCH, date);
const dateOf = (day: number): string => addCalendarDays(EPOCH, day);
/** Monday = 0 to Sunday = 6, of a day number. */
const weekdayOfDay = (day: number): number => (((day + EPOCH_WEEKDAY) % 7) + 7) % 7;

/** Business days: working weekdays that are not holidays. */
export interface WorkingCalendar {
  /** The date `count` business days after `date` (the day itself not counted); `date` when `count` is 0. */
  addBusinessDays(date: string, count: number): string;
  /** Business days after `from`, up to and including `to`; 0 when `to` is not later. */
  businessDaysBetween(from: string, to: string): number;
}

/**
 * A practice's working calendar. Counting takes whole weeks at a time and
 * then the holidays in the span, so its cost follows the holidays, not the
 * length of the span.
 */
export function workingCalendar(workingDays: readonly Weekday[], holidays: readonly string[]): WorkingCalendar {
  // A practice asks with the same days and holidays call after call: the calendar, and the days it has read, are kept.
  const key = `${workingDays.join(" ")}|${holidays.join(" ")}`;
  return remember(calendars, key, KEPT_CALENDARS, () => buildCalendar(workingDays, holidays));
}

/** Calendars by working days and holidays; bounded (a size of referwell's own), and each holds only dates. */
const calendars = new Map<string, WorkingCalendar>();
const KEPT_CALENDARS = 16;
/** Days read or written per calendar before its memory starts again. */
const KEPT_DAYS = 65_536;

function buildCalendar(workingDays: readonly Weekday[], holidays: readonly string[]): WorkingCalendar {
  const working = WEEKDAYS.map((day) => workingDays.includes(day));
  const perWeek = working.filter(Boolean).length;
  const isWorking = (day: number) => working[weekdayOfDay(day)] === true;
  // Only holidays on working days take a business day away; sorted, for counting within a span.
  const closed = Int32Array.from(new Set(holidays.map(dayNumber)))
    .filter(isWorking)
    .sort();
  /** Holidays on working days after `from` up to and including `to`. */
  const holidaysBetween = (from: number, to: number): number => {
    const firstAfter = (bound: number) => {
      let [low, high] = [0, closed.length];
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((closed[middle] as number) <= bound) low = middle + 1;
        else high = middle;
      }
      return low;
    };
    return firstAfter(to) - firstAfter(from);
  };
  const between = (from: number, to: number): number => {
    const days = to - from;
    if (days <= 0) return 0;
    let count = Math.floor(days / 7) * perWeek;
    for (let day = from + Math.floor(days / 7) * 7 + 1; day <= to; day++) if (isWorking(day)) count++;
    return count - holidaysBetween(from, to);
  };
  const add = (from: number, count: number): number => {
    if (count <= 0) return from;
    // A first guess by whole weeks, then a step a day at a time past the holidays it met.
    let day = from + Math.floor((count - 1) / perWeek) * 7;
    let left = count - between(from, day);
    while (left > 0) {
      day += 1;
      if (isWorking(day) && holidaysBetween(day - 1, day) === 0) left--;
    }
    return day;
  };
  // A practice's referrals fall on a few hundred days: each is read from text, or written, once.
  const numbers = new Map<string, number>();
  const dates = new Map<number, string>();
  const numberOf = (date: string): number => remember(numbers, date, KEPT_DAYS, dayNumber);
  const textOf = (day: number): string => remember(dates, day, KEPT_DAYS, dateOf);
  return {
    addBusinessDays: (date, count) => (count <= 0 ? date : textOf(add(numberOf(date), count))),
    businessDaysBetween: (from, to) => between(numberOf(from), numberOf(to)),
  };
}

import { addCalendarDays } from "./addCalendarDays.js";

/** An interval as a policy holds it: a number of days, or days, weeks or calendar months. */
export type Interval = number | { readonly days: number } | { readonly weeks: number } | { readonly months: number };

const LAST_DAY = "9999-12-31";

/**
 * Calendar months as date-fns `addMonths` adds them: the same day of the
 * month, or the month's last day when it has fewer (31 January + 1 month is
 * 28 February, or 29 in a leap year); never past 9999-12-31.
 */
function addMonths(date: string, months: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  if (year > 9999) return LAST_DAY;
  const month = (total % 12) + 1;
  const days =
    new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 1 : 0);
  const day = Math.min(Number(date.slice(8, 10)), days);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A date plus an interval: days and weeks as whole days, months as calendar months (month ends clamp). */
export function addInterval(date: string, interval: Interval): string {
  if (typeof interval === "number") return addCalendarDays(date, interval);
  if ("days" in interval) return addCalendarDays(date, interval.days);
  if ("weeks" in interval) return addCalendarDays(date, interval.weeks * 7);
  return addMonths(date, interval.months);
}

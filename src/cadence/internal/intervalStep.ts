import { addCalendarDays } from "../../model/internal/addCalendarDays.js";

/** An interval as the policy holds it: a number of days, or days, weeks or calendar months. */
export type Interval = number | { readonly days: number } | { readonly weeks: number } | { readonly months: number };

/** A stretched interval: how to add it to a date, and how to say it. */
export interface IntervalStep {
  readonly add: (date: string) => string;
  readonly text: string;
}

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

/** The interval stretched by `factor` (rounded to whole units, at least one) as a step to add to dates. */
export function intervalStep(interval: Interval, factor: number): IntervalStep {
  const scale = (size: number) => Math.max(1, Math.round(size * factor));
  if (typeof interval === "number" || "days" in interval) {
    const days = scale(typeof interval === "number" ? interval : interval.days);
    return { add: (date) => addCalendarDays(date, days), text: `${days} days` };
  }
  if ("weeks" in interval) {
    const weeks = scale(interval.weeks);
    return { add: (date) => addCalendarDays(date, weeks * 7), text: weeks === 1 ? "week" : `${weeks} weeks` };
  }
  const months = scale(interval.months);
  return { add: (date) => addMonths(date, months), text: months === 1 ? "month" : `${months} months` };
}

/** Calendar arithmetic written independently of referwell's, for properties to check it against. */
const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A date `days` days later (earlier when negative). */
export const shiftDays = (date: string, days: number): string => iso(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);

/** `months` calendar months after a date, as date-fns `addMonths` has it: the same day, or the last day of a shorter month. */
export const shiftMonths = (date: string, months: number): string => {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return iso(Date.UTC(year, month - 1 + months, Math.min(day, last)));
};

/** An interval as a policy writes it (a bare number of days, `{ days }`, `{ weeks }` or `{ months }`) after a date. */
export const shiftBy = (date: string, interval: number | { days: number } | { weeks: number } | { months: number }): string =>
  typeof interval === "number"
    ? shiftDays(date, interval)
    : "days" in interval
      ? shiftDays(date, interval.days)
      : "weeks" in interval
        ? shiftDays(date, interval.weeks * 7)
        : shiftMonths(date, interval.months);

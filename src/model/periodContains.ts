import type { IsoDate, Period } from "./scalars.js";

/**
 * Whether a calendar date falls within a period, both ends inclusive; an
 * open end runs forever.
 *
 * @param period - the period, as stored
 * @param date - the date to test, `YYYY-MM-DD`
 *
 * @example
 * ```ts
 * import { periodContains } from "referwell";
 *
 * periodContains({ start: "2026-01-01", end: "2026-12-31" }, "2026-12-31"); // => true
 * periodContains({ start: "2026-01-01", end: "2026-12-31" }, "2027-01-01"); // => false
 * periodContains({ start: "2026-01-01" }, "2099-01-01"); // => true
 * ```
 */
export function periodContains(period: Period, date: IsoDate): boolean {
  // YYYY-MM-DD strings order as the dates they name.
  return date >= period.start && (period.end === undefined || date <= period.end);
}

import { withinPeriod } from "./internal/withinPeriod.js";
import { IsoDate, Period } from "./scalars.js";
import { validate } from "./validate.js";

/**
 * Whether a calendar date falls within a period, both ends inclusive; an
 * open end runs forever.
 *
 * @param period - the period, as stored
 * @param date - the date to test, `YYYY-MM-DD`
 * @throws {@link InvalidInputError} when the period or the date is malformed
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
  return withinPeriod(validate(Period, period, "period"), validate(IsoDate, date, "date"));
}

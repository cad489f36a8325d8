import { dayOf } from "./internal/dayOf.js";
import { Now, NowOptions } from "./now.js";
import type { IsoDate } from "./scalars.js";
import { validate } from "./validate.js";

const DayOptions = NowOptions.pick({ timeZone: true });

/**
 * The calendar day a `now` falls on, by the rule every referwell function
 * follows: a date is that day; an instant is its date in `timeZone` when one
 * is given, else its date at its own offset, as written
 * (`2026-11-23T23:30:00-08:00` is the 23rd where it was written, though
 * already the 24th in UTC).
 *
 * @param now - an instant with its offset, or a calendar date
 * @param options.timeZone - the IANA time zone whose calendar day an instant
 *   falls on; without it, the day at the instant's own offset
 * @throws {@link InvalidInputError} when `now` is not a `Now` or `timeZone`
 *   is not a known IANA time zone
 *
 * @example
 * ```ts
 * import { calendarDateOf } from "referwell";
 *
 * calendarDateOf("2026-11-23T23:30:00-08:00"); // => "2026-11-23"
 * calendarDateOf("2026-11-23T22:00:00Z", { timeZone: "Australia/Sydney" }); // => "2026-11-24"
 * calendarDateOf("2026-11-23", { timeZone: "Australia/Sydney" }); // => "2026-11-23"
 * ```
 */
export function calendarDateOf(now: Now, options: { readonly timeZone?: string } = {}): IsoDate {
  const { timeZone } = validate(DayOptions, options, "options");
  return dayOf(validate(Now, now, "now"), timeZone);
}

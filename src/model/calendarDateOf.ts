import type { IsoDate } from "./scalars.js";
import type { Now } from "./now.js";

/**
 * The calendar date a `now` names: the date itself, or the date part of an
 * instant as written at its own offset (`2026-11-23T23:30:00-08:00` is the
 * 23rd where it was written, though already the 24th in UTC).
 *
 * @param now - a validated `Now`
 *
 * @example
 * ```ts
 * import { calendarDateOf } from "referwell";
 *
 * calendarDateOf("2026-11-23T23:30:00-08:00"); // => "2026-11-23"
 * calendarDateOf("2026-11-23"); // => "2026-11-23"
 * ```
 */
export function calendarDateOf(now: Now): IsoDate {
  return now.slice(0, 10);
}

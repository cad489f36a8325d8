import * as z from "zod";
import { IsoDate, IsoInstant, TimeZone } from "./scalars.js";

/**
 * The moment a computation takes as "now": an ISO-8601 instant with its
 * offset, or a calendar date `YYYY-MM-DD` when only the day matters.
 * referwell never reads the clock; every function that depends on time
 * takes one of these, with an optional IANA `timeZone` (see
 * {@link NowOptions}).
 *
 * The day a `now` falls on, everywhere: a date is that day; an instant is
 * its date in `timeZone` when one is given, else its date at its own offset
 * (`2026-11-23T23:30:00-08:00` is the 23rd, though already the 24th in UTC).
 *
 * @example
 * ```ts
 * import { Now } from "referwell";
 *
 * Now.safeParse("2026-11-23T09:00:00-08:00").success; // => true
 * Now.safeParse("2026-11-23").success; // => true
 * Now.safeParse("today").success; // => false
 * ```
 */
export const Now = z.union([IsoInstant, IsoDate]);
/** An instant with its offset, or a calendar date. */
export type Now = z.infer<typeof Now>;

/**
 * The time every time-dependent function takes, under the same names and
 * with the same meaning: `now`, and the IANA `timeZone` whose calendar day
 * an instant is read in. With `timeZone`, an instant falls on its date
 * there; without it, on its date at its own offset; a date is that day
 * either way. So a host that passes one instant and one zone to every
 * capability gets the same day from each.
 *
 * @example
 * ```ts
 * import { NowOptions } from "referwell";
 *
 * NowOptions.safeParse({ now: "2026-11-23T22:00:00Z", timeZone: "Australia/Sydney" }).success; // => true
 * NowOptions.safeParse({ now: "2026-11-23", timeZone: "+11:00" }).success; // => false
 * ```
 */
export const NowOptions = z.strictObject({
  /** When the computation happens: an instant with its offset, or a calendar date. */
  now: Now,
  /**
   * The IANA time zone whose calendar day an instant `now` falls on
   * (`2026-11-23T22:00:00Z` is the 24th in `Australia/Sydney`). Without it,
   * an instant falls on its date at its own offset; a date is that day
   * either way.
   */
  timeZone: TimeZone.optional(),
});
/** `now`, and the IANA `timeZone` whose calendar day it is read in. */
export type NowOptions = z.infer<typeof NowOptions>;

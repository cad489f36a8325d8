import type { Now } from "../now.js";
import type { IsoDate } from "../scalars.js";
import { dayOf } from "./dayOf.js";
import { isoDateOf } from "./isoDateOf.js";

const HOUR_MS = 3_600_000;
/** The furthest offsets civil time uses: UTC−12 (Baker Island) and UTC+14 (Line Islands, Kiribati), per the IANA tz database. */
const WESTMOST_HOURS = -12;
const EASTMOST_HOURS = 14;

/**
 * Every calendar day `now` may fall on, earliest first. A date, or an
 * instant with a `timeZone`, falls on one day (see `dayOf`). An instant
 * without a zone could be read anywhere, so it may fall on any day it has
 * somewhere between UTC−12 and UTC+14: two days, or three when the 26 hours
 * straddle two midnights; and on the date it is written with, at its own
 * offset (the day `dayOf` gives it), even where that offset is beyond any
 * civil time's (`+23:00`). Where a disclosure depends on the day, it must
 * hold on all of them (the reading that discloses less wins).
 */
export function possibleDays(now: Now, timeZone?: string): readonly IsoDate[] {
  if (timeZone !== undefined || now.length === 10) return [dayOf(now, timeZone)];
  const ms = Date.parse(now);
  const first = isoDateOf(ms + WESTMOST_HOURS * HOUR_MS);
  const last = isoDateOf(ms + EASTMOST_HOURS * HOUR_MS);
  const middle = isoDateOf(ms + ((WESTMOST_HOURS + EASTMOST_HOURS) / 2) * HOUR_MS);
  // YYYY-MM-DD strings sort as the days they name.
  return [...new Set([first, middle, last, dayOf(now)])].sort();
}

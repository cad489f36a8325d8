import { tzOffset } from "@date-fns/tz/tzOffset";
import { calendarDateOf } from "../../model/calendarDateOf.js";
import type { Now } from "../../model/now.js";
import type { IsoDate } from "../../model/scalars.js";

const MINUTE_MS = 60_000;

/**
 * The calendar day a consent question is about. With a time zone, an
 * instant's local date in that zone (`2026-11-23T22:00:00Z` is the 24th in
 * `Australia/Sydney`); without one, the date as the instant was written, at
 * its own offset. A plain date is that date either way.
 */
export function dayOf(now: Now, timeZone: string | undefined): IsoDate {
  if (timeZone === undefined || now.length === 10) return calendarDateOf(now);
  const instant = Date.parse(now);
  return new Date(instant + tzOffset(timeZone, new Date(instant)) * MINUTE_MS).toISOString().slice(0, 10);
}

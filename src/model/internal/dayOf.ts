import type { Now } from "../now.js";
import type { IsoDate } from "../scalars.js";
import { isoDateOf } from "./isoDateOf.js";
import { offsetMinutes } from "./offsetMinutes.js";

const MINUTE_MS = 60_000;

/**
 * The calendar day a validated `now` falls on, by the one rule every
 * capability follows: a date is that day; an instant is its date in
 * `timeZone` when one is given, else its date at its own offset, as written.
 */
export function dayOf(now: Now, timeZone?: string): IsoDate {
  if (timeZone === undefined || now.length === 10) return now.slice(0, 10);
  const ms = Date.parse(now);
  return isoDateOf(Math.floor(ms + offsetMinutes(timeZone, ms) * MINUTE_MS));
}

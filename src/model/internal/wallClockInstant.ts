import { offsetMinutes } from "./offsetMinutes.js";
import type { IsoDate } from "../scalars.js";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * The instant (ms since the epoch) at which clocks in `timeZone` read
 * `minutes` past midnight on `date` (`minutes` may be negative or run past
 * the day's end, into the days either side).
 * Daylight saving follows RFC 5545 §3.3.5, as calendars do:
 * - in a gap (spring forward), a time that does not exist is read at the
 *   offset before the gap, so it moves forward by the gap (02:30 on a
 *   New York spring-forward day is 03:30 EDT);
 * - in an overlap (fall back), a time that occurs twice is its first
 *   occurrence, the earlier instant (01:30 on a New York fall-back day is
 *   01:30 EDT).
 */
export function wallClockInstant(date: IsoDate, minutes: number, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE_MS;
  // Offsets are within ±14 hours, so the offsets a day either side bracket any change at this wall-clock time.
  const before = offsetMinutes(timeZone, wall - DAY_MS);
  const after = offsetMinutes(timeZone, wall + DAY_MS);
  const holds = (offset: number): boolean => offsetMinutes(timeZone, Math.round(wall - offset * MINUTE_MS)) === offset;
  const beforeHolds = holds(before);
  const afterHolds = before === after ? beforeHolds : holds(after);
  // Both hold in an overlap: the larger offset is the earlier instant. Neither holds in a gap: the offset before it.
  const offset = beforeHolds && afterHolds ? Math.max(before, after) : afterHolds ? after : before;
  // An offset with seconds (historic local mean time) gives whole milliseconds once rounded.
  return Math.round(wall - offset * MINUTE_MS);
}

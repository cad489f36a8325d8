import { tzOffset } from "@date-fns/tz/tzOffset";
import type { IsoDate, LocalTime } from "../../model/scalars.js";
import { instantIn } from "./instantIn.js";

const MINUTE_MS = 60_000;

/**
 * The instant of a wall-clock time on a date in an IANA zone, as ISO-8601
 * with that zone's offset on that day (so 10:00 stays 10:00 across daylight
 * saving). A time that does not exist on a spring-forward day moves forward
 * by the gap, as calendars do.
 */
export function localInstant(date: IsoDate, time: LocalTime, timeZone: string, plusMinutes = 0): string {
  const [hours, minutes] = [Number(time.slice(0, 2)), Number(time.slice(3, 5))];
  const wall = Date.parse(`${date}T00:00:00Z`) + (hours * 60 + minutes + plusMinutes) * MINUTE_MS;
  const guess = tzOffset(timeZone, new Date(wall));
  let offset = tzOffset(timeZone, new Date(wall - guess * MINUTE_MS));
  // In a spring-forward gap neither offset round-trips; the offset from before the change moves the time forward by the gap.
  if (tzOffset(timeZone, new Date(wall - offset * MINUTE_MS)) !== offset) offset = Math.min(guess, offset);
  return instantIn(wall - offset * MINUTE_MS, timeZone);
}

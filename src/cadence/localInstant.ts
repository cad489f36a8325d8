import { tzOffset } from "@date-fns/tz/tzOffset";
import type { IsoDate, LocalTime } from "../model/scalars.js";

const MINUTE_MS = 60_000;

const offsetText = (minutes: number): string => {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
};

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
  // In a spring-forward gap neither offset round-trips; take the later one, which moves the time forward.
  if (tzOffset(timeZone, new Date(wall - offset * MINUTE_MS)) !== offset) offset = Math.max(guess, offset);
  const instant = wall - offset * MINUTE_MS;
  const local = new Date(instant + tzOffset(timeZone, new Date(instant)) * MINUTE_MS).toISOString().slice(0, 19);
  return `${local}${offsetText(tzOffset(timeZone, new Date(instant)))}`;
}

import { offsetMinutes } from "./offsetMinutes.js";

const MINUTE_MS = 60_000;

const offsetText = (minutes: number): string => {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
};

/**
 * A time value written as ISO-8601 with the offset `timeZone` has at that
 * moment (`2026-11-24T10:00:00-08:00`): its wall-clock reading there.
 * ISO-8601 offsets here are `±HH:MM` (RFC 3339 §5.6 has no seconds), so an
 * offset with seconds (a historic local mean time) is rounded up to the
 * whole minute and the clock reading carries the seconds: the text still
 * names the exact instant, and its date, hour and minute stay the true wall
 * clock's (Monrovia 1960, 10:00 local mean time is `10:00:30-00:44`).
 */
export function instantIn(ms: number, timeZone: string): string {
  const offset = Math.ceil(offsetMinutes(timeZone, ms));
  return `${new Date(ms + offset * MINUTE_MS).toISOString().slice(0, 19)}${offsetText(offset)}`;
}

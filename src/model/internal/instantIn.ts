import { tzOffset } from "@date-fns/tz/tzOffset";

const MINUTE_MS = 60_000;

const offsetText = (minutes: number): string => {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
};

/**
 * A time value written as ISO-8601 with the offset `timeZone` has at that
 * moment (`2026-11-24T10:00:00-08:00`): its wall-clock reading there.
 */
export function instantIn(ms: number, timeZone: string): string {
  const offset = tzOffset(timeZone, new Date(ms));
  return `${new Date(ms + offset * MINUTE_MS).toISOString().slice(0, 19)}${offsetText(offset)}`;
}

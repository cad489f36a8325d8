import { tzOffset } from "@date-fns/tz/tzOffset";

const MINUTE_MS = 60_000;

const offsetText = (minutes: number): string => {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
};

/** An instant written as ISO-8601 with the zone's offset at that instant. */
export function instantIn(instant: number, timeZone: string): string {
  const offset = tzOffset(timeZone, new Date(instant));
  return `${new Date(instant + offset * MINUTE_MS).toISOString().slice(0, 19)}${offsetText(offset)}`;
}

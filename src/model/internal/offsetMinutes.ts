import { tzOffset } from "@date-fns/tz/tzOffset";
import { remember } from "./remember.js";

/** `GMT-00:44:30`, `GMT+05:30`, `GMT`: the offset as Intl writes it. */
const LONG_OFFSET = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?/;

/**
 * The UTC offset of `timeZone` at the instant `ms`, in minutes east of UTC,
 * exact to the second: historic local mean times have seconds (Los Angeles
 * −7:52:58 before 18 November 1883, Monrovia −0:44:30 until 1972), so the
 * result is then a fraction of a minute. Offsets under an hour, or with
 * seconds, are read from Intl's own text, since `@date-fns/tz` reads
 * `GMT-00:44:30` as +44.5 minutes.
 */
export function offsetMinutes(timeZone: string, ms: number): number {
  const known = remember(remembered, timeZone, REMEMBERED_ZONES, () => new Map<number, number>());
  return remember(known, ms, REMEMBERED_PER_ZONE, () => readOffset(timeZone, ms));
}

/**
 * Offsets already read, by zone and instant: a pure function's answers,
 * tied to no person. Reading one through Intl costs microseconds, and a
 * matcher asks for the same few (each clinician's week from the same start
 * date) on every query. Both levels are bounded (referwell's own sizes), so
 * a long-running host holds at most a few megabytes.
 */
const remembered = new Map<string, Map<number, number>>();
const REMEMBERED_ZONES = 1_024;
const REMEMBERED_PER_ZONE = 16_384;

function readOffset(timeZone: string, ms: number): number {
  const offset = tzOffset(timeZone, new Date(ms));
  if (Number.isInteger(offset) && (offset === 0 || Math.abs(offset) >= 60)) return offset;
  const text = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).format(new Date(ms));
  const [, sign, hours, minutes, seconds] = LONG_OFFSET.exec(text) ?? [];
  if (sign === undefined) return 0;
  const size = Number(hours) * 60 + Number(minutes) + Number(seconds ?? 0) / 60;
  return sign === "-" ? -size : size;
}

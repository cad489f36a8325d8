import type { IsoDate } from "../scalars.js";
import { epochDayOf } from "./epochDayOf.js";

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (negative when `to` is earlier); dates are calendar days, so no time zone enters. */
export function calendarDays(from: IsoDate, to: IsoDate): number {
  const days = epochDayOf(to) - epochDayOf(from);
  if (Number.isFinite(days)) return days;
  // Text that is no real date: as a time value, as the rest of the library reads it.
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

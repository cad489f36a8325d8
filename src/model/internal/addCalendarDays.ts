import type { IsoDate } from "../scalars.js";
import { dateOfEpochDay } from "./dateOfEpochDay.js";
import { epochDayOf } from "./epochDayOf.js";
import { isoDateOf } from "./isoDateOf.js";

const DAY_MS = 86_400_000;

/** The calendar date `days` days after `date`, clamped to the years 0000–9999 (see `isoDateOf`). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  const day = epochDayOf(date);
  if (Number.isInteger(days) && Number.isFinite(day)) return dateOfEpochDay(day + days);
  // Not a whole number of days from a real date: as a time value, which says what such a sum means.
  return isoDateOf(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
}

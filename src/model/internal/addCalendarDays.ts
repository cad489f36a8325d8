import type { IsoDate } from "../scalars.js";
import { isoDateOf } from "./isoDateOf.js";

const DAY_MS = 86_400_000;

/** The calendar date `days` days after `date`, clamped to the years 0000–9999 (see `isoDateOf`). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return isoDateOf(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
}

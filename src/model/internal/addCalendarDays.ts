import type { IsoDate } from "../scalars.js";

const DAY_MS = 86_400_000;

/** The calendar date `days` days after `date`. */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

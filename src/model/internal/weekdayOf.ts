import type { IsoDate } from "../scalars.js";

/** The ISO weekday of a calendar date, Monday = 0 to Sunday = 6. */
export function weekdayOf(date: IsoDate): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

import type { IsoDate } from "../scalars.js";

/**
 * The weekdays in the order `weekdayOf` counts them, Monday = 0: the one list
 * `Weekday` is made from and packing, planning and placing read, frozen so
 * that no caller can reorder it (the schema's own `options` is a copy a
 * caller could change).
 */
export const WEEKDAYS = Object.freeze(["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const);

/** The ISO weekday of a calendar date, Monday = 0 to Sunday = 6. */
export function weekdayOf(date: IsoDate): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

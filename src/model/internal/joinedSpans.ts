import type { IsoDate } from "../scalars.js";
import { addCalendarDays } from "./addCalendarDays.js";

/** The last day a date can name (IsoDate's years stop at 9999): the end of a span that has none. */
export const OPEN_END = "9999-12-31";

/** A run of days, its first and last both included. */
export type DaySpan = readonly [IsoDate, IsoDate];

/**
 * Spans sorted by first day, those that touch (one ends the day before the
 * next starts) or overlap joined into one: the unbroken stretches they
 * cover. The client's stays, the places telehealth licensure is checked
 * for and the referral rules' stays all join days this one way. `spans` is
 * not changed.
 */
export function joinedSpans(spans: readonly DaySpan[]): DaySpan[] {
  const joined: [IsoDate, IsoDate][] = [];
  for (const [start, end] of [...spans].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const last = joined.at(-1);
    // An open end takes in everything after it; adding a day to it would clamp back to it.
    if (last !== undefined && (last[1] === OPEN_END || start <= addCalendarDays(last[1], 1))) {
      if (end > last[1]) last[1] = end;
    } else joined.push([start, end]);
  }
  return joined;
}

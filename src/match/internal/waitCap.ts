import type { Urgency } from "../../model/enums.js";
import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { weekdayOf } from "../../model/internal/weekdayOf.js";
import type { IsoDate } from "../../model/scalars.js";
import type { UrgencyWaits, WaitCap } from "../schemas.js";

/** The longest wait a request allows, in calendar days, and the urgency that set it (none when the criteria's own maximum did). */
export interface PreparedWaitCap {
  readonly days: number;
  readonly urgency: Urgency | undefined;
}

const RISING: readonly Urgency[] = ["routine", "soon", "urgent"];

/** Calendar days from `start` until `cap.days` business days (Monday to Friday) have passed. */
function calendarDays(cap: WaitCap, start: IsoDate): number {
  if (cap.count === "calendar" || cap.days === 0) return cap.days;
  // Whole weeks are 7 calendar days each; the rest is stepped day by day (at most 4 business days).
  const weeks = Math.floor((cap.days - 1) / 5);
  let days = weeks * 7;
  let left = cap.days - weeks * 5;
  while (left > 0) {
    days += 1;
    if (weekdayOf(addCalendarDays(start, days)) < 5) left -= 1;
  }
  return days;
}

/**
 * The wait cap of a request: the criteria's `maxWaitDays` and the cap of its
 * urgency, held also to the caps of every lower urgency, so a more urgent
 * request never allows a longer wait. The smallest wins.
 */
export function waitCap(
  maxWaitDays: number | undefined,
  urgency: Urgency | undefined,
  waits: UrgencyWaits,
  start: IsoDate,
): PreparedWaitCap | undefined {
  let cap: PreparedWaitCap | undefined = maxWaitDays === undefined ? undefined : { days: maxWaitDays, urgency: undefined };
  if (urgency === undefined) return cap;
  for (const level of RISING.slice(0, RISING.indexOf(urgency) + 1)) {
    const limit = waits[level];
    if (limit === undefined) continue;
    const days = calendarDays(limit, start);
    if (cap === undefined || days < cap.days) cap = { days, urgency: level };
  }
  return cap;
}

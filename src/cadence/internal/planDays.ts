import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { wallClockInstant } from "../../model/internal/wallClockInstant.js";
import { WEEKDAYS, weekdayOf } from "../../model/internal/weekdayOf.js";
import type { Weekday } from "../../model/enums.js";

/**
 * The plan's days, from `from` to `end`: working days that are not holidays
 * and that exist in every zone the plan places touches in. A zone that
 * changed sides of the date line skipped a whole day (Pacific/Apia and
 * Pacific/Fakaofo, 30 December 2011), and a touch on it would start on the
 * next day while its date said the skipped one.
 */
export function planDays(
  from: string,
  end: string,
  settings: { readonly workingDays: readonly Weekday[]; readonly holidays: readonly string[] },
  timeZones: ReadonlySet<string>,
): string[] {
  const holidays = new Set(settings.holidays);
  const working = new Set(settings.workingDays);
  const exists = (day: string, next: string) =>
    [...timeZones].every((zone) => wallClockInstant(next, 0, zone) > wallClockInstant(day, 0, zone));
  const days: string[] = [];
  for (let day = from; day <= end;) {
    const next = addCalendarDays(day, 1);
    if (working.has(WEEKDAYS[weekdayOf(day)] as Weekday) && !holidays.has(day) && exists(day, next)) days.push(day);
    // The last day there is has no next day to step to.
    if (next === day) break;
    day = next;
  }
  return days;
}

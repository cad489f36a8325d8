import { tzOffset } from "@date-fns/tz/tzOffset";
import type { IsoDate } from "../../model/scalars.js";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * The week that starts on a date, as one axis of minutes from that date's
 * midnight UTC, onto which weekly local times in any time zone are placed
 * with the offsets in force on each actual day: daylight saving changes
 * inside the week move the times that follow them.
 */
export interface WeekTimeline {
  /** Weekday (Monday = 0) of the day `dayOffset` days after the start. */
  weekday(dayOffset: number): number;
  /** Minutes on the axis for local `minutes` of the day `dayOffset` days after the start, in `timeZone`. */
  toAxis(timeZone: string, dayOffset: number, minutes: number): number;
}

/** Offset in minutes of `timeZone` at the local wall-clock time `localMs` (ms as if it were UTC). */
function offsetAtLocal(timeZone: string, localMs: number): number {
  const guess = tzOffset(timeZone, new Date(localMs));
  const settled = tzOffset(timeZone, new Date(localMs - guess * MINUTE_MS));
  return settled;
}

/** Builds the timeline of the week starting on `startDate`; offsets are looked up once per zone and day. */
export function createWeekTimeline(startDate: IsoDate): WeekTimeline {
  const startMs = Date.parse(`${startDate}T00:00:00Z`);
  const startWeekday = (new Date(startMs).getUTCDay() + 6) % 7;
  // Per zone and day: the offset when it holds all day, or undefined on a day the offset changes.
  const dayOffsets = new Map<string, number | undefined>();
  return {
    weekday: (dayOffset) => (((startWeekday + dayOffset) % 7) + 7) % 7,
    toAxis: (timeZone, dayOffset, minutes) => {
      const localMs = startMs + dayOffset * DAY_MS + minutes * MINUTE_MS;
      const key = `${timeZone}|${dayOffset}`;
      let offset: number | undefined;
      if (dayOffsets.has(key)) {
        offset = dayOffsets.get(key);
      } else {
        const dayStart = startMs + dayOffset * DAY_MS;
        const first = offsetAtLocal(timeZone, dayStart);
        const last = offsetAtLocal(timeZone, dayStart + DAY_MS - MINUTE_MS);
        offset = first === last ? first : undefined;
        dayOffsets.set(key, offset);
      }
      const applied = offset ?? offsetAtLocal(timeZone, localMs);
      return (localMs - applied * MINUTE_MS - startMs) / MINUTE_MS;
    },
  };
}

import type { IsoDate } from "../../model/scalars.js";
import { wallClockInstant } from "../../model/internal/wallClockInstant.js";
import { weekdayOf } from "../../model/internal/weekdayOf.js";
import { remember } from "../../model/internal/remember.js";

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
  /**
   * Minutes on the axis for local `minutes` of the day `dayOffset` days after
   * the start, in `timeZone`; a time in a daylight-saving gap or overlap is
   * read as `wallClockInstant` says (forward by the gap; the first occurrence).
   */
  toAxis(timeZone: string, dayOffset: number, minutes: number): number;
}

/**
 * Timelines already built, by start date: queries of one day share one, so
 * each zone, day and time is converted once across them. Bounded (a size
 * of referwell's own); a timeline holds only conversions of local times.
 */
const timelines = new Map<IsoDate, WeekTimeline>();
const KEPT_TIMELINES = 64;
const KEPT_ZONES = 1_024;
const KEPT_TIMES = 65_536;

/** The timeline of the week starting on `startDate`; each zone, day and time is converted once. */
export function createWeekTimeline(startDate: IsoDate): WeekTimeline {
  return remember(timelines, startDate, KEPT_TIMELINES, buildTimeline);
}

function buildTimeline(startDate: IsoDate): WeekTimeline {
  const startMs = Date.parse(`${startDate}T00:00:00Z`);
  const startWeekday = weekdayOf(startDate);
  // By zone, then by a number made of the day and the minute, so a lookup builds no string.
  const axis = new Map<string, Map<number, number>>();
  return {
    weekday: (dayOffset) => (((startWeekday + dayOffset) % 7) + 7) % 7,
    // Looked up first, and remembered through a function made only when missing: ranking asks this twice for each slot of each candidate.
    toAxis: (timeZone, dayOffset, minutes) => {
      const zone = axis.get(timeZone) ?? remember(axis, timeZone, KEPT_ZONES, () => new Map<number, number>());
      const key = dayOffset * 2_048 + minutes;
      return (
        zone.get(key) ??
        remember(
          zone,
          key,
          KEPT_TIMES,
          () => (wallClockInstant(startDate, dayOffset * (DAY_MS / MINUTE_MS) + minutes, timeZone) - startMs) / MINUTE_MS,
        )
      );
    },
  };
}

import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { wallClockInstant } from "../../model/internal/wallClockInstant.js";

const MINUTE_MS = 60_000;

/** Where a day's touches go in one zone: its first and last instants, and the first slot. */
interface Day {
  readonly start: number;
  readonly end: number;
  readonly first: number;
}

/**
 * The start instants of a day's touches in a zone, by position: the
 * preferred local time first, then the following slots while they end
 * by the day's end, then the slots before the preferred time. Slots
 * follow each other in real minutes, so touches on a day with a clock change
 * never share an instant: in a spring-forward gap the preferred time moves
 * forward by the gap (RFC 5545 §3.3.5) and the next slots follow it; in a
 * fall-back overlap it is the first occurrence. A gap that ends at midnight
 * (America/Nuuk: 23:00 to 24:00 skipped) would push the preferred time into
 * the next day, so the day's slots then end where the day does. A day with
 * more touches than slots puts the rest in its last slot.
 */
export function daySlots(preferredMinutes: number, durationMinutes: number): (day: string, timeZone: string, position: number) => number {
  const step = durationMinutes * MINUTE_MS;
  const days = new Map<string, Day>();
  const dayIn = (day: string, timeZone: string): Day => {
    const key = `${timeZone}|${day}`;
    let found = days.get(key);
    if (found === undefined) {
      const start = wallClockInstant(day, 0, timeZone);
      const end = wallClockInstant(addCalendarDays(day, 1), 0, timeZone);
      const preferred = wallClockInstant(day, preferredMinutes, timeZone);
      found = { start, end, first: preferred < end ? preferred : Math.max(start, end - step) };
      days.set(key, found);
    }
    return found;
  };
  return (day, timeZone, position) => {
    const { start, end, first } = dayIn(day, timeZone);
    const after = Math.max(1, Math.floor((end - first) / step));
    if (position < after) return first + position * step;
    const before = first - (position - after + 1) * step;
    return before >= start ? before : first + (after - 1) * step;
  };
}

import type { WeeklySlot } from "../../model/clinician.js";
import type { CareMode } from "../../model/enums.js";
import { WEEKDAYS } from "../../model/internal/weekdayOf.js";
import { minutesOf } from "../../model/internal/minutesOf.js";

const MODE_BITS: Readonly<Record<CareMode, number>> = { "in-person": 1, telehealth: 2 };

/**
 * A weekly slot as one number: the weekday (3 bits), the start and end in
 * minutes of the day (11 bits each, up to 24:00), and its modes of care (2
 * bits; none for a slot open to every mode).
 */
export function packSlot(slot: WeeklySlot): number {
  let modes = 0;
  for (const mode of slot.modes ?? []) modes |= MODE_BITS[mode];
  return WEEKDAYS.indexOf(slot.day) | (minutesOf(slot.start) << 3) | (minutesOf(slot.end) << 14) | (modes << 25);
}

/** A packed slot's parts: the weekday (Monday = 0), start and end minutes, and whether it is open to one of `modes`. */
export function unpackSlot(packed: number, modes: readonly CareMode[]): { day: number; start: number; end: number; open: boolean } {
  const bits = packed >>> 25;
  let wanted = 0;
  for (const mode of modes) wanted |= MODE_BITS[mode];
  return { day: packed & 7, start: (packed >>> 3) & 2047, end: (packed >>> 14) & 2047, open: bits === 0 || (bits & wanted) !== 0 };
}

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

/** The bits of some modes of care, as a packed slot holds them. */
export function modeBits(modes: readonly CareMode[]): number {
  let bits = 0;
  for (let at = 0; at < modes.length; at += 1) bits |= MODE_BITS[modes[at] as CareMode];
  return bits;
}

/** A packed slot's weekday (Monday = 0). */
export const slotDay = (packed: number): number => packed & 7;
/** A packed slot's start, in minutes of the day. */
export const slotStart = (packed: number): number => (packed >>> 3) & 2047;
/** A packed slot's end, in minutes of the day. */
export const slotEnd = (packed: number): number => (packed >>> 14) & 2047;
/** Whether a packed slot is open to one of the modes whose bits are `wanted` (see {@link modeBits}): a slot that names none is open to all. */
export function slotOpenTo(packed: number, wanted: number): boolean {
  const bits = packed >>> 25;
  return bits === 0 || (bits & wanted) !== 0;
}

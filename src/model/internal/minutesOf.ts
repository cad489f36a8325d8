import type { LocalTime } from "../scalars.js";

/** The digit at `at` of a validated `HH:MM`. */
const digit = (time: string, at: number): number => time.charCodeAt(at) - 48;

/** Minutes past midnight of a wall-clock `HH:MM` (`24:00` is 1440), read digit by digit: no string is cut out of it. */
export function minutesOf(time: LocalTime): number {
  return (10 * digit(time, 0) + digit(time, 1)) * 60 + 10 * digit(time, 3) + digit(time, 4);
}

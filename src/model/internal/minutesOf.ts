import type { LocalTime } from "../scalars.js";

/** Minutes past midnight of a wall-clock `HH:MM` (`24:00` is 1440). */
export function minutesOf(time: LocalTime): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

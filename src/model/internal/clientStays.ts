import type { Client } from "../client.js";
import type { Stay } from "../criteria.js";
import type { IsoDate } from "../scalars.js";
import { addCalendarDays } from "./addCalendarDays.js";
import { type DaySpan, joinedSpans, OPEN_END } from "./joinedSpans.js";

/**
 * Where the client will be after the start date, as stays for the criteria:
 * the client's own stays, then each residence a planned move leads to, on
 * the days of its stretch that no stay covers. A temporary location counts
 * over the residence, so a student at college elsewhere while the family
 * moves needs no licence where the family went until the stay ends.
 */
export function clientStays(client: Client, startDate: IsoDate): Stay[] {
  const stays: Stay[] = client.stays.map(({ place, period }) => ({ place, period }));
  const moves = client.plannedMoves.filter((move) => move.date > startDate).sort((a, b) => (a.date < b.date ? -1 : 1));
  if (moves.length === 0) return stays;
  const covered = joinedSpans(client.stays.map(({ period }) => [period.start, period.end ?? OPEN_END]));
  moves.forEach((move, index) => {
    const next = moves[index + 1];
    const stretch: DaySpan = [move.date, next === undefined ? OPEN_END : addCalendarDays(next.date, -1)];
    for (const [start, end] of uncovered(stretch, covered)) {
      stays.push({ place: move.to, period: end === OPEN_END ? { start } : { start, end } });
    }
  });
  return stays;
}

/** The parts of a stretch that no joined span covers. */
function uncovered([from, to]: DaySpan, covered: readonly DaySpan[]): DaySpan[] {
  const parts: DaySpan[] = [];
  let cursor = from;
  for (const [start, end] of covered) {
    if (end < cursor) continue;
    if (start > to) break;
    if (start > cursor) parts.push([cursor, addCalendarDays(start, -1)]);
    if (end >= to) return parts;
    cursor = addCalendarDays(end, 1);
  }
  parts.push([cursor, to]);
  return parts;
}

import type { Client } from "../client.js";
import type { Stay } from "../criteria.js";
import type { IsoDate } from "../scalars.js";
import { addCalendarDays } from "./addCalendarDays.js";

// An open end, as the latest date; IsoDate's years stop at 9999.
const OPEN = "9999-12-31";

type Span = [IsoDate, IsoDate];

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
  const covered = mergedSpans(client.stays.map(({ period }) => [period.start, period.end ?? OPEN]));
  moves.forEach((move, index) => {
    const next = moves[index + 1];
    const stretch: Span = [move.date, next === undefined ? OPEN : addCalendarDays(next.date, -1)];
    for (const [start, end] of uncovered(stretch, covered)) {
      stays.push({ place: move.to, period: end === OPEN ? { start } : { start, end } });
    }
  });
  return stays;
}

/** Spans sorted by start, those that touch or overlap joined. */
function mergedSpans(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const [start, end] of spans.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const last = merged.at(-1);
    if (last !== undefined && (last[1] === OPEN || start <= addCalendarDays(last[1], 1))) {
      if (end > last[1]) last[1] = end;
    } else merged.push([start, end]);
  }
  return merged;
}

/** The parts of a stretch that no merged span covers. */
function uncovered([from, to]: Span, covered: readonly Span[]): Span[] {
  const parts: Span[] = [];
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

import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import type { IsoDate, Period } from "../../model/scalars.js";

/** A span of days, both ends inclusive; no end means it runs on. */
export interface DaySpan {
  readonly start: IsoDate;
  readonly end: IsoDate | undefined;
}

const byStart = (a: DaySpan, b: DaySpan): number => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0);
const later = (a: IsoDate | undefined, b: IsoDate | undefined): IsoDate | undefined =>
  a === undefined || b === undefined ? undefined : a > b ? a : b;

/** The union of periods as the fewest spans: spans that overlap or touch (one ends the day before the next starts) join, as a renewal does. */
export function joinSpans(periods: readonly Period[]): DaySpan[] {
  const joined: { start: IsoDate; end: IsoDate | undefined }[] = [];
  for (const { start, end } of [...periods].map((period) => ({ start: period.start, end: period.end })).sort(byStart)) {
    const last = joined[joined.length - 1];
    if (last !== undefined && (last.end === undefined || start <= addCalendarDays(last.end, 1))) last.end = later(last.end, end);
    else joined.push({ start, end });
  }
  return joined;
}

/** The days of each span that also lie in `period`. */
export function clipSpans(spans: readonly DaySpan[], period: Period | undefined): DaySpan[] {
  if (period === undefined) return [...spans];
  const clipped: DaySpan[] = [];
  for (const span of spans) {
    const start = span.start > period.start ? span.start : period.start;
    const end = span.end === undefined ? period.end : period.end === undefined || span.end < period.end ? span.end : period.end;
    if (end === undefined || start <= end) clipped.push({ start, end });
  }
  return clipped;
}

/** A span as a PostgreSQL `daterange` literal, both ends inclusive or open-ended. */
export const dateRangeLiteral = ({ start, end }: DaySpan): string => `[${start},${end ?? ""}]`.replace(",]", ",)");

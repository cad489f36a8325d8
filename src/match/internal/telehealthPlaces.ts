import type { MatchCriteria } from "../../model/criteria.js";
import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { joinedSpans } from "../../model/internal/joinedSpans.js";
import type { IsoDate, Jurisdiction } from "../../model/scalars.js";

/**
 * A place the client will be during the course, and the first day of one
 * unbroken stretch there: the setting telehealth licensure is checked for,
 * and the reason a clinician not licensed there fails, made once per query
 * rather than for every clinician who fails it.
 */
export interface ClientPlace {
  readonly jurisdiction: Jurisdiction;
  readonly on: IsoDate;
  readonly mode: "telehealth";
  readonly unlicensed: readonly ["not-licensed-telehealth", string];
}

const byStart = (a: readonly [IsoDate, IsoDate], b: readonly [IsoDate, IsoDate]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * Every place the client will be between the start date and the end of the
 * course, for telehealth licensure, once per unbroken stretch there, on its
 * first day: each stay within the course, and `location` on the days no
 * stay covers. Sorted by day, so the first place is where the course starts.
 */
export function telehealthPlaces(criteria: MatchCriteria, start: IsoDate, courseEnd: IsoDate): ClientPlace[] {
  const stretches = new Map<Jurisdiction, [IsoDate, IsoDate][]>();
  const add = (jurisdiction: Jurisdiction, from: IsoDate, to: IsoDate) => {
    const list = stretches.get(jurisdiction) ?? [];
    list.push([from, to]);
    stretches.set(jurisdiction, list);
  };
  const stays: [IsoDate, IsoDate][] = [];
  for (const { place, period } of criteria.stays ?? []) {
    const from = period.start > start ? period.start : start;
    const to = period.end === undefined || period.end > courseEnd ? courseEnd : period.end;
    if (from > to) continue;
    add(place.jurisdiction, from, to);
    stays.push([from, to]);
  }
  for (const [from, to] of freeDays(stays, start, courseEnd)) add(criteria.location.jurisdiction, from, to);
  const places: ClientPlace[] = [];
  for (const [jurisdiction, list] of stretches)
    for (const [on] of joinedSpans(list))
      places.push({ jurisdiction, on, mode: "telehealth", unlicensed: ["not-licensed-telehealth", `${jurisdiction} on ${on}`] });
  return places.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.jurisdiction < b.jurisdiction ? -1 : 1));
}

/** The spans of the course no stay covers: the days spent at `location`. */
function freeDays(stays: [IsoDate, IsoDate][], start: IsoDate, courseEnd: IsoDate): [IsoDate, IsoDate][] {
  const free: [IsoDate, IsoDate][] = [];
  let next: IsoDate | undefined = start;
  for (const [from, to] of stays.sort(byStart)) {
    if (next === undefined) break;
    if (from > next) free.push([next, addCalendarDays(from, -1)]);
    if (to >= next) next = to >= courseEnd ? undefined : addCalendarDays(to, 1);
  }
  if (next !== undefined) free.push([next, courseEnd]);
  return free;
}

import type { IsoDate, Period } from "../scalars.js";

/** `periodContains` on values already validated; no checks, for code that runs per clinician or per consent. */
export function withinPeriod(period: Period, date: IsoDate): boolean {
  // YYYY-MM-DD strings order as the dates they name.
  return date >= period.start && (period.end === undefined || date <= period.end);
}

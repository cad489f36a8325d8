import type { CompiledClinician, PreparedQuery } from "./compiled.js";
import type { ConstraintResult } from "./evaluateConstraints.js";
import { mergeIntervals } from "./mergeIntervals.js";

/** Minutes a week the clinician is available, in the possible modes, within the client's windows. */
export function overlapMinutes(
  clinician: CompiledClinician,
  query: PreparedQuery,
  modes: ConstraintResult["modes"],
  windows: readonly (readonly [number, number])[],
): number {
  const { timeline } = query;
  const zone = clinician.source.availability.timeZone;
  const intervals: [number, number][] = [];
  // The days before and after the week catch windows that time zones shift across its edges.
  for (let day = -1; day <= 7; day += 1) {
    const weekday = timeline.weekday(day);
    for (const slot of clinician.slots) {
      if (slot.day !== weekday) continue;
      if (slot.modes !== undefined && !slot.modes.some((mode) => modes.includes(mode))) continue;
      intervals.push([timeline.toAxis(zone, day, slot.start), timeline.toAxis(zone, day, slot.end)]);
    }
  }
  const available = mergeIntervals(intervals);
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < available.length && j < windows.length) {
    const [aStart, aEnd] = available[i] as [number, number];
    const [bStart, bEnd] = windows[j] as [number, number];
    total += Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart));
    if (aEnd < bEnd) i += 1;
    else j += 1;
  }
  return total;
}

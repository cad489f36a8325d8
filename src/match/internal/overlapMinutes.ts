import type { CompiledClinician, CompiledDirectory, PreparedQuery } from "./compiled.js";
import type { ConstraintResult } from "./evaluateConstraints.js";
import { mergeIntervals } from "./mergeIntervals.js";
import { valuesOf } from "./clinicianCodes.js";
import { unpackSlot } from "./packedSlot.js";
import { type Intervals, rememberedWeek } from "./rememberedWeek.js";

/** Minutes a week the clinician is available, in the possible modes, within the client's windows. */
export function overlapMinutes(
  directory: CompiledDirectory,
  clinician: CompiledClinician,
  query: PreparedQuery,
  modes: ConstraintResult["modes"],
  windows: Intervals,
): number {
  const { timeline } = query;
  const available = rememberedWeek(directory.placedWeeks, clinician, timeline, modes.join(" "), () =>
    placeWeek(directory, clinician, timeline, modes),
  );
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

/** The clinician's weekly slots in the possible modes, placed on the timeline and merged. */
function placeWeek(
  directory: CompiledDirectory,
  clinician: CompiledClinician,
  timeline: PreparedQuery["timeline"],
  modes: ConstraintResult["modes"],
): Intervals {
  const zone = clinician.timeZone;
  const slots = valuesOf(directory.codes, clinician.index, "slots").map((packed) => unpackSlot(packed, modes));
  const intervals: [number, number][] = [];
  // The days before and after the week catch windows that time zones shift across its edges.
  for (let day = -1; day <= 7; day += 1) {
    const weekday = timeline.weekday(day);
    for (const slot of slots) {
      if (slot.day !== weekday || !slot.open) continue;
      intervals.push([timeline.toAxis(zone, day, slot.start), timeline.toAxis(zone, day, slot.end)]);
    }
  }
  return mergeIntervals(intervals);
}

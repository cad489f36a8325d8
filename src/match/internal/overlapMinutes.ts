import type { CompiledClinician, CompiledDirectory, PreparedQuery } from "./compiled.js";
import type { ConstraintResult } from "./evaluateConstraints.js";
import { mergeIntervals } from "./mergeIntervals.js";
import { valuesOf } from "./clinicianCodes.js";
import { unpackSlot } from "./packedSlot.js";

type Intervals = readonly (readonly [number, number])[];

/**
 * Each clinician's available intervals on the last timeline asked for, by
 * modes: queries of one day share a timeline, so a batch places a
 * clinician's week once, not once per referral. Weak, so it goes with the
 * compiled directory.
 */
const placedWeeks = new WeakMap<CompiledClinician, { timeline: PreparedQuery["timeline"]; byModes: Map<string, Intervals> }>();

/** Minutes a week the clinician is available, in the possible modes, within the client's windows. */
export function overlapMinutes(
  directory: CompiledDirectory,
  clinician: CompiledClinician,
  query: PreparedQuery,
  modes: ConstraintResult["modes"],
  windows: Intervals,
): number {
  const available = availableIntervals(directory, clinician, query.timeline, modes);
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
function availableIntervals(
  directory: CompiledDirectory,
  clinician: CompiledClinician,
  timeline: PreparedQuery["timeline"],
  modes: ConstraintResult["modes"],
): Intervals {
  let placed = placedWeeks.get(clinician);
  if (placed?.timeline !== timeline) {
    placed = { timeline, byModes: new Map() };
    placedWeeks.set(clinician, placed);
  }
  const key = modes.join(" ");
  let available = placed.byModes.get(key);
  if (available === undefined) {
    available = placeWeek(directory, clinician, timeline, modes);
    placed.byModes.set(key, available);
  }
  return available;
}

function placeWeek(
  directory: CompiledDirectory,
  clinician: CompiledClinician,
  timeline: PreparedQuery["timeline"],
  modes: ConstraintResult["modes"],
): Intervals {
  const zone = clinician.source.timeZone;
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

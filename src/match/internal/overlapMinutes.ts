import type { CompiledClinician, CompiledDirectory, PreparedQuery } from "./compiled.js";
import type { ConstraintResult } from "./evaluateConstraints.js";
import { modeBits } from "./packedSlot.js";
import { placeWeek } from "./placeWeek.js";
import { type Intervals, rememberedWeek } from "./rememberedWeek.js";

/** Minutes a week the clinician is available, in the possible modes, within the client's windows. */
export function overlapMinutes(
  directory: CompiledDirectory,
  clinician: CompiledClinician,
  query: PreparedQuery,
  modes: ConstraintResult["modes"],
  windows: Intervals,
): number {
  const available = rememberedWeek(directory.placedWeeks, clinician, query.timeline, modeBits(modes), placeWeek, directory);
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < available.length && j < windows.length) {
    const aEnd = available[i + 1] as number;
    const bEnd = windows[j + 1] as number;
    total += Math.max(0, Math.min(aEnd, bEnd) - Math.max(available[i] as number, windows[j] as number));
    if (aEnd < bEnd) i += 2;
    else j += 2;
  }
  return total;
}

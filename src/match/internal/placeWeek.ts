import type { CompiledClinician, CompiledDirectory } from "./compiled.js";
import { listFrom, listTo } from "./clinicianCodes.js";
import { mergeIntervals } from "./mergeIntervals.js";
import { slotDay, slotEnd, slotOpenTo, slotStart } from "./packedSlot.js";
import type { Intervals } from "./rememberedWeek.js";
import type { WeekTimeline } from "./weekTimeline.js";

/**
 * The starts and ends of the intervals being placed, grown as needed and
 * used again: a week is placed for each candidate a ranking scores, and
 * placing never runs inside another placing.
 */
let starts = new Float64Array(64);
let ends = new Float64Array(64);

/**
 * The clinician's weekly slots open to the modes whose bits are `modes`,
 * placed on the timeline and merged (see `mergeIntervals`). Read from the
 * pool where they are packed, with nothing built but the week itself.
 */
export function placeWeek(directory: CompiledDirectory, clinician: CompiledClinician, timeline: WeekTimeline, modes: number): Intervals {
  const { codes } = directory;
  const zone = clinician.timeZone;
  const from = listFrom(codes, clinician.index, "slots");
  const to = listTo(codes, clinician.index, "slots");
  // Each slot falls on at most two of the nine days placed.
  if (starts.length < 2 * (to - from)) [starts, ends] = [new Float64Array(2 * (to - from)), new Float64Array(2 * (to - from))];
  let count = 0;
  // The days before and after the week catch windows that time zones shift across its edges.
  for (let day = -1; day <= 7; day += 1) {
    const weekday = timeline.weekday(day);
    for (let at = from; at < to; at += 1) {
      const packed = codes.pool[at] as number;
      if (slotDay(packed) !== weekday || !slotOpenTo(packed, modes)) continue;
      starts[count] = timeline.toAxis(zone, day, slotStart(packed));
      ends[count] = timeline.toAxis(zone, day, slotEnd(packed));
      // A slot a daylight-saving change folds to nothing is no interval.
      if ((ends[count] as number) > (starts[count] as number)) count += 1;
    }
  }
  return mergeIntervals(starts, ends, count);
}

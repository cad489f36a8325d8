import type { CompiledClinician } from "./compiled.js";
import type { WeekTimeline } from "./weekTimeline.js";

/** Intervals on a timeline's axis of minutes, sorted and apart. */
export type Intervals = readonly (readonly [number, number])[];

/**
 * Each clinician's placed week on the last timeline asked for, by modes:
 * queries of one day share a timeline, so a batch places a clinician's week
 * once, not once per referral, and a day's rankings share the work too.
 * Bounded: at `KEPT_WEEKS` clinicians it starts again (a size of the
 * library's own, past the clinicians of any group practice's batch), so a
 * server ranking a directory of a million all day keeps a few megabytes of
 * placed weeks, not some hundreds of bytes for every clinician it has ever
 * scored. It holds at most that many compiled clinicians of a dropped
 * matcher until it starts again.
 */
const placedWeeks = new Map<CompiledClinician, { timeline: WeekTimeline; byModes: Map<string, Intervals> }>();
export const KEPT_WEEKS = 4_096;

/** The clinician's week in `modes` (a key naming them) on `timeline`, placed by `place` unless it is remembered. */
export function rememberedWeek(clinician: CompiledClinician, timeline: WeekTimeline, modes: string, place: () => Intervals): Intervals {
  let placed = placedWeeks.get(clinician);
  if (placed?.timeline !== timeline) {
    if (placed === undefined && placedWeeks.size >= KEPT_WEEKS) placedWeeks.clear();
    placed = { timeline, byModes: new Map() };
    placedWeeks.set(clinician, placed);
  }
  let week = placed.byModes.get(modes);
  if (week === undefined) {
    week = place();
    placed.byModes.set(modes, week);
  }
  return week;
}

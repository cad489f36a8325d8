import type { CompiledClinician } from "./compiled.js";
import type { WeekTimeline } from "./weekTimeline.js";

/** Intervals on a timeline's axis of minutes, sorted and apart, as flat pairs: `[start, end, start, end, …]`. */
export type Intervals = readonly number[];

/** A clinician's week placed on one timeline, by the bits of the modes it was placed in (see `modeBits`): four at most. */
interface Placed {
  readonly timeline: WeekTimeline;
  readonly byModes: (Intervals | undefined)[];
}

/**
 * The weeks a matcher has placed, each clinician's on the last timeline
 * asked for: queries of one day share a timeline, so a batch places a
 * clinician's week once, not once per referral, and a day's rankings share
 * the work too. Held by the matcher, so they go with it.
 *
 * Bounded in two generations of at most {@link KEPT_WEEKS} clinicians
 * each: when the recent one is full it becomes the older one and the older
 * one goes, and a week found in the older one moves back to the recent
 * one. So the last `KEPT_WEEKS` clinicians asked for are always
 * remembered, however many pass through in all, and a server ranking a
 * directory of a million all day keeps a few megabytes of placed weeks per
 * matcher, not some hundreds of bytes for every clinician it has ever scored.
 */
export interface PlacedWeeks {
  recent: Map<CompiledClinician, Placed>;
  older: Map<CompiledClinician, Placed>;
}

/** The clinicians a matcher remembers the weeks of for sure (twice as many at most): a size of the library's own, past the clinicians of any group practice's batch. */
export const KEPT_WEEKS = 4_096;

/**
 * The clinician's week in the modes whose bits are `modes` on `timeline`,
 * placed by `place(context, clinician, timeline, modes)` unless `weeks`
 * remembers it. What placing needs is passed, not closed over: ranking asks
 * this of every candidate.
 */
export function rememberedWeek<Context>(
  weeks: PlacedWeeks,
  clinician: CompiledClinician,
  timeline: WeekTimeline,
  modes: number,
  place: (context: Context, clinician: CompiledClinician, timeline: WeekTimeline, modes: number) => Intervals,
  context: Context,
): Intervals {
  let placed = weeks.recent.get(clinician);
  if (placed === undefined) {
    placed = weeks.older.get(clinician);
    // Found in the older generation before it can go, so a rotation never loses the week asked for.
    if (weeks.recent.size >= KEPT_WEEKS) {
      weeks.older = weeks.recent;
      weeks.recent = new Map();
    } else if (placed !== undefined) weeks.older.delete(clinician);
    if (placed !== undefined) weeks.recent.set(clinician, placed);
  }
  if (placed?.timeline !== timeline) {
    placed = { timeline, byModes: [undefined, undefined, undefined, undefined] };
    weeks.recent.set(clinician, placed);
  }
  let week = placed.byModes[modes];
  if (week === undefined) {
    week = place(context, clinician, timeline, modes);
    placed.byModes[modes] = week;
  }
  return week;
}

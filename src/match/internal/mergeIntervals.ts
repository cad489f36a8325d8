import type { Intervals } from "./rememberedWeek.js";
import { sortRange } from "./sortRange.js";

/**
 * Sweeps sorted starts and ends: an interval opens at each start and closes
 * at each end, a start before an end that ties with it (so intervals that
 * touch are one), and the union's pieces are where none is open. Writes
 * them into `out` when given; gives how many there are.
 */
function sweep(starts: Float64Array, ends: Float64Array, count: number, out?: number[]): number {
  let pieces = 0;
  let open = 0;
  let end = 0;
  for (let start = 0; start < count;) {
    // Ends never run out before starts when each interval ends after it starts; the test keeps the loop finite regardless.
    if (end >= count || (starts[start] as number) <= (ends[end] as number)) {
      if (open === 0 && out !== undefined) out[2 * pieces] = starts[start] as number;
      open += 1;
      start += 1;
    } else {
      open -= 1;
      end += 1;
      if (open === 0) {
        if (out !== undefined) out[2 * pieces + 1] = ends[end - 1] as number;
        pieces += 1;
      }
    }
  }
  // Every start taken, the last piece closes at the last end.
  if (count > 0) {
    if (out !== undefined) out[2 * pieces + 1] = ends[count - 1] as number;
    pieces += 1;
  }
  return pieces;
}

/**
 * The union of the intervals `[starts[i], ends[i]]` for `i` below `count`,
 * each with its end after its start, as sorted pairs apart from one another
 * (`[start, end, start, end, …]`), intervals that overlap or touch merged,
 * so overlap is never counted twice. Sorts the two arrays in place: the
 * union needs the starts in order and the ends in order, not which end is
 * whose. One list built, of exactly the pieces: ranking places a week for
 * each candidate it scores.
 */
export function mergeIntervals(starts: Float64Array, ends: Float64Array, count: number): Intervals {
  sortRange(starts, 0, count);
  sortRange(ends, 0, count);
  const merged = new Array<number>(2 * sweep(starts, ends, count));
  sweep(starts, ends, count, merged);
  return merged;
}

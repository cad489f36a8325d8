import type { SliceClock } from "./sliceClock.js";

/** Items sorted first in runs of this many, each by one call to `Array.prototype.sort`. */
const RUN = 512;
/** How many items are merged between looks at the clock. */
const STEP = 1_024;

/**
 * A sorted copy of `items`, as `[...items].sort(compare)` gives it (stable),
 * made a slice at a time: runs sorted by the engine, then merged pairwise,
 * bottom up, with a look at the clock every few thousand items, so sorting
 * a million items never holds the event loop for long.
 */
export async function sortInSlices<Item>(
  items: readonly Item[],
  compare: (a: Item, b: Item) => number,
  clock: SliceClock,
): Promise<Item[]> {
  let from = items.slice();
  for (let start = 0; start < from.length; start += RUN) {
    const run = from.slice(start, start + RUN).sort(compare);
    for (let offset = 0; offset < run.length; offset += 1) from[start + offset] = run[offset] as Item;
    if (clock.due()) await clock.pause();
  }
  let to = new Array<Item>(from.length);
  for (let width = RUN; width < from.length; width *= 2) {
    for (let left = 0; left < from.length; left += 2 * width) {
      const middle = Math.min(left + width, from.length);
      const right = Math.min(left + 2 * width, from.length);
      let [a, b] = [left, middle];
      for (let out = left; out < right; out += 1) {
        // The left run wins ties, which keeps the sort stable.
        if (b >= right || (a < middle && compare(from[a] as Item, from[b] as Item) <= 0)) to[out] = from[a++] as Item;
        else to[out] = from[b++] as Item;
        if ((out & (STEP - 1)) === 0 && clock.due()) await clock.pause();
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import type { IsoDate, Period } from "../../model/scalars.js";
import { OPEN_END as LAST_DATE } from "../../model/internal/joinedSpans.js";

/**
 * The first day after a period, where it stops covering; undefined when it
 * never stops: no end, or an end on the last day a date can write, which
 * has no day after it (the sum would stay on that day and leave it out).
 */
function dayAfter(period: Period): IsoDate | undefined {
  return period.end === undefined || period.end === LAST_DATE ? undefined : addCalendarDays(period.end, 1);
}

/**
 * An index over items in priority order, each limited to a period of days or
 * to none: which is the first item whose period contains a given day? Built
 * once in O(n log n), asked in O(log n), so that asking about every fact's
 * recording day stays n log n however many items are limited to a period.
 * A segment tree over the days where some period starts or ends keeps, at
 * each node, the first item whose period covers the node's whole span; the
 * answer for a day is the first along the path from its leaf to the root.
 *
 * `undated` says what covers a question with no day: every item (`all`: a
 * deny provision binds information of unknown date) or only the items
 * without a period (`open`: a consent limited to a data period permits
 * nothing undated).
 */
export function firstCovering<Item>(
  items: readonly Item[],
  periodOf: (item: Item) => Period | undefined,
  undated: "all" | "open",
): (day: IsoDate | undefined) => Item | undefined {
  const NONE = Number.POSITIVE_INFINITY;
  let firstOpen = NONE;
  const bounds = new Set<IsoDate>();
  items.forEach((item, index) => {
    const period = periodOf(item);
    if (period === undefined) firstOpen = Math.min(firstOpen, index);
    else {
      bounds.add(period.start);
      const after = dayAfter(period);
      if (after !== undefined) bounds.add(after);
    }
  });
  // YYYY-MM-DD strings sort as the days they name.
  const points = [...bounds].sort();
  let size = 1;
  while (size < points.length) size *= 2;
  const tree = new Array<number>(2 * size).fill(NONE);
  /** The last point at or before `day`: the elementary span it falls in, or -1 before every point. */
  const spanOf = (day: IsoDate): number => {
    let low = 0;
    let high = points.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((points[middle] as IsoDate) <= day) low = middle + 1;
      else high = middle;
    }
    return low - 1;
  };
  items.forEach((item, index) => {
    const period = periodOf(item);
    if (period === undefined) return;
    let left = spanOf(period.start) + size;
    const after = dayAfter(period);
    let right = (after === undefined ? points.length : spanOf(after)) + size;
    while (left < right) {
      if (left & 1) {
        tree[left] = Math.min(tree[left] as number, index);
        left += 1;
      }
      if (right & 1) {
        right -= 1;
        tree[right] = Math.min(tree[right] as number, index);
      }
      left >>= 1;
      right >>= 1;
    }
  });
  return (day) => {
    let first = day === undefined && undated === "all" ? (items.length > 0 ? 0 : NONE) : firstOpen;
    if (day !== undefined) {
      const span = spanOf(day);
      for (let node = span < 0 ? 0 : span + size; node > 0; node >>= 1) first = Math.min(first, tree[node] as number);
    }
    return first === NONE ? undefined : items[first];
  };
}

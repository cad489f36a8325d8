import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { mergeIntervals } from "../../src/match/internal/mergeIntervals.js";

/** The union the plain way: pairs sorted by start, each merged into the last when it overlaps or touches it. */
function unionByPairs(pairs: readonly (readonly [number, number])[]): number[] {
  const merged: [number, number][] = [];
  for (const [start, end] of [...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    const last = merged.at(-1);
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged.flat();
}

describe("mergeIntervals", () => {
  // Small whole numbers, so intervals often touch, nest and repeat; and halves, as offsets of other ages give.
  const point = fc.oneof(
    fc.integer({ min: -30, max: 30 }),
    fc.integer({ min: -60, max: 60 }).map((n) => n / 2),
  );
  const interval = fc
    .tuple(point, point)
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
  // Up to 40, past the length sorted by insertion.
  const intervals = fc.array(interval, { maxLength: 40, size: "max" });

  test.prop([intervals])("gives the union of the intervals as sorted pairs apart, as merging pairs in order does", (pairs) => {
    const starts = Float64Array.from(pairs, ([start]) => start);
    const ends = Float64Array.from(pairs, ([, end]) => end);
    const merged = mergeIntervals(starts, ends, pairs.length);
    expect(merged).toEqual(unionByPairs(pairs));
    for (let at = 2; at < merged.length; at += 2) expect(merged[at] as number).toBeGreaterThan(merged[at - 1] as number);
  });

  test.prop([intervals, fc.array(interval, { minLength: 1, maxLength: 5 })])(
    "reads only the first `count` of its arrays, whatever lies beyond",
    (pairs, beyond) => {
      const all = [...pairs, ...beyond];
      const merged = mergeIntervals(
        Float64Array.from(all, ([start]) => start),
        Float64Array.from(all, ([, end]) => end),
        pairs.length,
      );
      expect(merged).toEqual(unionByPairs(pairs));
    },
  );
});

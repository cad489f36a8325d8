import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { bestOf } from "../../src/match/internal/bestOf.js";

describe("bestOf", () => {
  // Scores that often tie, broken by a unique id: a total order, as ranking's.
  const candidates = fc.uniqueArray(fc.record({ id: fc.string({ maxLength: 4 }), score: fc.integer({ min: 0, max: 5 }) }), {
    selector: (candidate) => candidate.id,
    maxLength: 60,
    size: "max",
  });
  const byScore = (a: { id: string; score: number }, b: { id: string; score: number }): number =>
    b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  test.prop([candidates, fc.integer({ min: 0, max: 70 })])(
    "keeps what sorting all and keeping the first count keeps, in order",
    (items, count) => {
      const given = [...items];
      expect(bestOf(items, count, byScore)).toEqual([...items].sort(byScore).slice(0, count));
      // The list given is left as it was.
      expect(items).toEqual(given);
    },
  );
});

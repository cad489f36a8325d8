import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  addMembers,
  addToIndex,
  bitsMembers,
  emptyBits,
  type IndexSet,
  keepMembers,
  removeFromIndex,
} from "../../src/match/internal/indexSet.js";

/** Adds and removals under a few keys, often of members; `places` from a handful (every set a bitset at once) to thousands (sets stay `Set`s until large). */
const operations = fc.array(
  fc.record(
    // Now and then the directory grows sixteenfold, so a bitset made while it was small may turn back into a `Set`.
    { key: fc.constantFrom("a", "b", "c"), index: fc.nat({ max: 40 }), add: fc.boolean(), grown: fc.nat({ max: 9 }).map((n) => n === 0) },
    { noNullPrototype: true },
  ),
  { maxLength: 400, size: "medium" },
);

describe("the directory's index sets", () => {
  test.prop([
    fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 300, max: 40_000 })),
    operations,
    fc.subarray(["a", "b", "c"]),
    fc.subarray(["a", "b", "c"]),
  ])("hold what a Set would, as sets and as bitsets, and add and cut bitsets by their members", (places, steps, added, kept) => {
    const index = new Map<string, IndexSet>();
    const model = new Map<string, Set<number>>();
    let directorySize = places;
    for (const { key, index: at, add, grown } of steps) {
      if (grown) directorySize *= 16;
      const members = model.get(key) ?? new Set<number>();
      if (add) {
        addToIndex(index, key, at, directorySize);
        members.add(at);
      } else {
        removeFromIndex(index, key, at);
        members.delete(at);
      }
      if (members.size > 0) model.set(key, members);
      else model.delete(key);
    }
    // A key stays while it has members, with their number.
    expect([...index.keys()].sort()).toEqual([...model.keys()].sort());
    for (const [key, members] of model) expect(index.get(key)?.size).toBe(members.size);

    const bits = emptyBits(41);
    for (const key of added) addMembers(bits, index.get(key));
    const union = new Set(added.flatMap((key) => [...(model.get(key) ?? [])]));
    expect(bitsMembers(bits)).toEqual([...union].sort((a, b) => a - b));
    for (const key of kept) {
      const set = index.get(key);
      if (set === undefined) continue;
      keepMembers(bits, set);
      for (const member of union) if (!model.get(key)?.has(member)) union.delete(member);
    }
    expect(bitsMembers(bits)).toEqual([...union].sort((a, b) => a - b));
  });

  test.prop([fc.uniqueArray(fc.nat({ max: 31 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 32, max: 10_000 })])(
    "a bitset made while the directory was small turns back into a Set when it must grow in a directory grown large",
    (members, beyond) => {
      const index = new Map<string, IndexSet>();
      for (const member of members) addToIndex(index, "code", member, 8);
      expect(index.get("code")?.dense).toBeInstanceOf(Uint32Array);
      addToIndex(index, "code", beyond, 1_000_000);
      expect(index.get("code")?.dense).toBeUndefined();
      const bits = emptyBits(beyond + 1);
      addMembers(bits, index.get("code"));
      expect(bitsMembers(bits)).toEqual([...members, beyond].sort((a, b) => a - b));
    },
  );

  test.prop([fc.array(fc.nat({ max: 5_000 }), { maxLength: 200 })])(
    "a bitset lists its members in order, the highest bit of a word too",
    (members) => {
      const bits = emptyBits(5_001);
      const index = new Map<string, IndexSet>();
      for (const member of members) addToIndex(index, "k", member, 1);
      addMembers(bits, index.get("k"));
      expect(bitsMembers(bits)).toEqual([...new Set(members)].sort((a, b) => a - b));
    },
  );
});

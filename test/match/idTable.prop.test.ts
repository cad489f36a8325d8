import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { addId, createIdTable, entryOf, type IdTable, removeId } from "../../src/match/internal/idTable.js";
import { keyedHash } from "../../src/match/internal/keyedHash.js";

/**
 * HalfSipHash-2-4's 32-bit test vectors, from the reference implementation
 * (github.com/veorq/SipHash, `vectors.h`, `vectors_hsip32`): the key is the
 * bytes 00…07, the input of length n the bytes 00…n-1, the result given as
 * its little-endian bytes. keyedHash reads UTF-16 code units, two bytes
 * each, so the vectors of even length are the ones it can be given.
 */
const VECTORS_BY_EVEN_LENGTH = [
  "a9359f5b", "fa62a603", "2a6e4689", "5863fc23", "d0b8848f", "94b07934", "57f0872f", "d6fff87c",
  "d9b5ac84", "465b8d9b", "e34d1045", "70f367fe", "27400c63", "4f567b5f", "b0644000", "509e338b",
  "fee72112", "6a434f8c", "e75cc6ec", "63688b0f", "b6bc1840", "2442fd2e", "7705d548", "b6d499c8",
  "69e12ce3", "369764c6", "3b85f3d4", "1e692a3a", "a5c5b940", "7dbc8140", "d4e76c73", "bd83997a",
]; // prettier-ignore

/** The bytes 00…n-1 as UTF-16 code units, low byte first. */
const countingBytes = (bytes: number): string =>
  Array.from({ length: bytes / 2 }, (_, unit) => String.fromCharCode((2 * unit) | ((2 * unit + 1) << 8))).join("");
/** HalfSipHash-2-4 byte by byte, as the reference implementation reads its input, for comparison. */
function halfSipHashOfBytes(bytes: readonly number[], key0: number, key1: number): number {
  const v = [key0 | 0, key1 | 0, 0x6c796765 ^ key0, 0x74656462 ^ key1];
  const rotate = (x: number, by: number) => (x << by) | (x >>> (32 - by));
  const round = () => {
    v[0] = (v[0]! + v[1]!) | 0; v[1] = rotate(v[1]!, 5) ^ v[0]; v[0] = rotate(v[0], 16);
    v[2] = (v[2]! + v[3]!) | 0; v[3] = rotate(v[3]!, 8) ^ v[2];
    v[0] = (v[0] + v[3]) | 0; v[3] = rotate(v[3], 7) ^ v[0];
    v[2] = (v[2] + v[1]) | 0; v[1] = rotate(v[1], 13) ^ v[2]; v[2] = rotate(v[2], 16);
  }; // prettier-ignore
  const whole = bytes.length - (bytes.length % 4);
  const absorb = (word: number, rounds: number) => {
    v[3]! ^= word;
    for (let n = 0; n < rounds; n += 1) round();
    v[0]! ^= word;
  };
  for (let at = 0; at < whole; at += 4) absorb(bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24), 2);
  let last = (bytes.length & 0xff) << 24;
  for (let at = whole; at < bytes.length; at += 1) last |= bytes[at]! << (8 * (at - whole));
  absorb(last, 2);
  v[2]! ^= 0xff;
  for (let n = 0; n < 4; n += 1) round();
  return v[1]! ^ v[3]!;
}
const littleEndian = (hex: string): number => Number.parseInt((hex.match(/../g) as string[]).reverse().join(""), 16);

/**
 * A table over a list of ids kept by entry, as the matcher keeps its clinicians; `key` fixes the hash's key.
 * Reading an entry that holds nothing throws: the table must never read a removed id's entry.
 */
function tableOver(ids: (string | undefined)[], expected = 0, key?: readonly [number, number]): IdTable {
  const table = createIdTable(expected, (entry) => {
    const held = ids[entry];
    if (held === undefined) throw new Error(`entry ${entry} read, holding nothing`);
    return held;
  });
  return key === undefined ? table : { ...table, key0: key[0], key1: key[1] };
}

/** The entries in the table's order, walked forward, and walked back then reversed; a walk stops one past the table's size, so a broken link that loops shows as a list too long. */
function orders(table: IdTable): { forward: number[]; backward: number[] } {
  const forward: number[] = [];
  for (let entry = table.first; entry !== -1 && forward.length <= table.size; entry = table.after[entry] as number) forward.push(entry);
  const backward: number[] = [];
  for (let entry = table.last; entry !== -1 && backward.length <= table.size; entry = table.before[entry] as number)
    backward.unshift(entry);
  return { forward, backward };
}

describe("keyedHash", () => {
  it("is HalfSipHash-2-4: the reference implementation's test vectors", () => {
    VECTORS_BY_EVEN_LENGTH.forEach((vector, half) => {
      expect(keyedHash(countingBytes(2 * half), 0x03020100, 0x07060504) >>> 0, `length ${2 * half}`).toBe(littleEndian(vector));
    });
  });

  test.prop([fc.string({ unit: "binary", maxLength: 200 }), fc.integer(), fc.integer()])(
    "is HalfSipHash-2-4 over the UTF-16 code units as little-endian bytes, whatever the length and code units",
    (text, key0, key1) => {
      const bytes: number[] = [];
      for (let at = 0; at < text.length; at += 1) bytes.push(text.charCodeAt(at) & 0xff, text.charCodeAt(at) >>> 8);
      expect(keyedHash(text, key0, key1)).toBe(halfSipHashOfBytes(bytes, key0, key1));
    },
  );

  it("depends on the key", () => {
    expect(keyedHash("clin-1", 1, 2)).not.toBe(keyedHash("clin-1", 1, 3));
    expect(keyedHash("clin-1", 1, 2)).not.toBe(keyedHash("clin-1", 2, 2));
  });
});

describe("IdTable", () => {
  // 155 ids, so that the same id comes back (added again, removed, looked up) and the table holds enough of them
  // at once for ids to share probe runs.
  const IDS = ["a", "b", "c", "d", "e"].flatMap((x) =>
    ["", ..."abcde"].flatMap((y) => (y === "" ? [x] : ["", ..."abcde"].map((z) => x + y + z))),
  );
  const id = fc.constantFrom(...IDS);
  const operation = fc.oneof(
    fc.record({ kind: fc.constant("add" as const), id }),
    fc.record({ kind: fc.constant("remove" as const), id }),
    fc.record({ kind: fc.constant("find" as const), id }),
  );

  test.prop([fc.array(operation, { maxLength: 600, size: "max" }), fc.nat(40)])(
    "answers as a Map from id to entry does, and keeps its order, through adds, removes and growth",
    (operations, expected) => {
      // Entries as the matcher hands them out: a removed one's place is taken again first.
      const ids: (string | undefined)[] = [];
      const free: number[] = [];
      const table = tableOver(ids, expected);
      const model = new Map<string, number>();
      for (const { kind, id: key } of operations) {
        if (kind === "add" && model.has(key)) expect(addId(table, key, ids.length)).toBe(false);
        else if (kind === "add") {
          const entry = free.pop() ?? ids.length;
          // The caller places what the entry holds before adding it, as compiling does.
          ids[entry] = key;
          expect(addId(table, key, entry)).toBe(true);
          model.set(key, entry);
        } else if (kind === "remove") {
          const entry = removeId(table, key);
          expect(entry).toBe(model.get(key) ?? -1);
          if (entry >= 0) {
            model.delete(key);
            ids[entry] = undefined;
            free.push(entry);
          }
        } else expect(entryOf(table, key)).toBe(model.get(key) ?? -1);
        expect(table.size).toBe(model.size);
        // Slots in use are counted, and never more than half the table, so a probe always ends at an empty one.
        const inUse = Array.from({ length: table.slots.length / 2 }, (_, slot) => table.slots[2 * slot + 1] !== 0).filter(Boolean).length;
        expect(table.taken).toBe(inUse);
        expect(2 * table.taken).toBeLessThanOrEqual(table.slots.length / 2);
      }
      for (const [key, entry] of model) expect(entryOf(table, key)).toBe(entry);
      const { forward, backward } = orders(table);
      expect(forward).toEqual([...model.values()]);
      expect(backward).toEqual(forward);
    },
  );

  it("keeps apart two ids whose hashes are equal", () => {
    // Under the key (7, 11), `id-33839` and `id-76383` share all 32 bits of a hash: the first such pair among
    // `id-0`, `id-1`, … (found by hashing them in turn until one repeated).
    const key = [7, 11] as const;
    const [one, two] = ["id-33839", "id-76383"];
    expect(keyedHash(one, ...key)).toBe(keyedHash(two, ...key));
    const ids = [one, two];
    const table = tableOver(ids, 2, key);
    expect(addId(table, one, 0)).toBe(true);
    expect(entryOf(table, two)).toBe(-1);
    expect(addId(table, two, 1)).toBe(true);
    expect([entryOf(table, one), entryOf(table, two)]).toEqual([0, 1]);
    expect(removeId(table, one)).toBe(0);
    expect([entryOf(table, one), entryOf(table, two)]).toEqual([-1, 1]);
  });

  it("draws a key of its own for each table, and hashes with it", () => {
    const ids = Array.from({ length: 100 }, (_, n) => `clin-${n}`);
    const [a, b] = [tableOver(ids, 100), tableOver(ids, 100)];
    expect([a.key0, a.key1]).not.toEqual([b.key0, b.key1]);
    ids.forEach((id, entry) => [a, b].forEach((table) => addId(table, id, entry)));
    // The same ids, added in the same order, lie in other slots.
    expect(Array.from(a.slots)).not.toEqual(Array.from(b.slots));
  });

  it("takes an entry far past those it was made for", () => {
    const ids: string[] = [];
    ids[5000] = "far";
    const table = tableOver(ids, 4);
    expect(addId(table, "far", 5000)).toBe(true);
    expect([entryOf(table, "far"), table.first, table.last, table.after[5000], table.before[5000]]).toEqual([5000, 5000, 5000, -1, -1]);
  });

  it("grows past what it was made for, and reuses removed ids' slots without growing", () => {
    const ids = Array.from({ length: 1000 }, (_, n) => `clin-${n}`);
    const table = tableOver(ids, 10);
    ids.forEach((key, entry) => expect(addId(table, key, entry)).toBe(true));
    ids.forEach((key, entry) => expect(entryOf(table, key)).toBe(entry));
    const slots = table.slots.length;
    // Remove and add back, many times over: marks of removed ids are reused or cleared, so the table does not keep growing.
    for (let round = 0; round < 20; round += 1) {
      for (let entry = 0; entry < 500; entry += 1) expect(removeId(table, ids[entry] as string)).toBe(entry);
      for (let entry = 0; entry < 500; entry += 1) expect(addId(table, ids[entry] as string, entry)).toBe(true);
    }
    expect(table.slots.length).toBe(slots);
    expect(table.size).toBe(1000);
    expect(orders(table).forward).toEqual([...Array.from({ length: 500 }, (_, n) => 500 + n), ...Array.from({ length: 500 }, (_, n) => n)]);
  });
});

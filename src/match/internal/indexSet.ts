/**
 * Sets of clinician indexes for the directory's lookups: a `Set` while few
 * clinicians are in one, a bitset once many are, so a code or place that
 * most clinicians share costs one bit each, and one that few share costs
 * nothing per clinician of the directory. Internal.
 *
 * @module
 */

export interface IndexSet {
  size: number;
  sparse: Set<number> | undefined;
  /** Bit `i % 32` of word `i >>> 5` is set when index `i` is a member. */
  dense: Uint32Array | undefined;
}

/**
 * A set becomes a bitset once it holds one in this many of the directory's
 * places: a member of a `Set` costs some tens of bytes, a bitset an eighth
 * of a byte per place. The library's own threshold, where the two cost
 * about the same.
 */
const DENSE_FROM = 256;

const wordsFor = (places: number): number => (places + 31) >>> 5;

function grow(dense: Uint32Array, index: number): Uint32Array {
  const grown = new Uint32Array(Math.max(2 * dense.length, wordsFor(index + 1)));
  grown.set(dense);
  return grown;
}

/** Adds an index to the set a map holds under a key. `places` is the directory's size, which decides when a set becomes a bitset. */
export function addToIndex<Key>(map: Map<Key, IndexSet>, key: Key, index: number, places: number): void {
  let set = map.get(key);
  if (set === undefined) map.set(key, (set = { size: 0, sparse: new Set(), dense: undefined }));
  // A bitset that must grow to hold the index, and holds far fewer than one in DENSE_FROM places (it became one while
  // the directory was small), turns back into a `Set`: at most once each time the directory doubles.
  if (set.dense !== undefined && index >>> 5 >= set.dense.length && set.size * DENSE_FROM * 2 < places) {
    set.sparse = new Set(bitsMembers(set.dense));
    set.dense = undefined;
  }
  if (set.dense !== undefined) {
    if (index >>> 5 >= set.dense.length) set.dense = grow(set.dense, index);
    const bit = 1 << (index & 31);
    if ((set.dense[index >>> 5] as number) & bit) return;
    set.dense[index >>> 5] = (set.dense[index >>> 5] as number) | bit;
    set.size += 1;
    return;
  }
  const sparse = set.sparse as Set<number>;
  if (sparse.has(index)) return;
  sparse.add(index);
  set.size += 1;
  if (set.size * DENSE_FROM < places) return;
  let dense: Uint32Array = new Uint32Array(wordsFor(Math.max(places, index + 1)));
  for (const member of sparse) {
    if (member >>> 5 >= dense.length) dense = grow(dense, member);
    dense[member >>> 5] = (dense[member >>> 5] as number) | (1 << (member & 31));
  }
  set.dense = dense;
  set.sparse = undefined;
}

/** Takes an index out of the set a map holds under a key, and the key with its last index. */
export function removeFromIndex<Key>(map: Map<Key, IndexSet>, key: Key, index: number): void {
  const set = map.get(key);
  if (set === undefined) return;
  if (set.dense !== undefined) {
    const bit = 1 << (index & 31);
    const word = set.dense[index >>> 5];
    if (word === undefined || (word & bit) === 0) return;
    set.dense[index >>> 5] = word & ~bit;
    set.size -= 1;
  } else if ((set.sparse as Set<number>).delete(index)) set.size -= 1;
  if (set.size === 0) map.delete(key);
}

/** An empty bitset with room for the directory's places. */
export const emptyBits = (places: number): Uint32Array => new Uint32Array(wordsFor(places));

/** Adds a set's members to a bitset. */
export function addMembers(bits: Uint32Array, set: IndexSet | undefined): void {
  if (set === undefined) return;
  if (set.dense !== undefined) {
    const words = Math.min(bits.length, set.dense.length);
    for (let word = 0; word < words; word += 1) bits[word] = (bits[word] as number) | (set.dense[word] as number);
  } else for (const index of set.sparse as Set<number>) bits[index >>> 5] = (bits[index >>> 5] as number) | (1 << (index & 31));
}

/** Keeps in a bitset only the members of a set. */
export function keepMembers(bits: Uint32Array, set: IndexSet): void {
  let mask = set.dense;
  if (mask === undefined) {
    mask = new Uint32Array(bits.length);
    for (const index of set.sparse as Set<number>) mask[index >>> 5] = (mask[index >>> 5] as number) | (1 << (index & 31));
  }
  for (let word = 0; word < bits.length; word += 1) bits[word] = (bits[word] as number) & (mask[word] ?? 0);
}

/** The indexes a bitset holds, in order. */
export function bitsMembers(bits: Uint32Array): number[] {
  const members: number[] = [];
  for (let word = 0; word < bits.length; word += 1) {
    let value = bits[word] as number;
    while (value !== 0) {
      // The lowest set bit, then clear it.
      const low = value & -value;
      members.push((word << 5) + 31 - Math.clz32(low));
      value ^= low;
    }
  }
  return members;
}

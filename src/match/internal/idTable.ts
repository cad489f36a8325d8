/**
 * A table from ids to entries (small whole numbers, such as a clinician's
 * place in the directory), in the order the ids were added, as a `Map`
 * keeps them. Internal.
 *
 * Compiling a directory adds every clinician's id. In a CPU profile of
 * `createMatcher` at a million clinicians, adding them to a `Map` took
 * about 1.9 s of 16.6 s; adding them here took about 0.6 s. Here the
 * table is one typed array, open addressing with linear probing, sized
 * for the directory up front, so it is never rehashed while compiling and
 * holds no pointers for the collector to visit; the ids themselves are not
 * kept: the caller, who holds them, tells the id of an entry (`idOf`).
 * Hashes are keyed with random bits drawn for each table
 * ({@link keyedHash}): without the key, ids cannot be chosen to share probe
 * runs and make every lookup long.
 *
 * @module
 */
import { keyedHash } from "./keyedHash.js";

export interface IdTable {
  /** Two numbers per slot: the id's hash, then its entry + 1; 0 there for an empty slot, -1 for a removed id's. */
  slots: Int32Array;
  /** Slots that hold an id or a removed id's mark. */
  taken: number;
  /** Ids held. */
  size: number;
  /** The entry added after and before each entry, -1 for none: the order ids were added in. */
  after: Int32Array;
  before: Int32Array;
  first: number;
  last: number;
  /** The id an entry held in the table has (undefined only for one whose holder is gone, which then matches no id). */
  readonly idOf: (entry: number) => string | undefined;
  /** The hash's key, drawn for this table. */
  readonly key0: number;
  readonly key1: number;
}

const EMPTY = 0;
const REMOVED = -1;
const NONE = -1;
/**
 * Slots are at most this full; past it the table is rebuilt with room for twice the ids it holds. The library's
 * own choice: at half full, linear probing takes about 1.5 probes on average to find an id and 2.5 to miss one
 * (Knuth, The Art of Computer Programming, vol. 3, §6.4, Algorithm L).
 */
const MOST_TAKEN = 0.5;
const FEWEST_SLOTS = 16;

/**
 * Two random 32-bit words from the platform's cryptographic source, Web
 * Crypto's `getRandomValues` (a global in Node from version 19 and in
 * browsers). Where there is none, a fixed key: answers never depend on the
 * key, only how long ids chosen against it could make lookups take.
 */
function randomWords(): [number, number] {
  const { crypto } = globalThis as { crypto?: { getRandomValues(words: Uint32Array): Uint32Array } };
  if (crypto === undefined) return [0x736f6d65, 0x646f7261];
  const words = crypto.getRandomValues(new Uint32Array(2));
  return [words[0] as number, words[1] as number];
}

const slotsFor = (ids: number): number => Math.max(FEWEST_SLOTS, Math.ceil(ids / MOST_TAKEN) + 1);

/** The slot a hash starts probing at: the hash scaled to the table, so that any number of slots will do. */
const homeOf = (hash: number, slots: number): number => Math.floor(((hash >>> 0) * slots) / 2 ** 32);

/** An empty table with room for `expected` ids before it grows. */
export function createIdTable(expected: number, idOf: (entry: number) => string | undefined): IdTable {
  const [key0, key1] = randomWords();
  const places = Math.max(FEWEST_SLOTS, expected);
  return {
    slots: new Int32Array(2 * slotsFor(expected)),
    taken: 0,
    size: 0,
    after: new Int32Array(places).fill(NONE),
    before: new Int32Array(places).fill(NONE),
    first: NONE,
    last: NONE,
    idOf,
    key0,
    key1,
  };
}

/** The slot that holds `id`, or -1. */
function slotOf(table: IdTable, id: string, hash: number): number {
  const { slots, idOf } = table;
  const count = slots.length >>> 1;
  for (let slot = homeOf(hash, count); ; slot = slot + 1 === count ? 0 : slot + 1) {
    const held = slots[2 * slot + 1] as number;
    if (held === EMPTY) return -1;
    if (held !== REMOVED && slots[2 * slot] === hash && idOf(held - 1) === id) return slot;
  }
}

/** The entry `id` has, or -1 when the table does not hold it. */
export function entryOf(table: IdTable, id: string): number {
  const slot = slotOf(table, id, keyedHash(id, table.key0, table.key1));
  return slot < 0 ? -1 : (table.slots[2 * slot + 1] as number) - 1;
}

/** Puts a hash and entry in the first free or removed slot from the hash's home. */
function place(slots: Int32Array, hash: number, entry: number): boolean {
  const count = slots.length >>> 1;
  for (let slot = homeOf(hash, count); ; slot = slot + 1 === count ? 0 : slot + 1) {
    const held = slots[2 * slot + 1] as number;
    if (held === EMPTY || held === REMOVED) {
      slots[2 * slot] = hash;
      slots[2 * slot + 1] = entry + 1;
      return held === EMPTY;
    }
  }
}

/** The slots again, room for twice the ids held, without removed ids' marks. */
function rebuild(table: IdTable): void {
  const old = table.slots;
  table.slots = new Int32Array(2 * slotsFor(2 * (table.size + 1)));
  for (let slot = 0; slot < old.length; slot += 2) {
    const held = old[slot + 1] as number;
    if (held > 0) place(table.slots, old[slot] as number, held - 1);
  }
  table.taken = table.size;
}

/** Room in the order's arrays for `entry`. */
function makeRoom(table: IdTable, entry: number): void {
  if (entry < table.after.length) return;
  const length = Math.max(2 * table.after.length, entry + 1);
  const after = new Int32Array(length).fill(NONE);
  const before = new Int32Array(length).fill(NONE);
  after.set(table.after);
  before.set(table.before);
  table.after = after;
  table.before = before;
}

/**
 * Adds `id` with `entry`, last in the order; false, changing nothing, when
 * the table holds `id` already. `idOf(entry)` must give `id` from now on.
 */
export function addId(table: IdTable, id: string, entry: number): boolean {
  const hash = keyedHash(id, table.key0, table.key1);
  if (slotOf(table, id, hash) >= 0) return false;
  if (table.taken + 1 > MOST_TAKEN * (table.slots.length >>> 1)) rebuild(table);
  if (place(table.slots, hash, entry)) table.taken += 1;
  table.size += 1;
  makeRoom(table, entry);
  table.after[entry] = NONE;
  table.before[entry] = table.last;
  if (table.last === NONE) table.first = entry;
  else table.after[table.last] = entry;
  table.last = entry;
  return true;
}

/** Takes `id` out of the table and its order; gives the entry it had, or -1 when the table does not hold it. */
export function removeId(table: IdTable, id: string): number {
  const slot = slotOf(table, id, keyedHash(id, table.key0, table.key1));
  if (slot < 0) return -1;
  const entry = (table.slots[2 * slot + 1] as number) - 1;
  table.slots[2 * slot + 1] = REMOVED;
  table.size -= 1;
  const after = table.after[entry] as number;
  const before = table.before[entry] as number;
  if (before === NONE) table.first = after;
  else table.after[before] = after;
  if (after === NONE) table.last = before;
  else table.before[after] = before;
  table.after[entry] = NONE;
  table.before[entry] = NONE;
  return entry;
}

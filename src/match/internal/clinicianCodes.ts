/**
 * Every compiled clinician's code lists, outcome ratings, weekly slots and
 * insurance panels, in one pool of numbers: the directory's memory grows by
 * four bytes per code, rating or slot (twelve per panel), not by a set or an
 * object per list per clinician. Internal.
 *
 * @module
 */
import type { DomainOutcome } from "../../model/clinician.js";
import { FROM_SCHEMA, InvalidInputError } from "../../errors.js";
import { CODE_LIMIT, POOL_LIMIT } from "./matcherLimits.js";
import { sortRange } from "./sortRange.js";

/**
 * The lists of codes a clinician holds, interned as numbers, in the order a
 * segment holds them: its tags, the problem areas of its outcomes, the payer
 * of each insurance panel and the plans panels are limited to.
 */
export const CODE_KINDS = [
  "populations",
  "problemAreas",
  "modalities",
  "languages",
  "cultures",
  "faiths",
  "outcomes",
  "panelPayers",
  "panelPlans",
] as const;
export type CodeKind = (typeof CODE_KINDS)[number];
/** The lists kept in the clinician's order, with repeats, so a position pairs with a value; the others are sets. */
export const KEPT_IN_ORDER = ["outcomes", "panelPayers", "panelPlans"] as const;
/** The lists held as sets, which `holdsCode` looks up. */
export type SetKind = Exclude<CodeKind, (typeof KEPT_IN_ORDER)[number]>;
/**
 * The lists of numbers a segment holds after the codes: each outcome's
 * rating and cases, the weekly slots, three numbers per insurance panel
 * (see `writePanels`), the capacity (`writeCapacity`) and the fees (`writeFees`).
 */
export const VALUE_KINDS = ["outcomeRatings", "slots", "panels", "capacity", "fee"] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

const KIND_PLACE = Object.fromEntries([...CODE_KINDS, ...VALUE_KINDS].map((kind, place) => [kind, place])) as Readonly<
  Record<CodeKind | ValueKind, number>
>;
const ORDERED_PLACES: ReadonlySet<number> = new Set(KEPT_IN_ORDER.map((kind) => KIND_PLACE[kind]));
/** A segment starts with where each list ends, counted from the segment's start. */
const HEADER: number = CODE_KINDS.length + VALUE_KINDS.length;
/** The start of an empty place. */
const NONE = 0xffffffff;
/** A list longer than this is looked up by halving rather than read through. */
const SCAN_LIMIT = 8;
const RATINGS = ["effective", "neutral", "ineffective"] as const;

/**
 * A pool of segments, one per clinician index: the header, then each list.
 * Code lists are sorted and without repeats but those {@link KEPT_IN_ORDER},
 * where a position names a value: an outcome's rating in `outcomeRatings`,
 * a panel's payer and plans beside its numbers in `panels`.
 */
export interface ClinicianCodes {
  /** The number of each code held, and the code of each number ("" for a number free to reuse). */
  readonly numbers: Map<string, number>;
  readonly codes: string[];
  /** How many entries of the pool's live code lists hold each number: at none, the code is forgotten. */
  readonly uses: number[];
  /** Numbers whose code is forgotten, to give to the next new code. */
  readonly free: number[];
  pool: Int32Array;
  /** Where each index's segment starts; `NONE` for an empty place. */
  starts: Uint32Array;
  /** How much of the pool is written. */
  used: number;
  /** How much of what is written belongs to no index any more. */
  dead: number;
  /** The segment being written (see {@link startSegment}). */
  readonly segment: SegmentCursor;
}

/** Clinicians a new pool has room for at first: what they hold tells how much the rest need (see {@link expectClinicians}). */
export const FIRST_CLINICIANS = 64;

/** An empty pool with places for a directory of `clinicians`, and room in its pool for the first few. */
export function createClinicianCodes(clinicians: number): ClinicianCodes {
  return {
    numbers: new Map(),
    codes: [],
    uses: [],
    free: [],
    pool: new Int32Array(Math.min(Math.max(1, clinicians), FIRST_CLINICIANS) * (HEADER + 16)),
    starts: new Uint32Array(Math.max(16, clinicians)).fill(NONE),
    used: 0,
    dead: 0,
    segment: { index: 0, start: 0, end: 0, limit: 0, kind: HEADER },
  };
}

/** What an issue expects of a directory past the pool's limit (a wording the errors accept from referwell's own checks). */
const poolExpected = (): string => `at most ${POOL_LIMIT} packed numbers in all clinicians' lists`;
/** What an issue expects of a directory past the codes' limit. */
const codesExpected = (): string => `at most ${CODE_LIMIT} different codes in all clinicians' lists`;

/**
 * Refuses a directory whose clinicians together hold more than the layout
 * can (see `matcherLimits`). Only compiling a whole directory gets here: a
 * change to a matcher is checked beforehand ({@link layoutShortfall}), as
 * its first write must not be its last.
 */
function beyondLayout(expected: string): never {
  throw new InvalidInputError("directory", [{ path: ["clinicians"], code: "too-big", expected }], FROM_SCHEMA);
}

/** The number of `code`, given a new one (a forgotten code's, when there is one) if it has none. */
function numberOf(table: ClinicianCodes, code: string): number {
  let number = table.numbers.get(code);
  if (number === undefined) {
    if (table.numbers.size >= CODE_LIMIT) beyondLayout(codesExpected());
    number = table.free.pop() ?? table.codes.length;
    table.numbers.set(code, number);
    table.codes[number] = code;
    table.uses[number] = 0;
  }
  return number;
}

/**
 * Room a new pool leaves beyond what it holds, as a share of it: the
 * library's own choice. A quarter keeps the first update after compiling
 * from doubling the pool, while each entry is still copied only about four
 * more times on average as the pool grows.
 */
const SPARE = 0.25;

/**
 * Makes room for `needed` more entries. When the pool is full it is
 * rewritten into a new one, with only the live segments when any are dead,
 * so replacing clinicians over and over keeps the pool within a quarter
 * more than the live ones hold, and each rewrite is paid for by the writes
 * that filled the spare room since the last. `spare` is the share of room
 * left beyond that ({@link SPARE} unless the caller has its own margin).
 */
function reserve(table: ClinicianCodes, needed: number, spare = SPARE): void {
  if (table.used + needed <= table.pool.length) return;
  const live = table.used - table.dead;
  if (live + needed > POOL_LIMIT) beyondLayout(poolExpected());
  const pool = new Int32Array(Math.min(Math.max(Math.ceil((1 + spare) * (live + needed)), 64), POOL_LIMIT));
  if (table.dead === 0) pool.set(table.pool.subarray(0, table.used));
  else {
    let used = 0;
    for (let index = 0; index < table.starts.length; index += 1) {
      const start = table.starts[index] as number;
      if (start === NONE) continue;
      // The last list's end is the segment's length.
      const length = table.pool[start + HEADER - 1] as number;
      pool.set(table.pool.subarray(start, start + length), used);
      table.starts[index] = used;
      used += length;
    }
    table.used = used;
    table.dead = 0;
  }
  table.pool = pool;
}

/**
 * The most a clinician is expected to hold on average when room is made
 * ahead (the library's own bound, about one and a half times what a typical
 * clinician holds): the first clinicians of a directory are no sample of
 * the rest, and a few holding hundreds of panels must not make a pool of
 * gigabytes. Past it the pool grows as it fills, a quarter at a time.
 */
export const MOST_EXPECTED = HEADER + 64;

/**
 * Makes room, at once, for `more` clinicians holding on average what the
 * `written` ones written so far hold (at most {@link MOST_EXPECTED}), and
 * 3% more, the library's own margin for a directory whose first clinicians
 * hold a little less than the rest: its pool is then copied about once
 * while it compiles, not once for each quarter it grows by.
 */
export function expectClinicians(table: ClinicianCodes, written: number, more: number): void {
  if (written === 0 || more === 0) return;
  const live = table.used - table.dead;
  const perClinician = Math.min(live / written, MOST_EXPECTED);
  // The margin is the spare room: no quarter more on top of it. A guess, so never refused: what is written is checked.
  reserve(table, Math.min(Math.ceil(perClinician * more * 1.03), POOL_LIMIT - live), 0);
}

/**
 * Why segments of at most `entries` entries in all beyond their
 * `segments` headers, every code among them new, might not fit beside the
 * live ones within the layout's limits (see `matcherLimits`), as the text
 * an issue expects; undefined when they fit. A change to a matcher asks
 * this before anything changes, so no write of it is refused.
 */
export function layoutShortfall(table: ClinicianCodes, segments: number, entries: number): string | undefined {
  if (table.used - table.dead + segments * HEADER + entries > POOL_LIMIT) return poolExpected();
  if (table.numbers.size + entries > CODE_LIMIT) return codesExpected();
  return undefined;
}

function placeIndex(table: ClinicianCodes, index: number): void {
  if (index < table.starts.length) return;
  const starts = new Uint32Array(Math.max(2 * table.starts.length, index + 1)).fill(NONE);
  starts.set(table.starts);
  table.starts = starts;
}

/**
 * Opens the empty place at `index` for a segment of at most `most` entries
 * beyond its header, to be written list by list in {@link CODE_KINDS} then
 * {@link VALUE_KINDS} order: {@link addCode} or {@link addValue} for each
 * entry, {@link endList} after each list (by name, so none can be left out
 * or misplaced), then {@link endSegment}. Entries go straight into the
 * pool: this runs once per clinician of a directory, and a list built to
 * be copied is garbage the collector pays for at every size.
 */
export function startSegment(table: ClinicianCodes, index: number, most: number): void {
  reserve(table, HEADER + most);
  placeIndex(table, index);
  const { segment } = table;
  segment.index = index;
  segment.start = table.used;
  segment.end = HEADER;
  segment.limit = HEADER + most;
  segment.kind = 0;
}

/** Where the segment being written stands: its place, where it starts in the pool, how far it is written and may go, and the place of the list being written. */
export interface SegmentCursor {
  index: number;
  start: number;
  end: number;
  limit: number;
  kind: number;
}

/** A segment written other than as {@link startSegment} says: a fault of the library's own code, never of input, so the message names no value. */
function misuse(): never {
  throw new Error("referwell: a clinician's segment was written out of order or beyond its room");
}

/** Adds `code` to the code list being written. */
export function addCode(table: ClinicianCodes, code: string): void {
  const { segment } = table;
  if (segment.kind >= CODE_KINDS.length) misuse();
  if (segment.end >= segment.limit) misuse();
  table.pool[segment.start + segment.end] = numberOf(table, code);
  segment.end += 1;
}

/** Adds `value` to the list of values being written. */
export function addValue(table: ClinicianCodes, value: number): void {
  const { segment } = table;
  if (segment.kind < CODE_KINDS.length) misuse();
  if (segment.end >= segment.limit) misuse();
  table.pool[segment.start + segment.end] = value;
  segment.end += 1;
}

/** Ends the list being written, which must be `kind`: a set is sorted and rid of repeats, and each code counts one more use. */
export function endList(table: ClinicianCodes, kind: CodeKind | ValueKind): void {
  const { segment, pool, uses } = table;
  const place = KIND_PLACE[kind];
  if (place !== segment.kind) misuse();
  const { start } = segment;
  const from = place === 0 ? HEADER : (pool[start + place - 1] as number);
  if (place < CODE_KINDS.length) {
    if (!ORDERED_PLACES.has(place) && segment.end - from > 1) segment.end = sortedSet(pool, start + from, start + segment.end) - start;
    for (let at = start + from; at < start + segment.end; at += 1) {
      const number = pool[at] as number;
      uses[number] = (uses[number] as number) + 1;
    }
  }
  pool[start + place] = segment.end;
  segment.kind += 1;
}

/** Ends the segment once its last list is ended: its place now holds it. */
export function endSegment(table: ClinicianCodes): void {
  const { segment } = table;
  if (segment.kind !== HEADER) misuse();
  table.starts[segment.index] = segment.start;
  table.used = segment.start + segment.end;
}

/** Sorts `pool[from, to)` in place (see `sortRange`) and drops repeats; gives the new end. */
function sortedSet(pool: Int32Array, from: number, to: number): number {
  sortRange(pool, from, to);
  let kept = from + 1;
  for (let at = from + 1; at < to; at += 1) if (pool[at] !== pool[kept - 1]) pool[kept++] = pool[at] as number;
  return kept;
}

/**
 * Gives back the room a pool holds beyond what is written, once a directory
 * is compiled, so what it grew by while compiling is not kept; room of
 * under a sixteenth of what is written (the library's own threshold) is
 * kept rather than paid for with a copy of the whole pool.
 */
export function trimCodes(table: ClinicianCodes): void {
  if (table.pool.length - table.used > table.used / 16) table.pool = table.pool.slice(0, table.used);
}

/**
 * Empties the place at `index`: its segment is left dead for the next
 * rewrite, and a code no live list holds any more is forgotten, so a
 * matcher updated for years with ever new free-text tags keeps only the
 * ones its clinicians hold.
 */
export function releaseCodes(table: ClinicianCodes, index: number): void {
  const start = table.starts[index];
  if (start === undefined || start === NONE) return;
  const codesEnd = start + (table.pool[start + CODE_KINDS.length - 1] as number);
  for (let at = start + HEADER; at < codesEnd; at += 1) {
    const number = table.pool[at] as number;
    table.uses[number] = (table.uses[number] as number) - 1;
    if ((table.uses[number] as number) > 0) continue;
    table.numbers.delete(table.codes[number] as string);
    table.codes[number] = "";
    table.free.push(number);
  }
  table.dead += table.pool[start + HEADER - 1] as number;
  table.starts[index] = NONE;
}

/** Where a list of the clinician at `index` starts in the pool; 0 for an empty place. Two numbers read, no pair built: checks run this per candidate. */
export function listFrom(table: ClinicianCodes, index: number, kind: CodeKind | ValueKind): number {
  const start = table.starts[index];
  if (start === undefined || start === NONE) return 0;
  const place = KIND_PLACE[kind];
  return start + (place === 0 ? HEADER : (table.pool[start + place - 1] as number));
}

/** Where a list of the clinician at `index` ends in the pool (its last entry is just before); 0 for an empty place. */
export function listTo(table: ClinicianCodes, index: number, kind: CodeKind | ValueKind): number {
  const start = table.starts[index];
  if (start === undefined || start === NONE) return 0;
  return start + (table.pool[start + KIND_PLACE[kind]] as number);
}

/** Whether the clinician at `index` holds `code` in one of its sets (for outcomes, see {@link worstOutcome}). */
export function holdsCode(table: ClinicianCodes, index: number, kind: SetKind, code: string): boolean {
  const number = table.numbers.get(code);
  if (number === undefined) return false;
  const { pool } = table;
  let low = listFrom(table, index, kind);
  let high = listTo(table, index, kind);
  if (high - low <= SCAN_LIMIT) {
    for (; low < high; low += 1) if (pool[low] === number) return true;
    return false;
  }
  while (low < high) {
    // Halved apart from their sum: positions reach 2³² − 1 (POOL_LIMIT), where `(low + high) >>> 1` would wrap.
    const middle = low + ((high - low) >>> 1);
    const found = pool[middle] as number;
    if (found === number) return true;
    if (found < number) low = middle + 1;
    else high = middle;
  }
  return false;
}

/** The number at `position` in one of a clinician's lists of values; undefined past its end. Reads without allocating, for checks run per candidate. */
export function valueAt(table: ClinicianCodes, index: number, kind: ValueKind, position: number): number | undefined {
  const start = table.starts[index];
  if (start === undefined || start === NONE) return undefined;
  const place = KIND_PLACE[kind];
  // Value lists come after the code lists, so each has a list before it.
  const at = start + (table.pool[start + place - 1] as number) + position;
  return at < start + (table.pool[start + place] as number) ? table.pool[at] : undefined;
}

/** The numbers of one of a clinician's lists of values. */
export function valuesOf(table: ClinicianCodes, index: number, kind: ValueKind): number[] {
  const from = listFrom(table, index, kind);
  const to = listTo(table, index, kind);
  return Array.from(table.pool.subarray(from, to));
}

/** The codes of one of a clinician's lists. */
export function codesOf(table: ClinicianCodes, index: number, kind: CodeKind): string[] {
  const from = listFrom(table, index, kind);
  const to = listTo(table, index, kind);
  const codes: string[] = [];
  for (let at = from; at < to; at += 1) codes.push(table.codes[table.pool[at] as number] as string);
  return codes;
}

type WithCodes = { readonly codes: ClinicianCodes };

/** Whether a compiled clinician holds `code` in one of its lists: {@link holdsCode} by the directory's pool. */
export const holds = (directory: WithCodes, clinician: { readonly index: number }, kind: SetKind, code: string): boolean =>
  holdsCode(directory.codes, clinician.index, kind, code);

/** An outcome packed as a number: its rating's place in {@link RATINGS}, then its cases (at most 1,000,000, so it fits). */
export const packedOutcome = (outcome: Pick<DomainOutcome, "rating" | "cases">): number =>
  RATINGS.indexOf(outcome.rating) + 4 * outcome.cases;

/**
 * A compiled clinician's worst rating for a canonical problem area among
 * those on at least `minCases` cases (ineffective, then neutral, then
 * effective), the one on the most cases of that rating; undefined when
 * none has enough. Ratings of one area that disagree (two records, or
 * two tags the vocabulary reads as one area) are read the cautious way:
 * an ineffective rating on enough cases is never outweighed by another.
 */
export function worstOutcome(
  directory: WithCodes,
  clinician: { readonly index: number },
  code: string,
  minCases: number,
): Pick<DomainOutcome, "rating" | "cases"> | undefined {
  const { codes } = directory;
  const number = codes.numbers.get(code);
  if (number === undefined) return undefined;
  const from = listFrom(codes, clinician.index, "outcomes");
  const to = listTo(codes, clinician.index, "outcomes");
  const ratings = listFrom(codes, clinician.index, "outcomeRatings") - from;
  // A packed rating's low two bits are its place in RATINGS, which is how bad it is.
  let worst = -1;
  for (let at = from; at < to; at += 1) {
    if (codes.pool[at] !== number) continue;
    const packed = codes.pool[ratings + at] as number;
    if (packed >>> 2 < minCases) continue;
    if (worst < 0 || (packed & 3) > (worst & 3) || ((packed & 3) === (worst & 3) && packed >>> 2 > worst >>> 2)) worst = packed;
  }
  return worst < 0 ? undefined : { rating: RATINGS[worst & 3] as DomainOutcome["rating"], cases: worst >>> 2 };
}

/** Whether a compiled clinician reports any outcome. */
export function reportsOutcomes(directory: WithCodes, clinician: { readonly index: number }): boolean {
  return listTo(directory.codes, clinician.index, "outcomes") > listFrom(directory.codes, clinician.index, "outcomes");
}

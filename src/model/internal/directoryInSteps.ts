import * as z from "zod";
import { DIRECTORY_LIMITS } from "./directoryLimits.js";
import { Clinician } from "../clinician.js";
import { Directory } from "../directory.js";
import { Regulation } from "../licensure.js";
import { Payer, Practice } from "../practice.js";
import { isReferwellError } from "../../isReferwellError.js";
import { validate } from "../validate.js";
import { danglingReferences, type DirectoryIds } from "./danglingReferences.js";
import { directoryIds } from "./directoryIds.js";

/** Items validated in one step: each clinician takes some tens of microseconds. */
const CHUNK = 64;
const Practices = z.array(Practice);
const Clinicians = z.array(Clinician);
const Payers = z.array(Payer);
const Regulations = z.array(Regulation);

/**
 * One step of a directory's validation, as {@link directoryInSteps} gives
 * them: a point where the work may pause; the directory with every list
 * but its clinicians validated (`clinicians` and `practices` empty), with
 * how many clinicians follow and the ids they may refer to; or the next chunk of
 * clinicians, validated and checked against those ids, starting at
 * position `from` of the directory's list.
 */
export type DirectoryStep =
  | { readonly kind: "turn" }
  | { readonly kind: "shell"; readonly directory: Directory; readonly clinicians: number; readonly ids: DirectoryIds }
  | { readonly kind: "clinicians"; readonly from: number; readonly clinicians: readonly Clinician[] };

/** A directory with the ids its clinicians may refer to. */
interface WithIds {
  readonly directory: Directory;
  readonly ids: DirectoryIds;
}

const TURN: DirectoryStep = Object.freeze({ kind: "turn" });

/** The chunk of `items` from `start`, validated, or `undefined` when it breaks a rule. */
function validChunk<Item>(schema: z.ZodType<Item[]>, items: readonly unknown[], start: number): Item[] | undefined {
  try {
    // The array's own `slice`, never one the input defines: validation reads the elements themselves.
    return validate(schema, Array.prototype.slice.call(items, start, start + CHUNK), "directory");
  } catch (error) {
    if (isReferwellError(error, "invalid-input")) return undefined;
    throw error;
  }
}

/** A whole list validated a chunk at a time, or `undefined` when a chunk breaks a rule. */
function* validItems<Item>(schema: z.ZodType<Item[]>, items: readonly unknown[]): Generator<DirectoryStep, Item[] | undefined> {
  const valid: Item[] = [];
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = validChunk(schema, items, start);
    if (chunk === undefined) return undefined;
    for (const item of chunk) valid.push(item);
    yield TURN;
  }
  return valid;
}

/** The ids of a list, or `undefined` when one repeats. */
function* idsOf(items: readonly { readonly id: string }[]): Generator<DirectoryStep, Set<string> | undefined> {
  const ids = new Set<string>();
  for (let index = 0; index < items.length; index += 1) {
    const { id } = items[index] as { readonly id: string };
    if (ids.has(id)) return undefined;
    ids.add(id);
    if (index % CHUNK === CHUNK - 1) yield TURN;
  }
  return ids;
}

/** Whether a value is a plain object whose own properties are all enumerable: its spread copy holds exactly what validation would read. */
function isPlainRecord(value: unknown): value is object {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(Object.getOwnPropertyDescriptors(value)).every((descriptor) => descriptor.enumerable === true);
}

/** The lists a directory's validation reads a chunk at a time, as given; `regulations` undefined when absent. */
interface Lists {
  readonly practices: readonly unknown[];
  readonly clinicians: readonly unknown[];
  readonly payers: readonly unknown[];
  readonly regulations: readonly unknown[] | undefined;
}

/** The lists of a directory's fields, or `undefined` when one is no list or longer than `Directory` allows. */
function listsOf(fields: Record<string, unknown>): Lists | undefined {
  const { practices = [], clinicians, payers = [], regulations } = fields;
  // Only an absent list of regulations is left out; `null` is no list, and validation says so.
  const lists = { practices, clinicians, payers, regulations: regulations === undefined ? [] : regulations };
  for (const [name, list] of Object.entries(lists)) {
    if (!Array.isArray(list) || list.length > DIRECTORY_LIMITS[name as keyof typeof lists]) return undefined;
  }
  return { ...(lists as Omit<Lists, "regulations">), regulations: regulations as unknown[] | undefined };
}

/** The directory's fields but its four lists, validated, or `undefined` when they break a rule. */
function validShell(fields: Record<string, unknown>, lists: Lists): Directory | undefined {
  const emptied = { ...fields, practices: [], clinicians: [], payers: [], ...(lists.regulations === undefined ? {} : { regulations: [] }) };
  try {
    return validate(Directory, emptied, "directory");
  } catch (error) {
    if (isReferwellError(error, "invalid-input")) return undefined;
    throw error;
  }
}

/**
 * The directory without its clinicians, every other list validated a chunk
 * at a time (the short ones first) and no practice or payer id repeated,
 * or `undefined` as soon as something breaks a rule.
 */
function* validShellAndLists(fields: Record<string, unknown>, lists: Lists): Generator<DirectoryStep, WithIds | undefined> {
  const shell = validShell(fields, lists);
  if (shell === undefined) return undefined;
  const payers = yield* validItems(Payers, lists.payers);
  if (payers === undefined) return undefined;
  const regulations = lists.regulations === undefined ? undefined : yield* validItems(Regulations, lists.regulations);
  if (lists.regulations !== undefined && regulations === undefined) return undefined;
  const practices = yield* validItems(Practices, lists.practices);
  if (practices === undefined) return undefined;
  const practiceIds = yield* idsOf(practices);
  const payerIds = practiceIds === undefined ? undefined : yield* idsOf(payers);
  if (practiceIds === undefined || payerIds === undefined) return undefined;
  // The shell's keys in the schema's order, the lists in their places; an absent list of regulations stays absent, as validation leaves it.
  const directory: Directory = { ...shell, practices, payers, ...(regulations === undefined ? {} : { regulations }) };
  // Compact ids as any validated directory gives them (the shell checked them for repeats).
  return { directory, ids: { ...directoryIds({ ...directory, practices: [], payers: [] }), practiceIds, payerIds } };
}

/**
 * `validate(Directory, input, "directory")`, a step at a time, so that a
 * caller can pause between steps and compile each chunk of clinicians as
 * it comes, letting their validated copies go. First the directory without
 * its clinicians and practices (its compacts, at most 1,000, come with it;
 * payers, regulations and practices are validated a chunk at a time, and
 * of the practices only their ids are kept), then the clinicians a chunk
 * at a time, each checked for references to a practice, payer or compact
 * the directory does not list, and for a repeated id unless
 * `idsCheckedByCaller` (a caller that keeps the clinicians by id anyway
 * checks that as it goes, and validates whole when one repeats, so no
 * second set of a million ids is built). The steps then
 * give the value `validate` gives, but for the list of practices, which
 * compiling does not read; the generator returns `"complete"`.
 *
 * When anything breaks a rule, or the input is not a plain object of
 * enumerable fields (so that it is read exactly as `validate` reads it),
 * the generator returns `"validate whole"`: the caller drops whatever the
 * steps gave and validates the whole directory at once, so an error is
 * exactly the one `validate` throws (bad input pays for one pass that does
 * not stop).
 */
export function* directoryInSteps(
  input: unknown,
  idsCheckedByCaller = false,
): Generator<DirectoryStep, "complete" | "validate whole", void> {
  const whole = "validate whole" as const;
  // Anything but a plain object of enumerable fields is read as validation reads it, whole (an inherited field, say).
  if (!isPlainRecord(input)) return whole;
  const fields: Record<string, unknown> = { ...input };
  const lists = listsOf(fields);
  if (lists === undefined) return whole;
  const shell = yield* validShellAndLists(fields, lists);
  if (shell === undefined) return whole;
  // The practices' ids are all the clinicians need of them: the list itself goes now.
  yield { kind: "shell", directory: { ...shell.directory, practices: [] }, clinicians: lists.clinicians.length, ids: shell.ids };
  const clinicianIds = idsCheckedByCaller ? undefined : new Set<string>();
  for (let from = 0; from < lists.clinicians.length; from += CHUNK) {
    const clinicians = validChunk(Clinicians, lists.clinicians, from);
    if (clinicians === undefined) return whole;
    for (const clinician of clinicians) {
      if (clinicianIds?.has(clinician.id) === true || danglingReferences(clinician, shell.ids).length > 0) return whole;
      clinicianIds?.add(clinician.id);
    }
    yield { kind: "clinicians", from, clinicians };
  }
  return "complete";
}

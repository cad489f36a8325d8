import * as z from "zod";
import { Clinician } from "../clinician.js";
import { Directory } from "../directory.js";
import { Regulation } from "../licensure.js";
import { Payer, Practice } from "../practice.js";
import { isReferwellError } from "../../isReferwellError.js";
import { validate } from "../validate.js";
import { danglingReferences, type DirectoryIds } from "./danglingReferences.js";
import { directoryIds } from "./directoryIds.js";
import type { SliceClock } from "./sliceClock.js";

/** The most of each list a directory holds (see `Directory`). */
const MOST = { practices: 1_000_000, clinicians: 1_000_000, payers: 100_000, regulations: 10_000 } as const;
/** Items validated between looks at the clock: each clinician takes some tens of microseconds. */
const CHUNK = 64;
const Practices = z.array(Practice);
const Clinicians = z.array(Clinician);
const Payers = z.array(Payer);
const Regulations = z.array(Regulation);

/** The list validated a chunk at a time, or `undefined` when a chunk breaks a rule. */
async function validItems<Item>(schema: z.ZodType<Item[]>, items: readonly unknown[], clock: SliceClock): Promise<Item[] | undefined> {
  const valid: Item[] = [];
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK);
    try {
      for (const item of validate(schema, chunk, "directory")) valid.push(item);
    } catch (error) {
      if (isReferwellError(error, "invalid-input")) return undefined;
      throw error;
    }
    if (clock.due()) await clock.pause();
  }
  return valid;
}

/** The ids of a list, a slice at a time, or `undefined` when one repeats. */
async function idsOf(items: readonly { readonly id: string }[], clock: SliceClock): Promise<Set<string> | undefined> {
  // One look at the clock per item: cheap next to the lists' validation.
  const ids = new Set<string>();
  for (const { id } of items) {
    if (ids.has(id)) return undefined;
    ids.add(id);
    if (clock.due()) await clock.pause();
  }
  return ids;
}

/**
 * The checks of `Directory` across its lists, a slice at a time: the
 * directory's ids when no practice, payer or clinician id repeats and no
 * clinician refers to a practice, payer or compact the directory does not
 * list, else `undefined`.
 */
async function crossChecked(directory: Directory, clock: SliceClock): Promise<DirectoryIds | undefined> {
  const practiceIds = await idsOf(directory.practices, clock);
  const payerIds = practiceIds === undefined ? undefined : await idsOf(directory.payers, clock);
  if (practiceIds === undefined || payerIds === undefined) return undefined;
  // Compact ids as any validated directory gives them (the shell checked them for repeats); the others as just checked.
  const ids: DirectoryIds = { ...directoryIds({ ...directory, practices: [], payers: [] }), practiceIds, payerIds };
  const clinicianIds = new Set<string>();
  for (const clinician of directory.clinicians) {
    if (clinicianIds.has(clinician.id) || danglingReferences(clinician, ids).length > 0) return undefined;
    clinicianIds.add(clinician.id);
    if (clock.due()) await clock.pause();
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
    if (!Array.isArray(list) || list.length > MOST[name as keyof typeof MOST]) return undefined;
  }
  return { ...(lists as Omit<Lists, "regulations">), regulations: regulations as unknown[] | undefined };
}

/** The lists validated a chunk at a time (the short ones first), or `undefined` as soon as one breaks a rule. */
async function validLists(lists: Lists, clock: SliceClock): Promise<Pick<Directory, keyof Lists> | undefined> {
  const payers = await validItems(Payers, lists.payers, clock);
  if (payers === undefined) return undefined;
  const regulations = lists.regulations === undefined ? undefined : await validItems(Regulations, lists.regulations, clock);
  if (lists.regulations !== undefined && regulations === undefined) return undefined;
  const practices = await validItems(Practices, lists.practices, clock);
  const clinicians = practices === undefined ? undefined : await validItems(Clinicians, lists.clinicians, clock);
  if (practices === undefined || clinicians === undefined) return undefined;
  // An absent list of regulations stays absent, as validation leaves it.
  return { practices, clinicians, payers, ...(regulations === undefined ? {} : { regulations }) };
}

/**
 * `validate(Directory, input, "directory")`, a slice at a time: the
 * directory without its practices, clinicians, payers and regulations
 * first (its compacts, at most 1,000, come with it), then those lists a
 * chunk at a time, then the checks across them, with a turn of the event
 * loop whenever the clock says so. The result is the same value. When
 * anything breaks a rule, the whole directory is validated at once, so the
 * error is exactly the one `validate` gives (bad input pays for one pass
 * that does not yield). Input that is not a plain object of enumerable
 * fields is validated whole too, so it is read exactly as `validate` reads
 * it. With the directory come its practice, payer and compact ids.
 */
export async function validateDirectoryInSlices(
  input: unknown,
  clock: SliceClock,
): Promise<{ readonly directory: Directory; readonly ids: DirectoryIds }> {
  const whole = () => {
    const directory = validate(Directory, input, "directory");
    return { directory, ids: directoryIds(directory) };
  };
  // Anything but a plain object of enumerable fields is read as validation reads it, whole (an inherited field, say).
  if (!isPlainRecord(input)) return whole();
  const fields: Record<string, unknown> = { ...input };
  const lists = listsOf(fields);
  if (lists === undefined) return whole();
  const emptied = { ...fields, practices: [], clinicians: [], payers: [], ...(lists.regulations === undefined ? {} : { regulations: [] }) };
  let shell: Directory;
  try {
    shell = validate(Directory, emptied, "directory");
  } catch (error) {
    if (isReferwellError(error, "invalid-input")) return whole();
    throw error;
  }
  const valid = await validLists(lists, clock);
  if (valid === undefined) return whole();
  // The shell's keys in the schema's order, the lists in their places.
  const directory: Directory = { ...shell, ...valid };
  const ids = await crossChecked(directory, clock);
  return ids === undefined ? whole() : { directory, ids };
}

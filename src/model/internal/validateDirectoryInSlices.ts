import * as z from "zod";
import { Clinician } from "../clinician.js";
import { Directory } from "../directory.js";
import { Practice } from "../practice.js";
import { isReferwellError } from "../../isReferwellError.js";
import { validate } from "../validate.js";
import { danglingReferences, type DirectoryIds } from "./danglingReferences.js";
import { directoryIds } from "./directoryIds.js";
import type { SliceClock } from "./sliceClock.js";

/** The most practices or clinicians a directory holds (see `Directory`). */
const MOST = 1_000_000;
/** Items validated between looks at the clock: each clinician takes some tens of microseconds. */
const CHUNK = 64;
const Practices = z.array(Practice);
const Clinicians = z.array(Clinician);

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
 * directory's ids when no practice or clinician id repeats and no clinician
 * refers to a practice, payer or compact the directory does not list, else
 * `undefined`.
 */
async function crossChecked(directory: Directory, clock: SliceClock): Promise<DirectoryIds | undefined> {
  const practiceIds = await idsOf(directory.practices, clock);
  if (practiceIds === undefined) return undefined;
  // Payer and compact ids as any validated directory gives them; practice ids as just checked for repeats.
  const ids: DirectoryIds = { ...directoryIds({ ...directory, practices: [] }), practiceIds };
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

/**
 * `validate(Directory, input, "directory")`, a slice at a time: the
 * directory without its practices and clinicians first, then those lists a
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
  const { practices = [], clinicians } = fields;
  if (!Array.isArray(practices) || !Array.isArray(clinicians) || practices.length > MOST || clinicians.length > MOST) return whole();
  let shell: Directory;
  try {
    shell = validate(Directory, { ...fields, practices: [], clinicians: [] }, "directory");
  } catch (error) {
    if (isReferwellError(error, "invalid-input")) return whole();
    throw error;
  }
  const validPractices = await validItems(Practices, practices, clock);
  const validClinicians = validPractices === undefined ? undefined : await validItems(Clinicians, clinicians, clock);
  if (validPractices === undefined || validClinicians === undefined) return whole();
  const directory: Directory = { ...shell, practices: validPractices, clinicians: validClinicians };
  const ids = await crossChecked(directory, clock);
  return ids === undefined ? whole() : { directory, ids };
}

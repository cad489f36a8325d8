import * as z from "zod";
import { Clinician } from "../clinician.js";
import { Directory } from "../directory.js";
import { Practice } from "../practice.js";
import { isReferwellError } from "../../isReferwellError.js";
import { validate } from "../validate.js";
import { danglingReferences } from "./danglingReferences.js";
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

/** Whether ids repeat, or a clinician refers to a practice, payer or compact the directory does not list: the checks of `Directory` across its lists. */
async function crossChecksFail(directory: Directory, clock: SliceClock): Promise<boolean> {
  const ids = {
    practiceIds: new Set(directory.practices.map((practice) => practice.id)),
    payerIds: new Set(directory.payers.map((payer) => payer.id)),
    compactIds: new Set(directory.compacts.map((compact) => compact.id)),
  };
  if (ids.practiceIds.size !== directory.practices.length) return true;
  const clinicianIds = new Set<string>();
  for (const clinician of directory.clinicians) {
    if (clinicianIds.has(clinician.id) || danglingReferences(clinician, ids).length > 0) return true;
    clinicianIds.add(clinician.id);
    if (clock.due()) await clock.pause();
  }
  return false;
}

/**
 * `validate(Directory, input, "directory")`, a slice at a time: the
 * directory without its practices and clinicians first, then those lists a
 * chunk at a time, then the checks across them, with a turn of the event
 * loop whenever the clock says so. The result is the same value. When
 * anything breaks a rule, the whole directory is validated at once, so the
 * error is exactly the one `validate` gives (bad input pays for one pass
 * that does not yield).
 */
export async function validateDirectoryInSlices(input: unknown, clock: SliceClock): Promise<Directory> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return validate(Directory, input, "directory");
  // Each field read once; the lists are read again only to name what is wrong.
  const fields: Record<string, unknown> = { ...input };
  const whole = () => validate(Directory, fields, "directory");
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
  return (await crossChecksFail(directory, clock)) ? whole() : directory;
}

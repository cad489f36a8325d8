import { DenyProvision } from "../../consent/schemas.js";
import type { FhirNote } from "../notes.js";
import { denyOf, type ProvisionReading } from "./consentProvisions.js";
import { type FhirObject, type FhirPath, FhirReader } from "./read.js";

/** The most provisions looked at inside nested permits (the library's own bound, far beyond any consent form): past it, the rest denies everything. */
const MOST_INNER_PROVISIONS = 200;
/** The deepest nesting read, counted from the base (a deny in a permit nested in the base is 2): a note's path holds 20 steps, and one at 8 and its element's 2 steps fit. */
const DEEPEST = 8;

/** A provision found inside a nested permit that restricts, with where it is and the id it takes when it names none. */
interface Found {
  readonly provision: FhirObject;
  readonly path: FhirPath;
  readonly fallback: string;
  readonly typed: boolean;
}

/** What a walk found: the restricting provisions, and the first place it could not read (what is there may restrict). */
interface Walk {
  readonly found: Found[];
  unread?: { readonly path: FhirPath; readonly fallback: string };
  budget: number;
}

const isObject = (value: unknown): value is FhirObject => typeof value === "object" && value !== null && !Array.isArray(value);

/** Walks the provisions nested in a permit, without reporting: denies (and provisions of no type) are found, permits walked into. */
function walk(permit: FhirObject, path: FhirPath, label: string, depth: number, state: Walk): void {
  const list = permit.provision;
  // null is absent, as the reader reads it everywhere.
  if (list === undefined || list === null || state.unread !== undefined) return;
  if (!Array.isArray(list) || depth > DEEPEST || list.length > state.budget) {
    state.unread = { path: [...path, "provision"], fallback: label };
    return;
  }
  state.budget -= list.length;
  list.forEach((item: unknown, index) => {
    const at = [...path, "provision", index];
    const fallback = `${label}-${index + 1}`;
    if (item === null || item === undefined) return;
    if (!isObject(item)) state.unread ??= { path: at, fallback };
    else if (item.type === "permit") walk(item, at, fallback, depth + 1, state);
    else state.found.push({ provision: item, path: at, fallback, typed: item.type === "deny" });
  });
}

/**
 * The deny provisions inside the permits nested in a base provision. In
 * FHIR a provision nested in a permit is an exception to it, so a deny
 * there restricts; read on its own (the permit around it is not read), it
 * denies at least as much. Read leniently, so that a Consent that reads
 * without it still does: a deny with anything wrong in it (that the reader
 * or the model refuses), or a place that
 * cannot be read (a list that is not one, too deep, too many provisions),
 * denies everything, noted `denies-all`. Ids are read by `idFor`, as for
 * the denies before them: a deny's own `id` when referwell can hold it,
 * else its place (`provision-2-1` for the first provision in the second),
 * kept apart from those read before.
 */
export function innerDenials(
  reading: ProvisionReading,
  permits: readonly { readonly provision: FhirObject; readonly path: FhirPath; readonly label: string }[],
  idFor: (provision: FhirObject, path: FhirPath, fallback: string) => string,
): DenyProvision[] {
  const state: Walk = { found: [], budget: MOST_INNER_PROVISIONS };
  for (const { provision, path, label } of permits) walk(provision, path, label, 2, state);
  const denials = state.found.map(({ provision, path, fallback, typed }): DenyProvision => {
    const scratch = { ...reading, reader: new FhirReader(), notes: [] as FhirNote[] };
    const id = idFor(provision, path, fallback);
    const deny = denyOf(scratch, provision, path, id, true);
    // Broken if the reader found anything wrong; the model's rules are checked too, so that none the reader leaves to it makes a readable Consent throw.
    if (scratch.reader.issues.length > 0 || !DenyProvision.safeParse(deny).success) {
      reading.notes.push({ path: [...path], code: "denies-all" });
      return { id };
    }
    if (!typed) reading.notes.push({ path: [...path, "type"], code: "read-as-deny" });
    reading.notes.push(...scratch.notes);
    return deny;
  });
  if (state.unread === undefined) return denials;
  const { path, fallback } = state.unread;
  reading.notes.push({ path: [...path], code: "denies-all" });
  return [...denials, { id: idFor({}, path, fallback) }];
}

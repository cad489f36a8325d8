import { canonicalSystem, skeletonValues } from "./canonicalIdentifier.js";
import { restrictionKey } from "./restrictionKey.js";
import type { Consent, ConsentRecipient } from "../schemas.js";

/** By canonical system, the looser spellings (see `skeletonValues`) of identifiers there: letters and digits, and digits alone. */
export interface Skeletons {
  readonly letters: ReadonlyMap<string, ReadonlySet<string>>;
  readonly digits: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Adds an identifier's looser spellings under its canonical system. */
export function addSkeletons(
  skeletons: { letters: Map<string, Set<string>>; digits: Map<string, Set<string>> },
  system: string,
  value: string,
): void {
  const { letters, digits } = skeletonValues(value);
  for (const [map, spelling] of [
    [skeletons.letters, letters],
    [skeletons.digits, digits],
  ] as const) {
    let values = map.get(system);
    if (values === undefined) map.set(system, (values = new Set()));
    values.add(spelling);
  }
}

/** A deny provision's recipients, indexed: the referrer ids it names (as `lookalike` restrictions compare them, see `restrictionKey`), and the looser spellings of the identifiers it names. */
export interface DenyRecipients {
  readonly referrerIds: ReadonlySet<string>;
  readonly skeletons: Skeletons;
}

/** Consent lists this copy of the library validated and froze, so they are not validated again. */
const preparedLists = new WeakSet<readonly Consent[]>();
/** The indexed recipients of the deny provisions in those lists, by provision. */
const denyRecipients = new WeakMap<Consent["deny"][number], DenyRecipients>();

/** Indexes a deny provision's recipients once, so each later call looks up the recipient instead of reading every entry. `systems` keeps the canonical spelling of each system seen: a list names few, many times over. */
function indexRecipients(entries: readonly ConsentRecipient[], systems: Map<string, string>): DenyRecipients {
  const referrerIds = new Set<string>();
  const skeletons = { letters: new Map<string, Set<string>>(), digits: new Map<string, Set<string>>() };
  for (const entry of entries) {
    if (entry.referrerId !== undefined) referrerIds.add(restrictionKey(entry.referrerId, "lookalike"));
    else if (entry.identifier !== undefined) {
      let system = systems.get(entry.identifier.system);
      if (system === undefined) systems.set(entry.identifier.system, (system = canonicalSystem(entry.identifier.system)));
      addSkeletons(skeletons, system, entry.identifier.value);
    }
  }
  return { referrerIds, skeletons };
}

/** Marks a validated, deeply frozen list as prepared and indexes its deny provisions' recipients. */
export function markPrepared(consents: readonly Consent[]): void {
  const systems = new Map<string, string>();
  for (const consent of consents)
    for (const provision of consent.deny)
      if (provision.recipients !== undefined) denyRecipients.set(provision, indexRecipients(provision.recipients, systems));
  preparedLists.add(consents);
}

/** Whether `value` is a consent list that {@link markPrepared} marked: only such a list skips validation. */
export function isPrepared(value: unknown): value is readonly Consent[] {
  return typeof value === "object" && value !== null && preparedLists.has(value as readonly Consent[]);
}

/** A prepared provision's indexed recipients, or `undefined` when its list was not prepared. */
export function indexedRecipients(provision: Consent["deny"][number]): DenyRecipients | undefined {
  return denyRecipients.get(provision);
}

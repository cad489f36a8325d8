import { canonicalSystem, skeletonValue } from "./canonicalIdentifier.js";
import type { Consent, ConsentRecipient } from "../schemas.js";

/** A deny provision's recipients, indexed: the referrer ids it names, and by canonical system the looser spellings (see `skeletonValue`) of the identifiers it names there. */
export interface DenyRecipients {
  readonly referrerIds: ReadonlySet<string>;
  readonly skeletons: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Consent lists this copy of the library validated and froze, so they are not validated again. */
const preparedLists = new WeakSet<readonly Consent[]>();
/** The indexed recipients of the deny provisions in those lists, by provision. */
const denyRecipients = new WeakMap<Consent["deny"][number], DenyRecipients>();

/** Indexes a deny provision's recipients once, so each later call looks up the recipient instead of reading every entry. `systems` keeps the canonical spelling of each system seen: a list names few, many times over. */
function indexRecipients(entries: readonly ConsentRecipient[], systems: Map<string, string>): DenyRecipients {
  const referrerIds = new Set<string>();
  const skeletons = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (entry.referrerId !== undefined) referrerIds.add(entry.referrerId);
    else if (entry.identifier !== undefined) {
      let system = systems.get(entry.identifier.system);
      if (system === undefined) systems.set(entry.identifier.system, (system = canonicalSystem(entry.identifier.system)));
      let values = skeletons.get(system);
      if (values === undefined) skeletons.set(system, (values = new Set()));
      values.add(skeletonValue(entry.identifier.value));
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

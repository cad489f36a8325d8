import { canonicalSystem, identifierKey, skeletonValue, type SystemRule } from "./canonicalIdentifier.js";
import type { ConsentRecipient, IdentifierSystem, RecipientRef } from "../schemas.js";

/** How a list of consent recipients names the recipient: by referrer id, only by an identifier, or not at all. */
export type Naming = "referrer" | "identifier" | undefined;

/** The recipient as an identity: referrer id, and each identifier under its canonical key. */
export interface Identity {
  readonly referrerId: string;
  /** Canonical keys of the identifiers the host holds for them. */
  readonly keys: ReadonlySet<string>;
  /** By canonical system they hold an identifier in, the looser spellings of their values there, which deny provisions compare with (see `skeletonValue`). */
  readonly skeletons: ReadonlyMap<string, ReadonlySet<string>>;
  readonly rules: ReadonlyMap<string, SystemRule>;
  /** Canonical systems already worked out in this call: a call's identifiers name few systems, many times over. */
  readonly systemCache: Map<string, string>;
}

/** The host's identifier rules, by canonical system. */
export function systemRules(systems: readonly IdentifierSystem[]): ReadonlyMap<string, SystemRule> {
  return new Map(systems.map((entry) => [canonicalSystem(entry.system), { keep: entry.keep, case: entry.case }]));
}

/** Canonicalises the recipient's identifiers once, for every comparison of a call. */
export function identityOf(recipient: RecipientRef, rules: ReadonlyMap<string, SystemRule>): Identity {
  const skeletons = new Map<string, Set<string>>();
  for (const identifier of recipient.identifiers) {
    const system = canonicalSystem(identifier.system);
    const values = skeletons.get(system) ?? new Set<string>();
    values.add(skeletonValue(identifier.value));
    skeletons.set(system, values);
  }
  return {
    referrerId: recipient.referrerId,
    keys: new Set(recipient.identifiers.map((identifier) => identifierKey(identifier, rules))),
    skeletons,
    rules,
    systemCache: new Map(),
  };
}

/** The canonical spelling of a system, worked out once per call. */
function systemOf(identity: Identity, system: string): string {
  let canonical = identity.systemCache.get(system);
  if (canonical === undefined) {
    canonical = canonicalSystem(system);
    identity.systemCache.set(system, canonical);
  }
  return canonical;
}

/** Whether a permit's recipients name this identity: by referrer id first, else by an identifier they hold (canonical spellings). */
export function naming(entries: readonly ConsentRecipient[], identity: Identity): Naming {
  let found: Naming;
  for (const entry of entries) {
    if (entry.referrerId !== undefined) {
      if (entry.referrerId === identity.referrerId) return "referrer";
    } else if (entry.identifier !== undefined && identity.keys.has(identifierKey(entry.identifier, identity.rules))) found = "identifier";
  }
  return found;
}

/**
 * Whether a deny provision's recipients may be this identity (fail closed):
 * `certain` when a referrer id matches, or an identifier they hold matches
 * in its looser skeleton, or they hold none in its system (nothing shows
 * they are not the one denied); `if-same-person` when it names another referrer id, who may be
 * the same person under a second record; `undefined` when it cannot be them.
 */
export function denialReach(entries: readonly ConsentRecipient[], identity: Identity): "certain" | "if-same-person" | undefined {
  let reach: "if-same-person" | undefined;
  for (const entry of entries) {
    if (entry.referrerId !== undefined) {
      if (entry.referrerId === identity.referrerId) return "certain";
      reach = "if-same-person";
    } else if (entry.identifier !== undefined) {
      const held = identity.skeletons.get(systemOf(identity, entry.identifier.system));
      if (held === undefined || held.has(skeletonValue(entry.identifier.value))) return "certain";
    }
  }
  return reach;
}

import { canonicalSystem, identifierKey, ruleFor, skeletonValues, type SystemRule } from "./canonicalIdentifier.js";
import { addSkeletons, type DenyRecipients, indexedRecipients, type Skeletons } from "./preparedConsents.js";
import { restrictionKey } from "./restrictionKey.js";
import type { ConsentRecipient, DenyProvision, IdentifierSystem, RecipientRef, RestrictionIds } from "../schemas.js";

/** How a list of consent recipients names the recipient: by referrer id, only by an identifier, or not at all. */
export type Naming = "referrer" | "identifier" | undefined;

/** The recipient as an identity: referrer id, and each identifier under its canonical key. */
export interface Identity {
  readonly referrerId: string;
  /** How deny provisions compare referrer ids, and the recipient's as they compare it (see `restrictionKey`). */
  readonly spelling: RestrictionIds;
  readonly restrictionKey: string;
  /** Canonical keys of the identifiers the host holds for them. */
  readonly keys: ReadonlySet<string>;
  /** By canonical system they hold an identifier in, the looser spellings of their values there, which deny provisions compare with (see `skeletonValues`). */
  readonly skeletons: Skeletons;
  readonly rules: ReadonlyMap<string, SystemRule>;
  /** Canonical systems already worked out in this call: a call's identifiers name few systems, many times over. */
  readonly systemCache: Map<string, string>;
}

/** The host's identifier rules, by canonical system. */
export function systemRules(systems: readonly IdentifierSystem[]): ReadonlyMap<string, SystemRule> {
  return new Map(systems.map((entry) => [canonicalSystem(entry.system), { keep: entry.keep, case: entry.case }]));
}

/** Canonicalises the recipient's identifiers once, for every comparison of a call. */
export function identityOf(recipient: RecipientRef, rules: ReadonlyMap<string, SystemRule>, spelling: RestrictionIds): Identity {
  const skeletons = { letters: new Map<string, Set<string>>(), digits: new Map<string, Set<string>>() };
  for (const identifier of recipient.identifiers) addSkeletons(skeletons, canonicalSystem(identifier.system), identifier.value);
  const keys = new Set<string>();
  for (const identifier of recipient.identifiers) {
    const key = identifierKey(identifier, rules);
    if (key !== undefined) keys.add(key);
  }
  return {
    referrerId: recipient.referrerId,
    spelling,
    restrictionKey: restrictionKey(recipient.referrerId, spelling),
    keys,
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
    } else if (entry.identifier !== undefined) {
      // A value its rule reduces to nothing names no one (see identifierKey).
      const key = identifierKey(entry.identifier, identity.rules);
      if (key !== undefined && identity.keys.has(key)) found = "identifier";
    }
  }
  return found;
}

/**
 * The looser spellings of the recipient's values in a canonical system, in the form its rule compares (digits alone
 * where it keeps only digits); undefined when they hold none there.
 */
function spellingsIn(identity: Identity, system: string): ReadonlySet<string> | undefined {
  const { letters, digits } = identity.skeletons;
  return ruleFor(system, identity.rules).keep === "digits" ? digits.get(system) : letters.get(system);
}

/** A reach: `certain`, `if-same-person`, or `undefined` when the provision cannot be about this recipient. */
type Reach = "certain" | "if-same-person" | undefined;

/**
 * Whether a deny provision's recipients may be this identity (fail closed):
 * `certain` when it lists no recipients (it denies everyone), a referrer id matches (as the host's `restrictionIds`
 * compares them, see `restrictionKey`), or an identifier they hold matches
 * in its looser skeleton, or they hold none in its system (nothing shows
 * they are not the one denied); `if-same-person` when it names another referrer id, who may be
 * the same person under a second record; `undefined` when it cannot be them.
 * A provision of a prepared list is answered from its index, at the cost of
 * its systems rather than its entries (an index of ids compared as
 * lookalikes; compared canonically, its entries are read).
 */
export function denialReach(provision: DenyProvision, identity: Identity): Reach {
  if (provision.recipients === undefined) return "certain";
  const index = indexedRecipients(provision);
  return index === undefined || identity.spelling !== "lookalike"
    ? scannedReach(provision.recipients, identity)
    : indexedReach(index, identity);
}

function scannedReach(entries: readonly ConsentRecipient[], identity: Identity): Reach {
  let reach: Reach;
  for (const entry of entries) {
    if (entry.referrerId !== undefined) {
      if (restrictionKey(entry.referrerId, identity.spelling) === identity.restrictionKey) return "certain";
      reach = "if-same-person";
    } else if (entry.identifier !== undefined) {
      const system = systemOf(identity, entry.identifier.system);
      const held = spellingsIn(identity, system);
      if (held === undefined) return "certain";
      const named = skeletonValues(entry.identifier.value);
      if (held.has(ruleFor(system, identity.rules).keep === "digits" ? named.digits : named.letters)) return "certain";
    }
  }
  return reach;
}

/** The same answer as {@link scannedReach}, from the provision's index. */
function indexedReach(index: DenyRecipients, identity: Identity): Reach {
  if (index.referrerIds.has(identity.restrictionKey)) return "certain";
  for (const [system, letters] of index.skeletons.letters) {
    const held = spellingsIn(identity, system);
    if (held === undefined) return "certain";
    const named = ruleFor(system, identity.rules).keep === "digits" ? (index.skeletons.digits.get(system) as ReadonlySet<string>) : letters;
    const [fewer, more] = held.size <= named.size ? [held, named] : [named, held];
    for (const skeleton of fewer) if (more.has(skeleton)) return "certain";
  }
  return index.referrerIds.size > 0 ? "if-same-person" : undefined;
}

import type { CareSetting, LicensureCheck } from "../checkLicensure.js";
import type { Clinician } from "../clinician.js";
import type { Compact, CompactPrivilege, CompactRules, Regulation } from "../licensure.js";
import { normalizeTag } from "../normalizeTag.js";
import type { Jurisdiction } from "../scalars.js";
import { licenceRequiredByPlace } from "./licenceRequiredByPlace.js";
import { withinPeriod } from "./withinPeriod.js";

/** A country-level licence covers its subdivisions: `GB` covers `GB-SCT`. */
function covers(licensed: Jurisdiction, where: Jurisdiction): boolean {
  return licensed === where || (licensed.length === 2 && where.startsWith(`${licensed}-`));
}

/** The country of a jurisdiction: `US` for `US-OR`. */
export const countryOf = (jurisdiction: Jurisdiction): Jurisdiction => jurisdiction.slice(0, 2);

/** Compacts by id with their members as a set, and the regulations by jurisdiction and discipline: built once per list. */
export interface LicensureRules {
  readonly compacts: ReadonlyMap<string, { readonly compact: Compact; readonly members: ReadonlySet<Jurisdiction> }>;
  /** The ids of the compacts each jurisdiction is a member of. */
  readonly memberOf: ReadonlyMap<Jurisdiction, readonly string[]>;
  /** Jurisdiction → discipline → whether a licence is required there. */
  readonly licenceRequired: ReadonlyMap<Jurisdiction, ReadonlyMap<string, boolean>>;
  /** How a discipline is written in the keys: canonical in the matcher, normalized otherwise. */
  readonly discipline: (tag: string) => string;
}

/** A compact as {@link LicensureRules} keeps it: the compact and its members as a set. */
type CompactEntry = LicensureRules["compacts"] extends ReadonlyMap<string, infer Entry> ? Entry : never;

export const DEFAULT_RULES: CompactRules = { grant: "every-member", home: "any-member", deliverFromHome: false };
const cache = new WeakMap<readonly Compact[], WeakMap<readonly Regulation[], LicensureRules>>();
const NO_REGULATIONS: readonly Regulation[] = [];
const NO_PRIVILEGES: readonly CompactPrivilege[] = [];

/** Where a licence is in force on the day, and the compacts with a member among those places. */
interface HeldLicences {
  readonly where: ReadonlySet<Jurisdiction>;
  readonly compacts: ReadonlySet<string>;
}

/** The licences in force on a day, once per check: the home-licence test of each privilege is then a lookup. */
function heldOn(licenses: Clinician["licensure"]["licenses"], on: string, memberOf: LicensureRules["memberOf"]): HeldLicences {
  const where = new Set<Jurisdiction>();
  const compacts = new Set<string>();
  for (const license of licenses) {
    if (license.period !== undefined && !withinPeriod(license.period, on)) continue;
    where.add(license.jurisdiction);
    // A member set covers a licence's jurisdiction itself, or its country (see isMember).
    for (const id of memberOf.get(license.jurisdiction) ?? []) compacts.add(id);
    for (const id of memberOf.get(countryOf(license.jurisdiction)) ?? []) compacts.add(id);
  }
  return { where, compacts };
}

function membership(compacts: readonly Compact[]): Map<Jurisdiction, string[]> {
  const memberOf = new Map<Jurisdiction, string[]>();
  for (const compact of compacts) {
    for (const member of new Set(compact.members)) {
      const ids = memberOf.get(member);
      if (ids === undefined) memberOf.set(member, [compact.id]);
      else ids.push(compact.id);
    }
  }
  return memberOf;
}

/** Indexes compacts and regulations once, so a check costs O(licences + privileges), whatever the size of the compacts. */
export function licensureRules(
  compacts: readonly Compact[],
  regulations: readonly Regulation[] = NO_REGULATIONS,
  discipline: (tag: string) => string = normalizeTag,
): LicensureRules {
  const byRegulations = cache.get(compacts) ?? new WeakMap<readonly Regulation[], LicensureRules>();
  cache.set(compacts, byRegulations);
  const known = byRegulations.get(regulations);
  if (known !== undefined && known.discipline === discipline) return known;
  const rules: LicensureRules = {
    compacts: new Map(compacts.map((compact) => [compact.id, { compact, members: new Set(compact.members) }])),
    memberOf: membership(compacts),
    licenceRequired: licenceRequiredByPlace(regulations, discipline),
    discipline,
  };
  byRegulations.set(regulations, rules);
  return rules;
}

/** Whether a member set covers a jurisdiction: itself, or its country. */
export const isMember = (members: ReadonlySet<Jurisdiction>, where: Jurisdiction): boolean =>
  members.has(where) || members.has(countryOf(where));

/**
 * Whether days are left this year in the setting's jurisdiction under a
 * compact's yearly limit, the days used counted over every privilege the
 * clinician lists under the compact: the limit is the clinician's (PSYPACT
 * TAP: 30 days per remote state per calendar year), so a renewed record and
 * the old one, or a record listed twice, share it. Worked out once per
 * compact per check (`memo`), so a check stays linear in the days listed.
 */
function daysLeft(
  memo: Map<string, boolean>,
  privileges: readonly CompactPrivilege[],
  compactId: string,
  limit: number,
  { jurisdiction, on }: CareSetting,
): boolean {
  const known = memo.get(compactId);
  if (known !== undefined) return known;
  const year = Number(on.slice(0, 4));
  let used = 0;
  for (const privilege of privileges) {
    if (privilege.compactId !== compactId) continue;
    for (const entry of privilege.daysUsed ?? []) if (entry.year === year && covers(entry.jurisdiction, jurisdiction)) used += entry.days;
  }
  memo.set(compactId, used < limit);
  return used < limit;
}

/**
 * Whether one privilege reaches the setting under its compact's rules, all
 * but its compact's days (see {@link daysLeft}) and the home licence it
 * rests on (see {@link hasHomeLicence}): in force on the day, for the mode,
 * to a member it grants, and from home where the compact requires it.
 */
function privilegeReaches(privilege: CompactPrivilege, entry: CompactEntry, setting: CareSetting): boolean {
  const { compact, members } = entry;
  const rules = compact.rules ?? DEFAULT_RULES;
  const { jurisdiction, mode, on } = setting;
  if (privilege.period !== undefined && !withinPeriod(privilege.period, on)) return false;
  if (!compact.modes.includes(mode) || !isMember(members, jurisdiction)) return false;
  return grants(privilege, rules, jurisdiction) && fromHome(privilege, rules, setting);
}

/** Whether the privilege reaches the jurisdiction: one privilege per remote state grants nothing without any listed. */
function grants({ jurisdictions: granted }: CompactPrivilege, rules: CompactRules, jurisdiction: Jurisdiction): boolean {
  if (granted === undefined) return rules.grant === "every-member";
  return granted.some((where) => covers(where, jurisdiction));
}

/** The home licence every compact requires: in the declared home state when the compact ties privileges to it, else in any member. */
function hasHomeLicence({ home }: CompactPrivilege, { compact, members }: CompactEntry, held: HeldLicences): boolean {
  if ((compact.rules ?? DEFAULT_RULES).home === "any-member") return held.compacts.has(compact.id);
  return home !== undefined && isMember(members, home) && (held.where.has(home) || held.where.has(countryOf(home)));
}

/** APIT: delivered from the home state; without knowing where the clinician is, they are taken to be at home. */
const fromHome = ({ home }: CompactPrivilege, rules: CompactRules, setting: CareSetting): boolean =>
  !rules.deliverFromHome || setting.clinicianIn === undefined || (home !== undefined && covers(home, setting.clinicianIn));

/** A licence does not cover it, nor a privilege, but a regulation says the discipline needs no licence there. */
const LICENCE_NOT_REQUIRED = Symbol("licence not required");

/**
 * What authorizes a setting, without building an answer: the licence in
 * force, the compact of a privilege, {@link LICENCE_NOT_REQUIRED}, or
 * undefined when nothing does. The matcher asks this for every clinician it
 * checks, so it builds no answer, and gathers the licences held on the day
 * only for a privilege that needs them. Linear in the clinician's
 * licences and privileges: compacts are looked up by id, members by
 * jurisdiction.
 */
function authorityFor(
  clinician: Pick<Clinician, "licensure" | "discipline">,
  setting: CareSetting,
  rules: LicensureRules,
): Clinician["licensure"]["licenses"][number] | CompactEntry | typeof LICENCE_NOT_REQUIRED | undefined {
  const { jurisdiction, on } = setting;
  const { licenses, status, supervisorId } = clinician.licensure;
  // An associate practises only under a supervisor of record.
  if (status === "pre-licensed" && supervisorId === undefined) return undefined;
  const license = licenceInForce(licenses, jurisdiction, on);
  if (license !== undefined) return license;
  // Pre-licensed clinicians hold no compact privileges.
  const privileges = status === "pre-licensed" ? NO_PRIVILEGES : clinician.licensure.compacts;
  // The licences held on the day are gathered only once a privilege reaches its home-licence test.
  let held: HeldLicences | undefined;
  let daysLeftUnder: Map<string, boolean> | undefined;
  for (const privilege of privileges) {
    const entry = rules.compacts.get(privilege.compactId);
    if (entry === undefined || !privilegeReaches(privilege, entry, setting)) continue;
    const limit = entry.compact.rules?.maxDaysPerYear;
    if (limit !== undefined && !daysLeft((daysLeftUnder ??= new Map()), privileges, entry.compact.id, limit, setting)) continue;
    held ??= heldOn(licenses, on, rules.memberOf);
    if (hasHomeLicence(privilege, entry, held)) return entry;
  }
  return licenceRequired(rules, jurisdiction, rules.discipline(clinician.discipline)) === false ? LICENCE_NOT_REQUIRED : undefined;
}

/** The first licence that covers the jurisdiction and is in force on the day. */
function licenceInForce(licenses: Clinician["licensure"]["licenses"], jurisdiction: Jurisdiction, on: string) {
  for (const license of licenses) {
    if (covers(license.jurisdiction, jurisdiction) && (license.period === undefined || withinPeriod(license.period, on))) return license;
  }
  return undefined;
}

/** Whether a regulation requires a licence for the discipline in the jurisdiction, else in its country; undefined when none says. */
const licenceRequired = (rules: LicensureRules, jurisdiction: Jurisdiction, discipline: string): boolean | undefined =>
  rules.licenceRequired.get(jurisdiction)?.get(discipline) ?? rules.licenceRequired.get(countryOf(jurisdiction))?.get(discipline);

/** Whether anything authorizes the setting: {@link licensureFor}'s `authorized`, for code that runs per clinician and reads nothing else. */
export const isAuthorized = (
  clinician: Pick<Clinician, "licensure" | "discipline">,
  setting: CareSetting,
  rules: LicensureRules,
): boolean => authorityFor(clinician, setting, rules) !== undefined;

/** `checkLicensure` on values already validated; no checks. */
export function licensureFor(
  clinician: Pick<Clinician, "licensure" | "discipline">,
  setting: CareSetting,
  compacts: readonly Compact[] | LicensureRules,
): LicensureCheck {
  const rules = Array.isArray(compacts) ? licensureRules(compacts as readonly Compact[]) : (compacts as LicensureRules);
  const authority = authorityFor(clinician, setting, rules);
  if (authority === undefined) return { authorized: false };
  if (authority === LICENCE_NOT_REQUIRED) return { authorized: true, via: "not-required", jurisdiction: setting.jurisdiction };
  if ("members" in authority) return { authorized: true, via: "compact", compactId: authority.compact.id };
  return { authorized: true, via: "license", jurisdiction: authority.jurisdiction };
}

import { pushTo } from "../../model/internal/pushTo.js";
import type { IsoDate } from "../../model/scalars.js";
import { compareText } from "../../model/internal/compareText.js";
import { denialReach, type Identity, naming } from "./recipientIdentity.js";
import { restrictionKey } from "./restrictionKey.js";
import { deniedPurpose } from "./deniedPurpose.js";
import type { Consent, TreatmentPolicy } from "../schemas.js";
import type { DenyReason } from "../types.js";
import type { PurposeOfUse } from "../categories.js";

/** A deny provision with the consent it belongs to, how surely it reaches the recipient, and its place in the reporting order. */
export interface BindingDeny {
  readonly consent: Consent;
  readonly provision: Consent["deny"][number];
  readonly reach: "certain" | "if-same-person";
  readonly order: number;
}

/** A consent that permits, on the day, for this recipient and purpose: what remains is the category, its kind and the data period. */
export interface Candidate {
  readonly consent: Consent;
  readonly naming: "referrer" | "identifier";
}

/** What does not change between the questions of one call: the client, the day, the recipient, the purpose and the host's policies. */
export interface Context {
  readonly clientId: string;
  readonly date: IsoDate;
  readonly identity: Identity;
  readonly purpose: PurposeOfUse;
  readonly recipientIsProvider: boolean;
  readonly emergency: boolean;
  readonly distinctReferrers: boolean;
  readonly treatmentPolicy: TreatmentPolicy;
}

/** Where a consent stops before its category is looked at, in the order denials report: `[stage, reason]`. */
export type Stop = readonly [number, DenyReason];

/** One client's consents compiled for one call and one day into indexes by category, so each question costs only its own category's entries. */
export interface CompiledConsents {
  readonly context: Context;
  /** Every consent of the client, by id, each with where it stops before the category is looked at (`undefined`: it gets that far). */
  readonly byId: readonly { readonly consent: Consent; readonly stop: Stop | undefined }[];
  /** The consents that get that far, by category listed, latest signed first (ties by id). */
  readonly candidates: ReadonlyMap<string, readonly Candidate[]>;
  /** The deny provisions that bind on the day, are not lifted and may reach this recipient and purpose, by category listed. */
  readonly denies: ReadonlyMap<string, readonly BindingDeny[]>;
  /** The same, for provisions that list no category (they deny every one). */
  readonly deniesEverything: readonly BindingDeny[];
  /**
   * Answers already worked out in this call, by question key: facts share
   * categories and recording days, so each distinct question is worked out
   * once. It lives as long as the call, never longer.
   */
  readonly memo: Map<string, unknown>;
}

const bySignedThenId = (a: Consent, b: Consent): number => compareText(b.signed, a.signed) || compareText(a.id, b.id);

/** Purposes that are treatment under 45 CFR 164.501: the provision, coordination or management of health care, and referral. */
const TREATMENT_PURPOSES: ReadonlySet<PurposeOfUse> = new Set(["TREAT", "COC", "CAREMGT"]);

/** Whether the host's `hipaa-permitted` policy lets this call's recipient receive general categories without a consent. */
export function treatmentRuleApplies(context: Context): boolean {
  return context.treatmentPolicy === "hipaa-permitted" && context.recipientIsProvider && TREATMENT_PURPOSES.has(context.purpose);
}

/** The consents replaced on the day: named in `replaces` by a consent signed on or before it that is not a draft. */
function replacedOn(own: readonly Consent[], date: IsoDate): ReadonlySet<string> {
  return new Set(own.filter((consent) => consent.status !== "draft" && consent.signed <= date).flatMap((consent) => consent.replaces));
}

/** Where a consent stops, checking status, supersession, signature, period, recipient and purpose in that order. */
function stopOf(consent: Consent, named: string | undefined, replaced: ReadonlySet<string>, context: Context): Stop | undefined {
  const { date } = context;
  if (consent.status !== "active") return [1, consent.status];
  if (replaced.has(consent.id)) return [1, "superseded"];
  if (consent.signed > date) return [2, "not-yet-signed"];
  if (date < consent.period.start) return [3, "not-yet-in-force"];
  if (consent.period.end !== undefined && date > consent.period.end) return [3, "expired"];
  if (named === undefined) return [4, "other-recipient"];
  return consent.purposes.includes(context.purpose) ? undefined : [5, "other-purpose"];
}

/**
 * For each deny provision a consent that counts on the day lifts, by consent
 * id then provision id, the latest signature among those lifters. Keyed by
 * each id apart: an id may hold any character, so no joined key could keep
 * one pair of ids from reading as another.
 */
function liftedBy(counting: readonly Consent[]): ReadonlyMap<string, ReadonlyMap<string, IsoDate>> {
  const latest = new Map<string, Map<string, IsoDate>>();
  for (const lifter of counting)
    for (const ref of lifter.lifts) {
      let ofConsent = latest.get(ref.consentId);
      if (ofConsent === undefined) latest.set(ref.consentId, (ofConsent = new Map()));
      const signed = ofConsent.get(ref.provisionId);
      if (signed === undefined || lifter.signed > signed) ofConsent.set(ref.provisionId, lifter.signed);
    }
  return latest;
}

/**
 * Keeps the client's consents (a consent of another client never applies;
 * one that names the client's id in another spelling a restriction reads
 * as the same id restricts and replaces, but permits nothing) and compiles them for one
 * call and one day. A consent counts when it is
 * active, signed on or before the day, in force on it and not replaced by a
 * consent signed on or before it (a draft replaces nothing). Deny
 * provisions bind from the day their consent is signed, whether it is
 * active, inactive, revoked, replaced or past its period (ending a
 * permission never ends a restriction); a draft's bind nothing. A provision
 * stops binding only when a consent signed strictly later, counting on the
 * day, names it in `lifts`. Each consent, recipient entry and provision is
 * read once: linear in the size of the consents, plus sorting.
 */
export function compileConsents(consents: readonly Consent[], context: Context): CompiledConsents {
  const { date, identity } = context;
  const own = consents.filter((consent) => consent.clientId === context.clientId).sort((a, b) => compareText(a.id, b.id));
  // A restriction, and a replacement that ends a permission, hold under any spelling of the client's id that is the
  // same id to a restriction (see restrictionKey); a permission only under the id as given.
  const spelling = context.identity.spelling;
  const client = restrictionKey(context.clientId, spelling);
  const restricting = consents.filter(
    (consent) => consent.clientId === context.clientId || restrictionKey(consent.clientId, spelling) === client,
  );
  const replaced = replacedOn(restricting, date);
  const byId = own.map((consent) => {
    const named = naming(consent.recipients, identity);
    return { consent, named, stop: stopOf(consent, named, replaced, context) };
  });

  const candidates = new Map<string, Candidate[]>();
  for (const { consent, stop, named } of [...byId].sort((a, b) => bySignedThenId(a.consent, b.consent)))
    if (stop === undefined && named !== undefined)
      for (const code of new Set(consent.categories)) pushTo(candidates, code, { consent, naming: named });

  const lifted = liftedBy(byId.filter(({ stop }) => stop === undefined || stop[0] >= 4).map(({ consent }) => consent));
  const denies = new Map<string, BindingDeny[]>();
  const deniesEverything: BindingDeny[] = [];
  let order = 0;
  for (const consent of [...restricting].sort(bySignedThenId).filter((c) => c.status !== "draft" && c.signed <= date))
    for (const provision of [...consent.deny].sort((a, b) => compareText(a.id, b.id))) {
      order += 1;
      const liftedOn = lifted.get(consent.id)?.get(provision.id);
      if (liftedOn !== undefined && liftedOn > consent.signed) continue;
      if (!deniedPurpose(provision.purposes, context.purpose)) continue;
      const reach = denialReach(provision, identity);
      if (reach === undefined) continue;
      const entry = { consent, provision, reach, order };
      if (provision.categories === undefined) deniesEverything.push(entry);
      else for (const code of new Set(provision.categories)) pushTo(denies, code, entry);
    }
  return { context, byId: byId.map(({ consent, stop }) => ({ consent, stop })), candidates, denies, deniesEverything, memo: new Map() };
}

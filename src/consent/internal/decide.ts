import { withinPeriod } from "../../model/internal/withinPeriod.js";
import type { IsoDate } from "../../model/scalars.js";
import type { CompiledConsents } from "./compileConsents.js";
import { namesRecipient } from "./namesRecipient.js";
import { reasonTexts } from "./reasonTexts.js";
import type { Consent, ConsentRecipient, DenyProvision, RecipientRef } from "../schemas.js";
import type { ConsentDecision, DenyDecision, DenyReason, ProvisionRef } from "../types.js";
import type { DisclosureCategory, PurposeOfUse } from "../categories.js";

/** One question: this category, to this recipient, for this purpose, of information recorded on `dataDate`. */
export interface Question {
  readonly code: string;
  readonly recipient: RecipientRef;
  readonly purpose: PurposeOfUse;
  readonly dataDate: IsoDate | undefined;
}

/**
 * How far a consent gets towards permitting, and where it stops: checks in
 * a fixed order, so a denial can name the consent that came closest. The
 * kind comes first, so that for a note the authorization of its kind (say,
 * an expired one) counts as closer than a general consent that lists it.
 * `undefined` when the consent permits.
 */
function shortfall(
  consent: Consent,
  category: DisclosureCategory,
  question: Question,
  date: IsoDate,
): readonly [number, DenyReason] | undefined {
  // 45 CFR 164.508(a)(2) and (b)(3)(ii); 42 CFR 2.31: notes and Part 2 records need an authorization of their own kind,
  // and such an authorization permits nothing else.
  if (consent.kind !== category.authorization)
    return [0, category.authorization === "general" ? "category-not-permitted" : "needs-specific-authorization"];
  if (consent.status !== "active") return [1, consent.status];
  if (consent.signed > date) return [2, "not-yet-signed"];
  if (date < consent.period.start) return [3, "not-yet-in-force"];
  if (consent.period.end !== undefined && date > consent.period.end) return [3, "expired"];
  if (!namesRecipient(consent.recipients, question.recipient)) return [4, "other-recipient"];
  if (!consent.purposes.includes(question.purpose)) return [5, "other-purpose"];
  if (!consent.categories.includes(question.code)) return [6, "category-not-permitted"];
  if (consent.dataPeriod === undefined) return undefined;
  if (question.dataDate === undefined) return [7, "data-date-unknown"];
  return withinPeriod(consent.dataPeriod, question.dataDate) ? undefined : [7, "data-outside-period"];
}

/**
 * Whether a deny provision's recipients may be this recipient (fail closed):
 * a referrer id must match; an identifier matches a recipient who holds it,
 * and also one who holds no identifier in its system, since nothing shows
 * they are not the one denied.
 */
function mayBeDenied(entries: readonly ConsentRecipient[], recipient: RecipientRef): boolean {
  return entries.some((entry) => {
    if (entry.referrerId !== undefined) return entry.referrerId === recipient.referrerId;
    const denied = entry.identifier;
    if (denied === undefined) return false;
    const held = recipient.identifiers.filter((identifier) => identifier.system === denied.system);
    return held.length === 0 || held.some((identifier) => identifier.value === denied.value);
  });
}

/** A deny provision applies when every list it gives may name the question; information with no date counts as inside its data period. */
function denies(provision: DenyProvision, question: Question): boolean {
  return (
    (provision.recipients === undefined || mayBeDenied(provision.recipients, question.recipient)) &&
    (provision.purposes === undefined || provision.purposes.includes(question.purpose)) &&
    (provision.categories === undefined || provision.categories.includes(question.code)) &&
    (provision.dataPeriod === undefined || question.dataDate === undefined || withinPeriod(provision.dataPeriod, question.dataDate))
  );
}

const deny = (reason: DenyReason, provision?: ProvisionRef): DenyDecision => ({
  decision: "deny",
  reason,
  ...(provision === undefined ? {} : { provision }),
  text: reasonTexts[reason],
});

/**
 * The combining rule, the same whatever the order of the consents: a
 * disclosure is permitted when a consent permits it and no binding deny
 * provision applies to it (deny overrides every permit, earlier or later;
 * only a later consent that lifts a provision by name ends it). The consent
 * relied on is the latest signed that permits.
 */
export function decide(compiled: CompiledConsents, category: DisclosureCategory | undefined, question: Question): ConsentDecision {
  if (category === undefined) return deny("unknown-category");
  const { date } = compiled;
  const permit = compiled.latestFirst.find((consent) => shortfall(consent, category, question, date) === undefined);
  const binding = compiled.denies.find(({ provision }) => denies(provision, question));
  if (permit !== undefined && binding === undefined) {
    return { decision: "permit", reason: "permitted", provision: { consentId: permit.id }, text: reasonTexts.permitted };
  }
  if (binding !== undefined) return deny("denied-by-provision", { consentId: binding.consent.id, provisionId: binding.provision.id });
  let closest: { readonly consent: Consent; readonly stage: number; readonly reason: DenyReason } | undefined;
  for (const consent of compiled.byId) {
    const [stage, reason] = shortfall(consent, category, question, date) ?? [Number.POSITIVE_INFINITY, "denied-by-provision"];
    if (closest === undefined || stage > closest.stage) closest = { consent, stage, reason };
  }
  return closest === undefined ? deny("no-consent") : deny(closest.reason, { consentId: closest.consent.id });
}

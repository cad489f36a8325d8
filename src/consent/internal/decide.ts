import type { IsoDate } from "../../model/scalars.js";
import { type BindingDeny, type Candidate, type CompiledConsents, type Stop, treatmentRuleApplies } from "./compileConsents.js";
import { firstCovering } from "./firstCovering.js";
import { reasonTexts } from "./reasonTexts.js";
import type { Consent } from "../schemas.js";
import type { ConsentDecision, DenyDecision, DenyReason, PermitReason, ProvisionRef } from "../types.js";
import { type AuthorizationKind, type DisclosureCategory, PART2_KINDS } from "../categories.js";
import { marksPart2 } from "./marksPart2.js";

/** Kinds that no rule but their own authorization unlocks: notes (45 CFR 164.508(a)(2); 42 CFR 2.31(b) for SUD counselling notes). */
const NOTE_KINDS: ReadonlySet<AuthorizationKind> = new Set(["psychotherapy-note", "sud-counselling-note"]);

/**
 * The kind of authorization a category needs, read from its labels first:
 * `PSYTHPN` needs a psychotherapy-note authorization, Part 2 labels a Part 2
 * kind. `undefined` when its labels and kind disagree (validation rejects
 * that; should one get through, no consent can permit it).
 */
export function neededKind(category: DisclosureCategory): AuthorizationKind | undefined {
  const psychotherapy = category.sensitivity.includes("PSYTHPN");
  const part2 = marksPart2(category);
  if (psychotherapy && part2) return undefined;
  if (psychotherapy) return category.authorization === "psychotherapy-note" ? category.authorization : undefined;
  if (part2) return PART2_KINDS.has(category.authorization) ? category.authorization : undefined;
  return category.authorization === "psychotherapy-note" ? undefined : category.authorization;
}

const deny = (reason: DenyReason, provision?: ProvisionRef): DenyDecision => ({
  decision: "deny",
  reason,
  ...(provision === undefined ? {} : { provision }),
  text: reasonTexts[reason],
});

const permit = (reason: PermitReason, consentId?: string): ConsentDecision => ({
  decision: "permit",
  reason,
  ...(consentId === undefined ? {} : { provision: { consentId } }),
  text: reasonTexts[reason],
});

/** The answer to `key` worked out once per call: facts share categories and recording days. */
function once<T>(compiled: CompiledConsents, key: string, work: () => T): T {
  if (compiled.memo.has(key)) return compiled.memo.get(key) as T;
  const value = work();
  compiled.memo.set(key, value);
  return value;
}

/**
 * The consents that permit this category of information recorded on
 * `dataDate`: the latest signed (relied on), and whether every one names the
 * recipient only by identifier. The candidates of the kind are indexed by
 * data period once per call (see `firstCovering`).
 */
function permitting(
  compiled: CompiledConsents,
  code: string,
  needed: AuthorizationKind,
  dataDate: IsoDate | undefined,
): { readonly relied: Consent | undefined; readonly byIdentifierOnly: boolean } {
  const index = once(compiled, `permits\u0000${code}\u0000${needed}`, () => {
    const ofKind = (compiled.candidates.get(code) ?? []).filter(({ consent }) => consent.kind === needed);
    const dataPeriod = ({ consent }: Candidate) => consent.dataPeriod;
    return {
      first: firstCovering(ofKind, dataPeriod, "open"),
      firstByReferrer: firstCovering(
        ofKind.filter((candidate) => candidate.naming === "referrer"),
        dataPeriod,
        "open",
      ),
    };
  });
  const relied = index.first(dataDate)?.consent;
  return { relied, byIdentifierOnly: relied !== undefined && index.firstByReferrer(dataDate) === undefined };
}

/**
 * The deny provision that decides, if any: for the category and the data
 * date, the first in reporting order that surely reaches the recipient,
 * else, when the permit rests on identifiers alone (or on the treatment
 * policy, with no consent at all) and the host has not declared its
 * referrer records distinct, the first that names another referrer id (who
 * may be the same person). Information with no date counts as inside every
 * data period.
 */
function bindingDeny(
  compiled: CompiledConsents,
  code: string,
  dataDate: IsoDate | undefined,
  uncertainBinds: boolean,
): { readonly entry: BindingDeny; readonly reason: DenyReason } | undefined {
  const index = once(compiled, `denies\u0000${code}`, () => {
    const entries = [...(compiled.denies.get(code) ?? []), ...compiled.deniesEverything].sort((a, b) => a.order - b.order);
    const dataPeriod = (entry: BindingDeny) => entry.provision.dataPeriod;
    return {
      certain: firstCovering(
        entries.filter((entry) => entry.reach === "certain"),
        dataPeriod,
        "all",
      ),
      any: firstCovering(entries, dataPeriod, "all"),
    };
  });
  const certain = index.certain(dataDate);
  if (certain !== undefined) return { entry: certain, reason: "denied-by-provision" };
  const uncertain = uncertainBinds && !compiled.context.distinctReferrers ? index.any(dataDate) : undefined;
  return uncertain === undefined ? undefined : { entry: uncertain, reason: "recipient-identity-uncertain" };
}

/** Where a consent stops for this category: its kind first, then the checks of the call, then the category and the data period. */
function stopFor(consent: Consent, stop: Stop | undefined, code: string, needed: AuthorizationKind): Stop {
  if (consent.kind !== needed) return [0, needed === "general" ? "category-not-permitted" : "needs-specific-authorization"];
  if (stop !== undefined) return stop;
  if (!consent.categories.includes(code)) return [6, "category-not-permitted"];
  return consent.dataPeriod === undefined ? [8, "denied-by-provision"] : [7, "data-outside-period"];
}

/**
 * The denial when nothing permits: where the consent that came closest
 * stopped (ties by id), or `no-consent`. Which consent comes closest does not
 * depend on the recording day, so it is found once per category and kind;
 * the day only says whether a data period was missed or the day is unknown.
 */
function closestDenial(compiled: CompiledConsents, code: string, needed: AuthorizationKind, dataDate: IsoDate | undefined): DenyDecision {
  const closest = once(compiled, `closest\u0000${code}\u0000${needed}`, () => {
    let found: { readonly consent: Consent; readonly stop: Stop } | undefined;
    for (const { consent, stop } of compiled.byId) {
      const here = stopFor(consent, stop, code, needed);
      if (found === undefined || here[0] > found.stop[0]) found = { consent, stop: here };
    }
    return found;
  });
  if (closest === undefined) return deny("no-consent");
  const reason = closest.stop[0] === 7 && dataDate === undefined ? "data-date-unknown" : closest.stop[1];
  return deny(reason, { consentId: closest.consent.id });
}

/**
 * One question against consents compiled for the call: this category, of
 * information recorded on `dataDate`. In order:
 *
 * 1. Emergency treatment (an `emergency` call for `ETREAT` to a provider)
 *    permits every category but notes, whatever the restrictions
 *    (45 CFR 164.522(a)(1)(iii); 42 CFR 2.51).
 * 2. Deny overrides: a binding provision for the category and data date
 *    denies (see `bindingDeny`).
 * 3. The latest-signed consent of the needed kind that lists the category
 *    and covers the data date permits; failing one, the host's
 *    `hipaa-permitted` treatment policy permits general categories to a
 *    provider.
 * 4. Otherwise deny, saying where the consent that came closest stopped.
 */
export function decide(
  compiled: CompiledConsents,
  category: DisclosureCategory | undefined,
  dataDate: IsoDate | undefined,
): ConsentDecision {
  if (category === undefined) return deny("unknown-category");
  const { context } = compiled;
  const needed = neededKind(category);
  if (needed === undefined) return deny("needs-specific-authorization");
  if (context.emergency && context.purpose === "ETREAT" && context.recipientIsProvider && !NOTE_KINDS.has(needed))
    return permit("emergency-treatment");

  const key = `${category.code}\u0000${needed}\u0000${dataDate ?? ""}`;
  const { relied, byIdentifierOnly } = once(compiled, `permit\u0000${key}`, () => permitting(compiled, category.code, needed, dataDate));
  // Without a consent, the treatment policy permits on the recipient's word alone: no permit names them by referrer id,
  // so a deny naming another referrer id, who may be the same person, binds as it does under a permit by identifier.
  const withoutConsent = relied === undefined && needed === "general" && treatmentRuleApplies(context);
  const uncertainBinds = byIdentifierOnly || withoutConsent;
  const binding = once(compiled, `deny\u0000${key}\u0000${String(uncertainBinds)}`, () =>
    bindingDeny(compiled, category.code, dataDate, uncertainBinds),
  );
  if (binding !== undefined) return deny(binding.reason, { consentId: binding.entry.consent.id, provisionId: binding.entry.provision.id });
  if (relied !== undefined) return permit("permitted", relied.id);
  if (withoutConsent) return permit("treatment-without-consent");
  return closestDenial(compiled, category.code, needed, dataDate);
}

import { validate } from "../model/validate.js";
import { consentAsker } from "./internal/consentAsker.js";
import { isPrepared } from "./internal/preparedConsents.js";
import {
  type ConsentInput,
  ConsentList,
  ConsentQuery,
  type ConsentQueryInput,
  EvaluateOptions,
  type EvaluateOptionsInput,
} from "./schemas.js";
import type { ConsentDecision } from "./types.js";

/**
 * Decides whether a client's consents permit one disclosure: this category
 * of information, to this recipient, for this purpose, on the day of `at`,
 * of information recorded on `dataDate`. Returns `permit` with the consent
 * or rule relied on, or `deny` with the reason and the provision that
 * decided.
 *
 * The day: with `options.timeZone`, the local date of `at` there; a plain
 * date is that day. An instant without a zone may fall on two or three
 * calendar days somewhere between UTC−12 and UTC+14, or on the date it is
 * written with (at an offset beyond those), and the disclosure is
 * permitted only if it is permitted on every one of them (the reading that
 * discloses less wins): pass the practice's zone.
 *
 * A consent permits when it is the client's, `active`, not replaced by a
 * consent signed on or before the day (`replaces`), signed on or before the
 * day, in force on it (its period includes both ends), names the recipient
 * (by referrer id, or by an identifier the host holds for them, compared in
 * canonical spelling) and the purpose, lists the category, is of the kind
 * the category's labels need (a general consent never permits a
 * psychotherapy note, Part 2 record or SUD counselling note, and a specific
 * authorization permits nothing else), and, when it limits the data period,
 * covers `dataDate`.
 *
 * Combining: deny overrides. A deny provision binds from the day its consent
 * is signed, whether that consent is active, inactive, revoked, replaced or
 * past its period (ending a permission never ends a restriction; a draft
 * binds nothing), and overrides every permit, earlier or later. A later
 * consent that merely permits again (a routine renewal) does not end it:
 * only a consent signed strictly later, `active` and in force on the day,
 * that names the provision in its `lifts` does (the client's agreement to
 * end a restriction, 45 CFR 164.522(a)(2)(i)). A provision naming a
 * referrer by id also binds a recipient the permitting consents name only
 * by identifier, or whom no consent permits when the treatment policy
 * would, unless the host declares its referrer records distinct
 * (`recipient-identity-uncertain`). The decision depends on the consents
 * and their dates, never on their order.
 *
 * Two rules permit without a consent, each only when asked for:
 *
 * - Emergency treatment: `emergency: true` with purpose `ETREAT`, to a
 *   recipient of kind `provider`, permits every category but notes, whatever
 *   the client's restrictions (45 CFR 164.522(a)(1)(iii); for Part 2
 *   records, 42 CFR 2.51). The answer says `emergency-treatment`; the host
 *   records it as an emergency disclosure, asks the provider not to pass the
 *   information on (164.522(a)(1)(iv)) and tells the client afterwards.
 *   Notes still need their own authorization. To a recipient not known to
 *   be a provider, the ordinary rules decide.
 * - Treatment without consent: with `treatmentPolicy: "hipaa-permitted"`, a
 *   `provider` recipient may receive `general` categories for `TREAT`,
 *   `COC` or `CAREMGT` when no consent permits (45 CFR 164.506(c)(2)); deny
 *   provisions still bind, one naming another referrer record too (it may
 *   be the same person) unless the host sets `distinctReferrers`.
 *
 * @param consents - the client's consents (others' are ignored), or a list
 *   {@link prepareConsents} returned, which is not validated again
 * @param query - see {@link ConsentQuery}
 * @param options - the host's own categories, time zone, identifier rules and policies; see {@link EvaluateOptions}
 * @throws {@link InvalidInputError} when an input is malformed
 *
 * @example
 * ```ts
 * import { type ConsentInput, type ConsentQueryInput, evaluateConsent } from "referwell/consent";
 *
 * const consents: ConsentInput[] = [
 *   {
 *     id: "cons-01",
 *     clientId: "cl-01",
 *     status: "active",
 *     kind: "general",
 *     signed: "2026-06-02",
 *     period: { start: "2026-06-02", end: "2027-06-01" },
 *     recipients: [{ referrerId: "ref-gp-01" }],
 *     purposes: ["COC"],
 *     categories: ["acknowledgement", "attendance", "diagnosis", "psychotherapy-note"],
 *     deny: [{ id: "no-diagnosis", categories: ["diagnosis"] }],
 *   },
 * ];
 * const ask = (category: string, at = "2026-11-23") =>
 *   evaluateConsent(consents, { client: "cl-01", recipient: { referrerId: "ref-gp-01" }, purpose: "COC", category, at });
 * ask("attendance"); // => { decision: "permit", reason: "permitted", provision: { consentId: "cons-01" }, text: "A consent in force permits this disclosure." }
 * ask("attendance", "2027-06-02").reason; // => "expired"
 * ask("diagnosis").provision; // => { consentId: "cons-01", provisionId: "no-diagnosis" }
 * ask("psychotherapy-note").reason; // => "needs-specific-authorization"
 *
 * // 22:00 UTC on the last day is already the next day in Sydney: without a zone, the day is uncertain and the consent may have expired.
 * const late: ConsentQueryInput = { client: "cl-01", recipient: { referrerId: "ref-gp-01" }, purpose: "COC", category: "attendance", at: "2027-06-01T22:00:00Z" };
 * evaluateConsent(consents, late).reason; // => "expired"
 * evaluateConsent(consents, late, { timeZone: "Australia/Sydney" }).reason; // => "expired"
 * evaluateConsent(consents, late, { timeZone: "America/New_York" }).reason; // => "permitted"
 * ```
 */
export function evaluateConsent(
  consents: readonly ConsentInput[],
  query: ConsentQueryInput,
  options: EvaluateOptionsInput = {},
): ConsentDecision {
  const list = isPrepared(consents) ? consents : validate(ConsentList, consents, "consents");
  const question = validate(ConsentQuery, query, "query");
  const policy = validate(EvaluateOptions, options, "options");
  const ask = consentAsker(
    list,
    {
      clientId: question.client,
      recipient: question.recipient,
      purpose: question.purpose,
      now: question.at,
      emergency: question.emergency,
    },
    policy,
  );
  return ask(question.category, question.dataDate);
}

import { validate } from "../model/validate.js";
import { buildCatalogue } from "./internal/buildCatalogue.js";
import { compileConsents } from "./internal/compileConsents.js";
import { dayOf } from "./internal/dayOf.js";
import { decide } from "./internal/decide.js";
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
 * of information recorded on `dataDate`. The day of `at` is its local date in
 * `options.timeZone` when given; without it, the date as `at` was written, at
 * its own offset (so `2026-11-23T22:00:00Z` is the 23rd even for a practice
 * in Sydney, where it is already the 24th: pass the practice's zone). Returns `permit` with the consent
 * relied on, or `deny` with the reason and the provision that decided.
 *
 * A consent permits when it is the client's, `active`, signed on or before
 * the day, in force on it (its period includes both ends), names the
 * recipient (by referrer id or an identifier) and the purpose, lists the
 * category, is of the kind the category needs (a general consent never
 * permits a psychotherapy note, Part 2 record or SUD counselling note, and a
 * specific authorization permits nothing else), and, when it limits the data
 * period, covers `dataDate`.
 *
 * Combining: deny overrides. A deny provision binds from the day its consent
 * is signed, whether that consent is active, revoked or past its period
 * (revoking or expiry withdraws permission, never a restriction; a draft
 * binds nothing), and overrides every permit, earlier or later. A later
 * consent that merely permits again (a routine renewal) does not end it:
 * only a consent signed strictly later, `active` and in force on the day,
 * that names the provision in its `lifts` does (the client's agreement to
 * end a restriction, 45 CFR 164.522(a)(2)). The decision depends on the
 * consents and their dates, never on their order.
 *
 * @param consents - the client's consents (others' are ignored)
 * @param query - see {@link ConsentQuery}
 * @param options - the host's own categories and time zone; see {@link EvaluateOptions}
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
 * // 22:00 UTC on the last day is already the next day in Sydney.
 * const late: ConsentQueryInput = { client: "cl-01", recipient: { referrerId: "ref-gp-01" }, purpose: "COC", category: "attendance", at: "2027-06-01T22:00:00Z" };
 * evaluateConsent(consents, late).reason; // => "permitted"
 * evaluateConsent(consents, late, { timeZone: "Australia/Sydney" }).reason; // => "expired"
 * ```
 */
export function evaluateConsent(
  consents: readonly ConsentInput[],
  query: ConsentQueryInput,
  options: EvaluateOptionsInput = {},
): ConsentDecision {
  const list = validate(ConsentList, consents, "consents");
  const question = validate(ConsentQuery, query, "query");
  const { categories, timeZone } = validate(EvaluateOptions, options, "options");
  const catalogue = buildCatalogue(categories);
  const date = dayOf(question.at, timeZone);
  return decide(compileConsents(list, question.client, date), catalogue.get(question.category), {
    code: question.category,
    recipient: question.recipient,
    purpose: question.purpose,
    dataDate: question.dataDate,
  });
}

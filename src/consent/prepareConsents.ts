import { deepFreeze } from "../model/internal/deepFreeze.js";
import { validate } from "../model/validate.js";
import { markPrepared } from "./internal/preparedConsents.js";
import { type Consent, type ConsentInput, ConsentList } from "./schemas.js";

declare const preparedBrand: unique symbol;

/**
 * A client's consents as {@link prepareConsents} returns them: validated,
 * with defaults filled in, and frozen all the way down. It is an ordinary
 * array of consents to read; the brand only tells the type checker where it
 * came from.
 */
export type PreparedConsents = readonly Consent[] & { readonly [preparedBrand]: true };

/**
 * Validates a client's consents once, so that the calls that read them do
 * not validate them again. Pass the result wherever consents go:
 * {@link composeUpdate}'s `consents`, or {@link evaluateConsent}'s first
 * argument. Every decision is the same as with the original list; the calls
 * skip the copy validation makes, and a deny provision's recipients are
 * indexed once, so each call looks the recipient up rather than reading
 * every entry. Worth it when the same consents answer many calls (a
 * client's consents held between updates), or when they are long.
 *
 * The result is frozen all the way down: nothing can change a prepared list
 * after it was checked. Only a list this copy of the library prepared skips
 * validation; anything else passed in its place, a copy of it included, is
 * validated as usual. Prepare again whenever the client's consents change.
 *
 * @param consents - the client's consents, as for {@link evaluateConsent}
 * @returns the same consents, validated and frozen
 * @throws {@link InvalidInputError} (named `consents`) when a consent breaks
 *   a rule of {@link Consent}, or two share an id
 *
 * @example
 * ```ts
 * import { composeUpdate, evaluateConsent, prepareConsents } from "referwell/consent";
 *
 * const consents = prepareConsents([
 *   {
 *     id: "cons-01",
 *     clientId: "cl-01",
 *     status: "active",
 *     kind: "general",
 *     signed: "2026-06-02",
 *     period: { start: "2026-06-02", end: "2027-06-01" },
 *     recipients: [{ referrerId: "ref-gp-01" }],
 *     purposes: ["COC"],
 *     categories: ["acknowledgement", "attendance"],
 *     deny: [{ id: "not-the-school", recipients: [{ referrerId: "ref-school-02" }] }],
 *   },
 * ]);
 * Object.isFrozen(consents[0]?.deny); // => true
 * consents[0]?.replaces; // => []
 *
 * const query = { client: "cl-01", recipient: { referrerId: "ref-gp-01" }, purpose: "COC", category: "attendance", at: "2026-11-23" } as const;
 * evaluateConsent(consents, query).decision; // => "permit"
 * evaluateConsent(consents, { ...query, recipient: { referrerId: "ref-school-02" } }).decision; // => "deny"
 *
 * const update = composeUpdate({
 *   kind: "progress",
 *   client: { id: "cl-01", displayName: "Jordan" },
 *   recipient: { referrerId: "ref-gp-01", name: "Dr Mei Lin" },
 *   purpose: "COC",
 *   facts: [{ id: "f1", clientId: "cl-01", category: "attendance", text: "Attended 6 of 7 sessions.", recorded: "2026-11-20" }],
 *   consents,
 *   now: "2026-11-23",
 * });
 * update.included; // => ["f1"]
 * ```
 */
export function prepareConsents(consents: readonly ConsentInput[]): PreparedConsents {
  const list: readonly Consent[] = deepFreeze(validate(ConsentList, consents, "consents"));
  markPrepared(list);
  return list as PreparedConsents;
}

import * as z from "zod";
import { dayOf } from "../model/internal/dayOf.js";
import { ReferrerKind } from "../model/enums.js";
import { NowOptions } from "../model/now.js";
import { Id } from "../model/scalars.js";
import { validate } from "../model/validate.js";
import { InvalidInputError } from "../errors.js";
import { RelationshipEvent, type RelationshipEventInput, RelationshipPolicy } from "./schemas.js";
import { MAX_EVENTS, type RelationshipState } from "./stateSchemas.js";
import { stateFromEvents } from "./internal/stateFromEvents.js";

/**
 * Options of {@link relationshipState}: the day, the policy, and the
 * referrer (its id, needed when there are no events yet, and its kind, which
 * tells a same-specialty "competition" collaboration apart).
 *
 * @example
 * ```ts
 * import { RelationshipOptions } from "referwell/relationships";
 *
 * RelationshipOptions.parse({ now: "2026-11-23" }).policy.dormantAfterDays; // => 180
 * ```
 */
export const RelationshipOptions = z.strictObject({
  ...NowOptions.shape,
  policy: RelationshipPolicy.prefault({}),
  referrerId: Id.optional(),
  referrerKind: ReferrerKind.optional(),
});
/** Options of {@link relationshipState}. */
export type RelationshipOptions = z.infer<typeof RelationshipOptions>;
/** {@link RelationshipOptions} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type RelationshipOptionsInput = z.input<typeof RelationshipOptions>;

const Events = z.array(RelationshipEvent).max(MAX_EVENTS);

/**
 * Folds a referrer's events into the state of the relationship on the day of
 * `now`: lifecycle (prospect, contacted, met, nurturing, active, dormant,
 * closed), stage 1–3 with the referral that put it there (seed 001), point
 * person, colleagues used and introduced, counts and dates, time in each
 * stage, the kind of collaboration (seed 004) and plain signals: recency,
 * breadth, conversion and reciprocity, a reason to nurture and never a
 * ledger (seed 004). Events may come in any order and more than once: they
 * are folded by date then id, each id once. The state is frozen: it is what
 * its events give, and {@link applyRelationshipEvent} trusts it as it is.
 *
 * @param events - the referrer's events, as stored
 * @param options - `now` and `timeZone` (an instant falls on its date in `timeZone` when given, else at its own offset), policy, and the referrer's id and kind
 * @throws {@link InvalidInputError} when an event is malformed, events name
 *   different referrers (`referrer-mismatch`), or there are no events and no
 *   `referrerId`
 *
 * @example
 * ```ts
 * import { relationshipState, type RelationshipEventInput } from "referwell/relationships";
 *
 * const event = (id: string, date: string, type: string, more: object = {}) => ({ id, date, type, clinicianId: "clin-ana", referrerId: "ref-gp-01", ...more }) as RelationshipEventInput;
 * const state = relationshipState(
 *   [
 *     event("e1", "2026-02-03", "outreach-sent"),
 *     event("e2", "2026-02-20", "meeting-held", { fit: true }),
 *     event("e3", "2026-03-12", "referral-received", { addressedTo: "point-person" }),
 *     event("e4", "2026-07-21", "referral-received", { addressedTo: "colleague", clinicianId: "clin-dev" }),
 *     event("e5", "2026-11-18", "referral-received", { addressedTo: "practice" }),
 *   ],
 *   { now: "2026-11-23" },
 * );
 * state.lifecycle; // => "active"
 * state.stage; // => 3
 * state.stageEvidence.map((evidence) => `${evidence.stage}:${evidence.reason}`); // => ["1:first-referral", "2:referral-to-colleague", "3:referral-to-practice"]
 * state.pointPersonId; // => "clin-ana"
 * state.colleaguesUsed; // => ["clin-dev"]
 * ```
 */
export function relationshipState(events: readonly RelationshipEventInput[], options: RelationshipOptionsInput): RelationshipState {
  const list = validate(Events, events, "events");
  const settings = validate(RelationshipOptions, options, "options");
  const referrerId = settings.referrerId ?? list[0]?.referrerId;
  if (referrerId === undefined) throw new InvalidInputError("options", [{ path: ["referrerId"], code: "required" }]);
  const mismatched = list.findIndex((event) => event.referrerId !== referrerId);
  if (mismatched >= 0) throw new InvalidInputError("events", [{ path: [mismatched, "referrerId"], code: "referrer-mismatch" }]);
  return stateFromEvents(list, referrerId, dayOf(settings.now, settings.timeZone), settings.policy, settings.referrerKind ?? null);
}

import { validate } from "../model/validate.js";
import { InvalidInputError } from "../errors.js";
import { deriveState } from "./internal/deriveState.js";
import { foldStep } from "./internal/foldStep.js";
import { relationshipState } from "./relationshipState.js";
import { RelationshipEvent, type RelationshipEventInput } from "./schemas.js";
import { RelationshipState, type RelationshipStateInput } from "./stateSchemas.js";

/**
 * Applies one new event to a stored state, for hosts that update as events
 * arrive. The result equals folding all the events again with
 * {@link relationshipState} on the state's day: an event already applied
 * (same id) changes nothing, and one dated before the latest is folded in
 * its place.
 *
 * @param state - a state from {@link relationshipState} or from this function
 * @param event - the new event
 * @throws {@link InvalidInputError} when the state or event is malformed, or
 *   the event belongs to another referrer (`referrer-mismatch`)
 *
 * @example
 * ```ts
 * import { applyRelationshipEvent, type RelationshipEventInput, relationshipState } from "referwell/relationships";
 *
 * const first: RelationshipEventInput = { id: "e1", date: "2026-10-01", type: "referral-received", clinicianId: "clin-hana", referrerId: "ref-gyn-01", addressedTo: "point-person" };
 * const second: RelationshipEventInput = { ...first, id: "e2", date: "2026-11-02", clinicianId: "clin-elif", addressedTo: "colleague" };
 * const before = relationshipState([first], { now: "2026-11-23" });
 * const after = applyRelationshipEvent(before, second);
 * after.stage; // => 2
 * JSON.stringify(after) === JSON.stringify(relationshipState([second, first], { now: "2026-11-23" })); // => true
 * JSON.stringify(applyRelationshipEvent(after, second)) === JSON.stringify(after); // => true
 * ```
 */
export function applyRelationshipEvent(state: RelationshipStateInput, event: RelationshipEventInput): RelationshipState {
  const current = validate(RelationshipState, state, "state");
  const next = validate(RelationshipEvent, event, "event");
  if (next.referrerId !== current.referrerId) throw new InvalidInputError("event", [{ path: ["referrerId"], code: "referrer-mismatch" }]);
  const options = {
    now: current.asOf,
    policy: current.policy,
    referrerId: current.referrerId,
    ...(current.referrerKind === null ? {} : { referrerKind: current.referrerKind }),
  };
  if (current.events.some((known) => known.id === next.id)) return relationshipState(current.events.concat(next), options);
  const last = current.events[current.events.length - 1];
  // In order: one more step. Out of order: fold again, so the result is the same either way.
  if (last !== undefined && (next.date < last.date || (next.date === last.date && next.id < last.id)))
    return relationshipState([...current.events, next], options);
  const core = foldStep(current, next, current.policy);
  return deriveState({ ...core, events: [...current.events, next] }, current.asOf, current.policy, current.referrerKind);
}

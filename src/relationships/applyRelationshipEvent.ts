import { validate } from "../model/validate.js";
import { FROM_SCHEMA, InvalidInputError } from "../errors.js";
import { appendToMadeState, isMadeState, madeEventWithId, madeEvents } from "./internal/madeStates.js";
import { stateFromEvents } from "./internal/stateFromEvents.js";
import { RelationshipEvent, type RelationshipEventInput } from "./schemas.js";
import { MAX_EVENTS, RelationshipState, type RelationshipStateInput } from "./stateSchemas.js";

/**
 * Applies one new event to a stored state, for hosts that update as events
 * arrive. The result equals folding all the events again with
 * {@link relationshipState} on the state's day: an event already applied
 * (same id) changes nothing (unless the copy sent again differs from the
 * one held and sorts before it as JSON, the copy `relationshipState` keeps),
 * and one dated before the latest is folded in its place.
 *
 * A state this library made in this process (frozen, so unchanged) is
 * trusted. An event in order, applied to the newest state of its line, costs
 * what the event adds, however long the history: the states of a line share
 * their lists, and a state's lists are copied out only when first read.
 * Applied to an older state, a new event starts a new line with one copy.
 * An event delivered again unchanged (as a queue that delivers at least
 * once may), to any state made here, costs what the event holds, and gives
 * back that state. Any other
 * state (read back from storage, say) is validated and folded again from
 * its events once, and refused with `state-mismatch` if what it says
 * differs from what its events give; to rebuild one, pass its events to
 * {@link relationshipState}.
 *
 * @param state - a state from {@link relationshipState} or from this function
 * @param event - the new event
 * @throws {@link InvalidInputError} when the state or event is malformed, the
 *   state is not what its events give (`state-mismatch`), the event
 *   belongs to another referrer (`referrer-mismatch`), or a new event would
 *   take the state past 100,000 events (`too-big` at `events`, the limit a
 *   stored state is read with)
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
 * // The same event delivered again gives the same state back.
 * applyRelationshipEvent(after, second) === after; // => true
 * // Read back from storage, a state is checked against its events.
 * const stored = JSON.parse(JSON.stringify(after));
 * applyRelationshipEvent(stored, second).stage; // => 2
 * try {
 *   applyRelationshipEvent({ ...stored, stage: 3 }, second);
 * } catch (error) {
 *   (error as { issues: Array<{ code: string }> }).issues[0]?.code; // => "state-mismatch"
 * }
 * ```
 */
export function applyRelationshipEvent(state: RelationshipStateInput, event: RelationshipEventInput): RelationshipState {
  const current = isMadeState(state) ? state : checkedState(state);
  const next = validate(RelationshipEvent, event, "event");
  if (next.referrerId !== current.referrerId) throw new InvalidInputError("event", [{ path: ["referrerId"], code: "referrer-mismatch" }]);
  const { count, last } = madeEvents(current);
  const held = madeEventWithId(current, next.id);
  const repeated = held !== undefined;
  // The same limit a stored state is read with, so no state is made that could not be read back.
  if (count >= MAX_EVENTS && !repeated)
    throw new InvalidInputError("state", [{ path: ["events"], code: "too-big", expected: `at most ${MAX_EVENTS} items` }], FROM_SCHEMA);
  // An event delivered again: of two copies the one that sorts first as JSON is kept (see sortEvents), so a copy that
  // does not sort before the one held changes nothing, and the state is its own answer, at the cost of the event alone.
  if (held !== undefined && JSON.stringify(next) >= JSON.stringify(held)) return current;
  const inOrder = last === undefined || next.date > last.date || (next.date === last.date && next.id > last.id);
  // A copy that replaces the one held, or an event dated before the latest: fold again, so the result is the same either way.
  if (!inOrder || repeated)
    return stateFromEvents([...current.events, next], current.referrerId, current.asOf, current.policy, current.referrerKind);
  return appendToMadeState(current, next);
}

/** A state from outside: valid, and exactly what its own events give on its day. */
function checkedState(state: RelationshipStateInput): RelationshipState {
  const given = validate(RelationshipState, state, "state");
  const mismatched = given.events.findIndex((known) => known.referrerId !== given.referrerId);
  if (mismatched >= 0) throw new InvalidInputError("state", [{ path: ["events", mismatched, "referrerId"], code: "referrer-mismatch" }]);
  const folded = stateFromEvents(given.events, given.referrerId, given.asOf, given.policy, given.referrerKind);
  if (JSON.stringify(folded) !== JSON.stringify(given)) throw new InvalidInputError("state", [{ path: [], code: "state-mismatch" }]);
  return folded;
}

import { deepFreeze } from "../../model/internal/deepFreeze.js";
import type { RelationshipState } from "../stateSchemas.js";

/**
 * The ids of a line of states each made from the last by one event in
 * order, with their places: every state on the line holds a prefix of the
 * newest one's events, so one map answers "has this state seen that id" for
 * all of them.
 */
interface Line {
  readonly places: Map<string, number>;
  length: number;
}

// States this library made in this process, each frozen through, so what it holds is what folding gave.
const made = new WeakMap<RelationshipState, Line>();

/** Freezes a state the library just made from its events and remembers it, so applying an event to it needs no validation. */
export function rememberState(state: RelationshipState): RelationshipState {
  const { events } = state;
  const places = new Map<string, number>();
  // By index: listing an array's keys costs more than freezing what it holds.
  for (let index = 0; index < events.length; index += 1) places.set(deepFreeze(events[index])?.id as string, index);
  return remember(state, { places, length: events.length });
}

/** The same for a state made from `previous` by one more event in order: on the newest state of a line, the line grows by it. */
export function rememberAppended(previous: RelationshipState, state: RelationshipState): RelationshipState {
  const line = made.get(previous);
  if (line === undefined || line.length !== previous.events.length) return rememberState(state);
  const added = deepFreeze(state.events[state.events.length - 1]);
  if (added !== undefined) line.places.set(added.id, line.length);
  line.length = state.events.length;
  return remember(state, line);
}

function remember(state: RelationshipState, line: Line): RelationshipState {
  const { events, ...rest } = state;
  Object.freeze(events);
  deepFreeze(rest);
  made.set(Object.freeze(state), line);
  return state;
}

/** Whether a value is a state the library made (and froze) in this process. */
export function isMadeState(value: unknown): value is RelationshipState {
  return typeof value === "object" && value !== null && made.has(value as RelationshipState);
}

/** Whether a state the library made holds an event with this id. */
export function madeStateHas(state: RelationshipState, id: string): boolean {
  const place = made.get(state)?.places.get(id);
  return place !== undefined && place < state.events.length;
}

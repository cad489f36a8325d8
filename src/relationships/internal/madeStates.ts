import { deepFreeze } from "../../model/internal/deepFreeze.js";
import type { ReferrerKind } from "../../model/enums.js";
import type { IsoDate } from "../../model/scalars.js";
import type { RelationshipEvent, RelationshipPolicy } from "../schemas.js";
import type { RelationshipState } from "../stateSchemas.js";
import { type DaysInStage, deriveState } from "./deriveState.js";
import type { RelationshipCore } from "./foldStep.js";
import { type CoreFields, extendLine, fieldsOf, forkLine, type Lengths, type Line, lengthsOf } from "./relationshipLine.js";

type ListKey = "events" | "stageEvidence" | "colleaguesUsed" | "colleaguesIntroduced";

/** Where a state the library made stands on its line, the days its earlier stages took, and its lists once read. */
interface Made {
  readonly line: Line;
  readonly lengths: Lengths;
  readonly settledDays: DaysInStage;
  readonly lists: { [Key in ListKey]?: readonly unknown[] };
}

// States this library made in this process, each frozen, so what it holds is what folding gave.
const made = new WeakMap<object, Made>();

// Frozen: a placeholder for the lists until they are defined on demand.
const NONE = Object.freeze([]) as never[];

/** Reads a list of a made state from its line, the first time it is asked for. */
const READ: { readonly [Key in ListKey]: (found: Made) => unknown[] } = {
  events: ({ line, lengths }) => line.events.slice(0, lengths.events),
  stageEvidence: ({ line, lengths }) => line.evidence.slice(0, lengths.evidence),
  colleaguesUsed: ({ line, lengths }) => line.used.slice(0, lengths.used).sort(),
  colleaguesIntroduced: ({ line, lengths }) => line.introduced.slice(0, lengths.introduced).sort(),
};

/** A getter for one list of a made state, reading it from the line when first asked for. Its own closure, not `this`: a Proxy or a copy of the state's descriptors reads the same list. */
function listGetter(found: Made, key: ListKey): PropertyDescriptor {
  return { enumerable: true, get: () => (found.lists[key] ??= Object.freeze(READ[key](found))) };
}

/** Node's hook for how `console.log` and `util.inspect` show a value; elsewhere an unused symbol. */
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** What `util.inspect` passes a custom hook: its options, and itself to show a value with them. */
interface InspectOptions {
  readonly depth?: number | null;
}

/**
 * Shows a made state as the plain object its getters give, not as
 * `[Getter]` for each list, and only to the depth still asked for (past
 * it, `[Object]`), as a plain object would be.
 */
function inspectAsPlain(
  this: RelationshipState,
  depth: number,
  options: InspectOptions,
  inspect: (value: unknown, options: InspectOptions) => string,
): string {
  return inspect({ ...this }, { ...options, depth: options.depth === null ? null : depth });
}

/**
 * The state the newest prefixes of a line give on a day, frozen and
 * remembered. Its lists are read from the line when first asked for (the
 * colleagues sorted then), so making a state costs what its own fields
 * cost, not what its history holds; as JSON it is the same plain object.
 */
export function madeState(
  line: Line,
  fields: CoreFields,
  settledDays: DaysInStage,
  asOf: IsoDate,
  policy: RelationshipPolicy,
  referrerKind: ReferrerKind | null,
): RelationshipState {
  const lengths = lengthsOf(line);
  const { pointPersonId } = fields;
  const core: RelationshipCore = {
    referrerId: fields.referrerId,
    events: NONE,
    stageEvidence: NONE,
    pointPersonId,
    colleaguesUsed: NONE,
    colleaguesIntroduced: NONE,
    fit: fields.fit,
    counts: fields.counts,
    dates: fields.dates,
    closed: fields.closed,
    snoozedUntil: fields.snoozedUntil,
  };
  const derived = deriveState(core, asOf, policy, referrerKind, {
    lastEvidence: line.evidence[lengths.evidence - 1],
    settledDays,
    breadth: lengths.used + (pointPersonId !== null && !line.usedSet.has(pointPersonId) ? 1 : 0),
  });
  // The keys in the order deriving gave them, the lists as getters in their places, so the state serializes as before.
  const found: Made = { line, lengths, settledDays, lists: {} };
  const state: Record<string, unknown> = {};
  for (const key in derived) {
    if (Object.hasOwn(READ, key)) Object.defineProperty(state, key, listGetter(found, key as ListKey));
    else state[key] = deepFreeze(derived[key as keyof RelationshipState]);
  }
  // Not enumerable: JSON, spreading and comparing see only the state's fields.
  Object.defineProperty(state, INSPECT, { value: inspectAsPlain });
  made.set(Object.freeze(state), found);
  return state as RelationshipState;
}

/** Whether a value is a state the library made (and froze) in this process. */
export function isMadeState(value: unknown): value is RelationshipState {
  return typeof value === "object" && value !== null && made.has(value as RelationshipState);
}

function madeOf(state: RelationshipState): Made {
  const found = made.get(state);
  // Only reached after isMadeState: a state the library did not make never gets here.
  if (found === undefined) throw new TypeError("not a state this library made");
  return found;
}

/** The event with this id a state the library made holds, if any. */
export function madeEventWithId(state: RelationshipState, id: string): RelationshipEvent | undefined {
  const { line, lengths } = madeOf(state);
  const place = line.places.get(id);
  return place !== undefined && place < lengths.events ? line.events[place] : undefined;
}

/** How many events a state the library made holds, and its latest, without reading its list. */
export function madeEvents(state: RelationshipState): { readonly count: number; readonly last: RelationshipEvent | undefined } {
  const { line, lengths } = madeOf(state);
  return { count: lengths.events, last: line.events[lengths.events - 1] };
}

/**
 * A state the library made with one more event, later in date-then-id order
 * than all it holds and new to it. On the newest state of a line the event
 * is appended; on an older one the line forks once, with a copy of its
 * prefixes.
 */
export function appendToMadeState(state: RelationshipState, event: RelationshipEvent): RelationshipState {
  const found = madeOf(state);
  const line = found.line.events.length === found.lengths.events ? found.line : forkLine(found.line, found.lengths);
  const next = extendLine(line, fieldsOf(state), found.settledDays, event, state.policy);
  return madeState(line, next.fields, next.settledDays, state.asOf, state.policy, state.referrerKind);
}

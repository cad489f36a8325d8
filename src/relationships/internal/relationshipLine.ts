import { deepFreeze } from "../../model/internal/deepFreeze.js";
import type { RelationshipEvent, RelationshipPolicy } from "../schemas.js";
import type { RelationshipState } from "../stateSchemas.js";
import { type DaysInStage, settleSpan } from "./deriveState.js";
import { foldStep, type RelationshipCore } from "./foldStep.js";

/** A core without its lists: what a state holds of its own, a few fields whatever the history's length. */
export type CoreFields = Omit<RelationshipCore, "events" | "stageEvidence" | "colleaguesUsed" | "colleaguesIntroduced">;

/**
 * The lists of a line of states, each made from the one before by one more
 * event in order. They only grow, so every state on the line holds a prefix
 * of each: a state keeps how long its prefixes are, and an event in order
 * costs an append, not a copy of the history.
 */
export interface Line {
  readonly events: RelationshipEvent[];
  /** Each event's place in `events`, by id. */
  readonly places: Map<string, number>;
  readonly evidence: RelationshipState["stageEvidence"][number][];
  /** Colleagues referred to and introduced, in the order first seen, with sets to ask whether one is new. */
  readonly used: string[];
  readonly usedSet: Set<string>;
  readonly introduced: string[];
  readonly introducedSet: Set<string>;
}

/** How long a state's prefixes of its line's lists are. */
export interface Lengths {
  readonly events: number;
  readonly evidence: number;
  readonly used: number;
  readonly introduced: number;
}

/** A core's own fields, named one by one: leaving the lists out by a rest pattern costs more than the rest of a step. */
export function fieldsOf(core: CoreFields): CoreFields {
  const { referrerId, pointPersonId, fit, counts, dates, closed, snoozedUntil } = core;
  return { referrerId, pointPersonId, fit, counts, dates, closed, snoozedUntil };
}

export function emptyLine(): Line {
  return { events: [], places: new Map(), evidence: [], used: [], usedSet: new Set(), introduced: [], introducedSet: new Set() };
}

/** A new line holding a state's prefixes: for an event applied to a state that is no longer the newest of its line. */
export function forkLine(line: Line, lengths: Lengths): Line {
  const events = line.events.slice(0, lengths.events);
  const used = line.used.slice(0, lengths.used);
  const introduced = line.introduced.slice(0, lengths.introduced);
  const places = new Map<string, number>();
  for (let index = 0; index < events.length; index += 1) places.set((events[index] as RelationshipEvent).id, index);
  return {
    events,
    places,
    evidence: line.evidence.slice(0, lengths.evidence),
    used,
    usedSet: new Set(used),
    introduced,
    introducedSet: new Set(introduced),
  };
}

export function lengthsOf(line: Line): Lengths {
  return { events: line.events.length, evidence: line.evidence.length, used: line.used.length, introduced: line.introduced.length };
}

/**
 * Puts a line's lists back to `lengths`, after folding an event threw: what
 * it had appended goes, so the line's newest state still holds every list
 * whole and the next event appends to what it held. The event's place is
 * recorded last of all, so a fold that threw recorded none.
 */
function truncateLine(line: Line, lengths: Lengths): void {
  line.events.length = lengths.events;
  line.evidence.length = lengths.evidence;
  for (const colleague of line.used.splice(lengths.used)) line.usedSet.delete(colleague);
  for (const colleague of line.introduced.splice(lengths.introduced)) line.introducedSet.delete(colleague);
}

/**
 * Folds the next event, in date-then-id order, onto the newest state of a
 * line: its fields copied, its lists appended to in place. What it costs is
 * what the event adds. Each event and piece of evidence is frozen as it
 * joins the line, so what the line holds stays what folding gave. All or
 * nothing: when folding throws, the line is as it was.
 */
export function extendLine(
  line: Line,
  fields: CoreFields,
  settledDays: DaysInStage,
  event: RelationshipEvent,
  policy: RelationshipPolicy,
): { readonly fields: CoreFields; readonly settledDays: DaysInStage } {
  const lengths = lengthsOf(line);
  try {
    return appendToLine(line, fields, settledDays, event, policy);
  } catch (error) {
    truncateLine(line, lengths);
    throw error;
  }
}

/**
 * Folds `event` onto a line in place: the fold appends to the line's lists
 * (evidence, colleagues), then the event joins them, frozen, and the days of
 * stages it ended are settled. Its place goes in last, after all that can
 * throw, so a place always names an event on the line.
 */
function appendToLine(
  line: Line,
  fields: CoreFields,
  settledDays: DaysInStage,
  event: RelationshipEvent,
  policy: RelationshipPolicy,
): { readonly fields: CoreFields; readonly settledDays: DaysInStage } {
  const before = line.evidence.length;
  // Named field by field: spreading into an object that gains more fields takes a slow path, a cost per event.
  const draft: RelationshipCore = {
    referrerId: fields.referrerId,
    events: line.events,
    stageEvidence: line.evidence,
    pointPersonId: fields.pointPersonId,
    colleaguesUsed: line.used,
    colleaguesIntroduced: line.introduced,
    fit: fields.fit,
    counts: { ...fields.counts },
    dates: { ...fields.dates },
    closed: fields.closed,
    snoozedUntil: fields.snoozedUntil,
  };
  const folded = foldStep(draft, event, policy, { used: line.usedSet, introduced: line.introducedSet });
  line.events.push(deepFreeze(event));
  let days = settledDays;
  // A stage that an event ended has its days settled: they run to the next evidence, whatever day the state is read on.
  for (let index = Math.max(0, before - 1); index + 1 < line.evidence.length; index += 1) {
    const ended = line.evidence[index] as Line["evidence"][number];
    days = settleSpan(days, ended, (line.evidence[index + 1] as Line["evidence"][number]).date);
  }
  for (let index = before; index < line.evidence.length; index += 1) deepFreeze(line.evidence[index]);
  line.places.set(event.id, line.events.length - 1);
  return { fields: fieldsOf(folded), settledDays: days };
}

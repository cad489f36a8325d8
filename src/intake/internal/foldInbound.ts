import { ExpectedText, InvalidInputError } from "../../errors.js";
import type { InboundState } from "../results.js";
import type { InboundEvent, LoopMilestone } from "../schemas.js";
import { orderEvents } from "./orderEvents.js";

/** The order types take within one day: a referral is received before anything else happens to it, closed after. */
const TYPE_ORDER: readonly InboundEvent["type"][] = [
  "received",
  "contact-attempted",
  "contacted",
  "waitlisted",
  "scheduled",
  "no-show",
  "first-visit-attended",
  "declined",
  "not-a-fit",
  "redirected",
  "referrer-updated",
  "closed",
];

/** Progress states in the order a referral moves through them. */
const PROGRESS: readonly InboundState[] = ["received", "contacting", "contacted", "waitlisted", "scheduled", "seen"];
const OUTCOMES = new Set<InboundState>(["declined", "not-a-fit", "redirected"]);
/** Steps that need the client: each shows they were reached. */
const REACHED = new Set<InboundEvent["type"]>(["contacted", "waitlisted", "scheduled", "first-visit-attended", "declined"]);

export type Received = Extract<InboundEvent, { type: "received" }>;

/** What the events of one inbound referral add up to. */
export interface InboundFold {
  readonly received: Received;
  readonly state: InboundState;
  readonly firstAttempt: string | null;
  readonly contacted: string | null;
  readonly waitlisted: string | null;
  readonly scheduled: string | null;
  readonly firstAppointment: string | null;
  readonly appointment: string | null;
  readonly firstVisit: string | null;
  readonly ended: string | null;
  readonly contactAttempts: number;
  readonly noShows: number;
  /** Milestones reached, with the day first reached. */
  readonly milestones: ReadonlyMap<LoopMilestone, string>;
  /** Milestones the referrer has been told of. */
  readonly updated: ReadonlySet<LoopMilestone>;
}

/**
 * The state an event moves a referral to, or `undefined` when it leaves the
 * state as it is. Progress only moves forward, but for two ways back: a
 * no-show returns a scheduled referral to `contacted`, and the waitlist can
 * take a client whose appointment fell through. An outcome ends progress
 * from any state; a step of progress after an outcome reopens the referral.
 */
/** The target when it is ahead of the state, or the state is an outcome (a step of progress reopens it). */
const forward = (state: InboundState, target: InboundState): InboundState | undefined =>
  OUTCOMES.has(state) || PROGRESS.indexOf(target) > PROGRESS.indexOf(state) ? target : undefined;

function nextState(state: InboundState, event: InboundEvent): InboundState | undefined {
  switch (event.type) {
    case "contact-attempted":
      return forward(state, "contacting");
    case "contacted":
      return forward(state, "contacted");
    case "waitlisted":
      return state === "scheduled" ? "waitlisted" : forward(state, "waitlisted");
    case "scheduled":
      return forward(state, "scheduled");
    case "no-show":
      return state === "scheduled" ? "contacted" : undefined;
    case "first-visit-attended":
      return forward(state, "seen");
    case "declined":
    case "not-a-fit":
    case "redirected":
      return event.type;
    default:
      return undefined;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Fold = Mutable<Omit<InboundFold, "milestones" | "updated">> & { milestones: Map<LoopMilestone, string>; updated: Set<LoopMilestone> };
type Of<Type extends InboundEvent["type"]> = Extract<InboundEvent, { type: Type }>;

const reach = (fold: Fold, milestone: LoopMilestone, date: string) => {
  if (!fold.milestones.has(milestone)) fold.milestones.set(milestone, date);
};

/** What each kind of event records, beside the state it moves the referral to. */
const RECORD: { readonly [Type in InboundEvent["type"]]?: (fold: Fold, event: Of<Type>) => void } = {
  "contact-attempted": (fold, { date }) => {
    fold.firstAttempt ??= date;
    fold.contactAttempts += 1;
  },
  waitlisted: (fold, { date }) => {
    fold.waitlisted ??= date;
  },
  scheduled: (fold, { date, appointmentDate }) => {
    fold.scheduled ??= date;
    fold.firstAppointment ??= appointmentDate;
    fold.appointment = appointmentDate;
  },
  "no-show": (fold) => {
    if (fold.state !== "scheduled") return;
    fold.noShows += 1;
    fold.appointment = null;
  },
  "first-visit-attended": (fold, { date }) => {
    fold.firstVisit ??= date;
    fold.appointment = null;
    reach(fold, "first-visit", date);
  },
  declined: (fold, { date }) => reach(fold, "declined", date),
  "not-a-fit": (fold, { date }) => reach(fold, "not-a-fit", date),
  redirected: (fold, { date }) => reach(fold, "redirected", date),
  "referrer-updated": (fold, { milestone }) => {
    fold.updated.add(milestone);
  },
};

/** The events in date order, with the one `received` event; the first that cannot belong is named by its place in the input. */
function checked(input: readonly InboundEvent[]): { events: InboundEvent[]; received: Received } {
  const events = orderEvents(input, TYPE_ORDER);
  const place = (event: InboundEvent) => input.indexOf(event);
  const received = events.filter((event): event is Received => event.type === "received");
  const fail = (
    path: ReadonlyArray<string | number>,
    code: "required" | "exactly-one-required" | "referral-mismatch" | "before-receipt",
  ) => {
    const expected = code === "required" || code === "exactly-one-required" ? { expected: ExpectedText.receivedEvent } : {};
    return new InvalidInputError("events", [{ path, code, ...expected }]);
  };
  if (received.length === 0) throw fail([], "required");
  if (received.length > 1) throw fail([place(received[1] as InboundEvent), "type"], "exactly-one-required");
  const start = received[0] as Received;
  const mismatch = events.find((event) => event.referralId !== start.referralId);
  if (mismatch !== undefined) throw fail([place(mismatch), "referralId"], "referral-mismatch");
  const early = events.find((event) => event.date < start.date);
  if (early !== undefined) throw fail([place(early), "date"], "before-receipt");
  const closed = events.findIndex((event) => event.type === "closed");
  const late = closed < 0 ? undefined : events.slice(closed + 1).find((event) => event.type !== "referrer-updated");
  if (late !== undefined) throw new InvalidInputError("events", [{ path: [place(late), "date"], code: "after-close" }]);
  return { events, received: start };
}

/**
 * Folds the events of one inbound referral, in date order whatever order
 * they came in (an event stored twice counts once). Exactly one `received`
 * event is needed; nothing may be dated before it, and nothing but a
 * referrer update after the referral is closed. The first issue found is
 * named by the event's place in the input, never by its content.
 */
export function foldInbound(input: readonly InboundEvent[]): InboundFold {
  const { events, received } = checked(input);
  const fold: Fold = {
    received,
    state: "received",
    firstAttempt: null,
    contacted: null,
    waitlisted: null,
    scheduled: null,
    firstAppointment: null,
    appointment: null,
    firstVisit: null,
    ended: null,
    contactAttempts: 0,
    noShows: 0,
    milestones: new Map([["received", received.date]]),
    updated: new Set(),
  };
  for (const event of events) {
    if (REACHED.has(event.type)) fold.contacted ??= event.date;
    (RECORD[event.type] as ((fold: Fold, event: InboundEvent) => void) | undefined)?.(fold, event);
    const next: InboundState | undefined = event.type === "closed" ? "closed" : nextState(fold.state, event);
    if (next === undefined) continue;
    fold.state = next;
    // Progress again after an outcome reopens the referral; an outcome or the close ends it.
    fold.ended = OUTCOMES.has(next) || next === "closed" ? (fold.ended ?? event.date) : null;
  }
  return fold;
}

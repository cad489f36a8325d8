import * as z from "zod";
import { ExpectedText, InvalidInputError } from "../errors.js";
import { compareText } from "../model/internal/compareText.js";
import { dayOf } from "../model/internal/dayOf.js";
import { validate } from "../model/validate.js";
import { orderEvents } from "./internal/orderEvents.js";
import { workingCalendar } from "./internal/workingCalendar.js";
import type { OutboundNextStep, OutboundState, OutboundStatus } from "./results.js";
import { IntakeOptions, type IntakeOptionsInput, OutboundEvent, type OutboundEventInput } from "./schemas.js";

const Events = z.array(OutboundEvent).min(1).max(10_000);
type Sent = Extract<OutboundEvent, { type: "sent" }>;

const TYPE_ORDER: readonly OutboundEvent["type"][] = [
  "sent",
  "accepted",
  "client-connected",
  "declined-by-receiver",
  "client-declined",
  "receiver-thanked",
  "closed",
];

/** The first event of a type, in date order. */
const first = (events: readonly OutboundEvent[], type: OutboundEvent["type"]): string | null =>
  events.find((event) => event.type === type)?.date ?? null;

/** The events in date order, with the one `sent` event; the first that cannot belong is named by its place in the input. */
function checked(list: readonly OutboundEvent[]): { ordered: OutboundEvent[]; start: Sent } {
  const ordered = orderEvents(list, TYPE_ORDER);
  const place = (event: OutboundEvent) => list.indexOf(event);
  const sent = ordered.filter((event): event is Sent => event.type === "sent");
  if (sent.length === 0) throw new InvalidInputError("events", [{ path: [], code: "required", expected: ExpectedText.sentEvent }]);
  if (sent.length > 1) {
    throw new InvalidInputError("events", [
      { path: [place(sent[1] as OutboundEvent), "type"], code: "exactly-one-required", expected: ExpectedText.sentEvent },
    ]);
  }
  const start = sent[0] as Sent;
  const mismatch = ordered.find((event) => event.referralId !== start.referralId);
  if (mismatch !== undefined) throw new InvalidInputError("events", [{ path: [place(mismatch), "referralId"], code: "referral-mismatch" }]);
  const early = ordered.find((event) => event.date < start.date);
  if (early !== undefined) throw new InvalidInputError("events", [{ path: [place(early), "date"], code: "before-receipt" }]);
  return { ordered, start };
}

/**
 * Where one referral the practice sent out stands on the day of `now`:
 * whether the receiver accepted and the client got there (only then is the
 * warm hand-off complete, seed 002), and what to do next: check that the
 * client connected (`policy.checkConnected` business days after sending,
 * until they have), thank the receiver once they accepted
 * (`policy.thankReceiver` business days after), or find another option for
 * a client the receiver could not take. Events are read in date order
 * whatever order they come in; an event stored twice counts once; exactly
 * one `sent` event is needed and nothing may be dated before it.
 *
 * When the receiver is a referrer of the practice's network (`referrerId`
 * on `sent`), the status carries the `referral-sent` event for
 * `referwell/relationships`, so reciprocity and lateral opportunities read
 * the same record.
 *
 * @param events - the events of one outbound referral (see {@link OutboundEvent})
 * @param options - `now` and `timeZone`, `policy` (see {@link IntakePolicy}), `workingDays` and `holidays`
 * @throws {@link InvalidInputError} when an event or an option is malformed, or the events cannot belong together
 *
 * @example
 * ```ts
 * import { outboundStatus } from "referwell/intake";
 *
 * const status = outboundStatus(
 *   [
 *     { id: "o1", referralId: "rf-9", date: "2026-11-09", type: "sent", clinicianId: "clin-ana", toClinicianId: "clin-osei", referrerId: "ref-osei", optionsGiven: 2 },
 *     { id: "o2", referralId: "rf-9", date: "2026-11-10", type: "accepted" },
 *   ],
 *   { now: "2026-11-24" },
 * );
 * status.state; // => "accepted"
 * status.handOffComplete; // => false
 * status.nextSteps.map((step) => [step.code, step.dueBy]);
 * // => [["thank-receiver", "2026-11-12"], ["check-client-connected", "2026-11-23"]]
 * status.relationshipEvent?.type; // => "referral-sent"
 * ```
 */
export function outboundStatus(events: readonly OutboundEventInput[], options: IntakeOptionsInput): OutboundStatus {
  const list = validate(Events, events, "events");
  const settings = validate(IntakeOptions, options, "options");
  const today = dayOf(settings.now, settings.timeZone);
  const calendar = workingCalendar(settings.workingDays, settings.holidays);
  const { ordered, start } = checked(list);
  const [accepted, connected, thanked] = [
    first(ordered, "accepted"),
    first(ordered, "client-connected"),
    first(ordered, "receiver-thanked"),
  ];
  // The latest event that moves the referral decides where it is; a thank-you moves nothing.
  const moving = ordered.filter((event) => event.type !== "receiver-thanked");
  const last = moving[moving.length - 1] as OutboundEvent;
  const state = (last.type === "client-connected" ? "connected" : last.type) as OutboundState;
  const ended = state === "declined-by-receiver" || state === "client-declined" || state === "closed" ? last.date : null;
  const { policy } = settings;
  const nextSteps: OutboundNextStep[] = [];
  if (accepted !== null && thanked === null) {
    nextSteps.push({
      code: "thank-receiver",
      dueBy: calendar.addBusinessDays(accepted, policy.thankReceiver),
      explanation: "Thank the clinician who took the referral.",
    });
  }
  if (state === "declined-by-receiver") {
    nextSteps.push({
      code: "find-another-option",
      dueBy: last.date,
      explanation: "The clinician could not take the client: offer the next option.",
    });
  } else if (connected === null && ended === null) {
    nextSteps.push({
      code: "check-client-connected",
      dueBy: calendar.addBusinessDays(start.date, policy.checkConnected),
      explanation: "Check that the client reached the clinician: a warm hand-off is complete only when they have.",
    });
  }
  nextSteps.sort((a, b) => compareText(a.dueBy ?? "", b.dueBy ?? ""));
  return {
    referralId: start.referralId,
    clinicianId: start.clinicianId,
    toClinicianId: start.toClinicianId,
    asOf: today,
    state,
    handOffComplete: connected !== null,
    optionsGiven: start.optionsGiven,
    dates: { sent: start.date, accepted, connected, thanked, ended },
    nextSteps,
    relationshipEvent:
      start.referrerId === undefined
        ? null
        : { id: start.id, date: start.date, type: "referral-sent", clinicianId: start.clinicianId, referrerId: start.referrerId },
  };
}

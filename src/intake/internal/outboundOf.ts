import { ExpectedText, InvalidInputError } from "../../errors.js";
import { compareText } from "../../model/internal/compareText.js";
import { orderEvents } from "./orderEvents.js";
import type { WorkingCalendar } from "./workingCalendar.js";
import type { OutboundNextStep, OutboundState, OutboundStatus } from "../results.js";
import type { IntakePolicy, OutboundEvent } from "../schemas.js";

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

/** The status of one outbound referral's validated events, on `today`: the body of `outboundStatus`, shared with the measures. */
export function outboundOf(list: readonly OutboundEvent[], policy: IntakePolicy, calendar: WorkingCalendar, today: string): OutboundStatus {
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

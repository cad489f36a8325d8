import * as z from "zod";
import { dayOf } from "../model/internal/dayOf.js";
import { validate } from "../model/validate.js";
import { foldInbound, type InboundFold } from "./internal/foldInbound.js";
import { type WorkingCalendar, workingCalendar } from "./internal/workingCalendar.js";
import type { InboundNextStep, ReferralStatus, ReferrerUpdateDue, TimeStandard } from "./results.js";
import { InboundEvent, type InboundEventInput, IntakeOptions, type IntakeOptionsInput, LoopMilestone } from "./schemas.js";

const Events = z.array(InboundEvent).min(1).max(10_000);

/** How a standard stands on `today`, given the day it is due by and the day it was met, if it was. */
function standing(fold: InboundFold, calendar: WorkingCalendar, dueBy: string, metOn: string | null, today: string): TimeStandard {
  const received = fold.received.date;
  const until = metOn ?? fold.ended ?? today;
  const businessDaysElapsed = calendar.businessDaysBetween(received, until < today ? until : today);
  if (metOn !== null) return { dueBy, metOn, status: metOn <= dueBy ? "met" : "late", businessDaysElapsed };
  if (fold.ended !== null) return { dueBy, metOn, status: fold.ended <= dueBy ? "not-applicable" : "missed", businessDaysElapsed };
  return { dueBy, metOn, status: today > dueBy ? "overdue" : "pending", businessDaysElapsed };
}

function nextStep(fold: InboundFold, contact: TimeStandard, offer: TimeStandard): InboundNextStep {
  switch (fold.state) {
    case "received":
    case "contacting":
      return { code: "contact-client", dueBy: contact.dueBy, explanation: "Reach the client to arrange a first appointment." };
    case "contacted":
      return fold.noShows > 0 && fold.scheduled !== null
        ? { code: "reschedule", dueBy: offer.dueBy, explanation: "The client missed the appointment: reach them and offer another." }
        : { code: "offer-appointment", dueBy: offer.dueBy, explanation: "Offer the client a first appointment." };
    case "waitlisted":
      return {
        code: "review-waitlist",
        dueBy: null,
        explanation: "The client is waiting for a place: offer one when it opens, or refer out.",
      };
    case "scheduled":
      return { code: "confirm-attendance", dueBy: fold.appointment, explanation: "Confirm the client attends the first appointment." };
    case "declined":
    case "not-a-fit":
    case "redirected":
      return { code: "close-referral", dueBy: fold.ended, explanation: "The referral has ended: tell the referrer, then close it." };
    default:
      return { code: "none", dueBy: null, explanation: "Nothing to do: the client has been seen, or the referral is closed." };
  }
}

/**
 * Where one inbound referral stands on the day of `now`, folded from its
 * events: its state and dates, the two access standards (first contact and
 * the first appointment offered, in business days for its urgency), the
 * next step, the updates the referrer is owed, and the
 * `referral-received` event for `referwell/relationships`.
 *
 * Events are read in date order whatever order they come in, and an event
 * stored twice counts once, so replaying a log, adding a late event, or
 * applying events one by one gives the same status. The reading is
 * tolerant where a practice's records are: a client booked without a
 * recorded call was reached on the day they were booked. It is strict
 * where a record cannot be right, and names the event by its place:
 * exactly one `received` event, nothing dated before it, nothing but a
 * referrer update after `closed`, one referral per call.
 *
 * Each milestone (received, first visit, declined, not a fit, redirected)
 * owes the referrer one update, due `policy.referrerUpdate` business days
 * after it, until a `referrer-updated` event for it is recorded. The
 * update itself is composed by `referwell/consent`'s `composeUpdate`, with
 * only what the client's consent allows.
 *
 * @param events - the events of one referral, usually parsed JSON (see {@link InboundEvent})
 * @param options - `now` and `timeZone`, `policy` (see {@link IntakePolicy}), `workingDays` and `holidays`
 * @throws {@link InvalidInputError} when an event or an option is malformed, or the events cannot belong together; never with a value from the input in it
 *
 * @example
 * ```ts
 * import { referralStatus } from "referwell/intake";
 *
 * const status = referralStatus(
 *   [
 *     { id: "e1", referralId: "rf-1", date: "2026-11-19", type: "received", referrerId: "ref-gp-01", addressedTo: "practice", clinicianId: "clin-ana", urgency: "routine", needs: ["anxiety"] },
 *     { id: "e2", referralId: "rf-1", date: "2026-11-20", type: "contact-attempted", channel: "phone" },
 *   ],
 *   { now: "2026-11-24", holidays: ["2026-11-26"] },
 * );
 * status.state; // => "contacting"
 * status.firstContact; // => { dueBy: "2026-11-23", metOn: null, status: "overdue", businessDaysElapsed: 3 }
 * status.nextStep.code; // => "contact-client"
 * status.firstAppointment.dueBy; // => "2026-12-04"
 * status.referrerUpdatesDue; // => [{ milestone: "received", reached: "2026-11-19", dueBy: "2026-11-23", overdue: true }]
 * status.relationshipEvent.type; // => "referral-received"
 * ```
 */
export function referralStatus(events: readonly InboundEventInput[], options: IntakeOptionsInput): ReferralStatus {
  const list = validate(Events, events, "events");
  const settings = validate(IntakeOptions, options, "options");
  const today = dayOf(settings.now, settings.timeZone);
  const calendar = workingCalendar(settings.workingDays, settings.holidays);
  const fold = foldInbound(list);
  const { received } = fold;
  const { policy } = settings;
  const contactDue = calendar.addBusinessDays(received.date, policy.firstContact[received.urgency]);
  const offerDue = calendar.addBusinessDays(received.date, policy.firstAppointment[received.urgency]);
  const firstContact = standing(fold, calendar, contactDue, fold.contacted, today);
  const firstAppointment = standing(fold, calendar, offerDue, fold.firstAppointment, today);
  const referrerUpdatesDue: ReferrerUpdateDue[] = LoopMilestone.options.flatMap((milestone) => {
    const reached = fold.milestones.get(milestone);
    if (reached === undefined || fold.updated.has(milestone)) return [];
    const dueBy = calendar.addBusinessDays(reached, policy.referrerUpdate);
    return [{ milestone, reached, dueBy, overdue: today > dueBy }];
  });
  return {
    referralId: received.referralId,
    referrerId: received.referrerId,
    clinicianId: received.clinicianId,
    urgency: received.urgency,
    asOf: today,
    state: fold.state,
    dates: {
      received: received.date,
      firstAttempt: fold.firstAttempt,
      contacted: fold.contacted,
      waitlisted: fold.waitlisted,
      scheduled: fold.scheduled,
      firstAppointment: fold.firstAppointment,
      appointment: fold.appointment,
      firstVisit: fold.firstVisit,
      ended: fold.ended,
    },
    contactAttempts: fold.contactAttempts,
    noShows: fold.noShows,
    firstContact,
    firstAppointment,
    nextStep: nextStep(fold, firstContact, firstAppointment),
    referrerUpdatesDue,
    relationshipEvent: {
      id: received.id,
      date: received.date,
      type: "referral-received",
      clinicianId: received.clinicianId,
      referrerId: received.referrerId,
      addressedTo: received.addressedTo,
    },
  };
}

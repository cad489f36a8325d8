import { foldInbound, type InboundFold } from "./foldInbound.js";
import type { WorkingCalendar } from "./workingCalendar.js";
import type { InboundNextStep, ReferralStatus, ReferrerUpdateDue, TimeStandard } from "../results.js";
import { type InboundEvent, type IntakePolicy, LoopMilestone } from "../schemas.js";

/** The milestones in their documented order, read once: a zod enum builds its `options` list anew on each read. */
const MILESTONES: readonly LoopMilestone[] = LoopMilestone.options;

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

/** The status of one referral's validated events, on `today`, read against `policy` and `calendar`: the body of `referralStatus`, shared with the measures. */
export function inboundStatus(
  list: readonly InboundEvent[],
  policy: IntakePolicy,
  calendar: WorkingCalendar,
  today: string,
): ReferralStatus {
  const fold = foldInbound(list);
  const { received } = fold;
  const contactDue = calendar.addBusinessDays(received.date, policy.firstContact[received.urgency]);
  const offerDue = calendar.addBusinessDays(received.date, policy.firstAppointment[received.urgency]);
  const firstContact = standing(fold, calendar, contactDue, fold.contacted, today);
  const firstAppointment = standing(fold, calendar, offerDue, fold.firstAppointment, today);
  const referrerUpdatesDue: ReferrerUpdateDue[] = MILESTONES.flatMap((milestone) => {
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

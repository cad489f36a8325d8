import * as z from "zod";
import { dayOf } from "../model/internal/dayOf.js";
import { validate } from "../model/validate.js";
import { inboundStatus } from "./internal/inboundStatus.js";
import { workingCalendar } from "./internal/workingCalendar.js";
import type { ReferralStatus } from "./results.js";
import { InboundEvent, type InboundEventInput, IntakeOptions, type IntakeOptionsInput } from "./schemas.js";

const Events = z.array(InboundEvent).min(1).max(10_000);

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
 * referrer update after `closed`, one referral per call, and no two
 * different events under one id.
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
  return inboundStatus(list, settings.policy, workingCalendar(settings.workingDays, settings.holidays), today);
}

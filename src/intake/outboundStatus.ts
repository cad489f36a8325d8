import * as z from "zod";
import { dayOf } from "../model/internal/dayOf.js";
import { validate } from "../model/validate.js";
import { outboundOf } from "./internal/outboundOf.js";
import { workingCalendar } from "./internal/workingCalendar.js";
import type { OutboundStatus } from "./results.js";
import { IntakeOptions, type IntakeOptionsInput, OutboundEvent, type OutboundEventInput } from "./schemas.js";

const Events = z.array(OutboundEvent).min(1).max(10_000);

/**
 * Where one referral the practice sent out stands on the day of `now`:
 * whether the receiver accepted and the client got there (only then is the
 * warm hand-off complete, seed 002), and what to do next: check that the
 * client connected (`policy.checkConnected` business days after sending,
 * until they have), thank the receiver once they accepted
 * (`policy.thankReceiver` business days after), or find another option for
 * a client the receiver could not take. Events are read in date order
 * whatever order they come in; an event stored twice counts once (two
 * different events under one id are refused); exactly one `sent` event is
 * needed and nothing may be dated before it.
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
  return outboundOf(list, settings.policy, workingCalendar(settings.workingDays, settings.holidays), today);
}

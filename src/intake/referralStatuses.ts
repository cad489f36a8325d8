import * as z from "zod";
import { dayOf } from "../model/internal/dayOf.js";
import { validate } from "../model/validate.js";
import { atPlace } from "./internal/atPlace.js";
import { inboundStatus } from "./internal/inboundStatus.js";
import { workingCalendar } from "./internal/workingCalendar.js";
import type { ReferralStatus } from "./results.js";
import { InboundEvent, type InboundEventInput, IntakeOptions, type IntakeOptionsInput } from "./schemas.js";

const Logs = z.array(z.unknown()).max(100_000);

function isDenseList(value: unknown, limit: number): value is readonly unknown[] {
  if (!Array.isArray(value) || value.length > limit) return false;
  for (let index = 0; index < value.length; index++) if (!(index in value)) return false;
  return true;
}
const Log = z.array(InboundEvent).min(1).max(10_000);

/**
 * Where each of many inbound referrals stands on the day of `now`: the
 * status {@link referralStatus} gives for each log, in the order the logs
 * come in. The options are read once and the working calendar built once
 * for all of them, so a practice's whole intake (every open referral, each
 * with its events) is read in one call.
 *
 * @param logs - the events of each referral, one list per referral (see {@link InboundEvent})
 * @param options - `now` and `timeZone`, `policy` (see {@link IntakePolicy}), `workingDays` and `holidays`
 * @throws {@link InvalidInputError} when an event or an option is malformed, or one referral's events cannot belong together (named by the referral's place and the event's); never with a value from the input in it
 *
 * @example
 * ```ts
 * import { referralStatuses } from "referwell/intake";
 *
 * const statuses = referralStatuses(
 *   [
 *     [{ id: "e1", referralId: "rf-1", date: "2026-11-19", type: "received", referrerId: "ref-gp-01", addressedTo: "practice", clinicianId: "clin-ana", urgency: "routine", needs: ["anxiety"] }],
 *     [
 *       { id: "e2", referralId: "rf-2", date: "2026-11-20", type: "received", referrerId: "ref-gp-02", addressedTo: "colleague", clinicianId: "clin-ben", urgency: "urgent", needs: [] },
 *       { id: "e3", referralId: "rf-2", date: "2026-11-20", type: "contacted" },
 *     ],
 *   ],
 *   { now: "2026-11-24" },
 * );
 * statuses.map((status) => [status.referralId, status.state, status.firstContact.status]);
 * // => [["rf-1", "received", "overdue"], ["rf-2", "contacted", "met"]]
 * ```
 */
export function referralStatuses(logs: readonly (readonly InboundEventInput[])[], options: IntakeOptionsInput): ReferralStatus[] {
  // The list itself is checked without walking the logs (each is read in full below); only when it is not a
  // dense list within the limit is it parsed, to name the issue.
  if (!isDenseList(logs, 100_000)) validate(Logs, logs, "logs");
  const settings = validate(IntakeOptions, options, "options");
  const today = dayOf(settings.now, settings.timeZone);
  const calendar = workingCalendar(settings.workingDays, settings.holidays);
  // Each log is parsed as it is read, so a day's intake is never held twice in memory.
  return logs.map((log, index) =>
    atPlace("logs", [index], () => inboundStatus(validate(Log, log, "logs"), settings.policy, calendar, today)),
  );
}

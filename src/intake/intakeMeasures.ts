import { calendarDays } from "../model/internal/calendarDays.js";
import { compareText } from "../model/internal/compareText.js";
import { dayOf } from "../model/internal/dayOf.js";
import { withinPeriod } from "../model/internal/withinPeriod.js";
import { validate } from "../model/validate.js";
import { atPlace } from "./internal/atPlace.js";
import { inboundStatus } from "./internal/inboundStatus.js";
import { outboundOf } from "./internal/outboundOf.js";
import { workingCalendar } from "./internal/workingCalendar.js";
import type { IntakeFigures, IntakeMeasures, ReferralStatus } from "./results.js";
import { IntakeRecords, type IntakeRecordsInput, MeasureOptions, type MeasureOptionsInput } from "./schemas.js";

/** What one referrer's (or the practice's) figures are built from while the referrals are read. */
interface Tally {
  received: number;
  met: number;
  decided: number;
  daysToContact: number[];
  daysToVisit: number[];
  notes: number;
  sent: number;
  connected: number;
}
const tally = (): Tally => ({ received: 0, met: 0, decided: 0, daysToContact: [], daysToVisit: [], notes: 0, sent: 0, connected: 0 });

const DECIDED = new Set(["met", "late", "overdue", "missed"]);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = values.sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const rounded = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function figures(t: Tally): IntakeFigures {
  return {
    received: t.received,
    contactedWithinStandard: { met: t.met, decided: t.decided, percent: t.decided === 0 ? null : rounded((100 * t.met) / t.decided, 1) },
    medianBusinessDaysToFirstContact: median(t.daysToContact),
    medianDaysToFirstVisit: median(t.daysToVisit),
    firstVisits: t.daysToVisit.length,
    conversionToFirstVisit: t.received === 0 ? null : rounded(t.daysToVisit.length / t.received, 3),
    loopClosureNotesSent: t.notes,
    outboundSent: t.sent,
    handOffsCompleted: t.connected,
  };
}

/**
 * How well referrals were handled over a period, for the practice and for
 * each referrer: referrals received, contacted within the first-contact
 * standard (how many, of how many decided, and the percentage), the median
 * business days to first contact and calendar days to the first visit,
 * conversion to a first visit, updates sent to referrers (loop closure),
 * and outbound referrals sent and completed as warm hand-offs.
 *
 * Inbound figures read the referrals received in the period, each folded
 * by {@link referralStatus}'s rules as it stands on the day of `now`: a
 * referral received late in the period may not be decided yet, and counts
 * in `received` but not in `contactedWithinStandard`. Updates sent count
 * by the day they were recorded; outbound referrals by the day they were
 * sent, and per referrer when the receiver is one (`referrerId` on `sent`).
 * Cost: linear in the events, plus sorting each referral's own.
 *
 * @param records - the events of each inbound and outbound referral, one list per referral (see {@link IntakeRecords})
 * @param options - `period`, `now` and `timeZone`, `policy`, `workingDays` and `holidays` (see {@link MeasureOptions})
 * @throws {@link InvalidInputError} when a record or an option is malformed, or one referral's events cannot belong together (named by `inbound` or `outbound`, the referral's place and the event's)
 *
 * @example
 * ```ts
 * import { intakeMeasures } from "referwell/intake";
 *
 * const received = (referralId: string, date: string) => ({
 *   id: `${referralId}-r`, referralId, date, type: "received", referrerId: "ref-gp-01",
 *   addressedTo: "practice", clinicianId: "clin-ana", urgency: "routine",
 * }) as const;
 * const measures = intakeMeasures(
 *   {
 *     inbound: [
 *       [received("rf-1", "2026-11-02"), { id: "rf-1-c", referralId: "rf-1", date: "2026-11-03", type: "contacted" },
 *        { id: "rf-1-v", referralId: "rf-1", date: "2026-11-12", type: "first-visit-attended" }],
 *       [received("rf-2", "2026-11-02"), { id: "rf-2-c", referralId: "rf-2", date: "2026-11-06", type: "contacted" }],
 *     ],
 *   },
 *   { now: "2026-11-30", period: { start: "2026-11-01", end: "2026-11-30" } },
 * );
 * measures.practice.contactedWithinStandard; // => { met: 1, decided: 2, percent: 50 }
 * measures.practice.medianBusinessDaysToFirstContact; // => 2.5
 * measures.practice.conversionToFirstVisit; // => 0.5
 * measures.byReferrer.map((figures) => figures.referrerId); // => ["ref-gp-01"]
 * ```
 */
export function intakeMeasures(records: IntakeRecordsInput, options: MeasureOptionsInput): IntakeMeasures {
  const { inbound, outbound } = validate(IntakeRecords, records, "records");
  const settings = validate(MeasureOptions, options, "options");
  const today = dayOf(settings.now, settings.timeZone);
  const period = { start: settings.period.start, end: settings.period.end ?? today };
  const calendar = workingCalendar(settings.workingDays, settings.holidays);
  const practice = tally();
  const byReferrer = new Map<string, Tally>();
  const of = (referrerId: string) => byReferrer.get(referrerId) ?? byReferrer.set(referrerId, tally()).get(referrerId)!;

  inbound.forEach((events, index) => {
    const status: ReferralStatus = atPlace("records", ["inbound", index], () => inboundStatus(events, settings.policy, calendar, today));
    const notes = events.filter((event) => event.type === "referrer-updated" && withinPeriod(period, event.date));
    // An event stored twice counts once.
    const sent = new Set(notes.map((event) => event.id)).size;
    const targets = [practice, of(status.referrerId)];
    for (const t of targets) t.notes += sent;
    if (!withinPeriod(period, status.dates.received)) return;
    for (const t of targets) {
      t.received += 1;
      if (DECIDED.has(status.firstContact.status)) t.decided += 1;
      if (status.firstContact.status === "met") t.met += 1;
      if (status.dates.contacted !== null) t.daysToContact.push(status.firstContact.businessDaysElapsed);
      if (status.dates.firstVisit !== null) t.daysToVisit.push(calendarDays(status.dates.received, status.dates.firstVisit));
    }
  });
  outbound.forEach((events, index) => {
    const status = atPlace("records", ["outbound", index], () => outboundOf(events, settings.policy, calendar, today));
    if (!withinPeriod(period, status.dates.sent)) return;
    const referrerId = status.relationshipEvent?.referrerId;
    for (const t of referrerId === undefined ? [practice] : [practice, of(referrerId)]) {
      t.sent += 1;
      if (status.handOffComplete) t.connected += 1;
    }
  });

  return {
    asOf: today,
    period,
    practice: figures(practice),
    byReferrer: [...byReferrer]
      .filter(([, t]) => t.received + t.notes + t.sent > 0)
      .sort(([a], [b]) => compareText(a, b))
      .map(([referrerId, t]) => ({ referrerId, ...figures(t) })),
  };
}

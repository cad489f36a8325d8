/**
 * What the intake readers return: plain JSON, dates as `YYYY-MM-DD`.
 *
 * @module
 */
import type { Urgency } from "../model/enums.js";
import type { IsoDate } from "../model/scalars.js";
import type { LoopMilestone, WaitlistEntry } from "./schemas.js";

/**
 * Where an inbound referral is. Progress runs `received` → `contacting` (an
 * attempt made) → `contacted` → `waitlisted` or `scheduled` → `seen`; a
 * no-show goes back from `scheduled` to `contacted`, and a client on the
 * waitlist may be scheduled. `declined`, `not-a-fit` and `redirected` end
 * the referral's progress from any state (a later step reopens it);
 * `closed` is final.
 */
export type InboundState =
  "received" | "contacting" | "contacted" | "waitlisted" | "scheduled" | "seen" | "declined" | "not-a-fit" | "redirected" | "closed";

/**
 * A time standard as a referral meets it: the last business day it may be
 * met on, the day it was met, and how it stands:
 *
 * - `met`: met on or before `dueBy`;
 * - `late`: met after `dueBy`;
 * - `pending`: not met yet, and `dueBy` is today or later;
 * - `overdue`: not met, the referral still open, and `dueBy` has passed;
 * - `missed`: not met, and the referral ended after `dueBy`;
 * - `not-applicable`: the referral ended on or before `dueBy` without it.
 *
 * `businessDaysElapsed` counts the business days after receipt up to the
 * day it was met, the day the referral ended, or today.
 */
export interface TimeStandard {
  readonly dueBy: IsoDate;
  readonly metOn: IsoDate | null;
  readonly status: "met" | "late" | "pending" | "overdue" | "missed" | "not-applicable";
  readonly businessDaysElapsed: number;
}

/** Word the referrer is owed: the milestone, the day it was reached, and the business day the update is due by. */
export interface ReferrerUpdateDue {
  readonly milestone: LoopMilestone;
  readonly reached: IsoDate;
  readonly dueBy: IsoDate;
  readonly overdue: boolean;
}

/**
 * What to do next with an inbound referral: reach the client, offer a first
 * appointment, review the waitlist, confirm the client attends, reschedule
 * after a no-show, close a referral that ended, or nothing. `dueBy` is the
 * day it is due, when a standard or the appointment gives one.
 */
export interface InboundNextStep {
  readonly code:
    "contact-client" | "offer-appointment" | "review-waitlist" | "confirm-attendance" | "reschedule" | "close-referral" | "none";
  readonly dueBy: IsoDate | null;
  readonly explanation: string;
}

/** The dates an inbound referral reached, `null` until reached. */
export interface InboundDates {
  readonly received: IsoDate;
  readonly firstAttempt: IsoDate | null;
  /** The first day the client was reached: contacted, or any step that needs them (waitlisted, scheduled, seen, declined). */
  readonly contacted: IsoDate | null;
  readonly waitlisted: IsoDate | null;
  /** The day the first appointment was made. */
  readonly scheduled: IsoDate | null;
  /** The date of the first appointment offered. */
  readonly firstAppointment: IsoDate | null;
  /** The date of the appointment now booked, if any. */
  readonly appointment: IsoDate | null;
  readonly firstVisit: IsoDate | null;
  /** The day the referral's progress ended: declined, not a fit, redirected, or closed. */
  readonly ended: IsoDate | null;
}

/**
 * An inbound referral as its events have it, on the day of `now`: where it
 * is, the dates it reached, the two access standards, the next step, the
 * updates the referrer is owed (to compose through `referwell/consent`,
 * never here), and the event `referwell/relationships` records for it, so
 * relationship stages read the same referral.
 */
export interface ReferralStatus {
  readonly referralId: string;
  readonly referrerId: string;
  /** The clinician who took the referral in. */
  readonly clinicianId: string;
  readonly urgency: Urgency;
  readonly asOf: IsoDate;
  readonly state: InboundState;
  readonly dates: InboundDates;
  readonly contactAttempts: number;
  readonly noShows: number;
  /** From receipt to reaching the client. */
  readonly firstContact: TimeStandard;
  /** From receipt to the date of the first appointment offered. */
  readonly firstAppointment: TimeStandard;
  readonly nextStep: InboundNextStep;
  readonly referrerUpdatesDue: readonly ReferrerUpdateDue[];
  /** The `referral-received` event for `relationshipState`, as `referwell/relationships` takes it. */
  readonly relationshipEvent: {
    readonly id: string;
    readonly date: IsoDate;
    readonly type: "referral-received";
    readonly clinicianId: string;
    readonly referrerId: string;
    readonly addressedTo: "point-person" | "colleague" | "practice";
  };
}

/** Where an outbound referral is; a warm hand-off is complete only at `connected`. */
export type OutboundState = "sent" | "accepted" | "connected" | "declined-by-receiver" | "client-declined" | "closed";

/**
 * What to do next with an outbound referral: check that the client got
 * there, thank the receiver, find another option for a client the receiver
 * could not take, or nothing.
 */
export interface OutboundNextStep {
  readonly code: "check-client-connected" | "thank-receiver" | "find-another-option" | "none";
  readonly dueBy: IsoDate | null;
  readonly explanation: string;
}

/**
 * An outbound referral as its events have it: where it is, whether the warm
 * hand-off is complete (the client connected), its dates, the next steps,
 * and the `referral-sent` event for `referwell/relationships` when the
 * receiver is a referrer of the practice's network.
 */
export interface OutboundStatus {
  readonly referralId: string;
  readonly clinicianId: string;
  readonly toClinicianId: string;
  readonly asOf: IsoDate;
  readonly state: OutboundState;
  readonly handOffComplete: boolean;
  readonly optionsGiven: number;
  readonly dates: {
    readonly sent: IsoDate;
    readonly accepted: IsoDate | null;
    readonly connected: IsoDate | null;
    readonly thanked: IsoDate | null;
    readonly ended: IsoDate | null;
  };
  readonly nextSteps: readonly OutboundNextStep[];
  readonly relationshipEvent: {
    readonly id: string;
    readonly date: IsoDate;
    readonly type: "referral-sent";
    readonly clinicianId: string;
    readonly referrerId: string;
  } | null;
}

/**
 * How well referrals were handled over a period, for the practice or one
 * referrer. Inbound figures read the referrals received in the period, as
 * they stand today; outbound figures the referrals sent in the period.
 */
export interface IntakeFigures {
  /** Inbound referrals received in the period. */
  readonly received: number;
  /**
   * Of those whose first-contact standard is decided (met, late, overdue or
   * missed: not pending, and not ended before it was due), how many were
   * met; `percent` rounded to one decimal, `null` when none is decided.
   */
  readonly contactedWithinStandard: { readonly met: number; readonly decided: number; readonly percent: number | null };
  /** Median business days from receipt to first contact, over those contacted; `null` when none was. */
  readonly medianBusinessDaysToFirstContact: number | null;
  /** Median calendar days from receipt to the first visit, over those seen; `null` when none was. */
  readonly medianDaysToFirstVisit: number | null;
  /** Referrals received in the period whose client has been seen. */
  readonly firstVisits: number;
  /** `firstVisits` over `received`, rounded to three decimals; `null` when nothing was received. */
  readonly conversionToFirstVisit: number | null;
  /** Updates to the referrer recorded in the period (`referrer-updated` events), whenever the referral came in. */
  readonly loopClosureNotesSent: number;
  /** Outbound referrals sent in the period (per referrer: to that referrer). */
  readonly outboundSent: number;
  /** Of those, how many clients connected with the receiver: warm hand-offs completed. */
  readonly handOffsCompleted: number;
}

/** The measures of a period: the practice's figures, and each referrer's, by referrer id. */
export interface IntakeMeasures {
  readonly asOf: IsoDate;
  readonly period: { readonly start: IsoDate; readonly end: IsoDate };
  readonly practice: IntakeFigures;
  /** One entry per referrer with anything in the period, by id. */
  readonly byReferrer: readonly (IntakeFigures & { readonly referrerId: string })[];
}

/**
 * What to do for one waiting client, in the order the review reads them
 * (urgency first, then time waited, then id):
 *
 * - `offer`: offer a place with `clinicianId` now;
 * - `refer-out`: they have waited `maxWaitDays` or longer with no place: refer
 *   them out, to `options` (clinicians outside the practice, best first);
 * - `wait`: keep waiting, at `position` among those still waiting, with
 *   `expectedWaitDays`: the shortest usual wait for a first session stated
 *   by a clinician who fits them (the directory's own figure, not a
 *   forecast), `null` when none states one.
 */
export interface WaitlistDecision {
  readonly id: string;
  readonly order: number;
  readonly action: "offer" | "refer-out" | "wait";
  readonly clinicianId: string | null;
  readonly options: readonly string[];
  readonly position: number | null;
  readonly daysWaited: number;
  readonly expectedWaitDays: number | null;
  readonly explanation: string;
}

/** A waitlist review: every client's decision in the review's order, and the counts of each action. */
export interface WaitlistReview {
  readonly asOf: IsoDate;
  readonly decisions: readonly WaitlistDecision[];
  readonly offers: number;
  readonly referOuts: number;
  readonly waiting: number;
}

/**
 * What {@link reviewWaitlist} needs of a matcher: `referwell/match`'s
 * `createMatcher(directory)` is one. Its `rank` validates the criteria and
 * returns eligible clinicians best first, saying which are colleagues (in
 * the request's practice) and their usual wait.
 */
export interface WaitlistMatcher {
  /** How many clinicians the matcher holds. */
  readonly size: number;
  /**
   * Ranks the eligible clinicians for a request, best first.
   *
   * @param request - the client's criteria and the practice asking
   * @param options - `now`, `timeZone` and how many options to return
   */
  rank(
    request: { readonly criteria: WaitlistEntry["criteria"]; readonly practiceId?: string | undefined },
    options: { readonly now: string; readonly timeZone?: string | undefined; readonly limit: number },
  ): {
    readonly options: readonly {
      readonly clinicianId: string;
      readonly colleague: boolean;
      readonly expectedWaitDays?: number | undefined;
    }[];
  };
}

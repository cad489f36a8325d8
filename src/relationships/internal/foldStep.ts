import { addInterval } from "../../model/internal/addInterval.js";
import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { calendarDays } from "../../model/internal/calendarDays.js";
import type { RelationshipEvent, RelationshipPolicy } from "../schemas.js";
import type { RelationshipState } from "../stateSchemas.js";

/** The part of a state that events build up; the rest is read from it on a day. */
export type RelationshipCore = Pick<
  RelationshipState,
  | "referrerId"
  | "events"
  | "stageEvidence"
  | "pointPersonId"
  | "colleaguesUsed"
  | "colleaguesIntroduced"
  | "fit"
  | "counts"
  | "dates"
  | "closed"
  | "snoozedUntil"
>;

const QUALIFYING = new Set<RelationshipEvent["type"]>([
  "outreach-sent",
  "meeting-held",
  "touch",
  "referral-received",
  "referral-sent",
  "colleague-introduced",
  "relationship-revived",
]);
const CONTACT = new Set<RelationshipEvent["type"]>(["outreach-sent", "meeting-held", "touch", "referral-received", "referral-sent"]);
const KNOWLEDGE = new Set(["consult", "talk-given", "case-conference"]);

/** The last snoozed day: the date given, or, snoozed for an interval, the day before it ends, so what was due comes back on that day. */
function snoozeEnd(event: Extract<RelationshipEvent, { type: "snoozed" }>): string {
  return event.until ?? addCalendarDays(addInterval(event.date, event.for ?? 1), -1);
}

/** Appends an id to a list unless its set already holds it. */
function addOnce(list: string[], seen: Set<string>, id: string): void {
  if (seen.has(id)) return;
  seen.add(id);
  list.push(id);
}

/** The colleagues a draft lists, as sets, so a fold asks whether one is new in constant time. */
export interface FoldSeen {
  readonly used: Set<string>;
  readonly introduced: Set<string>;
}

/**
 * Applies one event, the next in date-then-id order, to a draft of the core,
 * in place: stage evidence and new colleagues are appended to its lists,
 * counts and dates written into its objects. The caller keeps the event
 * list, owns the draft, and sorts the colleague lists when they are read
 * (see `madeStates`).
 * Stages only rise here, each rise with the referral that justifies it
 * (seed 001): the first referral gives stage 1, referrals tried with
 * colleagues stage 2, a referral to the practice as a whole (or breadth
 * across colleagues) stage 3.
 */
export function foldStep(core: RelationshipCore, event: RelationshipEvent, policy: RelationshipPolicy, seen: FoldSeen): RelationshipCore {
  const { counts, dates, stageEvidence, colleaguesUsed, colleaguesIntroduced } = core;
  let { pointPersonId, fit, closed, snoozedUntil } = core;
  const { date } = event;
  const stage = () => stageEvidence[stageEvidence.length - 1]?.stage ?? null;
  const rise = (to: 1 | 2 | 3, reason: RelationshipCore["stageEvidence"][number]["reason"]) => {
    const current = stage();
    if (current === null || current < to) stageEvidence.push({ stage: to, eventId: event.id, date, reason });
  };

  // With fallback allowed, activity after a dormant spell starts again from stage 1: the higher stages must be earned anew.
  const reached = stageEvidence[stageEvidence.length - 1]?.stage ?? null;
  if (
    policy.allowFallback &&
    QUALIFYING.has(event.type) &&
    reached !== null &&
    reached > 1 &&
    dates.lastActivity !== null &&
    calendarDays(dates.lastActivity, date) > policy.dormantAfterDays
  ) {
    stageEvidence.push({ stage: 1, eventId: event.id, date, reason: "fell-back" });
  }
  if (QUALIFYING.has(event.type)) dates.lastActivity = dates.lastActivity === null || date > dates.lastActivity ? date : dates.lastActivity;
  if (CONTACT.has(event.type)) {
    dates.firstContact ??= date;
    pointPersonId ??= event.clinicianId;
  }
  // Seed 003: after a first meeting that fits, touches and referrals make it a relationship worth nurturing.
  const nurtures = (): void => {
    if (fit === true && dates.lastMeeting !== null) dates.nurturingSince ??= date;
  };

  switch (event.type) {
    case "outreach-sent":
      counts.outreach += 1;
      break;
    case "meeting-held":
      counts.meetings += 1;
      dates.firstMeeting ??= date;
      dates.lastMeeting = date;
      fit = event.fit;
      break;
    case "touch":
      counts.touches += 1;
      dates.lastTouch = date;
      if (event.kind === "thank-you") dates.lastThankYou = date;
      if (KNOWLEDGE.has(event.kind)) counts.knowledgeTouches += 1;
      nurtures();
      break;
    case "referral-received": {
      counts.referralsIn += 1;
      dates.lastReferralIn = date;
      dates.nurturingSince ??= date;
      rise(1, "first-referral");
      if (event.addressedTo === "practice") {
        counts.referralsToPractice += 1;
        if (policy.stage3OnPracticeReferral) rise(3, "referral-to-practice");
      } else if (event.addressedTo === "colleague" || event.clinicianId !== pointPersonId) {
        counts.referralsToColleagues += 1;
        if (event.clinicianId !== pointPersonId) addOnce(colleaguesUsed, seen.used, event.clinicianId);
        if (counts.referralsToColleagues >= policy.stage2ColleagueReferrals) rise(2, "referral-to-colleague");
        if (colleaguesUsed.length >= policy.stage3DistinctColleagues) rise(3, "colleague-breadth");
      } else {
        counts.referralsToPointPerson += 1;
      }
      break;
    }
    case "referral-sent":
      counts.referralsOut += 1;
      dates.lastReferralOut = date;
      nurtures();
      break;
    case "colleague-introduced":
      addOnce(colleaguesIntroduced, seen.introduced, event.colleagueId);
      break;
    case "point-person-changed":
      pointPersonId = event.to;
      break;
    case "relationship-closed":
      closed = { date, reason: event.reason };
      break;
    case "relationship-revived":
      // A revived relationship starts afresh: the old fit check no longer decides.
      closed = null;
      fit = null;
      dates.lastRevived = date;
      break;
    case "snoozed":
      snoozedUntil = snoozeEnd(event);
      break;
  }
  return {
    referrerId: core.referrerId,
    events: core.events,
    stageEvidence,
    pointPersonId,
    colleaguesUsed,
    colleaguesIntroduced,
    fit,
    counts,
    dates,
    closed,
    snoozedUntil,
  };
}

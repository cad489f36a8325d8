import type { RelationshipCore } from "./foldStep.js";

/** An empty relationship: a prospect. */
export function emptyCore(referrerId: string): RelationshipCore {
  return {
    referrerId,
    events: [],
    stageEvidence: [],
    pointPersonId: null,
    colleaguesUsed: [],
    colleaguesIntroduced: [],
    fit: null,
    counts: {
      outreach: 0,
      meetings: 0,
      touches: 0,
      referralsIn: 0,
      referralsOut: 0,
      referralsToPointPerson: 0,
      referralsToColleagues: 0,
      referralsToPractice: 0,
      knowledgeTouches: 0,
    },
    dates: {
      firstContact: null,
      firstMeeting: null,
      nurturingSince: null,
      lastRevived: null,
      lastMeeting: null,
      lastTouch: null,
      lastReferralIn: null,
      lastReferralOut: null,
      lastThankYou: null,
      lastActivity: null,
    },
    closed: null,
    snoozedUntil: null,
  };
}

import { addInterval } from "../model/internal/addInterval.js";
import { describeInterval } from "../model/internal/describeInterval.js";
import * as z from "zod";
import { dayOf } from "../model/internal/dayOf.js";
import { NowOptions } from "../model/now.js";
import type { IsoDate } from "../model/scalars.js";
import { validate } from "../model/validate.js";
import { calendarDays } from "../model/internal/calendarDays.js";
import { deriveState } from "./internal/deriveState.js";
import { relationshipState } from "./relationshipState.js";
import { RelationshipPolicy } from "./schemas.js";
import { RelationshipState, type RelationshipStateInput } from "./stateSchemas.js";
import { isMadeState } from "./internal/madeStates.js";
import { compareText } from "../model/internal/compareText.js";

/**
 * The kinds of next action, each from a seed: thank the referrer (000),
 * follow up after a first meeting and after outreach (002, 003), close a
 * relationship that is not a fit politely (003), nurture about every two
 * months (003), introduce a colleague and present the whole practice (001),
 * revive a dormant relationship (002).
 *
 * @example
 * ```ts
 * import { NextActionCode } from "referwell/relationships";
 *
 * NextActionCode.options.includes("introduce-colleague"); // => true
 * ```
 */
export const NextActionCode = z.enum([
  "thank-referrer",
  "follow-up-meeting",
  "close-politely",
  "follow-up-outreach",
  "introduce-colleague",
  "present-the-practice",
  "nurture",
  "revive",
]);
/** A kind of next action. */
export type NextActionCode = z.infer<typeof NextActionCode>;

/** One suggested next step in a relationship, explained. */
export interface NextAction {
  /** What to do. */
  readonly code: NextActionCode;
  /** The referrer. */
  readonly referrerId: string;
  /** Who should do it: the point person, or the clinician the referral went to. */
  readonly clinicianId: string | null;
  /** When it falls due. */
  readonly dueDate: IsoDate;
  /** Days past due on the day of `now`; negative while still ahead. */
  readonly overdueDays: number;
  /** One sentence for people. */
  readonly reason: string;
  /** The seed the rule comes from. */
  readonly source: string;
  /** The events that call for it. */
  readonly evidence: readonly string[];
}

/**
 * Options of {@link suggestNextActions}: the day, and a policy to read the
 * state with instead of its own.
 *
 * @example
 * ```ts
 * import { NextActionOptions } from "referwell/relationships";
 *
 * NextActionOptions.safeParse({ now: "2026-11-23" }).success; // => true
 * ```
 */
export const NextActionOptions = z.strictObject({ ...NowOptions.shape, policy: RelationshipPolicy.optional() });
/** Options of {@link suggestNextActions}. */
export type NextActionOptions = z.infer<typeof NextActionOptions>;
/** {@link NextActionOptions} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type NextActionOptionsInput = z.input<typeof NextActionOptions>;

const AFTER_MEETING = new Set(["touch", "referral-sent", "referral-received", "outreach-sent"]);

/**
 * Concrete, explained next steps for one relationship on the day of `now`,
 * soonest due first. A snoozed or closed relationship gets none. Only says
 * what is due: the thank-you itself is composed by `referwell/consent`, and
 * `referwell/cadence` puts touches on a calendar.
 *
 * @param state - a state from `relationshipState`
 * @param options - `now` and `timeZone` (an instant falls on its date in `timeZone` when given, else at its own offset), and optionally another policy
 * @throws {@link InvalidInputError} when the state or options are malformed
 *
 * @example
 * ```ts
 * import { relationshipState, suggestNextActions, type RelationshipEventInput } from "referwell/relationships";
 *
 * const event = (id: string, date: string, type: string, more: object = {}) => ({ id, date, type, clinicianId: "clin-hana", referrerId: "ref-gyn-01", ...more }) as RelationshipEventInput;
 * const state = relationshipState(
 *   [
 *     event("e1", "2026-03-24", "meeting-held", { fit: true }),
 *     event("e2", "2026-05-06", "referral-received", { addressedTo: "point-person" }),
 *     event("e3", "2026-10-01", "referral-received", { addressedTo: "point-person" }),
 *   ],
 *   { now: "2026-11-23" },
 * );
 * const actions = suggestNextActions(state, { now: "2026-11-23" });
 * actions.map((action) => action.code); // => ["nurture", "thank-referrer", "introduce-colleague"]
 * actions[1]?.dueDate; // => "2026-10-03"
 * actions[1]?.reason; // => "2 referrals have not been thanked yet."
 * ```
 */
export function suggestNextActions(state: RelationshipStateInput, options: NextActionOptionsInput): NextAction[] {
  const stored = readState(state);
  const settings = validate(NextActionOptions, options, "options");
  const today = dayOf(settings.now, settings.timeZone);
  const current =
    settings.policy === undefined
      ? deriveState(stored, today, stored.policy, stored.referrerKind)
      : relationshipState(stored.events, {
          now: today,
          policy: settings.policy,
          referrerId: stored.referrerId,
          ...(stored.referrerKind === null ? {} : { referrerKind: stored.referrerKind }),
        });
  const { policy, dates, counts, events } = current;
  if (current.lifecycle === "closed" || (current.snoozedUntil !== null && current.snoozedUntil >= today)) return [];

  const actions: NextAction[] = [];
  const add = (code: NextActionCode, dueDate: IsoDate, clinicianId: string | null, reason: string, source: string, evidence: string[]) =>
    actions.push({
      code,
      referrerId: current.referrerId,
      clinicianId,
      dueDate,
      overdueDays: calendarDays(dueDate, today),
      reason,
      source,
      evidence,
    });

  if (current.lifecycle === "dormant") {
    add(
      "revive",
      current.lifecycleSince ?? today,
      current.pointPersonId,
      `No contact for more than ${policy.dormantAfterDays} days: reach out to revive the relationship.`,
      "seed 002: be intentional; seed 003: nurture",
      [],
    );
    return actions;
  }
  if (dates.lastReferralIn !== null && (dates.lastThankYou === null || dates.lastThankYou < dates.lastReferralIn)) {
    const unthanked = events.filter(
      (event) => event.type === "referral-received" && (dates.lastThankYou === null || event.date > dates.lastThankYou),
    );
    // Due after the latest referral: one thank-you covers every referral since the last one.
    const latest = unthanked[unthanked.length - 1];
    if (latest !== undefined) {
      const count = unthanked.length;
      add(
        "thank-referrer",
        addInterval(latest.date, policy.thankWithinDays),
        latest.clinicianId,
        `${count === 1 ? "A referral has" : `${count} referrals have`} not been thanked yet.`,
        "seed 000: thank the referrer; the delay (thankWithinDays) is referwell's default",
        unthanked.map((event) => event.id),
      );
    }
  }
  // Only a meeting since the last revival counts: a revived relationship starts afresh.
  const meeting = [...events]
    .reverse()
    .find((event) => event.type === "meeting-held" && (dates.lastRevived === null || event.date >= dates.lastRevived));
  if (meeting !== undefined && meeting.type === "meeting-held") {
    const followedUp = events.some(
      (event) => AFTER_MEETING.has(event.type) && (event.date > meeting.date || (event.date === meeting.date && event.id > meeting.id)),
    );
    if (!meeting.fit) {
      add(
        "close-politely",
        addInterval(meeting.date, policy.followUpAfterMeetingDays),
        meeting.clinicianId,
        "The first meeting showed this is not a fit: close the relationship politely.",
        "seed 003: the first meeting is a fit check",
        [meeting.id],
      );
    } else if (!followedUp) {
      add(
        "follow-up-meeting",
        addInterval(meeting.date, policy.followUpAfterMeetingDays),
        meeting.clinicianId,
        "Follow up after the meeting to build on the new connection.",
        "seed 002: follow up after the meeting; the delay (followUpAfterMeetingDays) is referwell's default",
        [meeting.id],
      );
    }
  }
  if (current.lifecycle === "contacted") {
    const outreach = [...events].reverse().find((event) => event.type === "outreach-sent");
    if (outreach !== undefined) {
      add(
        "follow-up-outreach",
        addInterval(outreach.date, policy.outreachFollowUpDays),
        outreach.clinicianId,
        "No meeting yet: follow up on the outreach and propose a first meeting.",
        "seed 003: reach out, then meet to see if it is a fit; the delay (outreachFollowUpDays) is referwell's default",
        [outreach.id],
      );
    }
  }
  if (
    current.stage === 1 &&
    counts.referralsToPointPerson >= policy.introduceColleagueAfterReferrals &&
    current.colleaguesIntroduced.length === 0
  ) {
    add(
      "introduce-colleague",
      today,
      current.pointPersonId,
      `${counts.referralsToPointPerson} referrals came to the point person: introduce a colleague the referrer could also send clients to.`,
      "seed 001: the point person introduces colleagues; the count (introduceColleagueAfterReferrals) is referwell's default",
      [],
    );
  }
  if (current.stage === 2 && !events.some((event) => event.type === "touch" && event.kind === "practice-overview")) {
    add(
      "present-the-practice",
      today,
      current.pointPersonId,
      "The referrer is trying colleagues: tell them about the practice's other clinicians and support staff.",
      "seed 001: grow awareness of the whole organization",
      [],
    );
  }
  if ((current.lifecycle === "nurturing" || current.lifecycle === "active") && current.fit !== false) {
    const last =
      [dates.lastTouch, dates.lastMeeting, dates.lastReferralOut].reduce<IsoDate | null>(
        (a, b) => (b !== null && (a === null || b > a) ? b : a),
        null,
      ) ??
      dates.firstContact ??
      today;
    add(
      "nurture",
      addInterval(last, policy.nurtureEveryDays),
      current.pointPersonId,
      `Touch base about every ${describeInterval(policy.nurtureEveryDays)}: share an article, meet for coffee, or ask their view on a case.`,
      "seed 003: connect every two months",
      [],
    );
  }
  const order = NextActionCode.options;
  return actions.sort((a, b) => compareText(a.dueDate, b.dueDate) || order.indexOf(a.code) - order.indexOf(b.code));
}

/** A state this library made is frozen and valid as it is; any other is checked. */
function readState(state: RelationshipStateInput): RelationshipState {
  return isMadeState(state) ? state : validate(RelationshipState, state, "state");
}

import type { ReferrerKind } from "../../model/enums.js";
import type { IsoDate } from "../../model/scalars.js";
import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { calendarDays } from "../../model/internal/calendarDays.js";
import type { RelationshipCore } from "./foldStep.js";
import type { RelationshipPolicy } from "../schemas.js";
import type { Collaboration, Lifecycle, RelationshipState } from "../stateSchemas.js";

const latest = (...dates: (IsoDate | null)[]): IsoDate | null =>
  dates.reduce<IsoDate | null>((best, date) => (date !== null && (best === null || date > best) ? date : best), null);

/** Reads a core on a day: lifecycle, time in each stage, collaboration and signals. */
export function deriveState(
  core: RelationshipCore,
  asOf: IsoDate,
  policy: RelationshipPolicy,
  referrerKind: ReferrerKind | null,
): RelationshipState {
  const { counts, dates, closed } = core;
  let lifecycle: Lifecycle;
  let since: IsoDate | null;
  const dormantOn = dates.lastActivity === null ? null : addCalendarDays(dates.lastActivity, policy.dormantAfterDays + 1);
  if (closed !== null) [lifecycle, since] = ["closed", closed.date];
  else if (dates.firstContact === null) [lifecycle, since] = ["prospect", null];
  // Dormant exactly when the last qualifying activity is more than the window before the day.
  else if (dormantOn !== null && dormantOn <= asOf) [lifecycle, since] = ["dormant", dormantOn];
  else if (dates.lastReferralIn !== null && calendarDays(dates.lastReferralIn, asOf) <= policy.activeWithinDays)
    [lifecycle, since] = ["active", dates.lastReferralIn];
  else if (dates.nurturingSince !== null) [lifecycle, since] = ["nurturing", dates.nurturingSince];
  else if (counts.meetings > 0) [lifecycle, since] = ["met", dates.firstMeeting];
  else [lifecycle, since] = ["contacted", dates.firstContact];
  if (lifecycle !== "closed" && lifecycle !== "dormant" && lifecycle !== "prospect") since = latest(since, dates.lastRevived);

  const daysInStage = { 1: 0, 2: 0, 3: 0 };
  core.stageEvidence.forEach((evidence, index) => {
    const until = core.stageEvidence[index + 1]?.date ?? asOf;
    daysInStage[evidence.stage] += Math.max(0, calendarDays(evidence.date, until < evidence.date ? evidence.date : until));
  });
  const reached = core.stageEvidence[core.stageEvidence.length - 1]?.stage ?? null;
  // With fallback allowed, a relationship that went dormant shows stage 1, also once closed after going dormant.
  const wentDormant =
    lifecycle === "dormant" ||
    (closed !== null && dates.lastActivity !== null && calendarDays(dates.lastActivity, closed.date) > policy.dormantAfterDays);
  const stage = policy.allowFallback && wentDormant && reached !== null ? 1 : reached;

  let collaboration: Collaboration = "emerging";
  if (referrerKind === "therapist-same-specialty") collaboration = "competition";
  else if (counts.referralsIn > 0) collaboration = "obvious";
  else if (counts.knowledgeTouches > 0) collaboration = "knowledge-for-referrals";
  else if (counts.referralsOut > 0) collaboration = "lateral";

  const reciprocity =
    counts.referralsIn > 0 && counts.referralsOut > 0
      ? "mutual"
      : counts.referralsIn > 0
        ? "they-refer"
        : counts.referralsOut > 0
          ? "we-refer"
          : "none";
  // Keys in the schema's order, so a state serializes to the same bytes however it was reached.
  return {
    referrerId: core.referrerId,
    referrerKind,
    asOf,
    policy,
    events: core.events,
    lifecycle,
    lifecycleSince: since,
    stage,
    stageEvidence: core.stageEvidence,
    daysInStage,
    pointPersonId: core.pointPersonId,
    colleaguesUsed: core.colleaguesUsed,
    colleaguesIntroduced: core.colleaguesIntroduced,
    fit: core.fit,
    counts,
    dates,
    closed,
    snoozedUntil: core.snoozedUntil,
    collaboration,
    signals: {
      recencyDays: dates.lastActivity === null ? null : calendarDays(dates.lastActivity, asOf),
      breadth:
        counts.referralsIn === 0 ? 0 : new Set([...(core.pointPersonId === null ? [] : [core.pointPersonId]), ...core.colleaguesUsed]).size,
      conversion: counts.meetings === 0 ? null : counts.referralsIn / counts.meetings,
      reciprocity,
    },
  };
}

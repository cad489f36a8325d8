import type { ReferrerKind } from "../../model/enums.js";
import type { IsoDate } from "../../model/scalars.js";
import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { calendarDays } from "../../model/internal/calendarDays.js";
import type { RelationshipCore } from "./foldStep.js";
import type { RelationshipPolicy } from "../schemas.js";
import type { Collaboration, Lifecycle, RelationshipState } from "../stateSchemas.js";

const latest = (...dates: (IsoDate | null)[]): IsoDate | null =>
  dates.reduce<IsoDate | null>((best, date) => (date !== null && (best === null || date > best) ? date : best), null);

type StageEvidence = RelationshipState["stageEvidence"][number];
/** Days spent in each stage. */
export type DaysInStage = RelationshipState["daysInStage"];

/**
 * What reading a state needs of its lists, so a state extended by one event
 * is read without walking them: the latest stage evidence, the days spent in
 * each stage before it (they no longer depend on the day), and how many
 * people the practice has been referred through.
 */
export interface ListSummary {
  readonly lastEvidence: StageEvidence | undefined;
  readonly settledDays: DaysInStage;
  readonly breadth: number;
}

export const NO_DAYS: DaysInStage = Object.freeze({ 1: 0, 2: 0, 3: 0 });

/** Adds the days one stage lasted, from its evidence to the next, to the days settled so far. */
export function settleSpan(days: DaysInStage, evidence: StageEvidence, until: IsoDate): DaysInStage {
  const settled = { 1: days[1], 2: days[2], 3: days[3] };
  settled[evidence.stage] += Math.max(0, calendarDays(evidence.date, until < evidence.date ? evidence.date : until));
  return settled;
}

/** The summary read from the lists themselves. */
export function summarizeLists(core: RelationshipCore): ListSummary {
  const { stageEvidence } = core;
  let settledDays = NO_DAYS;
  for (let index = 0; index + 1 < stageEvidence.length; index += 1)
    settledDays = settleSpan(settledDays, stageEvidence[index] as StageEvidence, (stageEvidence[index + 1] as StageEvidence).date);
  return {
    lastEvidence: stageEvidence[stageEvidence.length - 1],
    settledDays,
    breadth: new Set([...(core.pointPersonId === null ? [] : [core.pointPersonId]), ...core.colleaguesUsed]).size,
  };
}

/** Days in each stage as of a day: the settled ones, and the latest stage's up to the day. */
function daysInStageOn({ lastEvidence, settledDays }: ListSummary, asOf: IsoDate): DaysInStage {
  return lastEvidence === undefined ? { ...settledDays } : settleSpan(settledDays, lastEvidence, asOf);
}

/** Reads a core on a day: lifecycle, time in each stage, collaboration and signals. */
export function deriveState(
  core: RelationshipCore,
  asOf: IsoDate,
  policy: RelationshipPolicy,
  referrerKind: ReferrerKind | null,
  lists: ListSummary = summarizeLists(core),
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

  const daysInStage = daysInStageOn(lists, asOf);
  const reached = lists.lastEvidence?.stage ?? null;
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
      breadth: counts.referralsIn === 0 ? 0 : lists.breadth,
      conversion: counts.meetings === 0 ? null : counts.referralsIn / counts.meetings,
      reciprocity,
    },
  };
}

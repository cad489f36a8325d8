import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { calendarDays } from "../../model/internal/calendarDays.js";
import { type DaySpan, joinedSpans, OPEN_END } from "../../model/internal/joinedSpans.js";
import { placeOn } from "../../model/internal/placeOn.js";
import type { RuleContext } from "../createRuleContext.js";
import type { RuleFinding, RuleNotice } from "../defineReferralRule.js";
import type { Alternative, EvidenceItem } from "../results.js";
import { cannotContinueBecause } from "./cannotContinueBecause.js";
import { continuationAfterMove, type MoveContinuation } from "./continuationAfterMove.js";

/** The client's stays in one place, those that touch or overlap joined (as the matcher joins them). */
interface MergedStay {
  readonly to: string;
  readonly start: string;
  /** The last day, `OPEN_END` when the stay has no end. */
  readonly end: string;
}

/** One stretch of a stay the clinician is checked for: where, from which day (today for one under way), to when. */
interface StayRead {
  readonly to: string;
  /** The stay's own first day, which the summary names. */
  readonly start: string;
  /** The first day checked: the stay's, today for a stay under way, or the day the clinician's authority there ends. */
  readonly from: string;
  readonly until: string | undefined;
  readonly underWay: boolean;
  readonly evidence: EvidenceItem[];
}

/** The client's stays that are not over, joined per place where they touch or overlap, by place then start. */
function mergedStays(context: RuleContext): MergedStay[] {
  const byPlace = new Map<string, DaySpan[]>();
  for (const { place, period } of context.client.stays) {
    const end = period.end ?? OPEN_END;
    if (end < context.now) continue;
    const spans = byPlace.get(place.jurisdiction) ?? [];
    spans.push([period.start, end]);
    byPlace.set(place.jurisdiction, spans);
  }
  return [...byPlace.keys()].sort().flatMap((to) => joinedSpans(byPlace.get(to) ?? []).map(([start, end]) => ({ to, start, end })));
}

/**
 * The days the clinician's authority in a place can change on within a
 * stay: its first day checked, and the day after each licence or compact
 * privilege ends, up to `last`. Checking each finds a licence that lapses
 * while the client is away, not only one missing on the first day.
 */
function checkDays(context: RuleContext, from: string, last: string): string[] {
  const { licenses, compacts } = context.clinician.licensure;
  const days = new Set([from]);
  for (const { period } of [...licenses, ...compacts]) {
    const after = period?.end === undefined ? undefined : addCalendarDays(period.end, 1);
    if (after !== undefined && after > from && after <= last) days.add(after);
  }
  return [...days].sort();
}

/**
 * The first day from `from` to `last` the clinician cannot practise in the
 * place in a way the client attends, with why; `from` with the ways to
 * continue there when there is no such day.
 */
function firstGap(context: RuleContext, to: string, from: string, last: string): { day: string; continuation: MoveContinuation } {
  const first = { day: from, continuation: continuationAfterMove(context, to, from) };
  if (!first.continuation.fits) return first;
  for (const day of checkDays(context, from, last)) {
    if (day === from) continue;
    const continuation = continuationAfterMove(context, to, day);
    if (!continuation.fits) return { day, continuation };
  }
  return first;
}

/** The days of a stay in words: "from 1 December 2026 to 12 March 2027", or "until …" for one under way. */
function daysInWords(context: RuleContext, stay: StayRead): string {
  const until = stay.until === undefined ? "" : ` to ${context.describeDate(stay.until)}`;
  if (stay.underWay) return stay.until === undefined ? "" : ` until ${context.describeDate(stay.until)}`;
  return ` from ${context.describeDate(stay.from)}${until}`;
}

/** The stay's days as a summary gives them: "from 2026-12-01 to 2027-03-12", "from 2026-12-01, with no end date". */
const daysInSummary = (stay: StayRead): string =>
  `from ${stay.start}${stay.until === undefined ? ", with no end date" : ` to ${stay.until}`}`;

/** The client's words of a way to continue, for a stay rather than a move. */
const WHILE_AWAY: Readonly<Record<string, string>> = {
  "continue-by-telehealth": "I can keep seeing you by video while you're away.",
  "continue-in-person": "I also see clients in person near where you'll be staying, so we could keep meeting.",
};

/** The ways to continue through a stay, each worded for it. */
const waysWhileAway = (continuation: MoveContinuation): Alternative[] =>
  continuation.alternatives.map((alternative) => ({
    ...alternative,
    explanation: WHILE_AWAY[alternative.kind] ?? alternative.explanation,
  }));

/** A stay where the clinician may keep practising: a notice with the ways to continue, and no goodbye. */
function continuingNotice(context: RuleContext, stay: StayRead, continuation: MoveContinuation): RuleNotice {
  const ways = continuation.alternatives.map((alternative) => alternative.summary).join(" ");
  // "By video" only when video is the one way: a client who can also meet in person there keeps both.
  const video = continuation.alternatives.every((alternative) => alternative.kind === "continue-by-telehealth");
  return {
    code: "away",
    date: stay.from,
    ...(stay.until === undefined ? {} : { until: stay.until }),
    summary: `Away in ${stay.to} ${daysInSummary(stay)}; ${context.clinician.name} may keep practising there. No referral: ${ways}`,
    explanation: `While you're away${daysInWords(context, stay)}, we can keep working together${video ? " by video" : ""}.`,
    evidence: stay.evidence,
    alternatives: waysWhileAway(continuation),
  };
}

/** Pausing while the client is away, to resume the day after the stay ends. */
function pauseWhileAway(context: RuleContext, stay: StayRead, back: string): Alternative {
  return {
    kind: "pause-while-away",
    summary: `Pause sessions from ${stay.from} and resume on ${back}, when the client is back.`,
    explanation: `We could pause our sessions while you're away and pick up again on ${context.describeDate(back)}, when you're back.`,
  };
}

/** Why the client cannot be seen there, in their words: by what is missing, never a code. */
function whyNotThere({ unauthorized, missing, byVideo }: MoveContinuation): string {
  const where = unauthorized.includes("telehealth")
    ? "somewhere I'm not licensed to see you"
    : unauthorized.includes("in-person")
      ? "somewhere I'm not licensed to see you in person"
      : missing.includes("in-person")
        ? "too far from my office to meet in person"
        : "somewhere I can't keep seeing you";
  return byVideo === undefined ? `${where}.` : `${where}. We could meet by video while you're away, if that works for you.`;
}

/**
 * The day the client is back where they lived, after a stay ending on
 * `until` and any stays elsewhere it runs straight on to, where the
 * clinician may practise in a way the client attends: undefined when there
 * is no such day (no end, a move in between, or the clinician cannot
 * practise there then), so there is nothing to pause until.
 */
function backHome(
  context: RuleContext,
  stay: StayRead,
  stays: readonly MergedStay[],
): { readonly until: string; readonly back: string } | undefined {
  const { until } = stay;
  if (until === undefined) return undefined;
  const home = placeOn(context.client, stay.from).jurisdiction;
  let back = addCalendarDays(until, 1);
  // Each step moves past the end of a stay that covers the day, so there are at most as many steps as stays.
  for (let onward = stayCovering(stays, back, home); onward !== undefined; onward = stayCovering(stays, back, home)) {
    if (onward.end === OPEN_END) return undefined;
    back = addCalendarDays(onward.end, 1);
  }
  if (placeOn(context.client, back).jurisdiction !== home) return undefined;
  return continuationAfterMove(context, home, back).fits ? { until, back } : undefined;
}

/** A stay somewhere other than `home` that covers `day`. */
const stayCovering = (stays: readonly MergedStay[], day: string, home: string): MergedStay | undefined =>
  stays.find((other) => other.to !== home && other.start <= day && other.end >= day);

/**
 * A stay where the clinician cannot practise in a way the client attends:
 * a notice to bridge it by pausing when the client is back where they lived
 * (see {@link backHome}) by the day after the horizon and within the
 * policy's `awayPauseDays`, and no safety signal is open; a finding
 * otherwise, for care there.
 */
function cannotContinue(
  context: RuleContext,
  stay: StayRead,
  continuation: MoveContinuation,
  others: readonly MergedStay[],
): RuleFinding | RuleNotice {
  const because = cannotContinueBecause(context, stay.to, continuation);
  const ways = waysWhileAway(continuation);
  const days = daysInWords(context, stay);
  const why = whyNotThere(continuation);
  const home = context.safety.level === "none" ? backHome(context, stay, others) : undefined;
  const pause = home === undefined ? [] : [pauseWhileAway(context, stay, home.back)];
  const later = stay.from === stay.start || stay.underWay ? "" : ` from ${stay.from}`;
  // The pause runs from the first day the clinician cannot practise to the day the client is back: the whole absence.
  if (
    home !== undefined &&
    home.back <= addCalendarDays(context.horizon, 1) &&
    calendarDays(stay.from, home.back) <= context.policy.awayPauseDays
  ) {
    return {
      code: "away",
      date: stay.from,
      until: home.until,
      summary: `Away in ${stay.to} ${daysInSummary(stay)}; ${because}${later}: no sessions there in a way the client attends. No referral; bridge the stay.`,
      explanation: `While you're away${days}, you'll be ${why} Let's plan for those days together.`,
      evidence: stay.evidence,
      alternatives: [...ways, ...pause],
    };
  }
  return {
    code: "away",
    urgency: context.urgencyOf(stay.from),
    date: stay.from,
    careFrom: stay.from,
    cannotContinueFrom: stay.from,
    summary: `Away in ${stay.to} ${daysInSummary(stay)}; ${because}${later}.`,
    explanation: `While you're away${days}, you'll be ${why} I'd like to help you find a good therapist there for that time.`,
    evidence: stay.evidence,
    alternatives: [...ways, ...pause],
  };
}

/** The stay read from today's side: undefined when it keeps the client where they live. */
function stayRead({ now, client }: RuleContext, { to, start, end }: MergedStay): StayRead | undefined {
  const underWay = start <= now;
  const from = underWay ? now : start;
  if (placeOn(client, from).jurisdiction === to) return undefined;
  const until = end === OPEN_END ? undefined : end;
  const evidence: EvidenceItem[] = [
    { kind: "place", fact: "staying-in", jurisdiction: to },
    { kind: "date", fact: "stay-start", date: start },
    ...(until === undefined ? [] : [{ kind: "date" as const, fact: "stay-end", date: until }]),
  ];
  return { to, start, from, until, underWay, evidence };
}

/**
 * The client's stays elsewhere (a term at college, a winter away) that are
 * under way or start by the horizon, joined per place where they touch,
 * each checked from its first day from today as a move is (telehealth
 * follows where the client is during the session), and again on each day
 * a licence or privilege of the clinician's ends, up to the stay's end or
 * the horizon. Where the clinician may keep practising in a way the client
 * attends all along, an `away` notice with the ways to continue; where
 * not, from the first day they cannot: an `away` notice with pausing when
 * the stay is short enough to pause through, and an `away` finding, as
 * urgent as that day is close, with care from it, when not.
 */
export function stayOutcomes(context: RuleContext): { findings: RuleFinding[]; notices: RuleNotice[] } {
  const findings: RuleFinding[] = [];
  const notices: RuleNotice[] = [];
  const stays = mergedStays(context);
  for (const merged of stays) {
    if (merged.start > context.horizon) continue;
    const stay = stayRead(context, merged);
    if (stay === undefined) continue;
    const last = merged.end < context.horizon ? merged.end : context.horizon;
    const gap = firstGap(context, stay.to, stay.from, last);
    if (gap.continuation.fits) {
      notices.push(continuingNotice(context, stay, gap.continuation));
      continue;
    }
    const from = { ...stay, from: gap.day, underWay: stay.underWay && gap.day === stay.from };
    const outcome = cannotContinue(context, from, gap.continuation, stays);
    if ("urgency" in outcome) findings.push(outcome);
    else notices.push(outcome);
  }
  return { findings, notices };
}

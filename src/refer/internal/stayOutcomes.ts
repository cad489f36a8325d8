import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { placeOn } from "../../model/internal/placeOn.js";
import type { Stay } from "../../model/criteria.js";
import type { RuleContext } from "../createRuleContext.js";
import type { RuleFinding, RuleNotice } from "../defineReferralRule.js";
import type { Alternative, EvidenceItem } from "../results.js";
import { cannotContinueBecause } from "./cannotContinueBecause.js";
import { continuationAfterMove, type MoveContinuation } from "./continuationAfterMove.js";

/** One stay as the moving rule reads it: where, from which day it matters (today for one under way), and to when. */
interface StayRead {
  readonly to: string;
  /** The stay's first day, and the day it is checked on: that day, or today for a stay under way. */
  readonly start: string;
  readonly from: string;
  readonly until: string | undefined;
  readonly underWay: boolean;
  readonly evidence: EvidenceItem[];
}

/** The days of a stay in words: "from 1 December 2026 to 12 March 2027", or "until …" for one under way. */
function daysInWords(context: RuleContext, stay: StayRead): string {
  const until = stay.until === undefined ? "" : ` to ${context.describeDate(stay.until)}`;
  if (stay.underWay) return stay.until === undefined ? "for now" : `until ${context.describeDate(stay.until)}`;
  return `from ${context.describeDate(stay.from)}${until}`;
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
  const video = continuation.alternatives.every((alternative) => alternative.kind === "continue-by-telehealth");
  return {
    code: "away",
    date: stay.from,
    ...(stay.until === undefined ? {} : { until: stay.until }),
    summary: `Away in ${stay.to} ${daysInSummary(stay)}; ${context.clinician.name} may keep practising there. No referral: ${ways}`,
    explanation: `While you're away ${daysInWords(context, stay)}, we can keep working together${video ? " by video" : ""}.`,
    evidence: stay.evidence,
    alternatives: waysWhileAway(continuation),
  };
}

/** Pausing while the client is away, to resume the day after the stay ends. */
function pauseWhileAway(context: RuleContext, stay: StayRead & { readonly until: string }): Alternative {
  const back = addCalendarDays(stay.until, 1);
  return {
    kind: "pause-while-away",
    summary: `Pause sessions from ${stay.from} and resume on ${back}, when the client is back.`,
    explanation: `We could pause our sessions while you're away and pick up again on ${context.describeDate(back)}, when you're back.`,
  };
}

/**
 * A stay where the clinician cannot practise in a way the client attends:
 * a notice to bridge it when it ends by the horizon (as a gap in cover
 * is), a finding otherwise (as a loss of cover is).
 */
function cannotContinue(context: RuleContext, stay: StayRead, continuation: MoveContinuation): RuleFinding | RuleNotice {
  const because = cannotContinueBecause(context, stay.to, continuation);
  const licensed = continuation.unauthorized.length === 0;
  const why = licensed ? "too far from my office to keep meeting in person" : "somewhere I'm not licensed to see you";
  const alternatives = waysWhileAway(continuation);
  const days = daysInWords(context, stay);
  if (stay.until !== undefined && stay.until <= context.horizon) {
    return {
      code: "away",
      date: stay.from,
      until: stay.until,
      summary: `Away in ${stay.to} ${daysInSummary(stay)}; ${because}: no sessions there in a way the client attends. No referral; bridge the stay.`,
      explanation: `While you're away ${days}, you'll be ${why}. Let's plan for those days together.`,
      evidence: stay.evidence,
      alternatives: [...alternatives, pauseWhileAway(context, { ...stay, until: stay.until })],
    };
  }
  return {
    code: "away",
    urgency: context.urgencyOf(stay.from),
    date: stay.from,
    careFrom: stay.from,
    summary: `Away in ${stay.to} ${daysInSummary(stay)}; ${because}.`,
    explanation: `While you're away ${days}, you'll be ${why}. I'd like to help you find a good therapist there for that time.`,
    evidence: stay.evidence,
    alternatives: stay.until === undefined ? alternatives : [...alternatives, pauseWhileAway(context, { ...stay, until: stay.until })],
  };
}

/** The stay read from today's side: undefined when it is over, starts past the horizon, or keeps the client where they live. */
function stayRead(context: RuleContext, { place, period }: Stay): StayRead | undefined {
  const { now, horizon, client } = context;
  if ((period.end !== undefined && period.end < now) || period.start > horizon) return undefined;
  const underWay = period.start <= now;
  const from = underWay ? now : period.start;
  const to = place.jurisdiction;
  if (placeOn(client, from).jurisdiction === to) return undefined;
  const evidence: EvidenceItem[] = [
    { kind: "place", fact: "staying-in", jurisdiction: to },
    { kind: "date", fact: "stay-start", date: period.start },
    ...(period.end === undefined ? [] : [{ kind: "date" as const, fact: "stay-end", date: period.end }]),
  ];
  return { to, start: period.start, from, until: period.end, underWay, evidence };
}

/**
 * The client's stays elsewhere (a term at college, a winter away) that are
 * under way or start by the horizon, each checked on its first day from
 * today as a move is: telehealth follows where the client is during the
 * session. Where the clinician may keep practising in a way the client
 * attends, an `away` notice with the ways to continue; where not, an
 * `away` notice with pausing and the ways that remain when the stay ends
 * by the horizon, and an `away` finding when it does not (no end date, or
 * a later one), as urgent as the stay is close, with care from its first day.
 */
export function stayOutcomes(context: RuleContext): { findings: RuleFinding[]; notices: RuleNotice[] } {
  const findings: RuleFinding[] = [];
  const notices: RuleNotice[] = [];
  for (const listed of context.client.stays) {
    const stay = stayRead(context, listed);
    if (stay === undefined) continue;
    const continuation = continuationAfterMove(context, stay.to, stay.from);
    if (continuation.fits) {
      notices.push(continuingNotice(context, stay, continuation));
      continue;
    }
    const outcome = cannotContinue(context, stay, continuation);
    if ("urgency" in outcome) findings.push(outcome);
    else notices.push(outcome);
  }
  return { findings, notices };
}

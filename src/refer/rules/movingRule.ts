import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { placeOn } from "../../model/internal/placeOn.js";
import type { RuleContext } from "../createRuleContext.js";
import { defineReferralRule, type RuleFinding, type RuleNotice } from "../defineReferralRule.js";
import { cannotContinueBecause } from "../internal/cannotContinueBecause.js";
import { continuationAfterMove } from "../internal/continuationAfterMove.js";
import { stayOutcomes } from "../internal/stayOutcomes.js";
import type { Alternative, EvidenceItem } from "../results.js";

/** A planned move the clinician can follow: a notice with the ways to continue, and no goodbye. */
function continuingNotice(
  context: RuleContext,
  move: { date: string; to: string; alternatives: Alternative[]; evidence: EvidenceItem[] },
): RuleNotice {
  const ways = move.alternatives.map((alternative) => alternative.summary).join(" ");
  // "By video" only when video is the one way: a client who can also come in person keeps both.
  const video = move.alternatives.every((alternative) => alternative.kind === "continue-by-telehealth");
  return {
    code: "moving",
    date: move.date,
    summary: `Moves to ${move.to} on ${move.date}; ${context.clinician.name} may keep practising there. No referral: ${ways}`,
    explanation: `You're moving on ${context.describeDate(move.date)}, and we can keep working together${video ? " by video" : ""} after you move.`,
    evidence: move.evidence,
    alternatives: move.alternatives,
  };
}

/**
 * The client is moving to another jurisdiction. A move is a referral only
 * when the clinician cannot continue in a way the client attends: where the
 * clinician may keep practising there, by a licence or a compact privilege
 * (telehealth follows the client's location, and needs a clinician who
 * offers it), or in person at an office there, a planned move is a `moving`
 * notice with `continue-by-telehealth` or `continue-in-person`, and nothing
 * in it says goodbye. Otherwise a planned move dated from today up to the
 * look-ahead is a finding now, with its date (a move next month needs a
 * referral this month); urgency follows how close it is, and the receiving
 * clinician is chosen for where the client will live (seed 002: refer your
 * client to a new therapist in their new town). A move already made during
 * the episode is a finding only while the clinician cannot continue. To a
 * client who attends in person, continuing by telehealth is still offered
 * when the clinician is authorized for it, and the finding stands. The
 * summary and the client's explanation give the real reason: not
 * authorized there, no office there, or no telehealth.
 *
 * A stay elsewhere (`client.stays`) under way or starting up to the
 * look-ahead is read the same way, with the code `away`: stays in one
 * place that touch are joined, and each is checked on its first day from
 * today and on the day after each of the clinician's licences and
 * privileges ends. Where the clinician may keep practising all along, a
 * notice with the ways to continue; where not, from the first day they
 * cannot, a notice with `pause-while-away` when the stay is short enough
 * to pause through (back where the client lived within the policy's
 * `awayPauseDays` and by the look-ahead, where the clinician may practise
 * then, no safety signal open), else a finding with care from that day.
 *
 * A `moving` or `away` finding sets `cannotContinueFrom` to its day (the
 * move's date, the first day of the stay the clinician cannot follow): the
 * assessment's start date is never after it, and the hand-off is due by it.
 *
 * @example
 * ```ts
 * import { createRuleContext, movingRule } from "referwell/refer";
 *
 * const context = createRuleContext(
 *   {
 *     client: {
 *       id: "cl-03",
 *       ageGroup: "adolescent",
 *       residence: { jurisdiction: "US-OR" },
 *       plannedMoves: [{ date: "2026-12-15", to: { jurisdiction: "US-WA" } }],
 *       needs: { problemAreas: ["eating disorders"] },
 *       preferences: { mode: "telehealth" },
 *     },
 *     clinician: {
 *       id: "clin-elif",
 *       name: "Elif Demir",
 *       discipline: "counselor",
 *       licensure: { licenses: [{ jurisdiction: "US-OR" }], compacts: [{ compactId: "counseling-compact" }] },
 *       populations: ["adolescents"],
 *       languages: ["en"],
 *       telehealth: true,
 *       availability: { timeZone: "America/Los_Angeles", slots: [] },
 *       acceptingNewClients: true,
 *       capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
 *     },
 *     compacts: [{ id: "counseling-compact", name: "Counseling Compact", members: ["US-OR", "US-WA"], modes: ["telehealth", "in-person"], source: "example" }],
 *   },
 *   { now: "2026-11-23" },
 * );
 * const outcome = movingRule.evaluate(context);
 * "findings" in outcome && outcome.findings; // => []
 * const notice = "findings" in outcome ? outcome.notices?.[0] : undefined;
 * notice?.explanation; // => "You're moving on 15 December 2026, and we can keep working together by video after you move."
 * notice?.alternatives?.map((alternative) => [alternative.kind, alternative.basis]);
 * // => [["continue-by-telehealth", { via: "compact", compactId: "counseling-compact" }]]
 * ```
 */
export const movingRule = /* @__PURE__ */ defineReferralRule({
  id: "moving",
  source:
    "Seed 002 (the client is moving: refer your client to a new therapist in their new town); licensure follows where the client is during the session, on a stay elsewhere too, by licence or interstate compact",
  evaluate(context) {
    const { client, now, horizon } = context;
    const stays = stayOutcomes(context);
    if (client.plannedMoves.length === 0) return stays;
    const from = context.episodeStart ?? now;
    const dates = [...new Set(client.plannedMoves.map((move) => move.date))].filter((date) => date >= from && date <= horizon).sort();
    const findings: RuleFinding[] = [];
    const notices: RuleNotice[] = [];
    for (const date of dates) {
      const before = placeOn(client, addCalendarDays(date, -1)).jurisdiction;
      const to = placeOn(client, date).jurisdiction;
      if (to === before) continue;
      const past = date < now;
      const continuation = continuationAfterMove(context, to, past ? now : date);
      const { alternatives, fits, unauthorized, byVideo } = continuation;
      const evidence: EvidenceItem[] = [
        { kind: "place", fact: "moving-to", jurisdiction: to },
        { kind: "date", fact: "move-date", date },
      ];
      if (fits) {
        // Care continues: nothing to tell a client who already moved, and no goodbye to one who will.
        if (!past) notices.push(continuingNotice(context, { date, to, alternatives, evidence }));
        continue;
      }
      const because = cannotContinueBecause(context, to, continuation);
      const video = byVideo === undefined ? "" : "We could keep meeting by video if that works for you, or ";
      const help = video === "" ? "I'd like to help" : `${video}I can help`;
      const explanation =
        unauthorized.length > 0
          ? past
            ? "You now live somewhere I'm not licensed to keep seeing you, so I'd like to help you find a good therapist near your new home."
            : `You're moving on ${context.describeDate(date)}, and I'm not licensed to keep seeing you where you'll live. I'd like to help you find a good therapist there before you go.`
          : past
            ? `You now live too far from my office to keep meeting in person. ${help} you find a good therapist near your new home.`
            : `You're moving on ${context.describeDate(date)}, and I don't have an office near your new home, so we couldn't keep meeting in person. ${help} you find a good therapist there before you go.`;
      findings.push({
        code: "moving",
        urgency: context.urgencyOf(date),
        date,
        careFrom: date,
        cannotContinueFrom: date,
        summary: `${past ? "Moved" : "Moves"} to ${to} on ${date}; ${because}.`,
        explanation,
        evidence,
        alternatives,
      });
    }
    return { findings: [...findings, ...stays.findings], notices: [...notices, ...stays.notices] };
  },
});

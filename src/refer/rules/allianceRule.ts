import { defineReferralRule } from "../defineReferralRule.js";
import type { EvidenceItem } from "../results.js";
import { latestDays } from "../internal/latestDays.js";

/**
 * Personality clash or a weak alliance: the latest alliance scores (the
 * built-in `SRS`), one per day (several on one day count as their mean, one
 * session), are all on the concern side of the cutoff (below 36), or
 * the clinician recorded leaving the latest sessions emotionally exhausted
 * (seed 002: clash of personalities). How many in a row is
 * `policy.alliance` (three by default: one low score is a prompt to talk
 * about the alliance, not to refer). Refer `soon`. Without that many alliance
 * scores or session records the rule cannot run and asks for them.
 *
 * @example
 * ```ts
 * import { allianceRule, createRuleContext, type ReferralCaseInput } from "referwell/refer";
 *
 * const input: ReferralCaseInput = {
 *   client: { id: "cl-06", ageGroup: "adult", residence: { jurisdiction: "US-OR" }, needs: { problemAreas: ["trauma"] } },
 *   clinician: {
 *     id: "clin-ben",
 *     name: "Ben Okafor",
 *     discipline: "clinical social worker",
 *     licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *     populations: ["adults"],
 *     languages: ["en"],
 *     availability: { timeZone: "America/Los_Angeles", slots: [] },
 *     acceptingNewClients: true,
 *     capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
 *   },
 *   measurements: [
 *     { instrument: "SRS", date: "2026-09-09", score: 30 },
 *     { instrument: "SRS", date: "2026-09-16", score: 32 },
 *     { instrument: "SRS", date: "2026-09-23", score: 29 },
 *   ],
 * };
 * const outcome = allianceRule.evaluate(createRuleContext(input, { now: "2026-11-23" }));
 * "findings" in outcome && outcome.findings[0]?.code; // => "alliance"
 * allianceRule.evaluate(createRuleContext({ ...input, measurements: [] }, { now: "2026-11-23" }));
 * // => { needs: ["measurements:alliance", "sessions"] }
 * ```
 */
export const allianceRule = /* @__PURE__ */ defineReferralRule({
  id: "alliance",
  source:
    "Seed 002 (clash of personalities: leaving each session emotionally exhausted); Session Rating Scale concern below 36 (Duncan, Miller et al. 2003, Journal of Brief Therapy 3(1):3–12)",
  evaluate(context) {
    const { lowScoresInARow, exhaustedSessionsInARow } = context.policy.alliance;
    let measured = false;
    const evidence: EvidenceItem[] = [];
    const reasons: string[] = [];
    for (const instrument of context.instruments) {
      const { cutoff } = instrument;
      if (instrument.measures !== "alliance" || cutoff === undefined) continue;
      const scores = context.series(instrument.id);
      // Never more days than scores: too few scores need no grouping.
      if (scores.length < lowScoresInARow) continue;
      // The latest days only, one score per day (several on one day are one session, their mean), as progress reads them.
      const latest = latestDays(scores, lowScoresInARow);
      if (latest.length < lowScoresInARow) continue;
      measured = true;
      const concern = (score: number) => (instrument.direction === "higher-is-better" ? score < cutoff : score >= cutoff);
      if (!latest.every((entry) => concern(entry.score))) continue;
      for (const { date, score } of latest) evidence.push({ kind: "score", fact: "low-alliance", instrument: instrument.id, date, score });
      reasons.push(
        `the last ${lowScoresInARow} ${instrument.id} scores (${latest.map((entry) => entry.score).join(", ")}) are past the concern cutoff of ${cutoff}`,
      );
    }
    if (context.sessions.length >= exhaustedSessionsInARow) {
      measured = true;
      const latest = context.sessions.slice(-exhaustedSessionsInARow);
      if (latest.every((session) => session.clinicianExhausted)) {
        for (const session of latest) evidence.push({ kind: "date", fact: "clinician-exhausted", date: session.date });
        reasons.push(`the clinician left the last ${exhaustedSessionsInARow} sessions exhausted`);
      }
    }
    if (!measured) return { needs: ["measurements:alliance", "sessions"] };
    if (evidence.length === 0) return { findings: [] };
    return {
      findings: [
        {
          code: "alliance",
          urgency: "soon",
          summary: `The working alliance is strained: ${reasons.join("; ")}.`,
          explanation:
            "I want you to get the most out of therapy, and I don't think the way we work together is the best fit for you. That isn't anyone's fault. A therapist with a different style may suit you better, and I'd like to help you find one.",
          evidence,
        },
      ],
    };
  },
});

import type { RuleContext } from "../createRuleContext.js";
import { defineReferralRule, type RuleFinding } from "../defineReferralRule.js";
import type { EvidenceItem, ProgressSummary } from "../results.js";

/** A reliable worsening since the best score that the change from baseline does not show: a relapse. */
const relapsed = (summary: ProgressSummary): boolean =>
  summary.sinceBest.outcome === "deteriorated" && summary.change.outcome !== "deteriorated";

function evidenceOf(summary: ProgressSummary): EvidenceItem[] {
  return [
    { kind: "score", fact: "baseline", instrument: summary.instrument, ...summary.baseline },
    ...(relapsed(summary) ? [{ kind: "score" as const, fact: "best", instrument: summary.instrument, ...summary.best }] : []),
    { kind: "score", fact: "latest", instrument: summary.instrument, ...summary.latest },
    { kind: "count", fact: "sessions", count: summary.sessions },
    { kind: "count", fact: "weeks", count: summary.weeks },
  ];
}

function describe(summary: ProgressSummary, context: RuleContext): string {
  const method = context.instrument(summary.instrument)?.reliableChange;
  const criterion = method?.method === "threshold" ? `reliable at ${method.threshold} points` : "reliable beyond ±1.96";
  const signed = (value: number) => `${value > 0 ? "+" : ""}${value}`;
  const { change } = summary.change;
  const index = summary.change.index === undefined ? "" : `, RC ${summary.change.index.toFixed(2)}`;
  const relapse = relapsed(summary)
    ? `; best ${summary.best.score} on ${summary.best.date} → ${summary.latest.score} (change ${signed(summary.sinceBest.change)}${summary.sinceBest.index === undefined ? "" : `, RC ${summary.sinceBest.index.toFixed(2)}`})`
    : "";
  return `${summary.instrument} ${summary.baseline.score} → ${summary.latest.score} over ${summary.sessions} sessions (${summary.weeks} weeks; change ${signed(change)}${index}, ${criterion}${relapse})`;
}

/**
 * No progress or deterioration, measured, not guessed: for each outcome
 * instrument, the Jacobson–Truax reliable change from baseline to the
 * latest score (see {@link classifyProgress}).
 *
 * - `deterioration` (`urgent`): a reliable worsening from baseline, or from
 *   the best score of the episode (a relapse: PHQ-9 20 → 5 → 19), on any
 *   number of measured sessions.
 * - `no-progress` (`routine`): no reliable improvement once the policy's
 *   minimum sessions or weeks have passed, while still in the clinical range
 *   (always, for an instrument without a cutoff).
 *
 * Improvement and recovery are no finding. With too few measurements for any
 * verdict (fewer than two days, or no change yet and too early) the rule
 * asks for more (seed 002: you're not making any progress; NASW 1.16(a);
 * APA 10.10(a)).
 *
 * @example
 * ```ts
 * import { createRuleContext, progressRule } from "referwell/refer";
 *
 * const measurements = [
 *   { instrument: "PHQ-9", date: "2026-08-04", score: 14 },
 *   { instrument: "PHQ-9", date: "2026-09-15", score: 18 },
 *   { instrument: "PHQ-9", date: "2026-10-27", score: 22 },
 * ];
 * const context = createRuleContext(
 *   {
 *     client: { id: "cl-10", ageGroup: "adult", residence: { jurisdiction: "US-OR" }, needs: { problemAreas: ["depression"] } },
 *     clinician: {
 *       id: "clin-ana",
 *       name: "Ana Ruiz",
 *       discipline: "psychologist",
 *       licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *       populations: ["adults"],
 *       languages: ["en"],
 *       availability: { timeZone: "America/Los_Angeles", slots: [] },
 *       acceptingNewClients: true,
 *       capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
 *     },
 *     measurements,
 *   },
 *   { now: "2026-11-23" },
 * );
 * const outcome = progressRule.evaluate(context);
 * "findings" in outcome && outcome.findings.map((finding) => [finding.code, finding.urgency]); // => [["deterioration", "urgent"]]
 * ```
 */
export const progressRule = /* @__PURE__ */ defineReferralRule({
  id: "progress",
  source:
    "Seed 002 (you're not making any progress); NASW Code of Ethics 1.16(a); APA Ethics Code 10.10(a); reliable change after Jacobson & Truax 1991, Journal of Consulting and Clinical Psychology 59(1):12–19, with each instrument's criteria and source",
  evaluate(context) {
    const { minimumSessions, minimumWeeks } = context.policy.progress;
    const summaries = context.progress;
    const worse = summaries.filter((summary) => summary.classification === "deteriorated");
    const due = (summary: ProgressSummary) => summary.sessions >= minimumSessions || summary.weeks >= minimumWeeks;
    const stalled = summaries.filter(
      (summary) => summary.classification === "no-reliable-change" && due(summary) && (summary.caseness?.latest ?? true),
    );
    const findings: RuleFinding[] = [];
    if (worse.length > 0) {
      findings.push({
        code: "deterioration",
        urgency: "urgent",
        summary: `Reliable deterioration: ${worse.map((summary) => describe(summary, context)).join("; ")}.`,
        explanation:
          "The check-ins you fill in show that things have got harder for you lately. I want to make sure you have the right support, so I'd like to talk with you today about next steps, which may include seeing someone better placed to help.",
        evidence: worse.flatMap(evidenceOf),
      });
    }
    if (stalled.length > 0) {
      findings.push({
        code: "no-progress",
        urgency: "routine",
        summary: `No reliable improvement while still in the clinical range: ${stalled.map((summary) => describe(summary, context)).join("; ")}.`,
        explanation:
          "We've been working together for a while, and the check-ins you fill in show that things haven't improved as much as we both hoped. That happens, and it doesn't mean you can't feel better. I'd like to talk with you about trying someone or something different.",
        evidence: stalled.flatMap(evidenceOf),
      });
    }
    if (findings.length > 0) return { findings };
    if (summaries.some((summary) => summary.classification !== "no-reliable-change" || due(summary))) return { findings: [] };
    const scored = context.instruments
      .filter((instrument) => instrument.measures === "outcome" && context.series(instrument.id).length > 0)
      .map((instrument) => `measurements:${instrument.id}`);
    return { needs: scored.length > 0 ? scored : ["measurements:outcome"] };
  },
});

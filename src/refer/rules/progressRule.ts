import type { RuleContext } from "../createRuleContext.js";
import { defineReferralRule, type RuleFinding, type RuleNotice } from "../defineReferralRule.js";
import { latestDays } from "../internal/latestDays.js";
import type { Alternative, EvidenceItem, ProgressSummary } from "../results.js";

/** A reliable worsening since the best score that the change from baseline does not show: a relapse. */
const relapsed = (summary: ProgressSummary): boolean =>
  summary.sinceBest.outcome === "deteriorated" && summary.change.outcome !== "deteriorated";

/** Each summary's evidence in turn; pushed, not flatMapped, since every finding and notice builds it. */
function evidenceOf(summaries: readonly ProgressSummary[]): EvidenceItem[] {
  const evidence: EvidenceItem[] = [];
  for (const summary of summaries) {
    evidence.push({ kind: "score", fact: "baseline", instrument: summary.instrument, ...summary.baseline });
    if (relapsed(summary)) evidence.push({ kind: "score", fact: "best", instrument: summary.instrument, ...summary.best });
    evidence.push(
      { kind: "score", fact: "latest", instrument: summary.instrument, ...summary.latest },
      { kind: "count", fact: "sessions", count: summary.sessions },
      { kind: "count", fact: "weeks", count: summary.weeks },
    );
  }
  return evidence;
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

const DETERIORATION_TEXT =
  "The check-ins you fill in show that things have got harder for you lately. I want to make sure you have the right support, so I'd like to talk with you today about next steps, which may include seeing someone better placed to help.";
const NO_PROGRESS_TEXT =
  "We've been working together for a while, and the check-ins you fill in show that things haven't improved as much as we both hoped. That happens, and it doesn't mean you can't feel better. I'd like to talk with you about trying someone or something different.";

function deteriorationFinding(worse: readonly ProgressSummary[], severe: ReadonlySet<string>, context: RuleContext): RuleFinding {
  return {
    code: "deterioration",
    urgency: "urgent",
    summary: `Reliable deterioration: ${worse.map((summary) => describe(summary, context)).join("; ")}.`,
    explanation: DETERIORATION_TEXT,
    evidence: evidenceOf(worse),
    alternatives: worse.some((summary) => severe.has(summary.instrument)) ? higherLevelsOfCare() : [],
  };
}

function noProgressFinding(stalled: readonly ProgressSummary[], severe: ReadonlySet<string>, context: RuleContext): RuleFinding {
  const isSevere = stalled.some((summary) => severe.has(summary.instrument));
  return {
    code: "no-progress",
    // Severity as well as change: a client who stays in the severe range is not a routine referral.
    urgency: isSevere ? "soon" : "routine",
    summary: `No reliable improvement while still in the ${isSevere ? "severe" : "clinical"} range: ${stalled.map((summary) => describe(summary, context)).join("; ")}.`,
    explanation: NO_PROGRESS_TEXT,
    evidence: evidenceOf(stalled),
    alternatives: isSevere ? higherLevelsOfCare() : [],
  };
}

function worseningNotice(worse: readonly ProgressSummary[], context: RuleContext): RuleNotice {
  return {
    code: "reliable-worsening",
    summary: `Reliable worsening outside the clinical range, to review: ${worse.map((summary) => describe(summary, context)).join("; ")}.`,
    explanation: "Your check-ins show things have been a bit harder lately. I'd like to talk with you about how you're doing.",
    evidence: evidenceOf(worse),
  };
}

/** Instruments whose latest two measured days are both in the severe range: the score stays there. */
function severeNow(context: RuleContext, summaries: readonly ProgressSummary[]): Set<string> {
  const severe = new Set<string>();
  for (const summary of summaries) {
    const instrument = context.instrument(summary.instrument);
    if (instrument?.severe === undefined) continue;
    const threshold = instrument.severe;
    const inRange = (score: number) => (instrument.direction === "lower-is-better" ? score >= threshold : score < threshold);
    // The latest score is the latest day's mean: only a severe one needs the day before it read.
    if (!inRange(summary.latest.score)) continue;
    const lastTwo = latestDays(context.series(summary.instrument), 2);
    if (lastTwo.length === 2 && lastTwo.every((day) => inRange(day.score))) severe.add(summary.instrument);
  }
  return severe;
}

/** A notice for a score that stays severe where no finding already carries it: care may continue, at a higher level beside it. */
function severityNotices(severe: ReadonlySet<string>, inFindings: readonly ProgressSummary[], context: RuleContext): RuleNotice[] {
  if (severe.size === 0) return [];
  const covered = new Set(inFindings.map((summary) => summary.instrument));
  const left = context.progress.filter((summary) => severe.has(summary.instrument) && !covered.has(summary.instrument));
  if (left.length === 0) return [];
  return [
    {
      code: "severe-symptoms",
      summary: `Scores stay in the severe range: ${left.map((summary) => describe(summary, context)).join("; ")}. Consider a higher level of care beside therapy.`,
      explanation:
        "Your check-ins show things are still very hard for you. I'd like to talk with you about adding more support alongside our work.",
      evidence: evidenceOf(left),
      alternatives: higherLevelsOfCare(),
    },
  ];
}

/** Higher levels of care than weekly outpatient therapy, to offer beside it or instead (a referral target of its own). */
function higherLevelsOfCare(): Alternative[] {
  return [
    {
      kind: "psychiatric-evaluation",
      summary: "A psychiatric evaluation (a prescriber's assessment and medication review) alongside therapy.",
      explanation: "Seeing a doctor who can look at whether medication could help, alongside our sessions.",
      levelOfCare: "psychiatric-evaluation",
    },
    {
      kind: "intensive-outpatient",
      summary: "An intensive outpatient programme: several sessions a week.",
      explanation: "A programme with more sessions each week, for more support than we can give once a week.",
      levelOfCare: "intensive-outpatient",
    },
    {
      kind: "partial-hospitalisation",
      summary: "A partial hospitalisation (day treatment) programme.",
      explanation: "A day programme with treatment most days of the week, while you still sleep at home.",
      levelOfCare: "partial-hospitalisation",
    },
  ];
}

/** Without a verdict: the outcome instruments scored so far need more measurements (any outcome instrument, when none is). */
function measurementsNeeded(context: RuleContext): { needs: string[] } {
  const scored = context.instruments
    .filter((instrument) => instrument.measures === "outcome" && context.series(instrument.id).length > 0)
    .map((instrument) => `measurements:${instrument.id}`);
  return { needs: scored.length > 0 ? scored : ["measurements:outcome"] };
}

/**
 * No progress or deterioration, measured, not guessed: for each outcome
 * instrument, the Jacobson–Truax reliable change from baseline to the
 * latest score (see {@link classifyProgress}).
 *
 * - `deterioration` (`urgent`): a reliable worsening from baseline (NHS
 *   Talking Therapies), or with `policy.progress.deterioration: "from-best"`
 *   also from the best score of the episode (a relapse: PHQ-9 20 → 5 → 19),
 *   on any number of measured sessions, while the latest score is in the
 *   clinical range (always, for an instrument without a cutoff). A reliable
 *   worsening outside it is a `reliable-worsening` notice, to review.
 * - `no-progress` (`routine`, `soon` when the score stays severe): no
 *   reliable improvement once the policy's minimum sessions or weeks have
 *   passed, while still in the clinical range (always, for an instrument
 *   without a cutoff).
 *
 * Severity as well as change: an instrument's latest two measured days both
 * in its severe range (PHQ-9 ≥ 20, GAD-7 ≥ 15) make the finding at least
 * `soon` and add higher levels of care as alternatives (a psychiatric
 * evaluation, an intensive outpatient or a partial hospitalisation
 * programme; NICE NG222, 2022: more severe depression calls for combined
 * psychological and medication treatment); without a finding, they are a
 * `severe-symptoms` notice with the same alternatives.
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
    "Seed 002 (you're not making any progress); NASW Code of Ethics 1.16(a); APA Ethics Code 10.10(a); reliable change after Jacobson & Truax 1991, Journal of Consulting and Clinical Psychology 59(1):12–19, with each instrument's criteria and source; severity: each instrument's severe range and source; higher levels of care: NICE guideline NG222 (2022), Depression in adults: treatment and management",
  evaluate(context) {
    const { minimumSessions, minimumWeeks } = context.policy.progress;
    const summaries = context.progress;
    // No instrument scored on two days yet: nothing to judge, and nothing else to build.
    if (summaries.length === 0) return measurementsNeeded(context);
    const due = (summary: ProgressSummary) => summary.sessions >= minimumSessions || summary.weeks >= minimumWeeks;
    // A worsening counts as a referral while in or entering the clinical range; outside it, it is a review notice.
    const clinicalNow = (summary: ProgressSummary) => summary.caseness?.latest ?? true;
    const worse = summaries.filter((summary) => summary.classification === "deteriorated" && clinicalNow(summary));
    const worseOutside = summaries.filter((summary) => summary.classification === "deteriorated" && !clinicalNow(summary));
    // Read as a pair (NHS Talking Therapies), a reliable improvement on one measure is progress for both.
    const paired = context.pairedProgress;
    const pairedProgressMade = (summary: ProgressSummary) =>
      paired !== undefined &&
      (paired.reliableImprovement || paired.recovery) &&
      (summary.instrument === paired.depression || summary.instrument === paired.anxiety);
    const stalled = summaries.filter(
      (summary) => summary.classification === "no-reliable-change" && due(summary) && clinicalNow(summary) && !pairedProgressMade(summary),
    );
    const severe = severeNow(context, summaries);
    const findings: RuleFinding[] = [];
    if (worse.length > 0) findings.push(deteriorationFinding(worse, severe, context));
    if (stalled.length > 0) findings.push(noProgressFinding(stalled, severe, context));
    const notices = [
      ...(worseOutside.length > 0 ? [worseningNotice(worseOutside, context)] : []),
      ...severityNotices(severe, [...worse, ...stalled], context),
    ];
    if (findings.length > 0 || notices.length > 0) return { findings, notices };
    if (summaries.some((summary) => summary.classification !== "no-reliable-change" || due(summary))) return { findings: [] };
    return measurementsNeeded(context);
  },
});

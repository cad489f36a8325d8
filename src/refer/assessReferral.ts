import { builtInRules } from "./builtInRules.js";
import { createRuleContext, type RuleContextOptions } from "./createRuleContext.js";
import type { ReferralRule } from "./defineReferralRule.js";
import { assessContext } from "./internal/assessContext.js";
import { rulesOf } from "./internal/rulesOf.js";
import type { ReferralAssessment } from "./results.js";
import type { ReferralCaseInput } from "./schemas.js";

/** The options of {@link assessReferral}: those of a rule context, and the rules to run. */
export interface AssessReferralOptions extends RuleContextOptions {
  /** The rules to run, the nine {@link builtInRules} by default; ids must be unique. */
  readonly rules?: readonly ReferralRule[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Decides whether a client should be referred out, why, how urgently, and
 * what the receiving clinician must offer. Runs each rule (the nine
 * built-in triggers unless `rules` says otherwise) on the validated case,
 * then gathers:
 *
 * - `safety`, first: the safety level (`none`, `review`, `urgent-review`,
 *   `crisis`) from risk items, risk ratings and needs that are a risk, its
 *   evidence, the actions for it with the emergency numbers for where the
 *   client lives, and whether a referral's hand-off waits while risk is
 *   open (then `preparation` only continues care). referwell is not a
 *   risk-assessment tool: it never lowers what a clinician judges;
 * - `findings`, most urgent first (ties by code, rule and date), each with
 *   evidence, a clinician summary, a plain-language explanation for the
 *   client, the criteria it adds, alternatives and its source;
 * - `refer` (any finding) and `urgency` (the highest finding's);
 * - `notices`: things to act on that are no reason to refer, by date, each
 *   with the alternatives that bridge it: a short gap in in-network cover, a
 *   move or a change of cover the client can continue through, a
 *   continuity-of-care or good-faith-estimate duty, a worsening outside the
 *   clinical range, scores that stay severe;
 * - `criteria`: {@link referwell!criteriaFromClient} on the start date
 *   (today for an urgent need that is present, else the latest `careFrom`
 *   among the most urgent findings, such as a move, but never after the
 *   first day a move or a stay elsewhere bars the treating clinician), with
 *   the payers of the cover in force that day, every finding's additions
 *   (but payers of a change after that day, or that the client's coverage
 *   shows they no longer hold then) and the treating clinician excluded,
 *   and no self-pay ceiling while Medicare or Medicaid (or, under the
 *   default `billing.unknownProgram`, a coverage that does not say its
 *   programme) covers the client between the start date and the end of the
 *   look-ahead, its length counted from today and from each finding's
 *   `careFrom` (with no cover on the start date, the
 *   networks of that coverage are asked for), ready for `referwell/match`
 *   as it is;
 * - `options`: how many options to offer, from the policy, in the matcher's
 *   terms (`minimumOptions`, `preferredOptions`, and `margin`, an absolute
 *   lead of the best match score over the next): pass them to the matcher's
 *   `rank` as `recommendation`;
 * - `preparation`: the steps to take with the client when referring;
 * - `unevaluated`: the rules that could not run, or ran only in part, with
 *   the facts they need;
 * - `progress`: measured progress on each outcome instrument, and
 *   `pairedProgress`: PHQ-9 and GAD-7 (or the pair the policy names) read
 *   together as NHS Talking Therapies does, when both were measured;
 * - `unknownTags`: the client's and the clinician's tags that no vocabulary
 *   knows (problem areas, modalities, populations, the discipline,
 *   languages), by path from the case, never by value: a misspelled need
 *   would otherwise match only the same spelling, here and in the matcher.
 *
 * The result depends only on the input, and equal inputs give
 * byte-identical JSON. The order of rules, measurements, sessions,
 * disagreements, coverage, planned moves, conflicts and panels does not
 * change it (payers and exclusions in the criteria are sorted); the order of
 * needs and preferences is kept, since it means something (the first need
 * is the primary one).
 *
 * @param input - the case (see {@link ReferralCase}), usually parsed JSON
 * @param options - `now` and `timeZone` (an instant falls on its date in `timeZone` when given, else at its own offset), and optionally `rules`, `policy`, `instruments` and `vocabulary`
 * @throws {@link InvalidInputError} when the case or the options break a
 * rule, or a host's rule returns a malformed outcome; never with a value
 * from the input in it
 *
 * @example
 * ```ts
 * import { assessReferral } from "referwell/refer";
 *
 * const assessment = assessReferral(
 *   {
 *     client: {
 *       id: "cl-03",
 *       ageGroup: "adolescent",
 *       residence: { jurisdiction: "US-OR" },
 *       plannedMoves: [{ date: "2026-12-15", to: { jurisdiction: "US-WA" } }],
 *       coverage: [{ payerId: "aetna", period: { start: "2025-06-01" } }],
 *       needs: { problemAreas: ["eating-disorders", "anxiety"] },
 *     },
 *     clinician: {
 *       id: "clin-elif",
 *       name: "Elif Demir",
 *       discipline: "counselor",
 *       licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *       problemAreas: ["eating-disorders", "anxiety"],
 *       populations: ["adolescents", "adults"],
 *       languages: ["en"],
 *       insurancePanels: [{ payerId: "aetna", period: { start: "2023-02-01" } }],
 *       availability: { timeZone: "America/Los_Angeles", slots: [] },
 *       acceptingNewClients: true,
 *       capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
 *     },
 *     episode: { start: "2026-03-10" },
 *   },
 *   { now: "2026-11-23" },
 * );
 * [assessment.refer, assessment.urgency]; // => [true, "soon"]
 * assessment.findings.map((finding) => [finding.code, finding.date]); // => [["moving", "2026-12-15"]]
 * assessment.findings[0]?.explanation.startsWith("You're moving on 15 December 2026"); // => true
 * assessment.criteria.startDate; // => "2026-12-15"
 * assessment.criteria.location; // => { jurisdiction: "US-WA" }
 * assessment.criteria.require.excludeClinicianIds; // => ["clin-elif"]
 * assessment.options.minimumOptions; // => 2
 * assessment.options.margin; // => 0.1
 * assessment.preparation.map((step) => step.code);
 * // => ["explain-reason", "pre-termination-counselling", "offer-options", "consent-to-share-records", "warm-hand-off", "continuity-until-transfer"]
 * assessment.unevaluated.map((entry) => entry.rule); // => ["alliance", "progress"]
 * assessment.safety.level; // => "none"
 * ```
 */
export function assessReferral(input: ReferralCaseInput, options: AssessReferralOptions): ReferralAssessment {
  // `rules` is this function's option; the rest are the rule context's, each checked strictly by its owner.
  const { rules: ruleList, ...contextOptions } = isPlainObject(options) ? options : { rules: undefined };
  const rules = ruleList === undefined ? builtInRules : rulesOf({ rules: ruleList });
  const context = createRuleContext(input, (isPlainObject(options) ? contextOptions : options) as RuleContextOptions);
  return assessContext(rules, context);
}

import * as z from "zod";
import { ExpectedText } from "../errors.js";
import { validate } from "../model/index.js";
import type { RuleContext } from "./createRuleContext.js";
import { type FindingDraft, type NoticeDraft, ReasonCode } from "./results.js";

/** A finding as a rule may write it: the fields with defaults (`evidence`, `criteria`, `alternatives`) may be left out. */
export type RuleFinding = z.input<typeof FindingDraft>;

/** A notice as a rule may write it: `evidence` and `alternatives` may be left out. */
export type RuleNotice = z.input<typeof NoticeDraft>;

/**
 * What a rule returns: its findings (none when it finds nothing), with
 * optional notices (things to act on that are no reason to refer) and the
 * facts it still needs when it ran only in part; or only the facts it needs
 * when it cannot run, as input paths or `measurements:<id>`.
 */
export type RuleOutcome =
  | { readonly findings: readonly RuleFinding[]; readonly notices?: readonly RuleNotice[]; readonly needs?: readonly string[] }
  | { readonly needs: readonly string[] };

/**
 * A referral rule: a stable id (findings and `unevaluated` name it), the
 * source of the rule (a seed article, an ethics code, a practice policy),
 * and a pure function of the {@link RuleContext}. A rule must not depend on
 * the order of the context's lists (they come sorted), and must not change
 * the context: the rules after it read the same one. Whatever it returns is
 * copied into the assessment.
 */
export interface ReferralRule {
  /** The rule's id, a kebab-case code unique among the rules of one assessment. */
  readonly id: string;
  /** Where the rule comes from, cited on every finding it makes. */
  readonly source: string;
  /** Evaluates the rule against one case. */
  evaluate(context: RuleContext): RuleOutcome;
}

const RuleDefinition = z.strictObject({
  id: ReasonCode,
  source: z.string().min(1).max(1_000),
  evaluate: z.custom<ReferralRule["evaluate"]>((value) => typeof value === "function", { params: { expected: ExpectedText.function } }),
});

/**
 * Defines a referral rule of your own that joins the built-in ones: pass it
 * in `rules` beside {@link builtInRules}. Its findings are validated like
 * any input, so a rule that returns a malformed finding makes
 * `assessReferral` throw an {@link InvalidInputError} naming the path.
 *
 * @param definition - the rule's `id`, `source` and `evaluate` function
 * @returns the rule, frozen
 * @throws {@link InvalidInputError} when the id is not a kebab-case code,
 * the source is empty, or `evaluate` is not a function
 *
 * @example
 * ```ts
 * import { assessReferral, builtInRules, defineReferralRule } from "referwell/refer";
 *
 * const language = defineReferralRule({
 *   id: "language",
 *   source: "Practice policy: therapy in the client's language",
 *   evaluate: (context) => {
 *     const wanted = context.client.preferences.languages;
 *     if (wanted.length === 0 || wanted.some((tag) => context.clinician.languages.includes(tag))) return { findings: [] };
 *     return {
 *       findings: [
 *         {
 *           code: "language",
 *           urgency: "routine",
 *           summary: `The client prefers ${wanted.join(", ")}; the clinician speaks ${context.clinician.languages.join(", ")}.`,
 *           explanation: "You'd like therapy in your own language, and I can't offer that.",
 *           criteria: { require: { languages: wanted } },
 *         },
 *       ],
 *     };
 *   },
 * });
 *
 * const assessment = assessReferral(
 *   {
 *     client: {
 *       id: "cl-16",
 *       ageGroup: "adult",
 *       residence: { jurisdiction: "US-OR" },
 *       needs: { problemAreas: ["anxiety"] },
 *       preferences: { languages: ["es"] },
 *     },
 *     clinician: {
 *       id: "clin-ana",
 *       name: "Ana Ruiz",
 *       discipline: "psychologist",
 *       licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *       problemAreas: ["anxiety"],
 *       populations: ["adults"],
 *       languages: ["en"],
 *       availability: { timeZone: "America/Los_Angeles", slots: [] },
 *       acceptingNewClients: true,
 *       capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
 *     },
 *   },
 *   { now: "2026-11-23", rules: [...builtInRules, language] },
 * );
 * assessment.findings.map((finding) => finding.code); // => ["language"]
 * assessment.criteria.require.languages; // => ["es"]
 * ```
 */
export function defineReferralRule(definition: ReferralRule): ReferralRule {
  const { id, source, evaluate } = validate(RuleDefinition, definition, "rule");
  return Object.freeze({ id, source, evaluate });
}

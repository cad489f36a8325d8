import { labelsOrCounts } from "../internal/labelsOrCounts.js";
import { defineReferralRule, type RuleOutcome } from "../defineReferralRule.js";
import type { EvidenceItem } from "../results.js";

/**
 * Disagreement about the course of treatment: the client wants modalities
 * and the clinician offers none of them (compared on vocabulary codes: a
 * list of preferences is met by any one of them), or the clinician recorded
 * a disagreement that is not resolved (seed 002: if you disagree about the
 * course of treatment, the client cannot trust your direction). Refer
 * `routine`. A single wanted modality is required of the receiving
 * clinician; several are preferred, since any one of them would do. A
 * clinician who lists no modalities cannot be judged on the client's
 * preferences: the rule asks for `clinician.modalities` (and still reports a
 * recorded disagreement).
 *
 * @example
 * ```ts
 * import { createRuleContext, treatmentDisagreementRule, type ReferralCaseInput } from "referwell/refer";
 *
 * const input: ReferralCaseInput = {
 *   client: {
 *     id: "cl-08",
 *     ageGroup: "adult",
 *     residence: { jurisdiction: "US-OR" },
 *     needs: { problemAreas: ["anxiety"] },
 *     preferences: { modalities: ["EMDR", "CBT"] },
 *   },
 *   clinician: {
 *     id: "clin-ana",
 *     name: "Ana Ruiz",
 *     discipline: "psychologist",
 *     licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *     modalities: ["cbt", "act"],
 *     populations: ["adults"],
 *     languages: ["en"],
 *     availability: { timeZone: "America/Los_Angeles", slots: [] },
 *     acceptingNewClients: true,
 *     capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
 *   },
 * };
 * treatmentDisagreementRule.evaluate(createRuleContext(input, { now: "2026-11-23" })); // => { findings: [] }
 *
 * const emdrOnly = { ...input, client: { ...input.client, preferences: { modalities: ["EMDR"] } } };
 * const outcome = treatmentDisagreementRule.evaluate(createRuleContext(emdrOnly, { now: "2026-11-23" }));
 * "findings" in outcome && outcome.findings[0]?.criteria; // => { require: { modalities: ["EMDR"] } }
 * ```
 */
export const treatmentDisagreementRule = /* @__PURE__ */ defineReferralRule({
  id: "treatment-disagreement",
  source: "Seed 002 (you disagree about the course of treatment: without the client's trust in your direction, therapy cannot work)",
  evaluate(context): RuleOutcome {
    const { clinician, client, vocabulary, disagreements } = context;
    const preferred = client.preferences.modalities;
    if (preferred.length === 0 && disagreements.length === 0) return { findings: [] };
    const judged = preferred.length > 0 && clinician.modalities.length > 0;
    const needs = preferred.length > 0 && !judged ? { needs: ["clinician.modalities"] } : {};
    // One entry per code, first spelling kept.
    const wanted = new Map<string, string>();
    for (const modality of preferred) {
      const code = vocabulary.canonical("modalities", modality);
      if (!wanted.has(code)) wanted.set(code, modality);
    }
    const unmet = judged && ![...wanted.values()].some((modality) => context.offers(modality));
    if (!unmet && disagreements.length === 0) return judged ? { findings: [] } : { findings: [], ...needs };
    // Listed modalities by code; the client's own words for others are only counted.
    const listed = unmet ? [...wanted.keys()].filter((code) => vocabulary.isKnown("modalities", code)) : [];
    const unlisted = unmet ? wanted.size - listed.length : 0;
    const evidence: EvidenceItem[] = [
      ...listed.map((code) => ({ kind: "id" as const, fact: "modality-wanted", id: code })),
      ...(unlisted === 0 ? [] : [{ kind: "count" as const, fact: "unlisted-modalities-wanted", count: unlisted }]),
    ];
    for (const disagreement of disagreements)
      evidence.push({ kind: "date", fact: `disagreement-${disagreement.about}`, date: disagreement.recorded });
    const labels = labelsOrCounts(vocabulary, "modalities", listed, unlisted, ["modality", "modalities"]);
    const parts = [
      ...(unmet ? [`the client wants ${labels.join(" or ")}, and ${clinician.name} offers none of them`] : []),
      ...(disagreements.length === 0
        ? []
        : [`${disagreements.length} unresolved disagreement(s) recorded (${disagreements.map((d) => d.about).join(", ")})`]),
    ];
    const modalities = unmet ? [...wanted.values()] : [];
    return {
      findings: [
        {
          code: "treatment-disagreement",
          urgency: "routine",
          summary: `Disagreement about the course of treatment: ${parts.join("; ")}.`,
          explanation: unmet
            ? "You've told me you'd like a kind of therapy that I don't offer. What you believe will help you matters, and I'd like to help you find someone who offers it."
            : "We see the way forward in therapy differently, and that makes it harder for our work to help you. I'd like to help you find someone whose approach fits what you want.",
          evidence,
          criteria: modalities.length === 0 ? {} : modalities.length === 1 ? { require: { modalities } } : { prefer: { modalities } },
        },
      ],
      ...needs,
    };
  },
});

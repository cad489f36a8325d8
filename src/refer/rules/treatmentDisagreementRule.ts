import { defineReferralRule } from "../defineReferralRule.js";
import type { EvidenceItem } from "../results.js";

/**
 * Disagreement about the course of treatment: the client wants a modality
 * the clinician does not offer (compared on vocabulary codes), or the
 * clinician recorded a disagreement that is not resolved (seed 002: if you
 * disagree about the course of treatment, the client cannot trust your
 * direction). Refer `routine`, requiring the wanted modalities.
 *
 * @example
 * ```ts
 * import { createRuleContext, treatmentDisagreementRule } from "referwell/refer";
 *
 * const context = createRuleContext(
 *   {
 *     client: {
 *       id: "cl-08",
 *       ageGroup: "adult",
 *       residence: { jurisdiction: "US-OR" },
 *       needs: { problemAreas: ["anxiety"] },
 *       preferences: { modalities: ["EMDR", "CBT"] },
 *     },
 *     clinician: {
 *       id: "clin-ana",
 *       name: "Ana Ruiz",
 *       discipline: "psychologist",
 *       licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *       modalities: ["cbt", "act"],
 *       populations: ["adults"],
 *       languages: ["en"],
 *       availability: { timeZone: "America/Los_Angeles", slots: [] },
 *       acceptingNewClients: true,
 *       capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
 *     },
 *   },
 *   { now: "2026-11-23" },
 * );
 * const outcome = treatmentDisagreementRule.evaluate(context);
 * "findings" in outcome && outcome.findings[0]?.criteria; // => { require: { modalities: ["EMDR"] } }
 * ```
 */
export const treatmentDisagreementRule = /* @__PURE__ */ defineReferralRule({
  id: "treatment-disagreement",
  source: "Seed 002 (you disagree about the course of treatment: without the client's trust in your direction, therapy cannot work)",
  evaluate(context) {
    const { clinician, client, vocabulary, disagreements } = context;
    if (client.preferences.modalities.length === 0 && disagreements.length === 0) return { findings: [] };
    const wanted = new Map<string, string>();
    for (const modality of client.preferences.modalities) {
      const code = vocabulary.canonical("modalities", modality);
      if (!wanted.has(code) && !context.offers(modality)) wanted.set(code, modality);
    }
    if (wanted.size === 0 && disagreements.length === 0) return { findings: [] };
    const evidence: EvidenceItem[] = [...wanted.keys()].map((code) => ({ kind: "id", fact: "modality-wanted", id: code }));
    for (const disagreement of disagreements) evidence.push({ kind: "date", fact: `disagreement-${disagreement.about}`, date: disagreement.recorded });
    const parts = [
      ...(wanted.size === 0 ? [] : [`the client wants ${[...wanted.keys()].map((code) => vocabulary.label("modalities", code) ?? code).join(", ")}, which ${clinician.name} does not offer`]),
      ...(disagreements.length === 0 ? [] : [`${disagreements.length} unresolved disagreement(s) recorded (${disagreements.map((d) => d.about).join(", ")})`]),
    ];
    return {
      findings: [
        {
          code: "treatment-disagreement",
          urgency: "routine",
          summary: `Disagreement about the course of treatment: ${parts.join("; ")}.`,
          explanation:
            wanted.size > 0
              ? "You've told me you'd like a kind of therapy that I don't offer. What you believe will help you matters, and I'd like to help you find someone who offers it."
              : "We see the way forward in therapy differently, and that makes it harder for our work to help you. I'd like to help you find someone whose approach fits what you want.",
          evidence,
          criteria: { require: { modalities: [...wanted.values()] } },
        },
      ],
    };
  },
});

import { labelsOrCounts } from "../internal/labelsOrCounts.js";
import { defineReferralRule } from "../defineReferralRule.js";
import type { EvidenceItem } from "../results.js";

/**
 * A need outside the clinician's scope: the client's primary need (or, with
 * `policy.scope: "all"`, any need) is a problem area the clinician does not
 * treat, compared on vocabulary codes (seed 002: the client has needs
 * outside your scope of service; APA 2.01 Boundaries of Competence; ACA
 * C.2.a; NASW 1.16(a)). Refer `soon`, requiring the receiving clinician to
 * treat it. A clinician who lists no problem areas cannot be judged. A need
 * that is a risk (`policy.safety.riskNeeds`: suicidal thoughts, self-harm)
 * is never by itself outside scope: every clinician must assess and hold
 * risk, and the safety section of the assessment handles it.
 *
 * @example
 * ```ts
 * import { createRuleContext, outsideScopeRule } from "referwell/refer";
 *
 * const context = createRuleContext(
 *   {
 *     client: { id: "cl-04", ageGroup: "adult", residence: { jurisdiction: "US-OR" }, needs: { problemAreas: ["Anorexia", "depression"] } },
 *     clinician: {
 *       id: "clin-hana",
 *       name: "Hana Sato",
 *       discipline: "clinical social worker",
 *       licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *       problemAreas: ["perinatal", "grief", "depression"],
 *       populations: ["adults"],
 *       languages: ["en"],
 *       availability: { timeZone: "America/Los_Angeles", slots: [] },
 *       acceptingNewClients: true,
 *       capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
 *     },
 *   },
 *   { now: "2026-11-23" },
 * );
 * const outcome = outsideScopeRule.evaluate(context);
 * "findings" in outcome && outcome.findings[0]?.evidence; // => [{ kind: "id", fact: "problem-area", id: "eating-disorders" }]
 * "findings" in outcome && outcome.findings[0]?.criteria; // => { require: { problemAreas: ["Anorexia"] } }
 * ```
 */
export const outsideScopeRule = /* @__PURE__ */ defineReferralRule({
  id: "outside-scope",
  source:
    "Seed 002 (the client has needs outside your scope of service); APA Ethics Code 2.01 Boundaries of Competence; ACA Code of Ethics C.2.a; NASW Code of Ethics 1.16(a)",
  evaluate(context) {
    const { clinician, client, vocabulary } = context;
    if (clinician.problemAreas.length === 0) return { needs: ["clinician.problemAreas"] };
    const needs = context.policy.scope === "primary" ? client.needs.problemAreas.slice(0, 1) : client.needs.problemAreas;
    const untreated = needs.filter((need) => !context.treats(need));
    if (untreated.length === 0) return { findings: [] };
    // The few risk needs are compared one by one, and only for a need the clinician does not treat.
    const isRisk = (code: string) => context.policy.safety.riskNeeds.some((tag) => vocabulary.canonical("problemAreas", tag) === code);
    const outside = new Map<string, string>();
    for (const need of untreated) {
      const code = vocabulary.canonical("problemAreas", need);
      if (!outside.has(code) && !isRisk(code)) outside.set(code, need);
    }
    if (outside.size === 0) return { findings: [] };
    // Listed problem areas by code; the client's own words for others are only counted.
    const listed = [...outside.keys()].filter((code) => vocabulary.isKnown("problemAreas", code));
    const unlisted = outside.size - listed.length;
    const labels = labelsOrCounts(vocabulary, "problemAreas", listed, unlisted, ["need", "needs"]);
    const evidence: EvidenceItem[] = [
      ...listed.map((code) => ({ kind: "id" as const, fact: "problem-area", id: code })),
      ...(unlisted === 0 ? [] : [{ kind: "count" as const, fact: "unlisted-problem-areas", count: unlisted }]),
    ];
    return {
      findings: [
        {
          code: "outside-scope",
          urgency: "soon",
          summary: `${labels.join(", ")}: outside the scope of ${clinician.name}, who treats ${clinician.problemAreas.join(", ")}.`,
          explanation:
            "What you need help with now is outside what I specialise in. You deserve someone with training and experience in exactly that, and I'd like to help you find them.",
          evidence,
          criteria: { require: { problemAreas: [...outside.values()] } },
        },
      ],
    };
  },
});

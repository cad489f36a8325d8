import { defineReferralRule } from "../defineReferralRule.js";
import type { EvidenceItem } from "../results.js";
import { compareText } from "../../model/internal/compareText.js";

/**
 * Loss of impartiality: the client declared a conflict (a dual relationship,
 * a conflict of interest, a prior relationship) with the treating
 * clinician, undated or declared on or before today. Refer `soon`, and exclude that clinician from the criteria
 * (seed 002: you're at risk of losing impartiality; APA 3.05 Multiple
 * Relationships and 3.06 Conflict of Interest; ACA A.6; NASW 1.06
 * Conflicts of Interest). Declared conflicts with other clinicians already
 * exclude them through the client's own criteria.
 *
 * @example
 * ```ts
 * import { createRuleContext, impartialityRule } from "referwell/refer";
 *
 * const context = createRuleContext(
 *   {
 *     client: {
 *       id: "cl-05",
 *       ageGroup: "adult",
 *       residence: { jurisdiction: "US-OR" },
 *       needs: { problemAreas: ["relationship issues"] },
 *       conflicts: [{ clinicianId: "clin-chloe", kind: "dual-relationship", declared: "2026-11-10" }],
 *     },
 *     clinician: {
 *       id: "clin-chloe",
 *       name: "Chloe Martin",
 *       discipline: "marriage and family therapist",
 *       licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *       populations: ["couples"],
 *       languages: ["en"],
 *       availability: { timeZone: "America/Los_Angeles", slots: [] },
 *       acceptingNewClients: true,
 *       capacity: { caseloadMax: 20, caseloadCurrent: 18, weeklyNewClientLimit: 1 },
 *     },
 *   },
 *   { now: "2026-11-23" },
 * );
 * const outcome = impartialityRule.evaluate(context);
 * "findings" in outcome && outcome.findings[0]?.urgency; // => "soon"
 * "findings" in outcome && outcome.findings[0]?.criteria; // => { require: { excludeClinicianIds: ["clin-chloe"] } }
 * ```
 */
export const impartialityRule = /* @__PURE__ */ defineReferralRule({
  id: "impartiality",
  source:
    "Seed 002 (you're at risk of losing impartiality); APA Ethics Code 3.05 Multiple Relationships and 3.06 Conflict of Interest; ACA Code of Ethics A.6; NASW Code of Ethics 1.06 Conflicts of Interest",
  evaluate(context) {
    const { clinician, now } = context;
    // Most clients declare no conflict at all: nothing to sort.
    if (context.client.conflicts.length === 0) return { findings: [] };
    // A conflict dated later than today is not declared yet.
    const conflicts = context.client.conflicts
      .filter((conflict) => conflict.clinicianId === clinician.id && (conflict.declared === undefined || conflict.declared <= now))
      .map((conflict) => ({ kind: conflict.kind, declared: conflict.declared ?? "", key: `${conflict.kind} ${conflict.declared ?? ""}` }))
      .sort((a, b) => compareText(a.key, b.key));
    if (conflicts.length === 0) return { findings: [] };
    const evidence: EvidenceItem[] = [{ kind: "id", fact: "clinician", id: clinician.id }];
    for (const conflict of conflicts) {
      evidence.push({ kind: "id", fact: "conflict-kind", id: conflict.kind });
      if (conflict.declared !== "") evidence.push({ kind: "date", fact: "declared", date: conflict.declared });
    }
    const kinds = [...new Set(conflicts.map((conflict) => conflict.kind))].join(", ");
    return {
      findings: [
        {
          code: "impartiality",
          urgency: "soon",
          summary: `The client declared a conflict (${kinds}) with ${clinician.name} (${clinician.id}), the treating clinician.`,
          explanation:
            "Something has changed that means I can no longer be fully objective in our work together. It isn't about anything you have done: you deserve care that is entirely about you, so I'd like to help you move to a colleague.",
          evidence,
          criteria: { require: { excludeClinicianIds: [clinician.id] } },
        },
      ],
    };
  },
});

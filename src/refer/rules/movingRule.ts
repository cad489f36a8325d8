import { format, parseISO, subDays } from "date-fns";
import { checkLicensure, residenceOn } from "../../model/index.js";
import { defineReferralRule, type RuleFinding } from "../defineReferralRule.js";
import type { Alternative } from "../results.js";

/**
 * The client is moving to another jurisdiction: a planned move dated from
 * today up to the look-ahead is a finding now, with its date (a move next
 * month needs a referral this month); urgency follows how close it is. A
 * move already made during the episode is a finding only while the
 * clinician cannot practise where the client now lives. The receiving
 * clinician is chosen for where the client will live (seed 002: refer
 * your client to a new therapist in their new town). Where the clinician
 * may keep practising there, by a licence or a compact privilege
 * (telehealth follows the client's location), continuing is offered.
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
 * const finding = "findings" in outcome ? outcome.findings[0] : undefined;
 * [finding?.date, finding?.urgency]; // => ["2026-12-15", "soon"]
 * finding?.alternatives?.map((alternative) => alternative.basis); // => [{ via: "compact", compactId: "counseling-compact" }]
 * ```
 */
export const movingRule = /* @__PURE__ */ defineReferralRule({
  id: "moving",
  source:
    "Seed 002 (the client is moving: refer your client to a new therapist in their new town); licensure follows where the client is, by licence or interstate compact",
  evaluate(context) {
    const { client, clinician, now, horizon } = context;
    if (client.plannedMoves.length === 0) return { findings: [] };
    const from = context.episodeStart ?? now;
    const dates = [...new Set(client.plannedMoves.map((move) => move.date))].filter((date) => date >= from && date <= horizon).sort();
    const findings: RuleFinding[] = [];
    for (const date of dates) {
      const before = residenceOn(client, format(subDays(parseISO(date), 1), "yyyy-MM-dd")).jurisdiction;
      const to = residenceOn(client, date).jurisdiction;
      if (to === before) continue;
      const past = date < now;
      const on = past ? now : date;
      const alternatives: Alternative[] = [];
      for (const mode of ["telehealth", "in-person"] as const) {
        if (client.preferences.mode !== "either" && client.preferences.mode !== mode) continue;
        if (mode === "telehealth" ? !clinician.telehealth : !clinician.locations.some((location) => location.jurisdiction === to)) continue;
        const licensure = checkLicensure(clinician, { jurisdiction: to, mode, on }, context.compacts);
        if (!licensure.authorized) continue;
        const basis = licensure.via === "license" ? { via: "license" as const, jurisdiction: licensure.jurisdiction } : { via: "compact" as const, compactId: licensure.compactId };
        const by = basis.via === "license" ? `a licence for ${basis.jurisdiction}` : `the ${basis.compactId} privilege`;
        alternatives.push(
          mode === "telehealth"
            ? { kind: "continue-by-telehealth", summary: `Continue by telehealth: authorized in ${to} by ${by}.`, explanation: "I can keep seeing you by video after you move.", basis }
            : { kind: "continue-in-person", summary: `Continue in person at a location in ${to}: authorized by ${by}.`, explanation: "I also see clients in person near where you're moving, so we could keep meeting.", basis },
        );
      }
      if (past && alternatives.length > 0) continue;
      findings.push({
        code: "moving",
        urgency: context.urgencyOf(date),
        date,
        careFrom: date,
        summary: `${past ? "Moved" : "Moves"} to ${to} on ${date}; ${alternatives.length > 0 ? `${clinician.name} may keep practising there` : `${clinician.name} is not authorized to practise there`}.`,
        explanation: past
          ? "You now live somewhere I'm not licensed to keep seeing you, so I'd like to help you find a good therapist near your new home."
          : `You're moving on ${context.describeDate(date)}, and therapy works best with someone who can keep seeing you where you'll live. I'd like to help you find a good therapist there before you go.`,
        evidence: [
          { kind: "place", fact: "moving-to", jurisdiction: to },
          { kind: "date", fact: "move-date", date },
        ],
        alternatives,
      });
    }
    return { findings };
  },
});

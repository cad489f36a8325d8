import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { licensureFor } from "../../model/internal/licensureFor.js";
import { placeOn } from "../../model/internal/placeOn.js";
import { defineReferralRule, type RuleFinding } from "../defineReferralRule.js";
import type { Alternative } from "../results.js";

/**
 * The client is moving to another jurisdiction: a planned move dated from
 * today up to the look-ahead is a finding now, with its date (a move next
 * month needs a referral this month); urgency follows how close it is. A
 * move already made during the episode is a finding only while the
 * clinician cannot continue in a way the client attends. The receiving
 * clinician is chosen for where the client will live (seed 002: refer
 * your client to a new therapist in their new town). Where the clinician
 * may keep practising there, by a licence or a compact privilege
 * (telehealth follows the client's location), continuing is offered; to a
 * client who attends in person, continuing by telehealth is still offered
 * when the clinician is authorized for it, and the finding stands. The
 * summary and the client's explanation give the real reason: not authorized
 * there, no office there, or no telehealth.
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
    const attends = client.preferences.mode;
    const findings: RuleFinding[] = [];
    for (const date of dates) {
      const before = placeOn(client, addCalendarDays(date, -1)).jurisdiction;
      const to = placeOn(client, date).jurisdiction;
      if (to === before) continue;
      const past = date < now;
      const on = past ? now : date;
      const alternatives: Alternative[] = [];
      // Why the clinician cannot continue in a way the client attends, reason by reason.
      const unauthorized: string[] = [];
      const missing: string[] = [];
      let fits = false;
      let byVideo: string | undefined;
      for (const mode of ["telehealth", "in-person"] as const) {
        const accepted = attends === "either" || attends === mode;
        // Telehealth is still offered to a client who attends in person: it is how care can follow a move.
        if (!accepted && mode !== "telehealth") continue;
        const provides =
          mode === "telehealth" ? clinician.telehealth : clinician.locations.some((location) => location.jurisdiction === to);
        if (!provides) {
          if (accepted) missing.push(mode === "telehealth" ? "offers no telehealth" : `has no office in ${to}`);
          continue;
        }
        const licensure = licensureFor(clinician, { jurisdiction: to, mode, on }, context.compacts);
        if (!licensure.authorized) {
          if (accepted) unauthorized.push(mode);
          continue;
        }
        const basis =
          licensure.via === "license"
            ? { via: "license" as const, jurisdiction: licensure.jurisdiction }
            : { via: "compact" as const, compactId: licensure.compactId };
        const by = basis.via === "license" ? `a licence for ${basis.jurisdiction}` : `the ${basis.compactId} privilege`;
        if (accepted) fits = true;
        else byVideo = by;
        alternatives.push(
          mode === "telehealth"
            ? {
                kind: "continue-by-telehealth",
                summary: `Continue by telehealth: authorized in ${to} by ${by}.`,
                explanation: "I can keep seeing you by video after you move.",
                basis,
              }
            : {
                kind: "continue-in-person",
                summary: `Continue in person at a location in ${to}: authorized by ${by}.`,
                explanation: "I also see clients in person near where you're moving, so we could keep meeting.",
                basis,
              },
        );
      }
      if (past && fits) continue;
      const reasons = [
        ...missing,
        ...(unauthorized.length === 0
          ? []
          : [
              `is not authorized to practise in ${to}${unauthorized.length === 1 ? (unauthorized[0] === "telehealth" ? " by telehealth" : " in person") : ""}`,
            ]),
      ];
      const because = fits
        ? `${clinician.name} may keep practising there`
        : `${clinician.name} ${reasons.join(" and ")}${byVideo === undefined ? "" : `; telehealth is possible there (${byVideo}) if the client, who attends in person, agrees`}`;
      const video = byVideo === undefined ? "" : "We could keep meeting by video if that works for you, or ";
      const explanation =
        fits || unauthorized.length > 0
          ? past
            ? "You now live somewhere I'm not licensed to keep seeing you, so I'd like to help you find a good therapist near your new home."
            : `You're moving on ${context.describeDate(date)}, and therapy works best with someone who can keep seeing you where you'll live. I'd like to help you find a good therapist there before you go.`
          : past
            ? `You now live too far from my office to keep meeting in person. ${video === "" ? "I'd like to help" : `${video}I can help`} you find a good therapist near your new home.`
            : `You're moving on ${context.describeDate(date)}, and I don't have an office near your new home, so we couldn't keep meeting in person. ${video === "" ? "I'd like to help" : `${video}I can help`} you find a good therapist there before you go.`;
      findings.push({
        code: "moving",
        urgency: context.urgencyOf(date),
        date,
        careFrom: date,
        summary: `${past ? "Moved" : "Moves"} to ${to} on ${date}; ${because}.`,
        explanation,
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

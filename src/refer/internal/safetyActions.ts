import type { Jurisdiction } from "../../model/index.js";
import { builtInEmergencyContacts } from "../builtInEmergencyContacts.js";
import type { SafetyAction } from "../results.js";
import type { EmergencyContact, SafetyLevel, SafetyPolicy } from "../safetySchemas.js";

const NPSG =
  "The Joint Commission, National Patient Safety Goal NPSG.15.01.01 (reduce the risk for suicide: screen, assess, plan for safety)";
const COLUMBIA = "Columbia Protocol (C-SSRS) screener triage: high risk calls for immediate evaluation and safety precautions";

/** The host's numbers for the client's subdivision, then for the country, then referwell's for the country. */
export function emergencyContactsFor(jurisdiction: Jurisdiction, policy: SafetyPolicy): EmergencyContact[] {
  const country = jurisdiction.slice(0, 2);
  const hosts = (code: string) =>
    policy.emergencyContacts.filter((entry) => entry.jurisdiction === code).flatMap((entry) => entry.contacts);
  return [...(jurisdiction === country ? [] : hosts(jurisdiction)), ...hosts(country), ...(builtInEmergencyContacts[country] ?? [])].map(
    (contact) => ({ ...contact }),
  );
}

/** The actions for a level, most urgent first; each level's include those of the levels between it and `review`. */
export function safetyActions(level: SafetyLevel, contacts: readonly EmergencyContact[]): SafetyAction[] {
  if (level === "none") return [];
  const numbers = contacts.map((contact) => ({ ...contact }));
  const actions: SafetyAction[] = [];
  if (level === "crisis") {
    actions.push(
      {
        code: "emergency-services",
        summary:
          numbers.length > 0
            ? "Get emergency help now if the client is in immediate danger: call the emergency number with or for them."
            : "Get emergency help now if the client is in immediate danger: call the local emergency number with or for them (no numbers are configured for where the client lives).",
        source: COLUMBIA,
        contacts: numbers,
      },
      {
        code: "stay-with-client",
        summary: "Do not leave the client alone, in person or on the line, until help takes over.",
        source: COLUMBIA,
        contacts: [],
      },
    );
  }
  if (level === "crisis" || level === "urgent-review") {
    actions.push(
      {
        code: "same-day-risk-assessment",
        summary: "Assess suicide risk today, directly with the client, and record your risk rating.",
        source: NPSG,
        contacts: [],
      },
      {
        code: "safety-plan",
        summary:
          "Make or review a written safety plan with the client: warning signs, coping steps, people and places that help, professionals and crisis lines to contact, and making the surroundings safe.",
        source: `Stanley & Brown 2012, Cognitive and Behavioral Practice 19(2):256–264 (Safety Planning Intervention); ${NPSG}`,
        contacts: numbers,
      },
    );
  }
  if (level === "review") {
    actions.push({
      code: "review-risk",
      summary: "Ask the client directly about suicidal thoughts and self-harm at the next contact, and record your risk rating.",
      source: NPSG,
      contacts: [],
    });
  }
  actions.push({
    code: "continue-care-while-risk-is-assessed",
    summary:
      "Keep seeing the client while risk is open: no ending, no hand-off and no talk of either until risk is assessed and a plan is in place.",
    source: "ACA Code of Ethics A.12 (no abandonment); NASW Code of Ethics 1.17(b); APA Ethics Code 10.10",
    contacts: [],
  });
  return actions;
}

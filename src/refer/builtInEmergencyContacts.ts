import type { EmergencyContact } from "./safetySchemas.js";

const contact = (value: EmergencyContact): EmergencyContact => Object.freeze({ ...value });

/**
 * The emergency and crisis numbers referwell knows, by country (ISO 3166-1
 * alpha-2): the United States (988 Suicide & Crisis Lifeline, 911) and the
 * United Kingdom (999, NHS 111). A safety section above `review` lists them
 * for the jurisdiction where the client lives, after the host's own
 * (`policy.safety.emergencyContacts`); for any other country it lists none
 * and says the host must add them.
 *
 * @example
 * ```ts
 * import { builtInEmergencyContacts } from "referwell/refer";
 *
 * builtInEmergencyContacts.US?.map((contact) => contact.number); // => ["988", "911"]
 * builtInEmergencyContacts.GB?.map((contact) => contact.number); // => ["999", "111"]
 * ```
 */
export const builtInEmergencyContacts: Readonly<Record<string, readonly EmergencyContact[]>> = Object.freeze({
  US: Object.freeze([
    contact({
      name: "988 Suicide & Crisis Lifeline",
      number: "988",
      how: "call or text",
      source:
        "National Suicide Hotline Designation Act of 2020 (Pub. L. 116-172); FCC Report and Order FCC 20-100 (988 in service from 16 July 2022)",
    }),
    contact({
      name: "Emergency services",
      number: "911",
      how: "call",
      source: "Wireless Communications and Public Safety Act of 1999 (Pub. L. 106-81): 911 the universal emergency number",
    }),
  ]),
  GB: Object.freeze([
    contact({
      name: "Emergency services",
      number: "999",
      how: "call",
      source: "Ofcom General Conditions of Entitlement, condition A3 (access to the emergency numbers 999 and 112)",
    }),
    contact({
      name: "NHS 111 (urgent help, including mental health, when it is not an emergency)",
      number: "111",
      how: "call",
      source: "NHS 111, NHS England",
    }),
  ]),
});

import type { Client } from "./client.js";
import { coverageOn } from "./coverageOn.js";
import { MatchCriteria } from "./criteria.js";
import type { AgeGroup, CareFormat, CareMode } from "./enums.js";
import { residenceOn } from "./residenceOn.js";
import { IsoDate } from "./scalars.js";
import { validate } from "./validate.js";

const AGE_GROUP_POPULATION: Readonly<Record<AgeGroup, string>> = {
  child: "children",
  adolescent: "adolescents",
  adult: "adults",
  "older-adult": "older-adults",
};

const FORMAT_POPULATION: Readonly<Record<CareFormat, string | undefined>> = {
  individual: undefined,
  couple: "couples",
  family: "families",
  group: "groups",
};

const MODES: Readonly<Record<Client["preferences"]["mode"], CareMode[]>> = {
  "in-person": ["in-person"],
  telehealth: ["telehealth"],
  either: ["in-person", "telehealth"],
};

/**
 * The criteria a client's own record implies on the day care would start:
 * where they will live then (planned moves count), the coverage in force
 * then or their self-pay maximum, the populations their age group and care
 * format need, the clinicians they declared a conflict with, the primary need
 * as a requirement (a clinician who does not treat it is no option), and all
 * needs and preferences as soft fit. Payment is left out when the record says
 * nothing about it (no coverage that day and no self-pay maximum), rather
 * than excluding everyone.
 *
 * @param client - a validated client
 * @param options.startDate - the day care would start, `YYYY-MM-DD`: a
 *   calendar date read as it is, not a `now` (for today, pass
 *   `calendarDateOf(now, { timeZone })`)
 * @returns criteria that `referwell/match` accepts as they are
 * @throws {@link InvalidInputError} when `startDate` is not a `YYYY-MM-DD` date
 *
 * @example
 * ```ts
 * import { Client, criteriaFromClient } from "referwell";
 *
 * const client = Client.parse({
 *   id: "cl-03",
 *   ageGroup: "adolescent",
 *   careFormat: "family",
 *   residence: { jurisdiction: "US-OR" },
 *   plannedMoves: [{ date: "2027-01-15", to: { jurisdiction: "US-WA" } }],
 *   coverage: [{ payerId: "regence", period: { start: "2026-01-01" } }],
 *   needs: { problemAreas: ["eating-disorders", "anxiety"], severity: "severe" },
 *   preferences: { mode: "telehealth", languages: ["es"] },
 *   conflicts: [{ clinicianId: "clin-ben", kind: "dual-relationship" }],
 * });
 * const criteria = criteriaFromClient(client, { startDate: "2027-02-01" });
 * criteria.location.jurisdiction; // => "US-WA"
 * criteria.require.populations; // => ["adolescents", "families"]
 * criteria.require.modes; // => ["telehealth"]
 * criteria.require.excludeClinicianIds; // => ["clin-ben"]
 * criteria.require.problemAreas; // => ["eating-disorders"]
 * criteria.prefer.problemAreas; // => ["eating-disorders", "anxiety"]
 * ```
 */
export function criteriaFromClient(client: Client, options: { readonly startDate: IsoDate }): MatchCriteria {
  const startDate = validate(IsoDate, options.startDate, "startDate");
  const payers = coverageOn(client, startDate).map((coverage) =>
    coverage.planId === undefined ? { payerId: coverage.payerId } : { payerId: coverage.payerId, planId: coverage.planId },
  );
  const hasPayment = payers.length > 0 || client.maxSelfPay !== undefined;
  const formatPopulation = FORMAT_POPULATION[client.careFormat];
  const agePopulation = AGE_GROUP_POPULATION[client.ageGroup];
  const { preferences } = client;
  return validate(
    MatchCriteria,
    {
      clientId: client.id,
      startDate,
      location: residenceOn(client, startDate),
      ...(client.needs.severity === undefined ? {} : { severity: client.needs.severity }),
      require: {
        modes: MODES[preferences.mode],
        ...(preferences.travelRadiusKm === undefined ? {} : { travelRadiusKm: preferences.travelRadiusKm }),
        ...(hasPayment ? { payment: { payers, ...(client.maxSelfPay === undefined ? {} : { maxSelfPay: client.maxSelfPay }) } } : {}),
        populations: formatPopulation === undefined ? [agePopulation] : [agePopulation, formatPopulation],
        problemAreas: client.needs.problemAreas.slice(0, 1),
        excludeClinicianIds: [...new Set(client.conflicts.map((conflict) => conflict.clinicianId))],
      },
      prefer: {
        problemAreas: client.needs.problemAreas,
        modalities: preferences.modalities,
        languages: preferences.languages,
        clinicianGenders: preferences.clinicianGenders,
        ...(preferences.schedule === undefined ? {} : { schedule: preferences.schedule }),
      },
    },
    "criteria",
  );
}

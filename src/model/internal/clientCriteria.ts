import type { Client } from "../client.js";
import { type MatchCriteria, type MatchPreferences, type MatchRequirements, statedPreferenceShape } from "../criteria.js";
import type { AgeGroup, CareFormat, CareMode } from "../enums.js";
import type { IsoDate } from "../scalars.js";
import { clientStays } from "./clientStays.js";
import { coverageInForce } from "./coverageInForce.js";
import { placeOn } from "./placeOn.js";
import { selfPayBarring } from "./selfPayBarring.js";
import { trustedCriteria } from "./trustedCriteria.js";

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

// The client record and the criteria share these fields, so they pass over as they are.
const STATED = Object.keys(statedPreferenceShape) as Array<keyof typeof statedPreferenceShape>;

/** The criteria a client gives before defaults are filled: each list the client fills is there, the others may not be. */
export type ClientCriteriaDraft = Omit<MatchCriteria, "require" | "prefer"> & {
  readonly require: Partial<MatchRequirements>;
  readonly prefer: Partial<MatchPreferences>;
};

/** `criteriaFromClient` on a validated client and date: every value comes from the client, within the criteria's limits. */
export function clientCriteria(client: Client, startDate: IsoDate): MatchCriteria {
  return trustedCriteria(clientCriteriaDraft(client, startDate));
}

/**
 * The criteria of `clientCriteria` before defaults are filled and fields put in order, for a caller that adds to them first.
 * Self-pay is left out while Medicare or Medicaid covers the client on any day from the start date to `barredUntil` (the
 * start date unless given), or a coverage that does not say its programme when `unknownProgram` is `withhold` (as a
 * referral policy may say; criteria from a client alone read it as ordinary); with no cover on the start date, the
 * payers are then those of the coverage that bars self-pay.
 */
export function clientCriteriaDraft(
  client: Client,
  startDate: IsoDate,
  barredUntil: IsoDate = startDate,
  unknownProgram: "withhold" | "offer" = "offer",
): ClientCriteriaDraft {
  // Medicare and Medicaid bar ordinary self-pay (see PayerProgram), and the matcher cannot tell a clinician who opted out
  // of Medicare: while either covers the client, the self-pay maximum is left out, so only their networks are offered.
  // With no cover on the start date, those are the networks of the cover that bars it, never no payment at all.
  const barring = selfPayBarring(client, startDate, barredUntil, unknownProgram);
  const inForce = coverageInForce(client, startDate);
  const payers = (inForce.length > 0 ? inForce : barring).map((coverage) =>
    coverage.planId === undefined ? { payerId: coverage.payerId } : { payerId: coverage.payerId, planId: coverage.planId },
  );
  const maxSelfPay = barring.length > 0 ? undefined : client.maxSelfPay;
  const hasPayment = payers.length > 0 || maxSelfPay !== undefined;
  const formatPopulation = FORMAT_POPULATION[client.careFormat];
  const agePopulation = AGE_GROUP_POPULATION[client.ageGroup];
  const { preferences } = client;
  const stays = clientStays(client, startDate);
  return {
    clientId: client.id,
    startDate,
    location: placeOn(client, startDate),
    ...(stays.length === 0 ? {} : { stays }),
    ...(client.needs.severity === undefined ? {} : { severity: client.needs.severity }),
    require: {
      modes: [...MODES[preferences.mode]],
      ...(preferences.travelRadiusKm === undefined ? {} : { travelRadiusKm: preferences.travelRadiusKm }),
      ...(hasPayment ? { payment: { payers, ...(maxSelfPay === undefined ? {} : { maxSelfPay }) } } : {}),
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
      ...statedPreferences(preferences),
    },
  };
}

/** The preferences the client states that the criteria carry as they are; absent ones stay absent. */
function statedPreferences(preferences: Client["preferences"]): Partial<Client["preferences"]> {
  const stated: Partial<Client["preferences"]> = {};
  for (const key of STATED) if (preferences[key] !== undefined) Object.assign(stated, { [key]: preferences[key] });
  return stated;
}

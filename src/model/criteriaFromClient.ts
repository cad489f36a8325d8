import * as z from "zod";
import { Client, type ClientInput } from "./client.js";
import type { MatchCriteria } from "./criteria.js";
import { clientCriteria } from "./internal/clientCriteria.js";
import { IsoDate } from "./scalars.js";
import { validate } from "./validate.js";

const Options = z.strictObject({ startDate: IsoDate });

/**
 * The criteria a client's own record implies on the day care would start:
 * where they will live then (planned moves count), the coverage in force
 * then or their self-pay maximum, the populations their age group and care
 * format need, the clinicians they declared a conflict with, the primary need
 * as a requirement (a clinician who does not treat it is no option), and all
 * needs and preferences as soft fit. Payment is left out when the record says
 * nothing about it (no coverage that day and no self-pay maximum), rather
 * than excluding everyone. While Medicare or Medicaid covers the client
 * that day, the self-pay maximum is left out and only their networks are
 * asked for: both bar ordinary self-pay (see {@link referwell!PayerProgram}), and a
 * Medicare private contract needs a clinician who opted out, which the
 * matcher does not check. A coverage with no `program` is read as an
 * ordinary one here (a referral assessment's criteria withhold self-pay for
 * it too, as its policy's `billing.unknownProgram` says); name the
 * programme to have it read.
 *
 * @param client - a validated client
 * @param options.startDate - the day care would start, `YYYY-MM-DD`: a
 *   calendar date read as it is, not a `now` (for today, pass
 *   `calendarDateOf(now, { timeZone })`)
 * @returns criteria that `referwell/match` accepts as they are
 * @throws {@link InvalidInputError} when the client is malformed, or the
 * options are not exactly `{ startDate }` with a `YYYY-MM-DD` date
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
export function criteriaFromClient(client: ClientInput, options: { readonly startDate: IsoDate }): MatchCriteria {
  const { startDate } = validate(Options, options, "options");
  return clientCriteria(validate(Client, client, "client"), startDate);
}

import { Client, type ClientInput, type Coverage } from "./client.js";
import { coverageInForce } from "./internal/coverageInForce.js";
import { IsoDate } from "./scalars.js";
import { validate } from "./validate.js";

/**
 * The client's insurance coverage in force on a date, in the order stored.
 *
 * @param client - a validated client
 * @param date - the date to look at, `YYYY-MM-DD`
 * @throws {@link InvalidInputError} when the client or the date is malformed
 *
 * @example
 * ```ts
 * import { Client, coverageOn } from "referwell";
 *
 * const client = Client.parse({
 *   id: "cl-02",
 *   ageGroup: "adult",
 *   residence: { jurisdiction: "US-OR" },
 *   coverage: [
 *     { payerId: "aetna", period: { start: "2024-01-01", end: "2026-10-31" } },
 *     { payerId: "regence", period: { start: "2026-11-01" } },
 *   ],
 *   needs: { problemAreas: ["depression"] },
 * });
 * coverageOn(client, "2026-11-22").map((c) => c.payerId); // => ["regence"]
 * ```
 */
export function coverageOn(client: ClientInput, date: IsoDate): Coverage[] {
  return coverageInForce(validate(Client, client, "client"), validate(IsoDate, date, "date"));
}

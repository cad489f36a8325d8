import { Client, type ClientInput } from "./client.js";
import { placeOn } from "./internal/placeOn.js";
import { IsoDate, type Place } from "./scalars.js";
import { validate } from "./validate.js";

/**
 * Where a client lives on a date: their residence, or the destination of the
 * latest planned move dated on or before it. Telehealth follows this place,
 * so licensure is checked against it.
 *
 * @param client - a validated client
 * @param date - the date care would take place, `YYYY-MM-DD`
 * @throws {@link InvalidInputError} when the client or the date is malformed
 *
 * @example
 * ```ts
 * import { Client, residenceOn } from "referwell";
 *
 * const client = Client.parse({
 *   id: "cl-01",
 *   ageGroup: "adult",
 *   residence: { jurisdiction: "US-OR" },
 *   plannedMoves: [{ date: "2027-01-15", to: { jurisdiction: "US-WA" } }],
 *   needs: { problemAreas: ["anxiety"] },
 * });
 * residenceOn(client, "2027-01-14").jurisdiction; // => "US-OR"
 * residenceOn(client, "2027-01-15").jurisdiction; // => "US-WA"
 * ```
 */
export function residenceOn(client: ClientInput, date: IsoDate): Place {
  return placeOn(validate(Client, client, "client"), validate(IsoDate, date, "date"));
}

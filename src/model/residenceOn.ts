import type { Client } from "./client.js";
import type { IsoDate, Place } from "./scalars.js";

/**
 * Where a client lives on a date: their residence, or the destination of the
 * latest planned move dated on or before it. Telehealth follows this place,
 * so licensure is checked against it.
 *
 * @param client - a validated client
 * @param date - the date care would take place, `YYYY-MM-DD`
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
export function residenceOn(client: Client, date: IsoDate): Place {
  let place = client.residence;
  let movedOn: IsoDate | undefined;
  for (const move of client.plannedMoves) {
    // The latest move on or before the date wins (move dates are unique).
    if (move.date <= date && (movedOn === undefined || move.date > movedOn)) {
      place = move.to;
      movedOn = move.date;
    }
  }
  return place;
}

import type { Client } from "../client.js";
import type { IsoDate, Place } from "../scalars.js";

/** `residenceOn` on values already validated; no checks. */
export function placeOn(client: Client, date: IsoDate): Place {
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

import { compareText } from "../../model/internal/compareText.js";

/**
 * Events in the order they are read: by date, then by the order their
 * types take within a day (a referral is received before the client is
 * contacted), then by id. An id stored twice counts once; should the two
 * copies differ, the smaller as JSON is kept, so the result never depends
 * on the order the host passed them in.
 */
export function orderEvents<Event extends { readonly id: string; readonly date: string; readonly type: string }>(
  events: readonly Event[],
  typeOrder: readonly Event["type"][],
): Event[] {
  const byId = new Map<string, Event>();
  for (const event of events) {
    const kept = byId.get(event.id);
    if (kept === undefined || JSON.stringify(event) < JSON.stringify(kept)) byId.set(event.id, event);
  }
  const ranks = new Map(typeOrder.map((type, index) => [type, index]));
  const rank = (event: Event) => ranks.get(event.type) ?? typeOrder.length;
  return [...byId.values()].sort((a, b) => compareText(a.date, b.date) || rank(a) - rank(b) || compareText(a.id, b.id));
}

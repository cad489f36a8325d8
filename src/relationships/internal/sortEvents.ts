import type { RelationshipEvent } from "../schemas.js";

import { compareText } from "../../model/internal/compareText.js";

/**
 * Events in the order they are folded: by date, then id. The same id
 * delivered twice counts once; if the copies differ, the one that sorts first
 * as JSON is kept, so the result never depends on delivery order.
 */
export function sortEvents(events: readonly RelationshipEvent[]): RelationshipEvent[] {
  const byId = new Map<string, RelationshipEvent>();
  for (const event of events) {
    const kept = byId.get(event.id);
    // Comparing as JSON only when an id repeats keeps the common case cheap.
    if (kept === undefined || JSON.stringify(event) < JSON.stringify(kept)) byId.set(event.id, event);
  }
  return [...byId.values()].sort((a, b) => compareText(a.date, b.date) || compareText(a.id, b.id));
}

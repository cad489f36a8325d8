import type { PlannedTouch } from "../schemas.js";

/**
 * A new plan against the one a calendar already holds (RFC 5545 §3.8.7.4):
 * a touch that keeps its start and end keeps its SEQUENCE, one that moved
 * gets the previous SEQUENCE plus one, a new one starts at 0; a touch of the
 * previous plan that the new one neither holds nor plans (nor is `kept`) is
 * cancelled, with the previous SEQUENCE plus one, so a calendar drops it.
 * The planned touches keep their order.
 */
export function reconcile(
  planned: readonly PlannedTouch[],
  previous: readonly PlannedTouch[],
  kept: ReadonlySet<string>,
): { planned: PlannedTouch[]; cancelled: PlannedTouch[] } {
  // Nothing imported before: nothing to compare, nothing to cancel.
  if (previous.length === 0) return { planned: [...planned], cancelled: [] };
  const before = new Map(previous.map((touch) => [touch.id, touch]));
  const sequenced = planned.map((touch) => {
    const old = before.get(touch.id);
    if (old === undefined) return touch;
    const moved = Date.parse(old.start) !== Date.parse(touch.start) || Date.parse(old.end) !== Date.parse(touch.end);
    return { ...touch, sequence: moved ? old.sequence + 1 : old.sequence };
  });
  const now = new Set(planned.map((touch) => touch.id));
  const cancelled = previous
    .filter((touch) => !now.has(touch.id) && !kept.has(touch.id))
    .map((touch) => ({ ...touch, sequence: touch.sequence + 1 }));
  return { planned: sequenced, cancelled };
}

import { compareText } from "../../model/internal/compareText.js";
import type { WaitlistEntry } from "../schemas.js";

/** The fairness rule: urgent before soon before routine. */
const URGENCY_RANK = { urgent: 0, soon: 1, routine: 2 } as const;

/**
 * The waitlist in the order a review reads it, each entry with its place in
 * the input: urgency first, then the earliest `dateAdded`, then id, so the
 * order never depends on the order the host passed the entries in.
 */
export function waitlistOrder(entries: readonly WaitlistEntry[]): { entry: WaitlistEntry; index: number }[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        URGENCY_RANK[a.entry.urgency] - URGENCY_RANK[b.entry.urgency] ||
        compareText(a.entry.dateAdded, b.entry.dateAdded) ||
        compareText(a.entry.id, b.entry.id),
    );
}

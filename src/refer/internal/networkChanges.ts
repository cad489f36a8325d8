import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { compareText } from "../../model/internal/compareText.js";
import type { Client, Clinician, IsoDate } from "../../model/index.js";
import { networkTimeline } from "./networkTimeline.js";

/**
 * The days cover can change between a client and a clinician, in order:
 * the first day of every coverage period and panel, and the day after each
 * ends. With them, whether the client is in network with the clinician on
 * each (see `networkTimeline`); from one day to the next nothing changes.
 */
export function networkChanges(client: Client, clinician: Clinician): { readonly days: IsoDate[]; readonly covered: Uint8Array } {
  const days = new Set<IsoDate>();
  for (const { period } of [...client.coverage, ...clinician.insurancePanels]) {
    days.add(period.start);
    if (period.end !== undefined) days.add(addCalendarDays(period.end, 1));
  }
  const sorted = [...days].sort(compareText);
  return { days: sorted, covered: networkTimeline(client, clinician, sorted) };
}

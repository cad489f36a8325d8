import type { IsoDate } from "../../model/index.js";
import type { Finding } from "../results.js";

/**
 * The first day a finding of the built-in moving rule (a move, a stay elsewhere; the caller passes those alone) says
 * the treating clinician can no longer see the client in a way they attend, today when that is already so; with
 * `always`, only the findings after which the clinician cannot see them at all (no video to offer instead). A change
 * of cover is no such day: the clinician may still see the client.
 */
export function firstBarredDay(moves: readonly Finding[], now: IsoDate, always = false): IsoDate | undefined {
  let first: IsoDate | undefined;
  for (const { careFrom, alternatives } of moves) {
    if (careFrom === undefined) continue;
    if (always && alternatives.some((alternative) => alternative.kind === "continue-by-telehealth")) continue;
    const day = careFrom > now ? careFrom : now;
    if (first === undefined || day < first) first = day;
  }
  return first;
}

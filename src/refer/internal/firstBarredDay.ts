import type { IsoDate } from "../../model/index.js";
import type { Finding } from "../results.js";

/**
 * The first day a finding of the built-in moving rule (a move, a stay elsewhere) says the treating clinician can no
 * longer see the client in a way they attend, today when that is already so; with `always`, only the findings after
 * which the clinician cannot see them at all (no video to offer instead). A change of cover is no such day: the
 * clinician may still see the client. Read by rule, not by code, so a host's finding never bars care by its name alone.
 */
export function firstBarredDay(findings: readonly Finding[], now: IsoDate, always = false): IsoDate | undefined {
  let first: IsoDate | undefined;
  for (const { rule, careFrom, alternatives } of findings) {
    if (careFrom === undefined || rule !== "moving") continue;
    if (always && alternatives.some((alternative) => alternative.kind === "continue-by-telehealth")) continue;
    const day = careFrom > now ? careFrom : now;
    if (first === undefined || day < first) first = day;
  }
  return first;
}

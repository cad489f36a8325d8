import type { IsoDate } from "../../model/index.js";
import type { Finding } from "../results.js";

/**
 * The first day a finding says the treating clinician can no longer see the client in a way they attend
 * (`cannotContinueFrom`), today when that is already so; with `always`, only the findings after which the clinician
 * cannot see them at all (no video to offer instead). Undefined when no finding says so.
 */
export function firstBarredDay(findings: readonly Finding[], now: IsoDate, always = false): IsoDate | undefined {
  let first: IsoDate | undefined;
  for (const { cannotContinueFrom, alternatives } of findings) {
    if (cannotContinueFrom === undefined) continue;
    if (always && alternatives.some((alternative) => alternative.kind === "continue-by-telehealth")) continue;
    const day = cannotContinueFrom > now ? cannotContinueFrom : now;
    if (first === undefined || day < first) first = day;
  }
  return first;
}

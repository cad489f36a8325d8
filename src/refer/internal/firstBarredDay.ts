import type { IsoDate } from "../../model/index.js";
import type { Finding } from "../results.js";

// The built-in findings whose `careFrom` is the first day the treating clinician may not see the client where they are
// (a move, a stay elsewhere): no way of paying bridges it. A change of cover is not one of them: the clinician may still
// see the client, and the alternatives and the continuity-of-care notice say how.
const BARRED = new Set(["moving", "away"]);

/** The first day a finding says the treating clinician may no longer see the client (today when that is already so). */
export function firstBarredDay(findings: readonly Finding[], now: IsoDate): IsoDate | undefined {
  let first: IsoDate | undefined;
  for (const { code, careFrom } of findings) {
    if (careFrom === undefined || !BARRED.has(code)) continue;
    const day = careFrom > now ? careFrom : now;
    if (first === undefined || day < first) first = day;
  }
  return first;
}

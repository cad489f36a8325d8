import type { Client, Coverage } from "../client.js";
import type { IsoDate } from "../scalars.js";
import { withinPeriod } from "./withinPeriod.js";

/** `coverageOn` on values already validated; no checks. */
export function coverageInForce(client: Client, date: IsoDate): Coverage[] {
  return client.coverage.filter((coverage) => withinPeriod(coverage.period, date));
}

import type { Client, Coverage } from "../client.js";
import type { IsoDate } from "../scalars.js";

/**
 * The client's coverage that bars ordinary self-pay on some day from `from`
 * to `to` (one day unless given), in the client's order: Medicare and
 * Medicaid bar it (see `PayerProgram`), so criteria for care in those days
 * carry no self-pay ceiling. Under `unknownProgram: "withhold"` (a referral
 * policy's `billing.unknownProgram`), a coverage that does not say its
 * programme bars it too, since it may be either.
 */
export function selfPayBarring(
  client: Client,
  from: IsoDate,
  to: IsoDate = from,
  unknownProgram: "withhold" | "offer" = "offer",
): Coverage[] {
  // YYYY-MM-DD strings order as the dates they name: a period overlaps the days when it starts by `to` and ends from `from`.
  return client.coverage.filter(
    ({ program, period }) =>
      (program === "medicare" || program === "medicaid" || (program === undefined && unknownProgram === "withhold")) &&
      period.start <= to &&
      (period.end === undefined || period.end >= from),
  );
}

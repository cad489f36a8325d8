/**
 * An episode of care: a client with a clinician (or waiting for one), and
 * who referred them. Consent-limited updates, relationship events and
 * cadence all start from it.
 *
 * @module
 */
import * as z from "zod";
import { Id, IsoDate } from "./scalars.js";

/**
 * One episode of care. `intake` while the client waits for a clinician;
 * `active` while in care; `ended` after. `referredBy` names the referrer to
 * thank and, with consent, to keep informed.
 *
 * @example
 * ```ts
 * import { CareEpisode } from "referwell";
 *
 * const episode = CareEpisode.parse({
 *   id: "ep-01",
 *   clientId: "cl-01",
 *   clinicianId: "clin-ana",
 *   referredBy: "ref-gp-01",
 *   status: "active",
 *   start: "2026-06-02",
 * });
 * episode.status; // => "active"
 * CareEpisode.safeParse({ ...episode, status: "ended", end: "2026-01-01" }).success; // => false
 * ```
 */
export const CareEpisode = z
  .strictObject({
    id: Id,
    clientId: Id,
    clinicianId: Id.optional(),
    practiceId: Id.optional(),
    referredBy: Id.optional(),
    status: z.enum(["intake", "active", "ended"]),
    start: IsoDate,
    end: IsoDate.optional(),
  })
  .refine((episode) => episode.end === undefined || episode.end >= episode.start, { error: "end-before-start", path: ["end"] });
/** One episode of care. */
export type CareEpisode = z.infer<typeof CareEpisode>;

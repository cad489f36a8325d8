import * as z from "zod";
import { IsoDate, IsoInstant } from "./scalars.js";

/**
 * The moment a computation takes as "now": an instant with its offset, or a
 * calendar date when only the day matters. referwell never reads the clock;
 * every function that depends on time takes one of these.
 *
 * @example
 * ```ts
 * import { Now } from "referwell";
 *
 * Now.safeParse("2026-11-23T09:00:00-08:00").success; // => true
 * Now.safeParse("2026-11-23").success; // => true
 * Now.safeParse("today").success; // => false
 * ```
 */
export const Now = z.union([IsoInstant, IsoDate]);
/** An instant with its offset, or a calendar date. */
export type Now = z.infer<typeof Now>;

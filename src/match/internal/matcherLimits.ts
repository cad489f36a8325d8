/**
 * What a matcher's layout can hold, all clinicians together: the limits no
 * schema states item by item, because they bound the sum over the whole
 * directory. Internal; the matching guide derives each.
 *
 * @module
 */
import { DIRECTORY_LIMITS } from "../../model/internal/directoryLimits.js";

/** The most clinicians a directory holds: the `Directory` schema's limit, which a change to a matcher is held to as well. */
export const CLINICIAN_LIMIT: number = DIRECTORY_LIMITS.clinicians;

/**
 * The most numbers the pool of clinicians' packed lists holds (see
 * `clinicianCodes`): where a clinician's segment starts is kept as an
 * unsigned 32-bit number, 2³² − 1 marking an empty place, so the pool ends
 * before it. It is also about the longest typed array Node 20 makes (2³²
 * elements, `buffer.constants.MAX_LENGTH`).
 */
export const POOL_LIMIT: number = 2 ** 32 - 1;

/**
 * The most different codes (tags, payer ids and plan ids) a matcher
 * numbers at once. The table of numbers is a `Map`, and V8, the engine of
 * Node and Chromium, refuses a `Map` more than 2²⁴ entries. A forgotten
 * code leaves a hole in the `Map` until it is next rebuilt, and V8 rebuilds
 * a full one at the same size only when holes fill at least half of it,
 * otherwise at twice the size: so a `Map` that never holds more than 2²³
 * entries never needs more than 2²⁴ places, however many codes updates
 * forget and add, and one held above that can be refused after some
 * millions of updates.
 */
export const CODE_LIMIT: number = 2 ** 23;

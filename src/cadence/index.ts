/**
 * `referwell/cadence`: Plan when to touch base with each referrer, levelled over real calendars.
 *
 * This capability has not shipped yet; the subpath resolves so that imports
 * can be wired ahead of it.
 *
 * @module referwell/cadence
 */
export {};

/**
 * `referwell/refer`: When to refer a client out, why, how urgently, and what the receiving clinician must offer.
 *
 * This capability has not shipped yet; the subpath resolves so that imports
 * can be wired ahead of it.
 *
 * @module referwell/refer
 */
export {};

/**
 * `referwell/relationships`: Follow each referrer relationship from first contact to referring to the whole practice.
 *
 * This capability has not shipped yet; the subpath resolves so that imports
 * can be wired ahead of it.
 *
 * @module referwell/relationships
 */
export {};

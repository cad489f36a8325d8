/**
 * `referwell/consent`: Compose what a referrer may see, with only what the client's consent allows, and record it.
 *
 * This capability has not shipped yet; the subpath resolves so that imports
 * can be wired ahead of it.
 *
 * @module referwell/consent
 */
export {};

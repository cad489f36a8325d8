/**
 * referwell: run a private practice's professional referral network well.
 *
 * The root entry holds the shared model and the error types; each capability
 * also has its own subpath (`referwell/refer`, `referwell/match`,
 * `referwell/consent`, `referwell/relationships`, `referwell/cadence`,
 * `referwell/intake`) so an
 * app can import only what it uses.
 *
 * @module referwell
 */
export * from "./errorExports.js";
export * from "./model/index.js";
export * from "./refer/index.js";
export * from "./match/index.js";
export * from "./consent/index.js";
export * from "./relationships/index.js";
export * from "./cadence/index.js";
export * from "./intake/index.js";

/**
 * `referwell/match`: Find and rank the clinicians who fit a client best, and assign many referrals under capacity.
 *
 * This capability has not shipped yet; the subpath resolves so that imports
 * can be wired ahead of it.
 *
 * @module referwell/match
 */
export {};

/**
 * The most of each list a directory holds: the `Directory` schema's limits,
 * the library's own bounds (see the matching guide's "How large a
 * directory can be"). As many practices as clinicians, since in a national
 * directory most clinicians are a practice of their own. Read by the
 * schema, by its validation in steps, by `checkLicensure` and by the
 * matcher, which holds an update to the same number of clinicians.
 */
export const DIRECTORY_LIMITS = Object.freeze({
  practices: 1_000_000,
  clinicians: 1_000_000,
  payers: 100_000,
  compacts: 1_000,
  regulations: 10_000,
} as const);

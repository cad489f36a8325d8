import type { IsoDate } from "../scalars.js";
import { dateOfEpochDay } from "./dateOfEpochDay.js";

const DAY_MS = 86_400_000;

/** 0000-01-01 and 9999-12-31 at midnight UTC: the first and last days `YYYY-MM-DD` can write. */
const FIRST_MS = -62_167_219_200_000;
const LAST_MS = 253_402_214_400_000;

/**
 * The calendar date of a time value read in UTC, `YYYY-MM-DD`. Years are
 * the proleptic Gregorian calendar's, with a year 0000 (ISO 8601), so the day
 * before 0001-01-01 is 0000-12-31. A day outside the years 0000–9999 has no
 * `YYYY-MM-DD` form; it is clamped to the first or last day there is (a rule
 * of referwell's own), which keeps comparisons with real dates right.
 */
export function isoDateOf(ms: number): IsoDate {
  if (Number.isFinite(ms)) return dateOfEpochDay(Math.floor(ms / DAY_MS));
  return new Date(Math.min(Math.max(ms, FIRST_MS), LAST_MS)).toISOString().slice(0, 10);
}

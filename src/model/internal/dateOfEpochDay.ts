import type { IsoDate } from "../scalars.js";

/** 0000-01-01 and 9999-12-31 as days from 1970-01-01: the first and last days `YYYY-MM-DD` can write. */
const FIRST_DAY = -719_528;
export const LAST_DAY = 2_932_896;

const pad = (value: number, width: number): string => String(value).padStart(width, "0");

/**
 * The calendar date `YYYY-MM-DD` a whole number of days from 1970-01-01,
 * clamped to the years 0000–9999 (see `isoDateOf`). The inverse of
 * `epochDayOf`: `civil_from_days` from H. Hinnant, "chrono-Compatible
 * Low-Level Date Algorithms" (https://howardhinnant.github.io/date_algorithms.html).
 */
export function dateOfEpochDay(days: number): IsoDate {
  const shifted = Math.min(Math.max(days, FIRST_DAY), LAST_DAY) + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * marchMonth + 2) / 5) + 1;
  const month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * The JSON scalars every model shares: ids, calendar dates, instants, time
 * zones, places and money.
 *
 * @module
 */
import * as z from "zod";
import { ExpectedText } from "../errors.js";
import { declareTotal } from "./internal/totalChecks.js";

/**
 * An opaque identifier chosen by the host: 1–200 characters, no leading or
 * trailing whitespace.
 *
 * @example
 * ```ts
 * import { Id } from "referwell";
 *
 * Id.safeParse("clin-ana").success; // => true
 * Id.safeParse("").success; // => false
 * ```
 */
export const Id = z
  .string()
  .min(1)
  .max(200)
  .regex(/^\S(?:.*\S)?$/s, { error: ExpectedText.id });
/** An opaque identifier chosen by the host. */
export type Id = z.infer<typeof Id>;

/**
 * A calendar date, `YYYY-MM-DD`, validated against the real calendar
 * (no 30 February).
 *
 * @example
 * ```ts
 * import { IsoDate } from "referwell";
 *
 * IsoDate.safeParse("2028-02-29").success; // => true
 * IsoDate.safeParse("2026-02-29").success; // => false
 * ```
 */
export const IsoDate = z.iso.date();
/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = z.infer<typeof IsoDate>;

/** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the instants whose UTC year has four digits. */
const FIRST_INSTANT_MS = -62_167_219_200_000;
const YEAR_10000_MS = 253_402_300_800_000;

/**
 * An instant, ISO-8601 with an explicit offset (`Z` or `±HH:MM`), so it
 * names one moment wherever it is read. Its UTC reading stays within the
 * years 0000–9999, as RFC 5545 §3.3.5 `YYYYMMDDTHHMMSSZ` needs (so
 * `9999-12-31T23:00:00-05:00`, in the year 10000 in UTC, is too big).
 *
 * @example
 * ```ts
 * import { IsoInstant } from "referwell";
 *
 * IsoInstant.safeParse("2026-11-23T09:30:00-08:00").success; // => true
 * IsoInstant.safeParse("2026-11-23T09:30:00").success; // => false
 * ```
 */
export const IsoInstant = declareTotal(
  z.iso.datetime({ offset: true }).refine(
    (value) => {
      // A text the format check rejects is left to it.
      const ms = Date.parse(value);
      return !(ms < FIRST_INSTANT_MS || ms >= YEAR_10000_MS);
    },
    { error: "too-big", params: { expected: ExpectedText.instantYears } },
  ),
);
/** An instant, ISO-8601 with an explicit offset. */
export type IsoInstant = z.infer<typeof IsoInstant>;

/** Shaped like an IANA name (`Area/Location`, `UTC`); rules out raw offsets such as `+05:00`. */
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/**
 * Names this runtime has accepted. Asking Intl costs tens of microseconds per
 * call, which a 10,000-clinician directory would pay 10,000 times; the answer
 * for a name never changes, so remembering accepted ones changes no result.
 * Bounded: the IANA database has under 600 names.
 */
const acceptedTimeZones = new Set<string>();
const ACCEPTED_LIMIT = 1_000;

function isKnownTimeZone(name: string): boolean {
  if (acceptedTimeZones.has(name)) return true;
  if (!IANA_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
  } catch {
    return false;
  }
  if (acceptedTimeZones.size < ACCEPTED_LIMIT) acceptedTimeZones.add(name);
  return true;
}

/**
 * An IANA time zone name that this runtime knows, such as
 * `America/Los_Angeles` or `Europe/London`.
 *
 * @example
 * ```ts
 * import { TimeZone } from "referwell";
 *
 * TimeZone.safeParse("Australia/Sydney").success; // => true
 * TimeZone.safeParse("Mars/Olympus_Mons").success; // => false
 * ```
 */
export const TimeZone = z.string().max(64).refine(isKnownTimeZone, { error: "unknown-time-zone" });
/** An IANA time zone name. */
export type TimeZone = z.infer<typeof TimeZone>;

/**
 * A wall-clock time, `HH:MM` on the 24-hour clock; `24:00` closes a day.
 *
 * @example
 * ```ts
 * import { LocalTime } from "referwell";
 *
 * LocalTime.safeParse("17:30").success; // => true
 * LocalTime.safeParse("5:30pm").success; // => false
 * ```
 */
export const LocalTime = z.string().regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: ExpectedText.localTime });
/** A wall-clock time, `HH:MM`. */
export type LocalTime = z.infer<typeof LocalTime>;

/**
 * A jurisdiction: an ISO 3166-1 alpha-2 country, optionally with an
 * ISO 3166-2 subdivision (`US-OR`, `GB`, `GB-SCT`, `AU-NSW`). A licence held
 * for a country covers its subdivisions.
 *
 * @example
 * ```ts
 * import { Jurisdiction } from "referwell";
 *
 * Jurisdiction.safeParse("US-OR").success; // => true
 * Jurisdiction.safeParse("Oregon").success; // => false
 * ```
 */
export const Jurisdiction = z.string().regex(/^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/, { error: ExpectedText.jurisdiction });
/** An ISO 3166 country or subdivision code. */
export type Jurisdiction = z.infer<typeof Jurisdiction>;

/**
 * A BCP 47 language tag such as `en`, `es` or `pt-BR`.
 *
 * @example
 * ```ts
 * import { LanguageTag } from "referwell";
 *
 * LanguageTag.safeParse("pt-BR").success; // => true
 * LanguageTag.safeParse("Portuguese").success; // => false
 * ```
 */
export const LanguageTag = z.string().regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*$/, { error: ExpectedText.language });
/** A BCP 47 language tag. */
export type LanguageTag = z.infer<typeof LanguageTag>;

/**
 * A point on the Earth in decimal degrees (WGS 84).
 *
 * @example
 * ```ts
 * import { GeoPoint } from "referwell";
 *
 * GeoPoint.safeParse({ lat: 45.52, lon: -122.68 }).success; // => true
 * GeoPoint.safeParse({ lat: 95, lon: 0 }).success; // => false
 * ```
 */
export const GeoPoint = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
/** A point on the Earth in decimal degrees. */
export type GeoPoint = z.infer<typeof GeoPoint>;

/**
 * Where someone is: a jurisdiction, and a point when distance matters.
 *
 * @example
 * ```ts
 * import { Place } from "referwell";
 *
 * Place.parse({ jurisdiction: "US-OR", point: { lat: 45.52, lon: -122.68 } }).jurisdiction; // => "US-OR"
 * ```
 */
export const Place = z.strictObject({
  jurisdiction: Jurisdiction,
  point: GeoPoint.optional(),
});
/** Where someone is: a jurisdiction, and optionally a point. */
export type Place = z.infer<typeof Place>;

/** Rules on several fields run only when each field is well formed, so a bad field gets one issue, not two. */
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A span of calendar days, both ends inclusive; no `end` means open-ended.
 *
 * @example
 * ```ts
 * import { Period } from "referwell";
 *
 * Period.safeParse({ start: "2026-01-01", end: "2026-12-31" }).success; // => true
 * Period.safeParse({ start: "2026-12-31", end: "2026-01-01" }).success; // => false
 * ```
 */
export const Period = z
  .strictObject({
    start: IsoDate,
    end: IsoDate.optional(),
  })
  .refine(
    (period) => period.end === undefined || !DATE_SHAPE.test(period.start) || !DATE_SHAPE.test(period.end) || period.end >= period.start,
    {
      error: "end-before-start",
      path: ["end"],
    },
  );
/** A span of calendar days, both ends inclusive. */
export type Period = z.infer<typeof Period>;

/**
 * An ISO 4217 currency code such as `USD`, `GBP` or `AUD`.
 *
 * @example
 * ```ts
 * import { CurrencyCode } from "referwell";
 *
 * CurrencyCode.safeParse("AUD").success; // => true
 * ```
 */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, { error: ExpectedText.currency });
/** An ISO 4217 currency code. */
export type CurrencyCode = z.infer<typeof CurrencyCode>;

/**
 * An amount of money as a whole number of the currency's minor units
 * (cents, pence), so sums and comparisons are exact.
 *
 * @example
 * ```ts
 * import { Money } from "referwell";
 *
 * // $150.00
 * Money.parse({ currency: "USD", minorUnits: 15000 }).minorUnits; // => 15000
 * Money.safeParse({ currency: "USD", minorUnits: 150.5 }).success; // => false
 * ```
 */
export const Money = z.strictObject({
  currency: CurrencyCode,
  minorUnits: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
/** An amount of money in minor units. */
export type Money = z.infer<typeof Money>;

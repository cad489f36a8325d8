/**
 * The days a consent check tries for a `now`. An instant without a zone could be read anywhere from UTC−12 to UTC+14,
 * and at its own offset even beyond that: every one of those days is tried, so the check denies whatever any of them
 * would deny. With a zone, the instant falls on one day there.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { Now } from "../../src/model/now.js";
import { possibleDays } from "../../src/model/internal/possibleDays.js";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const two = (n: number): string => String(n).padStart(2, "0");
// The engine's Date and Intl are the oracles, not the helpers possibleDays is built on.
const utcDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

const FIRST_DAY = dayNumber("2000-01-01");
const LAST_DAY = dayNumber("2100-12-31");

/** An instant in 2000–2100 written at any offset to the minute, ±23:59, well past civil time's −12:00 and +14:00. */
const instant = fc
  .record({
    day: fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
    minute: fc.integer({ min: 0, max: 1439 }),
    second: fc.integer({ min: 0, max: 59 }),
    offset: fc.oneof(fc.integer({ min: -1439, max: 1439 }), fc.constantFrom(-1439, -720, 0, 840, 1439)),
    zulu: fc.boolean(),
  })
  .map(({ day, minute, second, offset, zulu }) => {
    const size = Math.abs(offset);
    const zone = offset === 0 && zulu ? "Z" : `${offset < 0 ? "-" : "+"}${two(Math.floor(size / 60))}:${two(size % 60)}`;
    const written = utcDate(day * DAY_MS);
    return `${written}T${two(Math.floor(minute / 60))}:${two(minute % 60)}:${two(second)}${zone}`;
  });

/** Zones at civil time's ends, with odd offsets and daylight saving north and south. */
const ZONES = [
  "Pacific/Kiritimati",
  "Etc/GMT+12",
  "Pacific/Pago_Pago",
  "Pacific/Chatham",
  "Asia/Kathmandu",
  "America/St_Johns",
  "Australia/Lord_Howe",
  "America/Los_Angeles",
  "Europe/Berlin",
  "UTC",
];

/** The date `ms` has in `timeZone`, as Intl writes it. */
function dateIn(timeZone: string, ms: number): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(ms);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** Every date from `first` to `last`. */
function datesFrom(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = dayNumber(first); day <= dayNumber(last); day += 1) days.push(utcDate(day * DAY_MS));
  return days;
}

describe("possibleDays", () => {
  test.prop([instant])("the instants are valid nows", (now) => {
    expect(Now.safeParse(now).success).toBe(true);
  });

  test.prop([instant])("without a zone, the date as written is among the days", (now) => {
    expect(possibleDays(now)).toContain(now.slice(0, 10));
  });

  // With a zone there is one day (below).
  test.prop([instant])("without a zone, the days are sorted, each once", (now) => {
    const days = possibleDays(now);
    for (let index = 1; index < days.length; index += 1) expect((days[index - 1] ?? "") < (days[index] ?? "")).toBe(true);
  });

  test.prop([instant])(
    "without a zone, the days are the date as written and every date from UTC−12 to UTC+14: consecutive, one day either side of the UTC date",
    (now) => {
      const ms = Date.parse(now);
      const days = possibleDays(now);
      const window = datesFrom(utcDate(ms - 12 * 60 * MINUTE_MS), utcDate(ms + 14 * 60 * MINUTE_MS));
      expect(days).toEqual([...new Set([...window, now.slice(0, 10)])].sort());
      // The date as written is within a day of the UTC date, so the days never leave it by more than one, and
      // never the date as written by more than two (`T00:30+14:00` is still the day before yesterday at UTC−12).
      const utc = dayNumber(utcDate(ms));
      const written = dayNumber(now.slice(0, 10));
      for (const day of days) {
        expect(Math.abs(dayNumber(day) - utc)).toBeLessThanOrEqual(1);
        expect(Math.abs(dayNumber(day) - written)).toBeLessThanOrEqual(2);
      }
      expect(days).toEqual(datesFrom(days[0] ?? "", days.at(-1) ?? ""));
    },
  );

  test.prop([instant, fc.constantFrom(...ZONES)])("with a zone, the one day is the date the instant has there", (now, zone) => {
    expect(possibleDays(now, zone)).toEqual([dateIn(zone, Date.parse(now))]);
  });

  test.prop([instant, fc.option(fc.constantFrom(...ZONES), { nil: undefined })])("a date is that day alone", (now, zone) => {
    const date = now.slice(0, 10);
    expect(possibleDays(date, zone)).toEqual([date]);
  });
});

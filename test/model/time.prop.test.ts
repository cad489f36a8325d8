import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { wallClockInstant } from "../../src/model/internal/wallClockInstant.js";
import { wallClock } from "../support/wallClock.js";

const ZONES = ["America/New_York", "Europe/Berlin", "Australia/Sydney", "Australia/Lord_Howe", "Asia/Kolkata", "America/Santiago"];

/** Minutes from 2026-01-01 00:00 of an instant's wall-clock reading in a zone. */
function reading(ms: number, timeZone: string): number {
  const { date, time } = wallClock(ms, timeZone);
  return (Date.parse(`${date}T${time}:00Z`) - Date.parse("2026-01-01T00:00:00Z")) / 60_000;
}

/** 2026's daylight-saving days of these zones (clocks change between 00:00 and 03:00), and any other day. */
const CHANGE_DAYS = ["2026-03-08", "2026-11-01", "2026-03-29", "2026-10-25", "2026-04-05", "2026-10-04", "2026-09-06"];
const dayIndex = (date: string) => (Date.parse(`${date}T00:00:00Z`) - Date.parse("2026-01-01T00:00:00Z")) / 86_400_000;
const wallTime = fc.record({
  days: fc.oneof(fc.constantFrom(...CHANGE_DAYS.flatMap((date) => [dayIndex(date) - 1, dayIndex(date)])), fc.integer({ min: 0, max: 364 })),
  minutes: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 1439 })),
  zone: fc.constantFrom(...ZONES),
});
const dateOf = (days: number) => new Date(Date.parse("2026-01-01T00:00:00Z") + days * 86_400_000).toISOString().slice(0, 10);

describe("wallClockInstant", () => {
  test.prop([wallTime], { numRuns: 500 })(
    "reads back: the instant shows the wall-clock time asked for, or a later one when that time is in a gap",
    ({ days, minutes, zone }) => {
      const asked = days * 1440 + minutes;
      const shown = reading(wallClockInstant(dateOf(days), minutes, zone), zone);
      // No real gap is longer than two hours.
      expect(shown - asked).toBeGreaterThanOrEqual(0);
      expect(shown - asked).toBeLessThanOrEqual(120);
      if (shown !== asked) {
        // In a gap: no instant within three hours shows the asked time, and it moved forward by the gap, the change of offset.
        const ms = wallClockInstant(dateOf(days), minutes, zone);
        for (let step = -180; step <= 180; step += 1) expect(reading(ms + step * 60_000, zone)).not.toBe(asked);
        const offsetAt = (at: number) => reading(at, zone) - (at - Date.parse("2026-01-01T00:00:00Z")) / 60_000;
        expect(shown - asked).toBe(offsetAt(ms) - offsetAt(ms - 3 * 3_600_000));
      }
    },
  );

  test.prop([wallTime], { numRuns: 500 })(
    "first occurrence: no earlier instant within two hours shows the same wall-clock time",
    ({ days, minutes, zone }) => {
      const ms = wallClockInstant(dateOf(days), minutes, zone);
      const shown = reading(ms, zone);
      for (let back = 15; back <= 120; back += 15) expect(reading(ms - back * 60_000, zone)).not.toBe(shown);
    },
  );
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { IsoDate } from "../../src/model/scalars.js";
import { addCalendarDays } from "../../src/model/internal/addCalendarDays.js";
import { calendarDays } from "../../src/model/internal/calendarDays.js";
import { dateOfEpochDay } from "../../src/model/internal/dateOfEpochDay.js";
import { epochDayOf } from "../../src/model/internal/epochDayOf.js";
import { isoDateOf } from "../../src/model/internal/isoDateOf.js";

// Date arithmetic is done on day numbers; the engine's Date is the oracle it must agree with.
const DAY_MS = 86_400_000;
const FIRST_DAY = -719_528; // 0000-01-01
const LAST_DAY = 2_932_896; // 9999-12-31
const byDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const anyDay = fc.oneof(
  fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
  // Leap days, century years and the ends of the range, where such formulas go wrong.
  fc
    .constantFrom("0000-02-29", "0000-03-01", "1900-02-28", "1900-03-01", "2000-02-29", "2100-03-01", "9999-12-31")
    .map((date) => Date.parse(`${date}T00:00:00Z`) / DAY_MS),
);
const pad = (value: number, width: number) => String(value).padStart(width, "0");
/** Text shaped like a date, real or not: months to 13, days to 32. */
const dateShaped = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([year, month, day]) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);

describe("day numbers", () => {
  test.prop([anyDay])("dateOfEpochDay writes the date Date writes, and epochDayOf reads it back", (day) => {
    const date = dateOfEpochDay(day);
    expect(date).toBe(byDate(day));
    expect(epochDayOf(date)).toBe(day);
  });

  test.prop([dateShaped])("epochDayOf reads a day exactly when IsoDate accepts the text, and the day Date reads", (text) => {
    const day = epochDayOf(text);
    expect(Number.isNaN(day)).toBe(!IsoDate.safeParse(text).success);
    if (!Number.isNaN(day)) expect(day).toBe(Date.parse(`${text}T00:00:00Z`) / DAY_MS);
  });

  test.prop([anyDay, fc.integer({ min: -800_000, max: 800_000 }), anyDay])(
    "addCalendarDays, calendarDays and isoDateOf agree with time values",
    (day, shift, other) => {
      const [date, otherDate] = [byDate(day), byDate(other)];
      const clamped = Math.min(Math.max(day + shift, FIRST_DAY), LAST_DAY);
      expect(addCalendarDays(date, shift)).toBe(byDate(clamped));
      expect(calendarDays(date, otherDate)).toBe(other - day);
      const ms = day * DAY_MS + (shift % DAY_MS);
      expect(isoDateOf(ms)).toBe(new Date(Math.min(Math.max(ms, FIRST_DAY * DAY_MS), LAST_DAY * DAY_MS)).toISOString().slice(0, 10));
    },
  );

  test("text that is no date falls back to time values, as before", () => {
    expect(epochDayOf("2026-1-01")).toBeNaN();
    expect(epochDayOf("+02026-01-01")).toBeNaN();
    expect(calendarDays("2026-01-01", "2026-01-31")).toBe(30);
    expect(addCalendarDays("2026-01-31", 0.5)).toBe("2026-01-31");
    expect(() => isoDateOf(Number.NaN)).toThrow(RangeError);
  });
});

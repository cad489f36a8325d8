import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { IsoInstant } from "referwell";
import { planTouches, toICalendar } from "referwell/cadence";
import { wallClock } from "../support/wallClock.js";

const DAY_MS = 86_400_000;
const touch = (id: string, dueDate: string) => ({
  id,
  referrerId: "ref-1",
  clinicianId: "clin-a",
  reason: "cadence" as const,
  dueDate,
  overdueDays: 0,
  suggestedKind: "coffee" as const,
  value: 2,
  explanation: "x",
});
const ALL_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** Days of clock changes (and a day either side) in zones of both hemispheres, half-hour and negative DST, and a gap that ends at midnight. */
const CHANGES: readonly (readonly [zone: string, day: string])[] = [
  ["America/New_York", "2026-03-08"],
  ["America/New_York", "2026-11-01"],
  ["Europe/Berlin", "2026-03-29"],
  ["Europe/Berlin", "2026-10-25"],
  ["Europe/Dublin", "2026-03-29"],
  ["Europe/Dublin", "2026-10-25"],
  ["Australia/Lord_Howe", "2026-04-05"],
  ["Australia/Lord_Howe", "2026-10-04"],
  ["Australia/Sydney", "2026-04-05"],
  ["America/Santiago", "2026-04-05"],
  ["America/Santiago", "2026-09-06"],
  ["America/Sao_Paulo", "2018-11-04"],
  ["America/Nuuk", "2026-03-28"],
  ["America/Nuuk", "2026-10-24"],
  ["Pacific/Apia", "2011-12-29"],
  ["Pacific/Apia", "2021-04-04"],
  ["Asia/Beirut", "2026-03-29"],
];
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const times = fc
  .integer({ min: 0, max: 47 })
  .map((half) => `${String(Math.floor(half / 2)).padStart(2, "0")}:${half % 2 === 0 ? "00" : "30"}`);
const day = fc
  .tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -1, max: 1 }))
  .map(([[zone, date], by]) => [zone, shift(date, by)] as const);

describe("clock changes", () => {
  test.prop([fc.integer({ min: -1, max: 1 }), times, fc.integer({ min: 1, max: 8 }), fc.constantFrom(15, 30, 60)])(
    "a day's touches, on every clock change listed: distinct, non-overlapping instants, each on its date at its local time",
    (by, preferredTime, count, durationMinutes) => {
      for (const [zone, change] of CHANGES) {
        const date = shift(change, by);
        const due = Array.from({ length: count }, (_, index) => touch(`t${index}`, date));
        const { planned } = planTouches(due, {
          from: shift(date, -3),
          weeks: 2,
          timeZone: zone,
          workingDays: [...ALL_DAYS],
          capacity: 20,
          toleranceDays: 0,
          preferredTime,
          durationMinutes,
        });
        const starts = planned.map((p) => Date.parse(p.start)).sort((a, b) => a - b);
        for (let index = 1; index < starts.length; index += 1)
          expect(starts[index] as number).toBeGreaterThanOrEqual((starts[index - 1] as number) + durationMinutes * 60_000);
        for (const p of planned) {
          expect(IsoInstant.safeParse(p.start).success).toBe(true);
          expect(wallClock(p.start, zone)).toEqual({ date: p.date, time: p.localTime });
        }
      }
    },
  );

  test.prop([day, times])("overlap: a preferred time that occurs twice takes its first instant", ([zone, date], preferredTime) => {
    const { planned } = planTouches([touch("t", date)], {
      from: date,
      weeks: 1,
      timeZone: zone,
      workingDays: [...ALL_DAYS],
      capacity: 1,
      preferredTime,
    });
    const start = Date.parse(planned[0]?.start ?? "");
    const reading = wallClock(start, zone);
    if (reading.time !== preferredTime) return;
    // No earlier instant within three hours reads the same date and time.
    for (let minutes = 15; minutes <= 180; minutes += 15) expect(wallClock(start - minutes * 60_000, zone)).not.toEqual(reading);
  });

  it("takes the first instant whatever the sign of the offset (New York 01:30, Berlin 02:30)", () => {
    const at = (zone: string, date: string, preferredTime: string) =>
      planTouches([touch("t", date)], { from: date, weeks: 1, timeZone: zone, workingDays: ["sun"], capacity: 1, preferredTime }).planned[0]
        ?.start;
    expect(at("America/New_York", "2026-11-01", "01:30")).toBe("2026-11-01T01:30:00-04:00");
    expect(at("Europe/Berlin", "2026-10-25", "02:30")).toBe("2026-10-25T02:30:00+02:00");
  });

  it("spreads touches on a spring-forward day from where the gap moves the first (New York 02:30)", () => {
    const { planned } = planTouches([touch("a", "2026-03-08"), touch("b", "2026-03-08"), touch("c", "2026-03-08")], {
      from: "2026-03-08",
      weeks: 1,
      timeZone: "America/New_York",
      workingDays: ["sun"],
      capacity: 3,
      preferredTime: "02:30",
    });
    expect(planned.map((p) => p.start)).toEqual(["2026-03-08T03:30:00-04:00", "2026-03-08T04:00:00-04:00", "2026-03-08T04:30:00-04:00"]);
  });

  it("keeps the day when a gap ends at midnight (America/Nuuk) and skips a day a zone never had (Pacific/Apia)", () => {
    const nuuk = planTouches([touch("a", "2026-03-28")], {
      from: "2026-03-28",
      weeks: 1,
      timeZone: "America/Nuuk",
      workingDays: ["sat"],
      capacity: 1,
      preferredTime: "23:30",
    });
    expect(nuuk.planned.map((p) => [p.date, p.start])).toEqual([["2026-03-28", "2026-03-28T22:30:00-02:00"]]);
    const apia = planTouches([touch("a", "2011-12-30")], {
      from: "2011-12-30",
      weeks: 1,
      timeZone: "Pacific/Apia",
      workingDays: [...ALL_DAYS],
      capacity: 1,
    });
    expect(apia.planned.map((p) => p.date)).toEqual(["2011-12-31"]);
  });

  it("writes offsets with seconds as an exact instant with a whole-minute offset (Los Angeles 1880, Monrovia 1960)", () => {
    const at = (zone: string, date: string) => planTouches([touch("t", date)], { from: date, weeks: 1, timeZone: zone, capacity: 1 });
    const la = at("America/Los_Angeles", "1880-03-08").planned[0];
    // Local mean time −7:52:58 (tzdata): 10:00 there is 17:52:58 UTC.
    expect(la?.start).toBe("1880-03-08T10:00:58-07:52");
    expect(Date.parse(la?.start ?? "")).toBe(Date.parse("1880-03-08T17:52:58Z"));
    const monrovia = at("Africa/Monrovia", "1960-03-08");
    // −0:44:30 (tzdata) until 1972: 10:00 there is 10:44:30 UTC.
    expect(monrovia.planned[0]?.start).toBe("1960-03-08T10:00:30-00:44");
    expect(monrovia.planned[0]?.localTime).toBe("10:00");
    expect(toICalendar(monrovia, { now: "1960-03-01T00:00:00Z" })).toContain("DTSTART:19600308T104430Z");
  });

  it("plans nothing past 9999-12-30, so every instant keeps a four-digit year, and ends", () => {
    const plan = planTouches([touch("a", "9999-12-30"), touch("b", "9999-12-31")], {
      from: "9999-12-27",
      weeks: 2,
      timeZone: "Pacific/Kiritimati",
      workingDays: [...ALL_DAYS],
      capacity: 3,
      preferredTime: "23:30",
    });
    expect(plan.planned.map((p) => p.end)).toEqual(["9999-12-31T00:00:00+14:00"]);
    expect(plan.unplaced.map((u) => u.reason)).toEqual(["due-after-horizon"]);
    expect(toICalendar(plan, { now: "2026-11-23T08:00:00Z" })).toContain("DTEND:99991230T100000Z");
  });
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { planTouches } from "referwell/cadence";

const DAY_MS = 86_400_000;
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const FROM = "2026-11-23"; // a Monday
const touch = (index: number, clinicianId: string, overdue: number) => ({
  id: `t${String(index).padStart(3, "0")}`,
  referrerId: `ref-${index}`,
  clinicianId,
  reason: "cadence" as const,
  dueDate: shift(FROM, -overdue),
  overdueDays: overdue,
  suggestedKind: "coffee" as const,
  value: 2,
  explanation: "x",
});

describe("levelling", () => {
  test.prop([
    fc.array(fc.tuple(fc.constantFrom("clin-a", "clin-b"), fc.integer({ min: 1, max: 60 })), { maxLength: 80 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 0, max: 10 }),
    fc.uniqueArray(fc.integer({ min: 0, max: 41 }), { maxLength: 6 }),
    fc.constantFrom("UTC", "Australia/Lord_Howe", "Pacific/Apia", "America/Santiago"),
  ])(
    "overdue touches: in each week past the tolerance window, a clinician's busiest and least busy working days differ by at most one",
    (list, capacity, toleranceDays, holidayOffsets, timeZone) => {
      const weeks = 6;
      const holidays = holidayOffsets.map((offset) => shift(FROM, offset));
      const { planned } = planTouches(
        list.map(([clinician, overdue], index) => touch(index, clinician, overdue)),
        { from: FROM, weeks, timeZone, capacity, toleranceDays, holidays },
      );
      const perDay = new Map<string, number>();
      for (const p of planned) perDay.set(`${p.clinicianId}|${p.date}`, (perDay.get(`${p.clinicianId}|${p.date}`) ?? 0) + 1);
      for (const clinician of ["clin-a", "clin-b"])
        for (let week = 0; week < weeks; week += 1) {
          const monday = shift(FROM, week * 7);
          if (monday <= shift(FROM, toleranceDays)) continue;
          // Holidays are not working days: they hold nothing and are not compared.
          const open = [0, 1, 2, 3, 4].map((day) => shift(monday, day)).filter((day) => !holidays.includes(day));
          if (open.length === 0) continue;
          const loads = open.map((day) => perDay.get(`${clinician}|${day}`) ?? 0);
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        }
    },
  );
});

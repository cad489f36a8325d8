import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { InvalidInputError } from "referwell";
import { dueTouches, planTouches } from "referwell/cadence";
import { relationshipState, type RelationshipEvent } from "referwell/relationships";
import { dueTouchList, planSettings, planStart } from "../arbitraries/cadence.js";
import { hostile, hostileJson } from "../arbitraries/hostile.js";
import { deepFreeze } from "../support/deepFreeze.js";
import { untyped } from "../support/untyped.js";
import { wallClock } from "../support/wallClock.js";

const world = planStart.chain((from) => fc.tuple(dueTouchList(from), planSettings(from)));
const WEEKDAY = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const weekday = (date: string) => WEEKDAY[new Date(`${date}T00:00:00Z`).getUTCDay()];
const monday = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);

describe("planTouches", () => {
  test.prop([world])(
    "working days only: nothing on a non-working day or a holiday, nothing before from or after the horizon",
    ([due, settings]) => {
      const { planned } = planTouches(due, settings);
      const end = new Date(Date.parse(`${settings.from}T00:00:00Z`) + (settings.weeks * 7 - 1) * 86_400_000).toISOString().slice(0, 10);
      for (const touch of planned) {
        expect(settings.workingDays).toContain(weekday(touch.date));
        expect(settings.holidays).not.toContain(touch.date);
        expect(touch.date >= settings.from).toBe(true);
        expect(touch.date <= end).toBe(true);
      }
    },
  );

  test.prop([world])("capacity: at most `capacity` touches per clinician per week", ([due, settings]) => {
    const { planned } = planTouches(due, settings);
    const load = new Map<string, number>();
    for (const touch of planned) {
      const key = `${touch.clinicianId ?? ""}|${monday(touch.date)}`;
      load.set(key, (load.get(key) ?? 0) + 1);
    }
    for (const count of load.values()) expect(count).toBeLessThanOrEqual(settings.capacity);
  });

  test.prop([world])("partition: every due touch is planned or reported unplaced, once, with a reason", ([due, settings]) => {
    const plan = planTouches(due, settings);
    const ids = [...plan.planned.map((t) => t.id), ...plan.unplaced.map((u) => u.touch.id)].sort();
    expect(ids).toEqual(due.map((t) => t.id).sort());
    for (const u of plan.unplaced) expect(["due-after-horizon", "no-capacity"]).toContain(u.reason);
  });

  test.prop([world])(
    "local time: each touch starts at its local time in its zone, the first of a day at the preferred time",
    ([due, settings]) => {
      const { planned } = planTouches(due, settings);
      for (const touch of planned) {
        const wall = wallClock(touch.start, touch.timeZone);
        expect(wall.date).toBe(touch.date);
        expect(wall.time).toBe(touch.localTime);
        // One touch of each day starts at the preferred time; only a time in a spring-forward gap moves, and forward.
        const sameDay = planned.filter((other) => other.date === touch.date && other.clinicianId === touch.clinicianId);
        if (!sameDay.some((other) => other.localTime === settings.preferredTime)) {
          expect(["00:30", "02:30", "23:30"]).toContain(settings.preferredTime);
          expect(sameDay.some((other) => other.localTime > settings.preferredTime)).toBe(true);
        }
        // Each touch lasts its duration in real minutes, whatever the clocks do.
        expect(Date.parse(touch.end) - Date.parse(touch.start)).toBe(30 * 60_000);
      }
    },
  );

  test.prop([world])("determinism and purity: the same frozen input gives the same plan", ([due, settings]) => {
    deepFreeze(due);
    deepFreeze(settings);
    expect(JSON.stringify(planTouches(due, settings))).toBe(JSON.stringify(planTouches(due, settings)));
  });

  test.prop([world])("idempotence: a plan fed back as already scheduled plans nothing new", ([due, settings]) => {
    const plan = planTouches(due, settings);
    const again = planTouches(due, { ...settings, scheduled: [...plan.planned] });
    expect(again.planned).toEqual([]);
  });

  test.prop([world])("spread: within the tolerance window, a touch never goes to a busier day than one left free", ([due, settings]) => {
    const { planned } = planTouches(due, { ...settings, capacity: Math.max(settings.capacity, 3) });
    const perDay = new Map<string, number>();
    for (const touch of planned)
      perDay.set(`${touch.clinicianId ?? ""}|${touch.date}`, (perDay.get(`${touch.clinicianId ?? ""}|${touch.date}`) ?? 0) + 1);
    // No clinician has three touches on one day while a working day of the same week stays empty.
    for (const [key, count] of perDay) {
      if (count < 3) continue;
      const [who, day] = key.split("|") as [string, string];
      const week = monday(day);
      const emptyDay = [0, 1, 2, 3, 4, 5, 6]
        .map((d) => new Date(Date.parse(`${week}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10))
        .filter(
          (d) => d >= settings.from && settings.workingDays.includes(weekday(d) as never) && !settings.holidays.includes(d) && d > day,
        )
        .some((d) => (perDay.get(`${who}|${d}`) ?? 0) === 0);
      if (emptyDay) expect(settings.toleranceDays).toBeLessThan(7);
    }
  });
});

describe("dueTouches", () => {
  test.prop([fc.integer({ min: 0, max: 200 }), fc.constantFrom("coffee", "article-shared", "call", "case-conference")])(
    "reset: a logged touch restarts the cadence from its date",
    (daysLater, kind) => {
      const base: RelationshipEvent[] = [
        { id: "e1", date: "2026-01-05", type: "meeting-held", fit: true, clinicianId: "clin-a", referrerId: "ref-1" },
        { id: "e2", date: "2026-01-20", type: "touch", kind: "coffee", clinicianId: "clin-a", referrerId: "ref-1" },
      ];
      const touchDate = new Date(Date.parse("2026-01-20T00:00:00Z") + daysLater * 86_400_000).toISOString().slice(0, 10);
      const logged = [
        ...base,
        { id: "e3", date: touchDate, type: "touch", kind, clinicianId: "clin-a", referrerId: "ref-1" } as RelationshipEvent,
      ];
      const now = new Date(Date.parse(`${touchDate}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
      const cadence = dueTouches([relationshipState(logged, { now })], { now }).find((t) => t.reason === "cadence");
      // Two calendar months on, on the same day or the month's last.
      const [year, month, day] = touchDate.split("-").map(Number) as [number, number, number];
      const last = new Date(Date.UTC(year, month + 2, 0)).getUTCDate();
      const expected = new Date(Date.UTC(year, month + 1, Math.min(day, last))).toISOString().slice(0, 10);
      expect(cadence?.dueDate).toBe(expected);
    },
  );

  test.prop([
    hostile(planStart.chain((from) => dueTouchList(from))),
    hostileJson(["from", "weeks", "timeZone", "capacity", "holidays", "workingDays"]),
  ])("no leak: hostile inputs give a result or an InvalidInputError without input text", (due, options) => {
    for (const call of [
      () => planTouches(untyped(due), { from: "2026-11-23", weeks: 2, timeZone: "UTC", capacity: 2 }),
      () => planTouches([], untyped(options)),
      () => dueTouches(untyped(due), { now: "2026-11-23" }),
    ]) {
      try {
        call();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidInputError);
        expect(JSON.stringify(error)).not.toMatch(/ZQX[A-Z0-9]{6}/);
      }
    }
  });
});

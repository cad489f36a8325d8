import { createHash } from "node:crypto";
import { fc, test } from "@fast-check/vitest";
import ICAL from "ical.js";
import { describe, expect } from "vitest";
import { type DueTouch, planTouches, toICalendar } from "referwell/cadence";
import { dueTouchList, planSettings, planStart } from "../arbitraries/cadence.js";

const DAY_MS = 86_400_000;
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** A re-plan's due touches: each kept, dropped or moved by some days. */
const revise = (due: readonly DueTouch[]) =>
  fc.array(fc.oneof(fc.constant(null), fc.integer({ min: -10, max: 10 })), { minLength: due.length, maxLength: due.length }).map((moves) =>
    due.flatMap((touch, index) => {
      const by = moves[index];
      return by === null || by === undefined ? [] : [{ ...touch, dueDate: shift(touch.dueDate, by) }];
    }),
  );
const world = planStart.chain((from) =>
  fc.tuple(dueTouchList(from), planSettings(from)).chain(([due, settings]) =>
    fc.tuple(
      fc.constant(due),
      fc.constant(settings),
      revise(due).chain((next) => fc.tuple(fc.constant(next), revise(next))),
    ),
  ),
);

interface Held {
  sequence: number;
  stamp: number;
  start: number;
  end: number;
}

/** A calendar that imports as RFC 5546 §2.1.5 says: a higher SEQUENCE wins, an equal one with a later DTSTAMP; CANCELLED removes. */
function importInto(calendar: Map<string, Held>, ics: string): void {
  const root = new ICAL.Component(ICAL.parse(ics));
  for (const component of root.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(component);
    const sequence = Number(component.getFirstPropertyValue("sequence") ?? 0);
    const stamp = (component.getFirstPropertyValue("dtstamp") as ICAL.Time).toJSDate().getTime();
    const held = calendar.get(event.uid);
    if (held !== undefined && (sequence < held.sequence || (sequence === held.sequence && stamp <= held.stamp))) continue;
    if (component.getFirstPropertyValue("status") === "CANCELLED") calendar.delete(event.uid);
    else calendar.set(event.uid, { sequence, stamp, start: event.startDate.toJSDate().getTime(), end: event.endDate.toJSDate().getTime() });
  }
}

/** SHA-256 of the id's UTF-16BE code units, by Node's own implementation. */
const uidOf = (id: string) => `${createHash("sha256").update(Buffer.from(id, "utf16le").swap16()).digest("hex")}@referwell.invalid`;

describe("plans that sync", () => {
  test.prop([world])(
    "importing plan 1, then 2, then 3 leaves exactly plan 2's events after plan 2, and plan 3's after plan 3, at their times",
    ([due1, settings, [due2, due3]]) => {
      const plan1 = planTouches(due1, settings);
      const plan2 = planTouches(due2, { ...settings, previous: plan1.planned });
      const plan3 = planTouches(due3, { ...settings, previous: plan2.planned });
      const calendar = new Map<string, Held>();
      // Each export an hour after the one before, as its DTSTAMP.
      [plan1, plan2, plan3].forEach((plan, index) => {
        importInto(calendar, toICalendar(plan, { now: `2026-01-01T0${index}:00:00Z` }));
        expect([...calendar.keys()].sort()).toEqual(plan.planned.map((touch) => uidOf(touch.id)).sort());
        for (const touch of plan.planned)
          expect(calendar.get(uidOf(touch.id))).toMatchObject({ start: Date.parse(touch.start), end: Date.parse(touch.end) });
      });
    },
  );

  test.prop([world])(
    "a touch that moves gets a higher SEQUENCE; one that stays keeps it; one dropped is cancelled with a higher one",
    ([due1, settings, [due2]]) => {
      const plan1 = planTouches(due1, settings);
      const plan2 = planTouches(due2, { ...settings, previous: plan1.planned });
      const before = new Map(plan1.planned.map((touch) => [touch.id, touch]));
      for (const touch of plan2.planned) {
        const old = before.get(touch.id);
        if (old === undefined) expect(touch.sequence).toBe(0);
        else if (old.start === touch.start && old.end === touch.end) expect(touch.sequence).toBe(old.sequence);
        else expect(touch.sequence).toBeGreaterThan(old.sequence);
      }
      const kept = new Set(plan2.planned.map((touch) => touch.id));
      expect(plan2.cancelled.map((touch) => touch.id).sort()).toEqual(
        plan1.planned
          .filter((touch) => !kept.has(touch.id))
          .map((touch) => touch.id)
          .sort(),
      );
      for (const touch of plan2.cancelled) expect(touch.sequence).toBeGreaterThan(before.get(touch.id)?.sequence ?? -1);
    },
  );
});

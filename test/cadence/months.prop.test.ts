import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { dueTouches } from "referwell/cadence";
import { relationshipState, type RelationshipEvent } from "referwell/relationships";

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** `months` calendar months after a date: the same day, or the last day of a shorter month. */
const addMonths = (date: string, months: number) => {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return iso(Date.UTC(year, month - 1 + months, Math.min(day, last)));
};

describe("cadence in calendar months", () => {
  test.prop([fc.integer({ min: 0, max: 1_100 }), fc.integer({ min: 1, max: 14 })])(
    "a cadence of n months falls due n calendar months after the last contact, clamped to the month's end",
    (offset, months) => {
      const touchDate = iso(Date.parse("2026-01-20T00:00:00Z") + offset * DAY_MS);
      const events: RelationshipEvent[] = [
        { id: "e1", date: "2026-01-05", type: "meeting-held", fit: true, clinicianId: "clin-a", referrerId: "ref-1" },
        { id: "e2", date: touchDate, type: "touch", kind: "coffee", clinicianId: "clin-a", referrerId: "ref-1" },
      ];
      const now = iso(Date.parse(`${touchDate}T00:00:00Z`) + DAY_MS);
      const everyDays = { met: { months }, nurturing: { months }, active: { months } };
      const cadence = dueTouches([relationshipState(events, { now })], {
        now,
        policy: { everyDays, stageFactor: { 1: 1, 2: 1, 3: 1 } },
      }).find((touch) => touch.reason === "cadence");
      expect(cadence?.dueDate).toBe(addMonths(touchDate, months));
    },
  );
});

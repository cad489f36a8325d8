import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { dueTouches } from "referwell/cadence";
import { relationshipState, type RelationshipEvent } from "referwell/relationships";

import { shiftDays, shiftMonths as addMonths } from "../support/calendarOracle.js";

describe("cadence in calendar months", () => {
  test.prop([fc.integer({ min: 0, max: 1_100 }), fc.integer({ min: 1, max: 14 })])(
    "a cadence of n months falls due n calendar months after the last contact, clamped to the month's end",
    (offset, months) => {
      const touchDate = shiftDays("2026-01-20", offset);
      const events: RelationshipEvent[] = [
        { id: "e1", date: "2026-01-05", type: "meeting-held", fit: true, clinicianId: "clin-a", referrerId: "ref-1" },
        { id: "e2", date: touchDate, type: "touch", kind: "coffee", clinicianId: "clin-a", referrerId: "ref-1" },
      ];
      const now = shiftDays(touchDate, 1);
      const everyDays = { met: { months }, nurturing: { months }, active: { months } };
      const cadence = dueTouches([relationshipState(events, { now })], {
        now,
        policy: { everyDays, stageFactor: { 1: 1, 2: 1, 3: 1 } },
      }).find((touch) => touch.reason === "cadence");
      expect(cadence?.dueDate).toBe(addMonths(touchDate, months));
    },
  );
});

import { describe, expect, it } from "vitest";
import { Weekday } from "referwell";
import { packSlot, slotDay } from "../../src/match/internal/packedSlot.js";
import { WEEKDAYS } from "../../src/model/internal/weekdayOf.js";

describe("the list of weekdays", () => {
  it("is frozen, and packing a slot reads it rather than Weekday.options, which a caller can reorder", () => {
    expect(Object.isFrozen(WEEKDAYS)).toBe(true);
    expect(Weekday.options).toEqual([...WEEKDAYS]);
    const slot = { day: "tue", start: "09:00", end: "10:00" } as const;
    const packed = packSlot(slot);
    const kept = [...Weekday.options];
    Weekday.options.reverse();
    try {
      expect(packSlot(slot)).toBe(packed);
      expect(slotDay(packed)).toBe(1);
    } finally {
      Weekday.options.splice(0, kept.length, ...kept);
    }
  });
});

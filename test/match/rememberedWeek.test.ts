import { describe, expect, it } from "vitest";
import type { CompiledClinician } from "../../src/match/internal/compiled.js";
import { KEPT_WEEKS, rememberedWeek } from "../../src/match/internal/rememberedWeek.js";
import { createWeekTimeline } from "../../src/match/internal/weekTimeline.js";

describe("rememberedWeek", () => {
  const clinicians = Array.from({ length: KEPT_WEEKS + 1 }, (_, index) => ({ index }) as unknown as CompiledClinician);
  const [monday, tuesday] = [createWeekTimeline("2026-11-23"), createWeekTimeline("2026-11-24")];

  it("places a clinician's week once per timeline and modes, and again for another", () => {
    let placed = 0;
    const place = () => {
      placed += 1;
      return [[placed, placed + 1] as const];
    };
    const [first] = clinicians as [CompiledClinician];
    const week = rememberedWeek(first, monday, "telehealth", place);
    expect(rememberedWeek(first, monday, "telehealth", place)).toBe(week);
    expect(placed).toBe(1);
    rememberedWeek(first, monday, "in-person", place);
    expect(placed).toBe(2);
    expect(rememberedWeek(first, tuesday, "telehealth", place)).not.toBe(week);
    expect(placed).toBe(3);
  });

  it("keeps at most KEPT_WEEKS clinicians' weeks: one more starts it again", () => {
    let placed = 0;
    const place = () => {
      placed += 1;
      return [];
    };
    // A timeline no other test uses, so nothing is remembered for it yet.
    const timeline = createWeekTimeline("2026-12-07");
    for (const clinician of clinicians.slice(0, KEPT_WEEKS)) rememberedWeek(clinician, timeline, "", place);
    for (const clinician of clinicians.slice(0, KEPT_WEEKS)) rememberedWeek(clinician, timeline, "", place);
    expect(placed).toBe(KEPT_WEEKS);
    rememberedWeek(clinicians[KEPT_WEEKS] as CompiledClinician, timeline, "", place);
    rememberedWeek(clinicians[0] as CompiledClinician, timeline, "", place);
    expect(placed).toBe(KEPT_WEEKS + 2);
  });
});

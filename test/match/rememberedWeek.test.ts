import { describe, expect, it } from "vitest";
import type { CompiledClinician } from "../../src/match/internal/compiled.js";
import { KEPT_WEEKS, type PlacedWeeks, rememberedWeek } from "../../src/match/internal/rememberedWeek.js";
import { createWeekTimeline } from "../../src/match/internal/weekTimeline.js";
import { modeBits } from "../../src/match/internal/packedSlot.js";
import { compileDirectory } from "../../src/match/internal/compileDirectory.js";
import { clinicianById } from "../../src/match/internal/clinicianById.js";
import { updateDirectory } from "../../src/match/internal/updateDirectory.js";
import { directoryIds } from "../../src/model/internal/directoryIds.js";
import { MatcherChanges, MatcherOptions } from "../../src/match/schemas.js";
import { Directory, validate } from "referwell";
import { syntheticDirectory } from "../arbitraries/synthetic.js";

describe("rememberedWeek", () => {
  // Not a multiple of KEPT_WEEKS, so a memory that started again from nothing at some size would show it.
  const clinicians = Array.from({ length: 3 * KEPT_WEEKS + KEPT_WEEKS / 4 }, (_, index) => ({ index }) as unknown as CompiledClinician);
  const [monday, tuesday] = [createWeekTimeline("2026-11-23"), createWeekTimeline("2026-11-24")];
  const noWeeks = (): PlacedWeeks => ({ recent: new Map(), older: new Map() });
  /** A memo on Monday's timeline and how many weeks it has placed. */
  function counted() {
    const weeks = noWeeks();
    const count = { placed: 0 };
    const ask = (clinician: CompiledClinician) =>
      rememberedWeek(
        weeks,
        clinician,
        monday,
        0,
        () => {
          count.placed += 1;
          return [];
        },
        undefined,
      );
    return { weeks, count, ask };
  }

  it("places a clinician's week once per timeline and modes, and again for another", () => {
    const weeks = noWeeks();
    const asked: unknown[][] = [];
    const place = (...args: unknown[]) => {
      asked.push(args);
      return [asked.length, asked.length + 1];
    };
    const [first] = clinicians as [CompiledClinician];
    const [inPerson, telehealth] = [modeBits(["in-person"]), modeBits(["telehealth"])];
    const week = rememberedWeek(weeks, first, monday, telehealth, place, "context");
    expect(rememberedWeek(weeks, first, monday, telehealth, place, "context")).toBe(week);
    // Placed with what it was passed, nothing closed over.
    expect(asked).toEqual([["context", first, monday, telehealth]]);
    expect(rememberedWeek(weeks, first, monday, inPerson, place, "context")).not.toBe(week);
    expect(asked).toHaveLength(2);
    expect(rememberedWeek(weeks, first, tuesday, telehealth, place, "context")).not.toBe(week);
    expect(asked).toHaveLength(3);
  });

  it("keeps at most twice KEPT_WEEKS clinicians' weeks, and always the last KEPT_WEEKS asked for", () => {
    const { weeks, count, ask } = counted();
    for (const clinician of clinicians) {
      ask(clinician);
      expect(weeks.recent.size + weeks.older.size).toBeLessThanOrEqual(2 * KEPT_WEEKS);
    }
    expect(count.placed).toBe(clinicians.length);
    for (const clinician of clinicians.slice(-KEPT_WEEKS)) ask(clinician);
    expect(count.placed).toBe(clinicians.length);
    ask(clinicians[0] as CompiledClinician);
    expect(count.placed).toBe(clinicians.length + 1);
  });

  it("finds a week in the older generation when the recent one is full", () => {
    const { count, ask } = counted();
    for (const clinician of clinicians.slice(0, 2 * KEPT_WEEKS)) ask(clinician);
    ask(clinicians[0] as CompiledClinician);
    expect(count.placed).toBe(2 * KEPT_WEEKS);
  });

  it("keeps the week of a clinician asked for again and again while thousands of others pass through", () => {
    const { count, ask } = counted();
    const [regular, ...others] = clinicians as [CompiledClinician, ...CompiledClinician[]];
    ask(regular);
    for (let from = 0; from + KEPT_WEEKS <= others.length; from += KEPT_WEEKS) {
      for (const clinician of others.slice(from, from + KEPT_WEEKS)) ask(clinician);
      ask(regular);
    }
    // The regular was placed once; every other clinician once.
    expect(count.placed).toBe(1 + others.length - (others.length % KEPT_WEEKS));
  });

  it("lets go of the weeks of clinicians a matcher's update replaces or removes", () => {
    const directory = validate(Directory, syntheticDirectory({ seed: 3, clinicians: 3 }), "directory");
    const compiled = compileDirectory(directory, MatcherOptions.parse({}));
    const [replaced, removed, kept] = directory.clinicians.map((clinician) => clinicianById(compiled, clinician.id) as CompiledClinician);
    for (const clinician of [replaced, removed, kept] as CompiledClinician[])
      rememberedWeek(compiled.placedWeeks, clinician, monday, 0, () => [], undefined);
    const changes = MatcherChanges.parse({ upsert: [directory.clinicians[0]], remove: [directory.clinicians[1]?.id] });
    updateDirectory(compiled, changes, directoryIds(directory));
    const remembered = [...compiled.placedWeeks.recent.keys(), ...compiled.placedWeeks.older.keys()];
    expect(remembered).toEqual([kept]);
  });
});

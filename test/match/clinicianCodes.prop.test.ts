import { fc, test } from "@fast-check/vitest";
import type { Capacity, Clinician } from "../../src/model/clinician.js";
import { Directory } from "../../src/model/directory.js";
import { validate } from "../../src/model/validate.js";
import { MatcherOptions } from "../../src/match/schemas.js";
import { compileDirectory } from "../../src/match/internal/compileDirectory.js";
import { syntheticDirectory } from "../arbitraries/synthetic.js";
import { describe, expect, it } from "vitest";
import {
  type CodeKind,
  CODE_KINDS,
  codesOf,
  createClinicianCodes,
  expectClinicians,
  holdsCode,
  KEPT_IN_ORDER,
  MOST_EXPECTED,
  worstOutcome,
  packedOutcome,
  releaseCodes,
  listFrom,
  listTo,
  VALUE_KINDS,
  type ValueKind,
  valuesOf,
  startSegment,
  addCode,
  addValue,
  endList,
  endSegment,
  type ClinicianCodes,
} from "../../src/match/internal/clinicianCodes.js";
import { modeBits, packSlot, slotDay, slotEnd, slotOpenTo, slotStart } from "../../src/match/internal/packedSlot.js";
import { capacityIn, hasRoom, roomFor, writeCapacity } from "../../src/match/internal/packedCapacity.js";
import { feeIn, writeFees } from "../../src/match/internal/packedFees.js";

/** Writes a place's lists, by name, through the pool's segment writer (as `compileClinician` does, list by list in order). */
function writeCodes(
  table: ClinicianCodes,
  index: number,
  codes: Readonly<Record<CodeKind, readonly string[]>>,
  values: Readonly<Record<ValueKind, readonly number[]>>,
): void {
  const most = [...CODE_KINDS.map((kind) => codes[kind].length), ...VALUE_KINDS.map((kind) => values[kind].length)].reduce(
    (a, b) => a + b,
    0,
  );
  startSegment(table, index, most);
  for (const kind of CODE_KINDS) {
    for (const code of codes[kind]) addCode(table, code);
    endList(table, kind);
  }
  for (const kind of VALUE_KINDS) {
    for (const value of values[kind]) addValue(table, value);
    endList(table, kind);
  }
  endSegment(table);
}

// Few codes, so lists repeat codes and share them; lists long enough that some are looked up by halving,
// and some sorted by insertion (up to 16 entries) and others by the typed array's sort.
const code = fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r");
const codeList = fc.oneof(fc.array(code, { maxLength: 14 }), fc.array(code, { minLength: 15, maxLength: 24 }));
const valueList = fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: 6 });
type Held = { codes: Record<CodeKind, string[]>; values: Record<ValueKind, number[]> };
const lists: fc.Arbitrary<Held> = fc.record({
  codes: fc.record(Object.fromEntries(CODE_KINDS.map((kind) => [kind, codeList])) as Record<CodeKind, typeof codeList>),
  values: fc.record(Object.fromEntries(VALUE_KINDS.map((kind) => [kind, valueList])) as Record<ValueKind, typeof valueList>),
});
/** A place's lists written (after releasing what it held), or released; or room made for clinicians to come. */
const operation = fc.oneof(
  fc.record({ index: fc.nat({ max: 40 }), lists }),
  fc.record({ index: fc.nat({ max: 40 }), lists: fc.constant(undefined) }),
  fc.record({ written: fc.nat({ max: 40 }), more: fc.nat({ max: 40 }) }),
);

describe("the pool of clinicians' codes", () => {
  test.prop([fc.nat({ max: 3 }), fc.array(operation, { maxLength: 120 })])(
    "answers what the last lists written at each place hold, through growth and rewrites of the pool",
    (size, operations) => {
      // A small pool from the start, so it grows and drops released segments many times over.
      const table = createClinicianCodes(size);
      const model = new Map<number, Held>();
      for (const step of operations) {
        if ("more" in step) {
          expectClinicians(table, step.written, step.more);
          continue;
        }
        const { index, lists: written } = step;
        if (model.has(index)) releaseCodes(table, index);
        model.delete(index);
        if (written === undefined) continue;
        writeCodes(table, index, written.codes, written.values);
        model.set(index, written);
      }
      for (let index = 0; index <= 40; index += 1) {
        const held = model.get(index);
        for (const kind of CODE_KINDS) {
          const list = held?.codes[kind] ?? [];
          // Outcomes and panels keep their order; the other lists are sets, in the pool's order of codes.
          const codes = codesOf(table, index, kind);
          if (isKeptInOrder(kind)) expect(codes).toEqual(list);
          else {
            expect([...codes].sort()).toEqual([...new Set(list)].sort());
            // A set lies in the pool in increasing order of numbers, which halving relies on.
            const to = listTo(table, index, kind);
            for (let at = listFrom(table, index, kind) + 1; at < to; at += 1)
              expect(table.pool[at]).toBeGreaterThan(table.pool[at - 1] as number);
          }
          for (const each of ["a", "f", "l", "z"]) {
            if (!isKeptInOrder(kind)) expect(holdsCode(table, index, kind, each)).toBe(list.includes(each));
          }
        }
        for (const kind of VALUE_KINDS) expect(valuesOf(table, index, kind)).toEqual(held?.values[kind] ?? []);
      }
      // What the pool counts as live is what the places hold: a rewrite keeps exactly that.
      const header = CODE_KINDS.length + VALUE_KINDS.length;
      expect(table.used - table.dead).toBe([...model.values()].reduce((sum, held) => sum + header + heldLength(held), 0));
      // The codes the pool knows are those the places hold: a released place's last holder of a code forgets it.
      expect(new Set(table.numbers.keys())).toEqual(new Set([...model.values()].flatMap((held) => Object.values(held.codes).flat())));
      // Each code's count of uses is how many entries of every kind of list hold it (once per set, each time in a list kept in order).
      table.codes.forEach((known, number) => {
        const uses = [...model.values()].reduce(
          (sum, held) => sum + CODE_KINDS.reduce((inPlace, kind) => inPlace + entries(held, kind, known), 0),
          0,
        );
        expect(table.uses[number]).toBe(known === "" ? 0 : uses);
      });
    },
  );
});

const emptyCodes = () => Object.fromEntries(CODE_KINDS.map((kind) => [kind, []])) as unknown as Record<CodeKind, string[]>;
const emptyValues = () => Object.fromEntries(VALUE_KINDS.map((kind) => [kind, []])) as unknown as Record<ValueKind, number[]>;

describe("room made ahead in the pool", () => {
  it("is bounded per clinician to come, however much the first clinicians hold", () => {
    const table = createClinicianCodes(10_064);
    // The first clinicians hold thousands of panel plans each (the schema allows 100,000): no sample of the rest.
    const plans = Array.from({ length: 5_000 }, (_, plan) => `plan-${plan}`);
    for (let index = 0; index < 64; index += 1) writeCodes(table, index, { ...emptyCodes(), panelPlans: plans }, emptyValues());
    expectClinicians(table, 64, 10_000);
    expect(table.pool.length - table.used).toBeLessThanOrEqual(Math.ceil(MOST_EXPECTED * 10_000 * 1.03));
    // Light ones make room for what they hold.
    const light = createClinicianCodes(10_064);
    for (let index = 0; index < 64; index += 1) writeCodes(light, index, { ...emptyCodes(), languages: ["en"] }, emptyValues());
    expectClinicians(light, 64, 10_000);
    expect(light.pool.length - light.used).toBeGreaterThanOrEqual((light.used / 64) * 10_000);
  });
});

const isKeptInOrder = (kind: CodeKind): kind is (typeof KEPT_IN_ORDER)[number] => (KEPT_IN_ORDER as readonly CodeKind[]).includes(kind);

/** How many entries of a place's list hold `code`: at most one in a set. */
const entries = (held: Held, kind: CodeKind, code: string): number => {
  const count = held.codes[kind].filter((each) => each === code).length;
  return isKeptInOrder(kind) ? count : Math.min(count, 1);
};

/** How much a place's lists take in the pool: sets without repeats, lists kept in order and values as given. */
const heldLength = (held: Held): number =>
  CODE_KINDS.reduce((sum, kind) => sum + (isKeptInOrder(kind) ? held.codes[kind].length : new Set(held.codes[kind]).size), 0) +
  VALUE_KINDS.reduce((sum, kind) => sum + held.values[kind].length, 0);

describe("packed slots and outcomes", () => {
  const time = fc
    .integer({ min: 0, max: 1440 })
    .map((minutes) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`);
  const modes = fc.constantFrom(undefined, ["in-person"] as const, ["telehealth"] as const, ["telehealth", "in-person"] as const);
  const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

  test.prop([fc.constantFrom(...WEEKDAYS), time, time, modes, fc.subarray(["in-person", "telehealth"] as const)])(
    "a slot unpacks to its weekday, minutes and whether it is open to the modes asked about",
    (day, start, end, slotModes, asked) => {
      const slot = { day, start, end, ...(slotModes === undefined ? {} : { modes: [...slotModes] }) };
      const minutes = (at: string) => Number(at.slice(0, 2)) * 60 + Number(at.slice(3));
      const packed = packSlot(slot);
      expect({ day: slotDay(packed), start: slotStart(packed), end: slotEnd(packed), open: slotOpenTo(packed, modeBits(asked)) }).toEqual({
        day: WEEKDAYS.indexOf(day),
        start: minutes(start),
        end: minutes(end),
        open: slotModes === undefined || slotModes.some((mode) => asked.includes(mode)),
      });
    },
  );

  test.prop([fc.constantFrom("effective", "neutral", "ineffective" as const), fc.integer({ min: 0, max: 1_000_000 })])(
    "an outcome unpacks to its rating and cases",
    (rating, cases) => {
      const table = createClinicianCodes(1);
      writeCodes(
        table,
        0,
        { ...emptyCodes(), outcomes: ["depression"] },
        { ...emptyValues(), outcomeRatings: [packedOutcome({ rating, cases })] },
      );
      expect(worstOutcome({ codes: table }, { index: 0 }, "depression", 0)).toEqual({ rating, cases });
      expect(worstOutcome({ codes: table }, { index: 0 }, "anxiety", 0)).toBeUndefined();
    },
  );

  const RATINGS = ["effective", "neutral", "ineffective"] as const;
  const outcome = fc.record({
    area: fc.constantFrom("depression", "anxiety", "trauma"),
    rating: fc.constantFrom(...RATINGS),
    cases: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 1_000_000 })),
  });
  test.prop([fc.array(outcome, { maxLength: 12 }), fc.integer({ min: 0, max: 40 })])(
    "of an area's ratings on enough cases, the worst counts (ineffective, neutral, effective), on its most cases",
    (outcomes, minCases) => {
      const table = createClinicianCodes(1);
      writeCodes(
        table,
        0,
        { ...emptyCodes(), outcomes: outcomes.map((each) => each.area) },
        { ...emptyValues(), outcomeRatings: outcomes.map(packedOutcome) },
      );
      for (const area of ["depression", "anxiety", "trauma", "grief"]) {
        const counted = outcomes.filter((each) => each.area === area && each.cases >= minCases);
        const badness = (each: (typeof counted)[number]) => RATINGS.indexOf(each.rating);
        const worst = counted.reduce<(typeof counted)[number] | undefined>(
          (found, each) =>
            found === undefined || badness(each) > badness(found) || (badness(each) === badness(found) && each.cases > found.cases)
              ? each
              : found,
          undefined,
        );
        expect(worstOutcome({ codes: table }, { index: 0 }, area, minCases)).toEqual(
          worst === undefined ? undefined : { rating: worst.rating, cases: worst.cases },
        );
      }
    },
  );
});

describe("packed capacity and fees", () => {
  /** A pool holding one clinician whose only values are its capacity and fees, written as `compileClinician` writes them. */
  const poolWith = (write: { capacity?: Capacity; fees?: Parameters<typeof writeFees>[1] }) => {
    const table = createClinicianCodes(1);
    startSegment(table, 0, 10);
    for (const kind of [...CODE_KINDS, "outcomeRatings", "slots", "panels"] as const) endList(table, kind);
    if (write.capacity === undefined) endList(table, "capacity");
    else writeCapacity(table, write.capacity);
    if (write.fees === undefined) endList(table, "fee");
    else writeFees(table, write.fees);
    endSegment(table);
    return table;
  };
  const count = (max: number) => fc.integer({ min: 0, max });
  const capacity = fc.record(
    {
      caseloadMax: count(10_000),
      caseloadCurrent: count(10_000),
      weeklyNewClientLimit: count(1_000),
      newClientsThisWeek: count(1_000),
      expectedWaitDays: count(3_650),
    },
    { requiredKeys: ["caseloadMax", "caseloadCurrent", "weeklyNewClientLimit", "newClientsThisWeek"] },
  );

  test.prop([capacity, fc.boolean()])("a capacity unpacks to its numbers, a wait not given to undefined", (given, accepting) => {
    const table = poolWith({ capacity: given });
    for (const field of ["caseloadMax", "caseloadCurrent", "weeklyNewClientLimit", "newClientsThisWeek", "expectedWaitDays"] as const)
      expect(capacityIn(table, 0, field)).toBe(given[field]);
    expect(hasRoom(table, 0, accepting)).toBe(
      accepting && given.caseloadCurrent < given.caseloadMax && given.newClientsThisWeek < given.weeklyNewClientLimit,
    );
    const room = Math.min(given.caseloadMax - given.caseloadCurrent, given.weeklyNewClientLimit - given.newClientsThisWeek);
    expect(roomFor(table, 0, accepting)).toBe(accepting ? Math.max(0, room) : 0);
  });

  // Amounts around the split at 2^31 and up to the schema's largest.
  const amount = fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 2 ** 31 - 3, max: 2 ** 31 + 3 }), fc.maxSafeNat());
  const currency = fc.stringMatching(/^[A-Z]{3}$/);
  test.prop([fc.option(fc.tuple(currency, amount, fc.option(amount, { nil: undefined })), { nil: undefined })])(
    "a fee and a sliding-scale floor unpack to the amounts and currency the record gave",
    (given) => {
      const fee = given === undefined ? undefined : { currency: given[0], minorUnits: given[1] };
      const floor = given?.[2] === undefined ? undefined : { currency: given[0], minorUnits: given[2] };
      const table = poolWith({ fees: { fee, slidingScaleFloor: floor } });
      // What a clinician without fees holds is no number at all.
      expect(valuesOf(table, 0, "fee")).toHaveLength(fee === undefined ? 0 : floor === undefined ? 3 : 5);
      expect(feeIn(table, 0, 0)).toEqual(fee);
      expect(feeIn(table, 0, 1)).toEqual(floor);
    },
  );
});

describe("a segment written out of order", () => {
  /** A pool with a segment opened at place 0 for `most` entries. */
  const opened = (most: number) => {
    const table = createClinicianCodes(1);
    startSegment(table, 0, most);
    return table;
  };

  it("is refused, naming no code", () => {
    const refusal = /^referwell: a clinician's segment was written out of order or beyond its room$/;
    const skipped = opened(4);
    expect(() => endList(skipped, "problemAreas")).toThrow(refusal);
    const early = opened(4);
    endList(early, "populations");
    expect(() => endSegment(early)).toThrow(refusal);
    const valueAmongCodes = opened(4);
    expect(() => addValue(valueAmongCodes, 7)).toThrow(refusal);
    const codeAmongValues = opened(4);
    for (const kind of CODE_KINDS) endList(codeAmongValues, kind);
    expect(() => addCode(codeAmongValues, "secret-tag")).toThrow(refusal);
    // Every list in order is no misuse.
    const whole = opened(0);
    for (const kind of [...CODE_KINDS, ...VALUE_KINDS]) endList(whole, kind);
    endSegment(whole);
    expect(codesOf(whole, 0, "populations")).toEqual([]);
  });

  it("is refused past the room it was opened with, so it never writes beyond the pool", () => {
    const table = opened(2);
    addCode(table, "a");
    addCode(table, "b");
    expect(() => addCode(table, "c")).toThrow(/beyond its room/);
    // Nothing was placed: the place is still empty.
    expect(codesOf(table, 0, "populations")).toEqual([]);
  });
});

describe("a clinician holding the most every list allows", () => {
  it("compiles within the room its segment is opened with, every entry in the pool", () => {
    const base = syntheticDirectory({ seed: 4, clinicians: 1 });
    const source = base.clinicians[0] as Clinician;
    const many = (count: number, make: (at: number) => string) => Array.from({ length: count }, (_, at) => make(at));
    const payers = many(500, (at) => `payer-${at}`);
    const clinician: Clinician = {
      ...source,
      // Adults among them, so older adults is added as well; no two tags of a list alike, so none is dropped as a repeat.
      populations: ["adults", ...many(49, (at) => `population-${at}`)],
      problemAreas: many(200, (at) => `need-${at}`),
      modalities: many(200, (at) => `modality-${at}`),
      languages: many(30, (at) => `q${String.fromCharCode(97 + Math.floor(at / 26), 97 + (at % 26))}-x${at}`),
      cultures: many(50, (at) => `culture-${at}`),
      faiths: many(20, (at) => `faith-${at}`),
      outcomes: many(200, (at) => `need-${at}`).map((problemArea) => ({ problemArea, rating: "effective" as const, cases: 40 })),
      insurancePanels: payers.map((payerId, at) => ({
        payerId,
        plans: many(200, (plan) => `plan-${at}-${plan}`),
        period: { start: "2020-01-01", end: "2030-01-01" },
      })),
      availability: {
        ...source.availability,
        slots: many(200, (at) => String(at % 24).padStart(2, "0")).map((hour) => ({
          day: "mon" as const,
          start: `${hour}:00`,
          end: `${hour}:30`,
        })),
      },
      fee: { currency: "USD", minorUnits: 20_000 },
      slidingScaleFloor: { currency: "USD", minorUnits: 10_000 },
    };
    const directory = validate(
      Directory,
      { ...base, practices: [], payers: payers.map((id) => ({ id, name: id })), clinicians: [clinician] },
      "directory",
    );
    const compiled = compileDirectory(directory, validate(MatcherOptions, {}, "options"));
    const held = (kind: CodeKind) => codesOf(compiled.codes, 0, kind).length;
    expect([held("populations"), held("problemAreas"), held("modalities"), held("cultures"), held("faiths")]).toEqual([
      51, 200, 200, 50, 20,
    ]);
    expect([held("outcomes"), held("panelPayers"), held("panelPlans")]).toEqual([200, 500, 100_000]);
    expect(VALUE_KINDS.map((kind) => valuesOf(compiled.codes, 0, kind).length)).toEqual([200, 200, 1_500, 5, 5]);
  });
});

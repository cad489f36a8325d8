import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  CODE_KINDS,
  codesOf,
  createClinicianCodes,
  holdsCode,
  outcomeFor,
  outcomePosition,
  packedOutcome,
  releaseCodes,
  VALUE_KINDS,
  valuesOf,
  writeCodes,
} from "../../src/match/internal/clinicianCodes.js";
import { packSlot, unpackSlot } from "../../src/match/internal/packedSlot.js";

// Few codes, so lists repeat codes and share them; lists long enough that some are looked up by halving.
const code = fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r");
const codeLists = fc.array(fc.array(code, { maxLength: 14 }), { minLength: CODE_KINDS.length, maxLength: CODE_KINDS.length });
const valueLists = fc.array(fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: 6 }), {
  minLength: VALUE_KINDS.length,
  maxLength: VALUE_KINDS.length,
});
const lists = fc.record({ codes: codeLists, values: valueLists });
/** A place's lists written (after releasing what it held), or released. */
const operation = fc.oneof(
  fc.record({ index: fc.nat({ max: 40 }), lists }),
  fc.record({ index: fc.nat({ max: 40 }), lists: fc.constant(undefined) }),
);

describe("the pool of clinicians' codes", () => {
  test.prop([fc.nat({ max: 3 }), fc.array(operation, { maxLength: 120 })])(
    "answers what the last lists written at each place hold, through growth and rewrites of the pool",
    (size, operations) => {
      // A small pool from the start, so it grows and drops released segments many times over.
      const table = createClinicianCodes(size);
      const model = new Map<number, { codes: string[][]; values: number[][] }>();
      for (const { index, lists: written } of operations) {
        if (model.has(index)) releaseCodes(table, index);
        model.delete(index);
        if (written === undefined) continue;
        writeCodes(table, index, written.codes, written.values);
        model.set(index, written);
      }
      for (let index = 0; index <= 40; index += 1) {
        const held = model.get(index);
        CODE_KINDS.forEach((kind, place) => {
          const list = held?.codes[place] ?? [];
          // Outcomes keep their order; the other lists are sets, in the pool's order of codes.
          const codes = codesOf(table, index, kind);
          if (kind === "outcomes") expect(codes).toEqual(list);
          else expect([...codes].sort()).toEqual([...new Set(list)].sort());
          for (const each of ["a", "f", "l", "z"]) {
            if (kind === "outcomes") expect(outcomePosition(table, index, each)).toBe(list.lastIndexOf(each));
            else expect(holdsCode(table, index, kind, each)).toBe(list.includes(each));
          }
        });
        VALUE_KINDS.forEach((kind, place) => expect(valuesOf(table, index, kind)).toEqual(held?.values[place] ?? []));
      }
      // What the pool counts as live is what the places hold: a rewrite keeps exactly that.
      const header = CODE_KINDS.length + VALUE_KINDS.length;
      expect(table.used - table.dead).toBe([...model.values()].reduce((sum, held) => sum + header + heldLength(held), 0));
      // The codes the pool knows are those the places hold: a released place's last holder of a code forgets it.
      expect(new Set(table.numbers.keys())).toEqual(new Set([...model.values()].flatMap((held) => held.codes.flat())));
    },
  );
});

/** How much a place's lists take in the pool: code lists without repeats, outcomes and values as given. */
const heldLength = (held: { codes: string[][]; values: number[][] }): number =>
  held.codes.reduce((sum, list, place) => sum + (CODE_KINDS[place] === "outcomes" ? list.length : new Set(list).size), 0) +
  held.values.reduce((sum, list) => sum + list.length, 0);

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
      expect(unpackSlot(packSlot(slot), asked)).toEqual({
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
      writeCodes(table, 0, [[], [], [], [], [], [], ["depression"]], [[packedOutcome({ rating, cases })], []]);
      expect(outcomeFor({ codes: table }, { index: 0 }, "depression")).toEqual({ rating, cases });
      expect(outcomeFor({ codes: table }, { index: 0 }, "anxiety")).toBeUndefined();
    },
  );
});

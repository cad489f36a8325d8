import { fc, test } from "@fast-check/vitest";
import type { Extension, PractitionerRole } from "@medplum/fhirtypes";
import { describe, expect } from "vitest";
import type { Capacity, Money } from "referwell";
import { clinicianFromFhir, FhirExtensions, isReferwellError } from "referwell/fhir";
import { copy, practitionerInput } from "./fixtures.js";

const PARTS = ["caseloadMax", "caseloadCurrent", "weeklyNewClientLimit", "newClientsThisWeek", "expectedWaitDays"] as const;
type Part = (typeof PARTS)[number];

/** A capacity (its parts, a part perhaps more than once), a fee or a floor, and the element it is given on (0 the Practitioner, then the roles). */
type Given =
  | { readonly kind: "capacity"; readonly parts: readonly (readonly [Part, number])[]; readonly on: number }
  | { readonly kind: "fee" | "floor"; readonly amount: number; readonly currency: "USD" | "CAD"; readonly on: number };

const ROLES = 2;
const on = fc.integer({ min: 0, max: ROLES });
// Amounts twice as often as capacities, so that one element often holds two fees with a floor between them.
const given: fc.Arbitrary<Given> = fc.oneof(
  fc.record({
    kind: fc.constant("capacity" as const),
    parts: fc.array(fc.tuple(fc.constantFrom(...PARTS), fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 6 }),
    on,
  }),
  fc.record({
    kind: fc.constantFrom("fee" as const, "floor" as const, "fee" as const, "floor" as const),
    amount: fc.integer({ min: 0, max: 300 }),
    // Another currency now and then, which no reading may compare.
    currency: fc.constantFrom("USD", "USD", "USD", "USD", "USD", "CAD"),
    on,
  }),
);

const base = practitionerInput("net-rosecity-1");
const OURS = new Set<string>([FhirExtensions.capacity, FhirExtensions.fee, FhirExtensions.slidingScaleFloor]);
const without = (extensions: readonly Extension[] | undefined) => (extensions ?? []).filter((e) => !OURS.has(e.url));
const template = copy(base.roles[0] as PractitionerRole);

function extensionOf(item: Given): Extension {
  if (item.kind === "capacity")
    return { url: FhirExtensions.capacity, extension: item.parts.map(([url, value]) => ({ url, valueUnsignedInt: value })) };
  const url = item.kind === "fee" ? FhirExtensions.fee : FhirExtensions.slidingScaleFloor;
  return { url, valueMoney: { value: item.amount, currency: item.currency } };
}

/** The sample's clinician with only `items` for capacity, fee and floor, each on its element, in the order given. */
function read(items: readonly Given[], roleOrder: readonly number[] = [...Array(ROLES).keys()]) {
  const on = (element: number) => items.filter((item) => item.on === element).map(extensionOf);
  const practitioner = { ...copy(base.practitioner), extension: [...without(base.practitioner.extension), ...on(0)] };
  const roles = roleOrder.map((role) => ({
    ...copy(template),
    id: `role-${role}`,
    extension: [...without(template.extension), ...on(role + 1)],
  }));
  try {
    const { clinician, notes } = clinicianFromFhir(practitioner, roles, base.options);
    const disagreeing = notes.filter((note) => note.code === "values-disagree").map((note) => note.path.join("."));
    return { capacity: clinician.capacity, fee: clinician.fee, floor: clinician.slidingScaleFloor, notes: disagreeing.sort() };
  } catch (error) {
    if (!isReferwellError(error, "invalid-input")) throw error;
    // An error names one input, the first with an issue: one of those the extensions are on, never the clinician record.
    expect(["practitioner", "practitionerRoles"]).toContain(error.input);
    return { refused: true as const, codes: [...new Set<string>(error.issues.map((issue) => issue.code))].sort() };
  }
}

/** What is read, without the notes, whose paths follow the order. */
const readValues = (items: readonly Given[], roleOrder?: readonly number[]) => {
  const result = read(items, roleOrder);
  if ("refused" in result) return { refused: true };
  const { notes: _notes, ...values } = result;
  return values;
};

/** A limit and how much of it is used. */
type Room = { readonly limit: number; readonly used: number };

/** The room one capacity gives for a pair of parts, a part given twice read the cautious way; undefined when it names neither. */
function roomOf(
  parts: readonly (readonly [Part, number])[],
  limit: Part,
  used: Part,
  usedByDefault: (limit: number) => number,
): Room | undefined {
  const limits = parts.filter(([part]) => part === limit).map(([, value]) => value);
  const counts = parts.filter(([part]) => part === used).map(([, value]) => value);
  if (limits.length + counts.length === 0) return undefined;
  const least = limits.length === 0 ? 0 : Math.min(...limits);
  return { limit: least, used: counts.length === 0 ? usedByDefault(least) : Math.max(...counts) };
}

/** The oracle: of the rooms given, the one with the fewest left, then the lowest limit; no room when none is given. */
function fewestLeft(rooms: readonly (Room | undefined)[]): Room {
  const named = rooms.filter((room): room is Room => room !== undefined);
  named.sort((a, b) => a.limit - a.used - (b.limit - b.used) || a.limit - b.limit);
  return named[0] ?? { limit: 0, used: 0 };
}

function expectedCapacity(items: readonly Given[]): Capacity {
  const parts = items.flatMap((item) => (item.kind === "capacity" ? [item.parts] : []));
  const caseload = fewestLeft(parts.map((given) => roomOf(given, "caseloadMax", "caseloadCurrent", (limit) => limit)));
  const week = fewestLeft(parts.map((given) => roomOf(given, "weeklyNewClientLimit", "newClientsThisWeek", () => 0)));
  const waits = parts.flat().flatMap(([part, value]) => (part === "expectedWaitDays" ? [value] : []));
  return {
    caseloadMax: caseload.limit,
    caseloadCurrent: caseload.used,
    weeklyNewClientLimit: week.limit,
    newClientsThisWeek: week.used,
    ...(waits.length === 0 ? {} : { expectedWaitDays: Math.max(...waits) }),
  };
}

const amountsOf = (items: readonly Given[], kind: "fee" | "floor") =>
  items.flatMap((item) => (item.kind === kind ? [{ amount: item.amount, currency: item.currency, on: item.on }] : []));

/** The oracle's refusals: two currencies anywhere; a floor above a fee of its own element, in one currency. */
function expectedRefusals(items: readonly Given[]): string[] {
  const [fees, floors] = [amountsOf(items, "fee"), amountsOf(items, "floor")];
  const currencies = new Set([...fees, ...floors].map(({ currency }) => currency));
  const contradicted = floors.some((floor) =>
    fees.some((fee) => fee.on === floor.on && fee.currency === floor.currency && floor.amount > fee.amount),
  );
  return [...(currencies.size > 1 ? ["currency-mismatch"] : []), ...(contradicted ? ["floor-above-fee"] : [])].sort();
}

function expected(items: readonly Given[]) {
  const refused = expectedRefusals(items);
  if (refused.length > 0) return { refused };
  const fees = amountsOf(items, "fee").map(({ amount }) => amount);
  const floors = amountsOf(items, "floor").map(({ amount }) => amount);
  // Not refused: every amount in one currency.
  const currency = [...amountsOf(items, "fee"), ...amountsOf(items, "floor")][0]?.currency ?? "USD";
  const money = (amount: number): Money => ({ currency, minorUnits: amount * 100 });
  const floor = floors.length === 0 ? undefined : Math.max(...floors);
  const fee = fees.length === 0 ? undefined : Math.max(...fees, floor ?? 0);
  return {
    capacity: expectedCapacity(items),
    fee: fee === undefined ? undefined : money(fee),
    floor: floor === undefined ? undefined : money(floor),
  };
}

/** Where each item is, as a note's path names it (the roles in their first order). */
function pathsOf(items: readonly Given[]): string[] {
  const offsets = [without(base.practitioner.extension).length, ...Array<number>(ROLES).fill(without(template.extension).length)];
  const counts = offsets.map(() => 0);
  return items.map((item) => {
    const index = (offsets[item.on] as number) + (counts[item.on] as number);
    counts[item.on] = (counts[item.on] as number) + 1;
    return item.on === 0 ? `practitioner.extension.${index}` : `practitionerRoles.${item.on - 1}.extension.${index}`;
  });
}

/** The oracle's `values-disagree` notes: at each amount, capacity or repeated part that says other than what is read. */
function expectedNotes(
  items: readonly Given[],
  read: { capacity: Capacity; fee?: Money | undefined; floor?: Money | undefined },
): string[] {
  const paths = pathsOf(items);
  const notes: string[] = [];
  items.forEach((item, at) => {
    const path = paths[at] as string;
    if (item.kind !== "capacity") {
      const kept = item.kind === "fee" ? read.fee : read.floor;
      if (kept?.minorUnits !== item.amount * 100) notes.push(path);
      return;
    }
    // A part given more than once: the lowest limit, the highest count or wait; each other value noted.
    const partRead = (part: Part) => {
      const values = item.parts.filter(([given]) => given === part).map(([, value]) => value);
      return part === "caseloadMax" || part === "weeklyNewClientLimit" ? Math.min(...values) : Math.max(...values);
    };
    item.parts.forEach(([part, value], index) => {
      if (value !== partRead(part)) notes.push(`${path}.extension.${index}`);
    });
    const caseload = roomOf(item.parts, "caseloadMax", "caseloadCurrent", (limit) => limit);
    const week = roomOf(item.parts, "weeklyNewClientLimit", "newClientsThisWeek", () => 0);
    const waits = item.parts.some(([part]) => part === "expectedWaitDays") ? partRead("expectedWaitDays") : undefined;
    const { capacity } = read;
    if (
      (caseload !== undefined && (caseload.limit !== capacity.caseloadMax || caseload.used !== capacity.caseloadCurrent)) ||
      (week !== undefined && (week.limit !== capacity.weeklyNewClientLimit || week.used !== capacity.newClientsThisWeek)) ||
      (waits !== undefined && waits !== capacity.expectedWaitDays)
    )
      notes.push(path);
  });
  return notes.sort();
}

describe("clinicianFromFhir reads capacities, fees and floors given more than once", () => {
  test.prop([fc.array(given, { maxLength: 8 })], { numRuns: 300 })(
    "as the oracle does: the least room, the highest amounts, each other value noted, refusing only what contradicts itself",
    (items) => {
      const [result, oracle] = [read(items), expected(items)];
      if ("refused" in oracle || "refused" in result) {
        expect("refused" in result && "refused" in oracle).toBe(true);
        if ("codes" in result && "refused" in oracle) {
          for (const code of result.codes) expect(oracle.refused).toContain(code);
          // With every amount on the roles, the one input named has every issue.
          if (items.every((item) => item.kind === "capacity" || item.on > 0)) expect(result.codes).toEqual(oracle.refused);
        }
        return;
      }
      const { notes, ...values } = result;
      expect(values).toEqual(oracle);
      expect(notes).toEqual(expectedNotes(items, values));
      // Never more room, a shorter wait or a lower amount than any value given says.
      for (const item of items) {
        if (item.kind === "capacity") {
          const caseload = roomOf(item.parts, "caseloadMax", "caseloadCurrent", (limit) => limit);
          if (caseload !== undefined)
            expect(result.capacity.caseloadMax - result.capacity.caseloadCurrent).toBeLessThanOrEqual(caseload.limit - caseload.used);
          const week = roomOf(item.parts, "weeklyNewClientLimit", "newClientsThisWeek", () => 0);
          if (week !== undefined)
            expect(result.capacity.weeklyNewClientLimit - result.capacity.newClientsThisWeek).toBeLessThanOrEqual(week.limit - week.used);
          for (const [part, value] of item.parts)
            if (part === "expectedWaitDays") expect(result.capacity.expectedWaitDays).toBeGreaterThanOrEqual(value);
        } else {
          expect((item.kind === "fee" ? result.fee : result.floor)?.minorUnits).toBeGreaterThanOrEqual(item.amount * 100);
        }
      }
      if (result.floor !== undefined && result.fee !== undefined)
        expect(result.fee.minorUnits).toBeGreaterThanOrEqual(result.floor.minorUnits);
    },
  );

  test.prop(
    [
      fc.array(
        given.map((item) => ({ ...item, on: 1 + (item.on % ROLES) })),
        { maxLength: 8 },
      ),
    ],
    { numRuns: 200 },
  )("refuses every contradiction when all is on the roles, whatever else is refused beside it", (items) => {
    const [result, oracle] = [read(items), expected(items)];
    expect("refused" in result ? result.codes : []).toEqual("refused" in oracle ? oracle.refused : []);
  });

  test.prop(
    [
      fc
        .array(given, { maxLength: 8 })
        .chain((items) => fc.tuple(fc.constant(items), fc.shuffledSubarray(items, { minLength: items.length }))),
    ],
    {
      numRuns: 200,
    },
  )("the same whatever the order of the extensions, their parts and the roles", ([items, shuffled]) => {
    // The parts of each capacity in reverse order too.
    const reversed = shuffled.map((item) => (item.kind === "capacity" ? { ...item, parts: [...item.parts].reverse() } : item));
    // Refused either way, or the same clinician.
    expect(readValues(reversed, [...Array(ROLES).keys()].reverse())).toEqual(readValues(items));
  });

  test.prop(
    [
      fc
        .array(given, { maxLength: 8 })
        .chain((items) => fc.tuple(fc.constant(items), fc.array(on, { minLength: items.length, maxLength: items.length }))),
    ],
    { numRuns: 200 },
  )("the same wherever each is given, when nothing is refused", ([items, places]) => {
    const moved = items.map((item, index) => ({ ...item, on: places[index] as number }));
    const [here, there] = [readValues(items), readValues(moved)];
    if ("refused" in here || "refused" in there) return;
    expect(there).toEqual(here);
  });
});

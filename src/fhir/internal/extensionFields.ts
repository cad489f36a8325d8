import type { Capacity, DomainOutcome } from "../../model/clinician.js";
import { OutcomeRating } from "../../model/enums.js";
import { fullDate } from "./dates.js";
import type { Money } from "../../model/scalars.js";
import { ACCEPTING_PATIENTS_SYSTEM, FhirExtensions } from "../extensions.js";
import { codingsOf, extensionsOf, type Located } from "./elements.js";
import { moneyOf } from "./moneyOf.js";
import type { FhirNote } from "../notes.js";
import type { FhirObject, FhirPath, FhirReader } from "./read.js";

/** The parts of a capacity, each with the most the clinician record allows (`Capacity`), so a larger one is refused at its FHIR path. */
const CAPACITY_PARTS = {
  caseloadMax: 10_000,
  caseloadCurrent: 10_000,
  weeklyNewClientLimit: 1_000,
  newClientsThisWeek: 1_000,
  expectedWaitDays: 3_650,
} as const;

/** What referwell needs and FHIR has no element for, read from the extensions of the Practitioner and its roles. */
export interface ExtensionFields {
  accepting: boolean | undefined;
  capacity: Capacity | undefined;
  fee: Money | undefined;
  floor: Money | undefined;
  telehealth: boolean;
  modalities: string[];
  populations: string[];
  outcomes: DomainOutcome[];
}

/**
 * Plan-Net `newpatients`: true when any such extension says `newpt`. One
 * whose `acceptingPatients` codes disagree (`newpt` and `nopt`, given twice
 * or as two codings) says no such thing: it is read as not accepting, the
 * cautious way, with a `values-disagree` note.
 */
function accepting(
  reader: FhirReader,
  element: Located<FhirObject>,
  previous: boolean | undefined,
  notes: FhirNote[],
): boolean | undefined {
  let result = previous;
  for (const found of extensionsOf(reader, element.value, FhirExtensions.newPatients, element.path)) {
    const said = new Set<string>();
    const parts = extensionsOf(reader, found.value, "acceptingPatients", found.path);
    // An extension without the part says nothing (read as before any: not known).
    if (parts.length === 0) continue;
    for (const part of parts) {
      const at = [...part.path, "valueCodeableConcept"];
      const codes = codingsOf(reader, part.value.valueCodeableConcept, at).filter(
        ({ value }) => value.system === ACCEPTING_PATIENTS_SYSTEM,
      );
      if (codes.length === 0) reader.report(at, "invalid-value", "one of [nopt, newpt, existptonly, existptfam]");
      for (const { value } of codes) said.add(value.code === "newpt" ? "newpt" : "other");
    }
    if (said.size > 1) notes.push({ path: [...found.path], code: "values-disagree" });
    result = (result ?? false) || (said.size === 1 && said.has("newpt"));
  }
  return result;
}

/** The parts that limit a capacity: given more than once in one extension, the lowest counts; of the others, the highest. */
const LIMITS: ReadonlySet<string> = new Set(["caseloadMax", "weeklyNewClientLimit"]);

/**
 * referwell's `capacity` extensions, each with the parts it gives (each an
 * unsigned integer). A part its definition allows once, given more than
 * once, is read the cautious way (the lowest limit, the highest count or
 * wait), with a `values-disagree` note at each that says otherwise.
 */
function capacities(reader: FhirReader, element: Located<FhirObject>, into: Located<Partial<Capacity>>[], notes: FhirNote[]): void {
  for (const found of extensionsOf(reader, element.value, FhirExtensions.capacity, element.path)) {
    const parts: Partial<Record<keyof typeof CAPACITY_PARTS, number>> = {};
    for (const [key, most] of Object.entries(CAPACITY_PARTS) as [keyof typeof CAPACITY_PARTS, number][]) {
      const given: Located<number>[] = [];
      for (const part of extensionsOf(reader, found.value, key, found.path)) {
        const number = reader.number(part.value.valueUnsignedInt, [...part.path, "valueUnsignedInt"], 0, most, true);
        if (number !== undefined) given.push({ value: number, path: part.path });
      }
      if (given.length === 0) continue;
      const values = given.map(({ value }) => value);
      const read = LIMITS.has(key) ? Math.min(...values) : Math.max(...values);
      parts[key] = read;
      noteDisagreeing(given, (value) => value !== read, notes);
    }
    into.push({ value: parts, path: found.path });
  }
}

function amounts(reader: FhirReader, element: Located<FhirObject>, url: string, into: Located<Money>[]): void {
  for (const found of extensionsOf(reader, element.value, url, element.path)) {
    const amount = moneyOf(reader, found.value.valueMoney, [...found.path, "valueMoney"]);
    if (amount !== undefined) into.push({ value: amount, path: found.path });
  }
}

/** A limit and how much of it is used: a caseload, or a week's new clients. */
interface Room {
  readonly limit: number;
  readonly used: number;
}

const caseloadOf = (capacity: Partial<Capacity>): Room | undefined =>
  capacity.caseloadMax === undefined && capacity.caseloadCurrent === undefined
    ? undefined
    : { limit: capacity.caseloadMax ?? 0, used: capacity.caseloadCurrent ?? capacity.caseloadMax ?? 0 };
const weekOf = (capacity: Partial<Capacity>): Room | undefined =>
  capacity.weeklyNewClientLimit === undefined && capacity.newClientsThisWeek === undefined
    ? undefined
    : { limit: capacity.weeklyNewClientLimit ?? 0, used: capacity.newClientsThisWeek ?? 0 };

/** Of the rooms given, the one with the least left (then the lowest limit); none given, no room. */
function fewestLeft(rooms: readonly (Room | undefined)[]): Room {
  let least: Room = { limit: 0, used: 0 };
  let found = false;
  for (const room of rooms) {
    if (room === undefined) continue;
    const order = room.limit - room.used - (least.limit - least.used) || room.limit - least.limit;
    if (!found || order < 0) least = room;
    found = true;
  }
  return least;
}

/**
 * The capacity of every one given (the Practitioner's and a role's, say),
 * read the cautious way: the caseload of the one with the fewest places left
 * (then the lowest maximum), the weekly intake of the one with the fewest new
 * clients left this week (then the lowest limit), and the longest expected
 * wait. Each gives only the parts it names: one that names neither part of
 * the caseload (a role giving its wait alone) leaves the caseload to the
 * others. A part left out reads the cautious way where the record needs it
 * (no limit is a limit of 0; a caseload without its current count is full)
 * and as the record's default where it has one (no new clients this week);
 * no caseload or intake named at all leaves no room. The result does not
 * depend on their order.
 */
function leastRoom(given: readonly Partial<Capacity>[]): Capacity {
  const caseload = fewestLeft(given.map(caseloadOf));
  const week = fewestLeft(given.map(weekOf));
  const waits = given.flatMap((capacity) => (capacity.expectedWaitDays === undefined ? [] : [capacity.expectedWaitDays]));
  return {
    caseloadMax: caseload.limit,
    caseloadCurrent: caseload.used,
    weeklyNewClientLimit: week.limit,
    newClientsThisWeek: week.used,
    ...(waits.length === 0 ? {} : { expectedWaitDays: Math.max(...waits) }),
  };
}

/** Whether a capacity given says something the one read does not. */
function disagrees(given: Partial<Capacity>, read: Capacity): boolean {
  const caseload = caseloadOf(given);
  const week = weekOf(given);
  return (
    (caseload !== undefined && (caseload.limit !== read.caseloadMax || caseload.used !== read.caseloadCurrent)) ||
    (week !== undefined && (week.limit !== read.weeklyNewClientLimit || week.used !== read.newClientsThisWeek)) ||
    (given.expectedWaitDays !== undefined && given.expectedWaitDays !== read.expectedWaitDays)
  );
}

/** Of amounts that disagree, the highest, so no client is promised a lower fee (or a lower floor) than one published; all in one currency. */
function highest(reader: FhirReader, given: readonly Located<Money>[]): Located<Money> | undefined {
  let top: Located<Money> | undefined;
  for (const located of given) {
    const { value, path } = located;
    if (top !== undefined && value.currency !== top.value.currency) reader.report([...path, "valueMoney", "currency"], "currency-mismatch");
    else if (top === undefined || value.minorUnits > top.value.minorUnits) top = located;
  }
  return top;
}

/** A `values-disagree` note at each value given that says something the one read does not. */
function noteDisagreeing<T>(given: readonly Located<T>[], differs: (value: T) => boolean, notes: FhirNote[]): void {
  for (const { value, path } of given) if (differs(value)) notes.push({ path: [...path], code: "values-disagree" });
}

function tags(reader: FhirReader, element: Located<FhirObject>, url: string, into: string[]): void {
  for (const { value, path } of extensionsOf(reader, element.value, url, element.path)) {
    const tag = reader.string(value.valueString, [...path, "valueString"], true, 100);
    if (tag !== undefined && !into.includes(tag)) into.push(tag);
  }
}

/**
 * A part of a complex extension that its definition allows once: its value and where it is (where it would be, when
 * it is missing). Given again with another value, it has no one reading (an outcome rated both effective and
 * ineffective on one count), and the repeat is refused; the same value again reads as once.
 */
function partOf(reader: FhirReader, found: Located<FhirObject>, url: string, key: string): { value: unknown; path: FhirPath } {
  const [located, ...again] = extensionsOf(reader, found.value, url, found.path);
  if (located === undefined) return { value: undefined, path: [...found.path, "extension", url] };
  // Each part's value is a primitive (a string, a code, a count, a date): compared as such.
  const other = again.find((repeat) => repeat.value[key] !== located.value[key]);
  if (other !== undefined) reader.report([...other.path, key], "too-big", "at most 1 item");
  return { value: located.value[key], path: [...located.path, key] };
}

/** One `outcome` extension as a domain outcome; undefined when a part breaks a rule (reported). */
function outcomeOf(reader: FhirReader, found: Located<FhirObject>): DomainOutcome | undefined {
  const [area, rated, counted, measured, cited] = [
    partOf(reader, found, "problemArea", "valueString"),
    partOf(reader, found, "rating", "valueCode"),
    partOf(reader, found, "cases", "valueUnsignedInt"),
    partOf(reader, found, "asOf", "valueDate"),
    partOf(reader, found, "source", "valueString"),
  ] as const;
  const problemArea = reader.string(area.value, area.path, true, 100);
  const rating = OutcomeRating.safeParse(rated.value);
  if (!rating.success)
    reader.report(rated.path, rated.value === undefined ? "required" : "invalid-value", `one of [${OutcomeRating.options.join(", ")}]`);
  const cases =
    counted.value === undefined ? reader.report(counted.path, "required") : reader.number(counted.value, counted.path, 0, 1_000_000, true);
  const asOf = fullDate(reader, measured.value, measured.path);
  const source = reader.string(cited.value, cited.path, false, 500);
  if (problemArea === undefined || !rating.success || cases === undefined) return undefined;
  return { problemArea, rating: rating.data, cases, ...(asOf === undefined ? {} : { asOf }), ...(source === undefined ? {} : { source }) };
}

/**
 * referwell's `outcome` extensions, every one but a repeat of the same
 * rating on the same cases for a domain (given on the Practitioner and a
 * role, say; the first one's date and source are kept): ratings of one
 * domain that disagree are all kept, so the matcher reads them the cautious
 * way (the worst on enough cases counts), never the first alone. `seen`
 * holds the ratings kept so far, so a repeat costs a lookup.
 */
function outcomes(reader: FhirReader, element: Located<FhirObject>, into: DomainOutcome[], seen: Set<string>): void {
  for (const found of extensionsOf(reader, element.value, FhirExtensions.outcome, element.path)) {
    const outcome = outcomeOf(reader, found);
    if (outcome === undefined) continue;
    const key = JSON.stringify([outcome.problemArea, outcome.rating, outcome.cases]);
    if (seen.has(key)) continue;
    seen.add(key);
    into.push(outcome);
  }
}

/** The capacity of those given, read the cautious way (see `leastRoom`), with the notes that say so. */
function readCapacity(given: readonly Located<Partial<Capacity>>[], notes: FhirNote[]): Capacity | undefined {
  if (given.length === 0) return undefined;
  const capacity = leastRoom(given.map(({ value }) => value));
  noteDisagreeing(given, (value) => disagrees(value, capacity), notes);
  // Capacities that name no caseload, or no intake, leave no room for it: said as when none is given, and where.
  const unnamed = (room: (capacity: Partial<Capacity>) => Room | undefined) => given.every(({ value }) => room(value) === undefined);
  if (unnamed(caseloadOf) || unnamed(weekOf)) notes.push({ path: ["practitionerRoles"], code: "assumed-no-capacity" });
  return capacity;
}

/**
 * The fee and the sliding-scale floor of those given: the highest of each, in
 * one currency. A floor above every fee, each given on a different element,
 * means sessions cost at least the floor, so the fee is read as the floor and
 * no client is promised less than a published amount; a floor above a fee of
 * its own element contradicts it, and is refused.
 */
function feeAndFloor(
  reader: FhirReader,
  fees: readonly Located<Money>[],
  floors: readonly Located<Money>[],
  notes: FhirNote[],
): { fee: Money | undefined; floor: Money | undefined } {
  const floor = highest(reader, floors);
  const fee = highest(reader, fees);
  const element = (path: FhirPath) => JSON.stringify(path.slice(0, -2));
  if (fee !== undefined && floor !== undefined && fee.value.currency !== floor.value.currency)
    reader.report([...floor.path, "valueMoney", "currency"], "currency-mismatch");
  // Each floor against the fees of its own element, so neither the order nor another element's fee decides it.
  for (const given of floors) {
    const own = fees.filter((paid) => element(paid.path) === element(given.path) && paid.value.currency === given.value.currency);
    if (own.some((paid) => given.value.minorUnits > paid.value.minorUnits)) reader.report([...given.path, "valueMoney"], "floor-above-fee");
  }
  const above = fee !== undefined && floor !== undefined && floor.value.minorUnits > fee.value.minorUnits;
  const read = { fee: above ? floor?.value : fee?.value, floor: floor?.value };
  const differs = (kept: Money | undefined) => (value: Money) => JSON.stringify(value) !== JSON.stringify(kept);
  noteDisagreeing(fees, differs(read.fee), notes);
  noteDisagreeing(floors, differs(read.floor), notes);
  return read;
}

/**
 * The fields FHIR lacks, from the Practitioner and its roles. Where they
 * give a capacity, fee or sliding-scale floor that disagree, or a capacity
 * gives a part twice, the cautious one is read (the least room, the highest
 * amount; the lowest limit, the highest count or wait) and each other is
 * noted (`values-disagree`); tags and outcomes from every element are kept.
 */
export function extensionFields(reader: FhirReader, elements: readonly Located<FhirObject>[], notes: FhirNote[]): ExtensionFields {
  const fields: ExtensionFields = {
    accepting: undefined,
    capacity: undefined,
    fee: undefined,
    floor: undefined,
    telehealth: false,
    modalities: [],
    populations: [],
    outcomes: [],
  };
  const seenOutcomes = new Set<string>();
  const given = { capacities: [] as Located<Partial<Capacity>>[], fees: [] as Located<Money>[], floors: [] as Located<Money>[] };
  for (const element of elements) {
    fields.accepting = accepting(reader, element, fields.accepting, notes);
    capacities(reader, element, given.capacities, notes);
    amounts(reader, element, FhirExtensions.fee, given.fees);
    amounts(reader, element, FhirExtensions.slidingScaleFloor, given.floors);
    for (const { value, path } of extensionsOf(reader, element.value, FhirExtensions.telehealth, element.path)) {
      fields.telehealth ||= reader.boolean(value.valueBoolean, [...path, "valueBoolean"]) === true;
    }
    tags(reader, element, FhirExtensions.modality, fields.modalities);
    tags(reader, element, FhirExtensions.population, fields.populations);
    outcomes(reader, element, fields.outcomes, seenOutcomes);
  }
  fields.capacity = readCapacity(given.capacities, notes);
  const { fee, floor } = feeAndFloor(reader, given.fees, given.floors, notes);
  fields.fee = fee;
  fields.floor = floor;
  return fields;
}

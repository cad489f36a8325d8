import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import * as z from "zod";
import { Directory, MatchCriteria } from "referwell";
import { Consent, Fact } from "referwell/consent";
import { InboundEvent, OutboundEvent } from "referwell/intake";
import { Measurement } from "referwell/refer";
import { RelationshipEvent } from "referwell/relationships";
import { NOT_READ, readerFor } from "../../src/model/internal/schemaReader.js";
import { validate } from "../../src/model/validate.js";
import { consents, facts } from "../arbitraries/consent.js";
import { inboundLog, outboundLog } from "../arbitraries/intake.js";
import { anyCriteria, matchDirectory } from "../arbitraries/match.js";
import { measurement } from "../arbitraries/refer.js";
import { relationshipEvents } from "../arbitraries/relationships.js";
import { modelSchemas } from "../arbitraries/schemas.js";

/**
 * The compiled reader is a faster path to zod's own result: whenever it
 * reads a value, zod accepts that value and gives the same output (same
 * keys in the same order, same values, same frozen parts), and on the
 * library's valid inputs it always reads.
 */

/** A value written out with everything a parse could change: key order, absent versus undefined, -0, holes, frozen parts, prototypes. */
function written(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  const frozen = Object.isFrozen(value) ? "frozen" : "";
  if (Array.isArray(value)) {
    return `${frozen}[${Array.from({ length: value.length }, (_, index) => (index in value ? written(value[index]) : "hole")).join(",")}]`;
  }
  // A copy is a plain object, as a literal is: its prototype is Object's, and what it is said to be built by is Object too.
  const own = Object.getPrototypeOf(value) as unknown;
  const prototype =
    own === null ? "null-prototype" : own === Object.prototype ? "" : `prototype ${String((own as object).constructor?.name)}`;
  const entries = Object.keys(value).map((key) => `${JSON.stringify(key)}:${written((value as Record<string, unknown>)[key])}`);
  return `${frozen}${prototype}{${entries.join(",")}}`;
}

const subjects: ReadonlyArray<readonly [string, z.ZodType, fc.Arbitrary<unknown>]> = [
  ...modelSchemas,
  ["inbound events", z.array(InboundEvent), inboundLog],
  ["outbound events", z.array(OutboundEvent), outboundLog],
  ["consents", z.array(Consent), consents],
  ["facts", z.array(Fact), facts],
  ["measurement", Measurement, measurement],
  ["relationship events", z.array(RelationshipEvent), relationshipEvents()],
  ["match directory", Directory, matchDirectory()],
  ["match criteria", MatchCriteria, anyCriteria],
];

/** Values a careless or hostile host might put anywhere. */
const ODD: readonly unknown[] = [
  "",
  " ",
  " a",
  "a ",
  "a",
  "😀".repeat(40),
  "é".normalize("NFD"),
  "2026-02-30",
  "2024-02-29",
  "2026-11-23T10:00:00+10:00",
  "2026-11-23T10:00:00",
  0,
  -0,
  1.5,
  -1,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  1e21,
  true,
  null,
  undefined,
  [],
  {},
  Object.create(null) as object,
  new Date(0),
  ["a"],
];

type Path = ReadonlyArray<string | number>;
/** Every place in a value (the value itself first), as paths. */
function places(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (typeof value === "object" && value !== null) {
    for (const key of Object.keys(value))
      places((value as Record<string, unknown>)[key], [...path, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

const copy = (value: unknown): unknown => (value === undefined ? undefined : structuredClone(value));

/** The value with one change at the place `pick` chooses: another value, a key removed or added, a hole, or an object with another prototype. */
function mutated(value: unknown, pick: number, change: number, odd: unknown): unknown {
  const root = { value: copy(value) };
  const all = places(root.value);
  const path = all[pick % all.length] as Path;
  let parent: Record<string | number, unknown> = root as never;
  let key: string | number = "value";
  for (const step of path) {
    parent = parent[key] as Record<string | number, unknown>;
    key = step;
  }
  const target = parent[key];
  switch (change % 6) {
    case 0:
      parent[key] = odd;
      break;
    case 1:
      if (!Array.isArray(parent)) delete parent[key];
      else parent[key] = odd;
      break;
    case 2:
      if (typeof target === "object" && target !== null && !Array.isArray(target)) (target as Record<string, unknown>)["extra"] = odd;
      else parent[key] = odd;
      break;
    case 3:
      if (Array.isArray(target)) target[target.length + 1] = odd;
      else parent[key] = [odd];
      break;
    case 4:
      if (typeof target === "object" && target !== null && !Array.isArray(target))
        parent[key] = Object.assign(Object.create(null) as object, target);
      else parent[key] = odd;
      break;
    default:
      parent[key] =
        typeof target === "string" ? `${target}${typeof odd === "string" ? odd : "1"}` : typeof target === "number" ? target + 0.5 : odd;
  }
  return root.value;
}

describe.each(subjects)("%s", (_name, schema, arbitrary) => {
  const read = readerFor(schema);

  test.prop([arbitrary], { numRuns: 60 })("a valid value is read, exactly as zod parses it", (value) => {
    const parsed = schema.safeParse(value);
    expect(parsed.success).toBe(true);
    const out = read(value);
    expect(out).not.toBe(NOT_READ);
    expect(written(out)).toBe(written(parsed.data));
  });

  test.prop([arbitrary, fc.nat(), fc.nat(), fc.constantFrom(...ODD)], { numRuns: 150 })(
    "a value read after any one change is one zod accepts, with the same output",
    (value, pick, change, odd) => {
      const input = mutated(value, pick, change, odd);
      const out = read(input);
      if (out === NOT_READ) return;
      const parsed = schema.safeParse(input);
      expect(parsed.success).toBe(true);
      expect(written(out)).toBe(written(parsed.data));
      // The output is a copy: nothing in it is the caller's object.
      if (typeof input === "object" && input !== null) expect(out).not.toBe(input);
      // validate gives the same whichever path it takes.
      expect(written(validate(schema, input, "input"))).toBe(written(parsed.data));
    },
  );
});

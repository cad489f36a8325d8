import * as z from "zod";
import { describe, expect, it } from "vitest";
import * as root from "referwell";
import * as cadence from "referwell/cadence";
import * as consent from "referwell/consent";
import * as intake from "referwell/intake";
import * as fhir from "referwell/fhir";
import * as match from "referwell/match";
import * as refer from "referwell/refer";
import * as relationships from "referwell/relationships";
import { vandalize } from "../support/vandalize.js";

const entries = {
  referwell: root,
  "referwell/refer": refer,
  "referwell/match": match,
  "referwell/consent": consent,
  "referwell/relationships": relationships,
  "referwell/cadence": cadence,
  "referwell/intake": intake,
  "referwell/fhir": fhir,
};

/**
 * The places in `value` that could change: an object or array that is not
 * frozen, a getter (it could hand out anything), or an object `Object.freeze`
 * cannot stop from changing (a Map, a Set, a Date). Functions are code, not
 * data: left as they are.
 */
function mutablePlaces(value: unknown, path: string, seen = new Set<object>()): string[] {
  if (value === null || typeof value !== "object" || seen.has(value)) return [];
  seen.add(value);
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null) return [`${path} (not a plain object)`];
  const places = Object.isFrozen(value) ? [] : [path];
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
    const at = `${path}.${String(key)}`;
    if (!("value" in descriptor)) places.push(`${at} (getter)`);
    else places.push(...mutablePlaces(descriptor.value, at, seen));
  }
  return places;
}

/** Every export of every subpath, by kind. */
function exportsOf(kind: "data" | "schema") {
  return Object.entries(entries).flatMap(([entry, module]) =>
    Object.entries(module)
      .filter(([, value]) => typeof value !== "function")
      .filter(([, value]) => value instanceof z.ZodType === (kind === "schema"))
      .map(([name, value]) => ({ name: `${entry}: ${name}`, value: value as unknown })),
  );
}

describe("frozen exports", () => {
  it("every export that is data, on every subpath, is deeply frozen", () => {
    const data = exportsOf("data");
    // The constants the library reads at run time, at least, are among them.
    const names = data.map(({ name }) => name);
    for (const name of [
      "defaultCategories",
      "defaultVocabulary",
      "IssueCodes",
      "ReferwellErrorCodes",
      "builtInInstruments",
      "builtInRules",
    ])
      expect(names).toContain(`referwell: ${name}`);
    expect(data.flatMap(({ name, value }) => mutablePlaces(value, name))).toEqual([]);
  });

  it("the subpaths export the same constants as the root", () => {
    for (const [entry, module] of Object.entries(entries)) {
      for (const [name, value] of Object.entries(module)) {
        // The root stays FHIR-free: referwell/fhir's own constants are not in it, the shared ones (errors) are.
        if (entry === "referwell/fhir" && !(name in root)) continue;
        if (typeof value !== "function") expect(value, `${entry}: ${name}`).toBe((root as Record<string, unknown>)[name]);
      }
    }
  });

  it("an export cannot be replaced", () => {
    expect(() => {
      (consent as Record<string, unknown>)["defaultCategories"] = [];
    }).toThrow(TypeError);
  });

  it("what a schema fills in by default shares nothing with the schema: changing one result changes no other", () => {
    let checked = 0;
    for (const { name, value } of exportsOf("schema")) {
      const schema = value as z.ZodType;
      for (const input of [undefined, {}]) {
        const first = schema.safeParse(input);
        if (!first.success) continue;
        const expected = JSON.stringify(schema.parse(input));
        vandalize(first.data);
        expect(JSON.stringify(schema.parse(input)), name).toBe(expected);
        checked += 1;
      }
    }
    // The policies and options with defaults, at least.
    expect(checked).toBeGreaterThan(10);
  });

  it("schemas stay unfrozen: zod 4 caches on a schema the first time it is used, and a frozen schema breaks", () => {
    expect(exportsOf("schema").length).toBeGreaterThan(100);
    // 4.0.0 defines `shape` on first read, later 4.x define each method on first use: both throw on a frozen schema.
    const frozen = Object.freeze(z.object({ code: z.string() }));
    expect(() => [frozen.shape, frozen.safeParse({ code: "x" })]).toThrow(TypeError);
  });
});

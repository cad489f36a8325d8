import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import * as root from "referwell";
import * as cadence from "referwell/cadence";
import * as consent from "referwell/consent";
import * as intake from "referwell/intake";
import * as match from "referwell/match";
import * as refer from "referwell/refer";
import * as relationships from "referwell/relationships";
import { marker, numberMarker } from "../arbitraries/hostile.js";
import { MARKER } from "../support/noLeak.js";

// Every value fast-check can build, with marker strings for keys and values, holes, boxed values and
// null prototypes: what a caller without types (or with `as any`) can pass.
const anything = fc.anything({
  key: fc.oneof(marker, fc.constantFrom("id", "date", "start", "end", "client", "now", "list", "tag", "period", "__proto__")),
  values: [marker, numberMarker, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(1e308)],
  withSparseArray: true,
  withNullPrototype: true,
  withBoxedValues: true,
  withObjectString: true,
  maxDepth: 3,
});

/** Calls `call`; it returns (or resolves), or throws (or rejects with) a referwell error that shows no marker. */
async function onlyReferwellErrors(call: () => unknown): Promise<void> {
  let caught: unknown;
  try {
    await call();
    return;
  } catch (error) {
    caught = error;
  }
  expect(root.isReferwellError(caught, "invalid-input"), String(caught)).toBe(true);
  const error = caught as root.InvalidInputError;
  for (const surface of [error.message, JSON.stringify(error), String(error), error.stack ?? ""]) expect(surface).not.toMatch(MARKER);
}

type Fn = (...args: never[]) => unknown;

// isReferwellError takes anything by design.
const EXEMPT = new Set(["isReferwellError"]);
const vocabulary = root.createVocabulary();
const matcher = match.createMatcher({ practices: [{ id: "p", name: "P", timeZone: "UTC" }], clinicians: [] });

// Every exported function of every subpath, with the number of arguments it takes, and the methods of what they return.
const functions: ReadonlyArray<readonly [string, Fn, number]> = [
  ...[root, refer, match, consent, relationships, cadence, intake].flatMap((module) =>
    Object.entries(module)
      .filter(([name, value]) => typeof value === "function" && /^[a-z]/.test(name) && !EXEMPT.has(name))
      .map(([name, value]) => [name, value as Fn, Math.max((value as Fn).length, 1)] as const),
  ),
  ["vocabulary.canonical", vocabulary.canonical as Fn, 2],
  ["vocabulary.isKnown", vocabulary.isKnown as Fn, 2],
  ["vocabulary.label", vocabulary.label as Fn, 2],
  ["vocabulary.codes", vocabulary.codes as Fn, 1],
  ["matcher.rank", matcher.rank as Fn, 2],
];

describe.each(functions)("%s", (_name, fn, arity) => {
  test.prop([fc.array(anything, { minLength: arity, maxLength: arity + 1 })])(
    "fuzzed: any arguments give a result or a referwell error with no marker",
    (args) => onlyReferwellErrors(() => (fn as (...args: unknown[]) => unknown)(...args)),
  );
});

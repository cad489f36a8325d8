import { fc, test } from "@fast-check/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { createVocabulary, InvalidInputError, IssueCodes, validate } from "referwell";
import { hostile, hostileJson, marker, numberMarker } from "../arbitraries/hostile.js";
import { modelSchemas } from "../arbitraries/schemas.js";
import { expectNoLeak, keysOf } from "../support/noLeak.js";
import { untyped } from "../support/untyped.js";

// zod's own messages carry no input today; make them carry it, so forwarding one would be caught.
beforeAll(() => {
  z.config({ customError: (issue) => `LEAK ${JSON.stringify(issue.input)}` });
});
afterAll(() => {
  z.config({ customError: undefined });
});

describe.each(modelSchemas)("%s", (name, schema, arbitrary) => {
  const keys = [...keysOf(fc.sample(arbitrary, { numRuns: 30, seed: 7 }))];

  test.prop([hostile(arbitrary)])("no leak: a marked, broken value gives a result or an error with no marker", (input) => {
    expectNoLeak(() => validate(schema, input, name));
  });

  test.prop([hostileJson(keys)])("no leak: arbitrary JSON gives a result or an error with no marker", (input) => {
    expectNoLeak(() => validate(schema, input, name));
  });

  it("the hostile inputs are mostly invalid, so the property above is not vacuous", () => {
    const outcomes = fc
      .sample(hostile(arbitrary), { numRuns: 200, seed: 11 })
      .map((input) => expectNoLeak(() => validate(schema, input, name)));
    expect(outcomes.filter((outcome) => outcome === "rejected").length).toBeGreaterThan(100);
  });
});

describe("createVocabulary", () => {
  const entry = fc.record({ code: fc.string({ minLength: 1 }), label: fc.string({ minLength: 1 }), synonyms: fc.array(fc.string()) });
  const extension = fc.record({ problemAreas: fc.array(entry, { maxLength: 3 }), modalities: fc.array(entry, { maxLength: 3 }) });

  test.prop([hostile(extension)])("no leak: a marked, broken extension gives a vocabulary or an error with no marker", (input) => {
    expectNoLeak(() => createVocabulary(untyped(input)));
  });
});

describe("InvalidInputError", () => {
  const text = fc.oneof(
    marker,
    marker.map((mark) => `Jordan ${mark}`),
    marker.map((mark) => `one of [${mark}]`),
    marker.map((mark) => `at most ${mark} items`),
  );
  const segment = fc.oneof(text, numberMarker, fc.integer(), fc.constantFrom("residence", "id"));
  const issue = fc.record({
    path: fc.array(segment, { maxLength: 4 }),
    code: fc.oneof(fc.constantFrom(...IssueCodes), marker),
    expected: fc.oneof(text, fc.constantFrom("date YYYY-MM-DD", "integer ≥ 0")),
  });

  test.prop([fc.oneof(text, fc.constantFrom("client", "options")), fc.array(issue, { maxLength: 5 })])(
    "no leak: whatever the constructor is given, the error shows no marker",
    (name, issues) => {
      expectNoLeak(() => {
        throw new InvalidInputError(name, issues as never);
      });
    },
  );
});

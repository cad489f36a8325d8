import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { validate } from "referwell";
import { modelSchemas } from "../arbitraries/schemas.js";

describe.each(modelSchemas)("%s", (name, schema, arbitrary) => {
  test.prop([arbitrary])("generator validity: every generated value parses to itself", (value) => {
    // Generated records may have a null prototype; models are plain JSON objects.
    expect(validate(schema, value, name)).toStrictEqual(structuredClone(value));
  });

  test.prop([arbitrary])("JSON round trip: parse ∘ JSON ∘ parse is the identity, byte for byte", (value) => {
    const parsed = validate(schema, value, name);
    const json = JSON.stringify(parsed);
    const reparsed = validate(schema, JSON.parse(json), name);
    expect(reparsed).toStrictEqual(parsed);
    expect(JSON.stringify(reparsed)).toBe(json);
  });
});

test.prop([fc.constant(null)])("the generators cover every model schema", () => {
  expect(modelSchemas.map(([name]) => name)).toEqual(
    expect.arrayContaining(["clinician", "client", "referrer", "criteria", "directory", "practice", "payer", "compact"]),
  );
});

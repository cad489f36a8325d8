import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { createVocabulary, criteriaFromClient } from "referwell";
import { composeUpdate } from "referwell/consent";
import { createMatcher } from "referwell/match";
import { assessReferral, builtInRules } from "referwell/refer";
import { updateRequest } from "../arbitraries/consent.js";
import { anyCriteria, matchDirectory } from "../arbitraries/match.js";
import { client, isoDate } from "../arbitraries/model.js";
import { NOW, referralCase } from "../arbitraries/refer.js";
import { vandalize } from "../support/vandalize.js";

/**
 * The law: whatever a caller does to a result cannot change a later result.
 * Each call gets its own copy of the input, so only state the library keeps
 * between calls could carry a change over.
 */
function expectNothingShared<I>(input: I, run: (input: I) => unknown): void {
  const expected = JSON.stringify(run(structuredClone(input)));
  vandalize(run(structuredClone(input)));
  expect(JSON.stringify(run(structuredClone(input)))).toBe(expected);
}

describe("results share no state with the library", () => {
  test.prop([client, isoDate])("criteriaFromClient: changing its criteria changes no later criteria", (record, startDate) => {
    expectNothingShared(record, (input) => criteriaFromClient(input, { startDate }));
  });

  test.prop([matchDirectory(), anyCriteria], { numRuns: 30 })(
    "rank: changing a ranking changes no later ranking",
    (directory, criteria) => {
      expectNothingShared({ directory, criteria }, (input) =>
        createMatcher(input.directory).rank({ criteria: input.criteria }, { now: "2026-11-23", limit: 10_000 }),
      );
    },
  );

  test.prop([updateRequest])("composeUpdate: changing an update changes no later update", (request) => {
    expectNothingShared(request, composeUpdate);
  });

  const vocabulary = createVocabulary();
  test.prop([referralCase], { numRuns: 30 })("assessReferral: changing an assessment changes no later assessment", (input) => {
    expectNothingShared(input, (copy) => assessReferral(copy, { now: NOW, vocabulary, rules: builtInRules }));
  });

  it("the check can fail: a result that shares a list is caught", () => {
    const shared = ["in-person"];
    expect(() => expectNothingShared(null, () => ({ modes: shared }))).toThrow();
  });
});

import { fc, test } from "@fast-check/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { composeUpdate } from "referwell/consent";
import { updateRequest } from "../arbitraries/consent.js";
import { hostile, hostileJson } from "../arbitraries/hostile.js";
import { expectNoLeak } from "../support/noLeak.js";
import { untyped } from "../support/untyped.js";

const RUNS = { numRuns: Number(process.env["CONSENT_RUNS"] ?? 10_000) };
const TIMEOUT = 120_000;

/** Requests that are valid, or break the list rules too: repeated fact and consent ids, repeated or reserved category codes. */
const request = fc.tuple(updateRequest, fc.boolean()).map(([valid, repeat]) =>
  repeat
    ? {
        ...valid,
        facts: [...valid.facts, ...valid.facts.slice(0, 1)],
        consents: [...valid.consents, ...valid.consents.slice(0, 1)],
        categories: [...valid.categories, ...valid.categories, { code: "diagnosis", label: "Diagnosis", confidentiality: "N" }],
      }
    : valid,
);

// zod's own messages carry no input today; make them carry it, so forwarding one would be caught.
beforeAll(() => {
  z.config({ customError: (issue) => `LEAK ${JSON.stringify(issue.input)}` });
});
afterAll(() => {
  z.config({ customError: undefined });
});

const keys = [
  "kind",
  "template",
  "client",
  "recipient",
  "purpose",
  "facts",
  "consents",
  "now",
  "timeZone",
  "categories",
  "id",
  "clientId",
  "category",
  "text",
  "value",
  "recorded",
  "status",
  "signed",
  "period",
  "start",
  "end",
  "recipients",
  "referrerId",
  "identifier",
  "identifiers",
  "address",
  "purposes",
  "deny",
  "lifts",
  "name",
  "displayName",
];

describe("no leak", { timeout: TIMEOUT }, () => {
  test.prop([hostile(request)], RUNS)(
    "9. arbitrary JSON: a marked, broken request gives a result or an InvalidInputError with no marker",
    (input) => {
      expectNoLeak(() => composeUpdate(untyped(input)));
    },
  );

  test.prop([hostileJson(keys)], RUNS)("9. arbitrary JSON: any JSON gives a result or an InvalidInputError with no marker", (input) => {
    expectNoLeak(() => composeUpdate(untyped(input)));
  });

  it("the hostile requests are mostly invalid, so the property is not vacuous", () => {
    let rejected = 0;
    for (const input of fc.sample(hostile(request), { numRuns: 500, seed: 3 })) {
      try {
        composeUpdate(untyped(input));
      } catch {
        rejected += 1;
      }
    }
    expect(rejected).toBeGreaterThan(250);
  });
});

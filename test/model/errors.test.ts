import { describe, expect, it } from "vitest";
import * as z from "zod";
import { Client, Directory, InvalidInputError, isReferwellError, MatchCriteria, periodContains, ReferwellError, validate } from "referwell";
import * as cadence from "referwell/cadence";
import * as consent from "referwell/consent";
import * as match from "referwell/match";
import * as refer from "referwell/refer";
import * as relationships from "referwell/relationships";
import { untyped } from "../support/untyped.js";

function caught(call: () => unknown): InvalidInputError {
  try {
    call();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error("expected an InvalidInputError");
}

const client = { id: "cl-1", ageGroup: "adult", residence: { jurisdiction: "US-OR" }, needs: { problemAreas: ["anxiety"] } };

describe("each issue says what was expected", () => {
  it("a missing enum is required, with its allowed values", () => {
    const { ageGroup: _, ...withoutAge } = client;
    expect(caught(() => validate(Client, withoutAge, "client")).issues).toEqual([
      { path: ["ageGroup"], code: "required", expected: "one of [child, adolescent, adult, older-adult]" },
    ]);
  });

  it("formats, bounds and integers come from the schema", () => {
    const error = caught(() =>
      validate(
        Client,
        {
          ...client,
          residence: { jurisdiction: "Oregon" },
          maxSelfPay: { currency: "USD", minorUnits: -1 },
          plannedMoves: [{ date: "soon", to: { jurisdiction: "US-WA" } }],
        },
        "client",
      ),
    );
    expect(error.issues).toEqual([
      {
        path: ["residence", "jurisdiction"],
        code: "invalid-format",
        expected: "ISO 3166 country or ISO 3166-2 subdivision code such as US-OR",
      },
      { path: ["plannedMoves", 0, "date"], code: "invalid-format", expected: "date YYYY-MM-DD" },
      { path: ["maxSelfPay", "minorUnits"], code: "too-small", expected: "integer ≥ 0" },
    ]);
    expect(error.message).toBe(
      "Invalid client: 3 issues: client.residence.jurisdiction is not in its format (expected ISO 3166 country or ISO 3166-2 subdivision code such as US-OR); " +
        "client.plannedMoves[0].date is not in its format (expected date YYYY-MM-DD); client.maxSelfPay.minorUnits is too small, too short or has too few items (expected integer ≥ 0)",
    );
  });

  it("the message spells out three issues, then counts the rest", () => {
    const error = caught(() => validate(Client, {}, "client"));
    expect(error.issues.length).toBe(4);
    expect(error.message).toMatch(/^Invalid client: 4 issues: client\.id is required \(string\); .*; and 1 more$/);
  });

  it("a bound on a list says how many items", () => {
    const moves = Array.from({ length: 21 }, (_, day) => ({
      date: `2027-01-${String(day + 1).padStart(2, "0")}`,
      to: { jurisdiction: "US-WA" },
    }));
    expect(caught(() => validate(Client, { ...client, plannedMoves: moves }, "client")).issues).toEqual([
      { path: ["plannedMoves"], code: "too-big", expected: "at most 20 items" },
    ]);
  });
});

describe("unknown keys", () => {
  it("are rejected with the path to their object, never their text", () => {
    const error = caught(() => validate(Client, { ...client, residence: { jurisdiction: "US-OR", SSN_123456789: "x" } }, "client"));
    expect(error.issues).toEqual([{ path: ["residence", "*"], code: "unrecognized-key", expected: "only the keys [jurisdiction, point]" }]);
    expect(JSON.stringify(error)).not.toContain("SSN");
  });

  it("a misspelled option is an error, not a default", () => {
    const matcher = match.createMatcher({ practices: [{ id: "p", name: "P", timeZone: "UTC" }], clinicians: [] });
    const request = { criteria: MatchCriteria.parse({ location: { jurisdiction: "US-OR" } }) };
    expect(caught(() => matcher.rank(request, untyped({ now: "2026-11-23", limt: 5 }))).issues).toEqual([
      { path: ["*"], code: "unrecognized-key", expected: "only the keys [now, timeZone, limit, recommendation]" },
    ]);
  });

  it("record keys come from the input, so they show as *", () => {
    const issues = caught(() => validate(z.record(z.string(), z.number()), { "Jordan Smith": "x" }, "scores")).issues;
    expect(issues).toEqual([{ path: ["*"], code: "invalid-type", expected: "number" }]);
  });
});

describe("sparse arrays", () => {
  it("are one issue at the first hole", () => {
    // eslint-disable-next-line no-sparse-arrays
    const directory = { practices: [{ id: "p", name: "P", timeZone: "UTC" }, , ,], clinicians: [] };
    expect(caught(() => validate(Directory, directory, "directory")).issues).toEqual([
      { path: ["practices", 1], code: "sparse-array", expected: "an array with a value at every index" },
    ]);
  });

  it("classifyProgress rejects them instead of walking past the hole", () => {
    const gad7 = refer.builtInInstruments.find((instrument) => instrument.id === "GAD-7")!;
    // eslint-disable-next-line no-sparse-arrays
    const scores = [{ date: "2026-05-05", score: 9 }, , { date: "2026-06-30", score: 6 }] as { date: string; score: number }[];
    expect(caught(() => refer.classifyProgress(gad7, scores)).issues).toEqual([
      { path: [1], code: "sparse-array", expected: "an array with a value at every index" },
    ]);
  });
});

describe("numbers that would not give a number", () => {
  const scale = refer.Instrument.parse({
    id: "s",
    name: "Scale",
    measures: "outcome",
    direction: "lower-is-better",
    range: { min: -1e308, max: 1e308 },
    reliableChange: { method: "jacobson-truax", sd: 1e-320, reliability: 0.5 },
    source: "test",
  });

  it("an SD that rounds the standard error to zero is refused", () => {
    expect(caught(() => refer.reliableChange(scale, 0, 1)).issues).toEqual([
      { path: [], code: "non-finite-result", expected: "values that give a finite result" },
    ]);
  });

  it("scores whose difference overflows are refused", () => {
    const threshold = { ...scale, reliableChange: { method: "threshold" as const, threshold: 1 } };
    expect(caught(() => refer.reliableChange(threshold, -1.7e308, 1.7e308)).issues[0]?.code).toBe("non-finite-result");
    expect(
      caught(() =>
        refer.classifyProgress(threshold, [
          { date: "2026-01-01", score: -1.7e308 },
          { date: "2026-02-01", score: 1.7e308 },
        ]),
      ).issues[0]?.code,
    ).toBe("non-finite-result");
  });
});

describe("the constructor cannot be made to carry input", () => {
  it("replaces a name, path segments and expected texts that are not ours", () => {
    const error = new InvalidInputError("Jordan Smith", [
      { path: ["SSN 123-45-6789", 2, -1, "residence"], code: "invalid", expected: "Jordan" },
      { path: [], code: "not-a-code" as "invalid", expected: "one of [Jordan Smith]" },
    ]);
    expect(error.input).toBe("input");
    expect(error.issues).toEqual([
      { path: ["*", 2, "*", "residence"], code: "invalid", expected: "a valid value" },
      { path: [], code: "invalid", expected: "a valid value" },
    ]);
    expect(JSON.stringify(error)).not.toMatch(/Jordan|123-45/);
  });

  it("keeps the fixed wordings, and holds built ones (which could carry a value) to the rule's default", () => {
    const error = new InvalidInputError("options", [
      { path: ["now"], code: "invalid-format", expected: "date YYYY-MM-DD" },
      { path: ["limit"], code: "too-big", expected: "at most 918273645 items" },
      { path: ["kind"], code: "invalid-value", expected: "one of [Jordan]" },
    ]);
    expect(error.issues.map((issue) => issue.expected)).toEqual(["date YYYY-MM-DD", "a smaller value", "one of the allowed values"]);
  });
});

describe("isReferwellError", () => {
  it("recognizes an error from another copy of the library, which instanceof does not", () => {
    // What a second (CJS) copy throws: its own class, the shared mark, the same code and name.
    class OtherCopyError extends Error {
      readonly code = "invalid-input";
      readonly issues = [];
      constructor() {
        super("Invalid input: 1 issue");
        this.name = "InvalidInputError";
        Object.defineProperty(this, Symbol.for("referwell.error"), { value: true });
      }
    }
    const other = new OtherCopyError();
    expect(other instanceof ReferwellError).toBe(false);
    expect(isReferwellError(other)).toBe(true);
    expect(isReferwellError(other, "invalid-input")).toBe(true);
  });

  it("rejects look-alikes without the mark, and anything else", () => {
    expect(isReferwellError(Object.assign(new Error("x"), { code: "invalid-input", name: "InvalidInputError" }))).toBe(false);
    for (const value of [undefined, null, 1, "invalid-input", {}, new Error("x")]) expect(isReferwellError(value)).toBe(false);
  });

  it("every subpath exports the error classes and the check", () => {
    for (const module of [refer, match, consent, relationships, cadence]) {
      expect(module.isReferwellError).toBe(isReferwellError);
      expect(module.InvalidInputError).toBe(InvalidInputError);
      expect(module.ReferwellError).toBe(ReferwellError);
      expect(module.IssueCodes).toContain("unrecognized-key");
      expect(module.ReferwellErrorCodes).toContain("invalid-input");
    }
  });

  it("public helpers validate: a bad period is an InvalidInputError", () => {
    expect(caught(() => periodContains({ start: "2026-01-01", end: 5 } as never, "2026-02-01")).issues).toEqual([
      { path: ["end"], code: "invalid-type", expected: "string" },
    ]);
  });
});

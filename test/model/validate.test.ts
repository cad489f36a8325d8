import { describe, expect, it } from "vitest";
import { Clinician, Directory, InvalidInputError, ReferwellError, validate } from "referwell";
import { deepFreeze } from "../support/deepFreeze.js";

const clinician = {
  id: "clin-1",
  name: "Test Clinician",
  discipline: "psychologist",
  licensure: { licenses: [{ jurisdiction: "US-OR" }] },
  populations: ["adults"],
  languages: ["en"],
  availability: { timeZone: "America/Los_Angeles", slots: [{ day: "mon", start: "09:00", end: "17:00" }] },
  acceptingNewClients: true,
  capacity: { caseloadMax: 20, caseloadCurrent: 10, weeklyNewClientLimit: 2 },
};

function issuesOf(call: () => unknown): InvalidInputError["issues"] {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toBeInstanceOf(ReferwellError);
    expect((error as InvalidInputError).code).toBe("invalid-input");
    return (error as InvalidInputError).issues;
  }
  throw new Error("expected an InvalidInputError");
}

describe("validate", () => {
  it("returns the parsed value with defaults, leaving a frozen input as it was", () => {
    const input = deepFreeze(structuredClone(clinician));
    const parsed = validate(Clinician, input, "clinician");
    expect(parsed.telehealth).toBe(false);
    expect(parsed.capacity.newClientsThisWeek).toBe(0);
    expect(input).toEqual(clinician);
  });

  it("names every broken rule by path and code", () => {
    const issues = issuesOf(() =>
      validate(
        Clinician,
        {
          ...clinician,
          name: undefined,
          fee: { currency: "USD", minorUnits: 10000 },
          slidingScaleFloor: { currency: "USD", minorUnits: 12000 },
          availability: { timeZone: "Nowhere/Special", slots: [{ day: "mon", start: "17:00", end: "09:00" }] },
          capacity: { ...clinician.capacity, caseloadMax: 2.5 },
        },
        "clinician",
      ),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ["name"], code: "required" }),
        expect.objectContaining({ path: ["availability", "timeZone"], code: "unknown-time-zone" }),
        expect.objectContaining({ path: ["availability", "slots", 0, "end"], code: "end-before-start" }),
        expect.objectContaining({ path: ["capacity", "caseloadMax"], code: "not-integer" }),
      ]),
    );
  });

  it("checks cross-field rules once the shape is right", () => {
    expect(
      issuesOf(() =>
        validate(
          Clinician,
          { ...clinician, fee: { currency: "USD", minorUnits: 100 }, slidingScaleFloor: { currency: "USD", minorUnits: 120 } },
          "c",
        ),
      ),
    ).toEqual([expect.objectContaining({ path: ["slidingScaleFloor", "minorUnits"], code: "floor-above-fee" })]);
    expect(
      issuesOf(() =>
        validate(
          Clinician,
          { ...clinician, fee: { currency: "USD", minorUnits: 100 }, slidingScaleFloor: { currency: "GBP", minorUnits: 50 } },
          "c",
        ),
      ),
    ).toEqual([expect.objectContaining({ path: ["slidingScaleFloor", "currency"], code: "currency-mismatch" })]);
    // Amounts in two currencies are never compared: a larger floor in another currency is only a mismatch.
    expect(
      issuesOf(() =>
        validate(
          Clinician,
          { ...clinician, fee: { currency: "USD", minorUnits: 100 }, slidingScaleFloor: { currency: "GBP", minorUnits: 500 } },
          "c",
        ),
      ),
    ).toEqual([expect.objectContaining({ path: ["slidingScaleFloor", "currency"], code: "currency-mismatch" })]);
  });

  it("reports duplicate ids and dangling compact references in a directory", () => {
    const issues = issuesOf(() =>
      validate(
        Directory,
        {
          clinicians: [clinician, { ...clinician, licensure: { licenses: [], compacts: [{ compactId: "psypact" }] } }],
        },
        "directory",
      ),
    );
    expect(issues).toEqual([
      expect.objectContaining({ path: ["clinicians", 1, "id"], code: "duplicate-id" }),
      expect.objectContaining({ path: ["clinicians", 1, "licensure", "compacts", 0, "compactId"], code: "unknown-reference" }),
    ]);
  });

  it("builds its message from templates: path, rule and what was expected, never values", () => {
    try {
      validate(Clinician, { ...clinician, name: 42, languages: ["Klingon language"] }, "clinician");
    } catch (error) {
      expect((error as Error).message).toBe(
        "Invalid clinician: 2 issues: clinician.name has the wrong type (expected string); clinician.languages[0] is not in its format (expected BCP 47 language tag such as pt-BR)",
      );
      expect(JSON.parse(JSON.stringify(error))).toEqual({
        name: "InvalidInputError",
        code: "invalid-input",
        input: "clinician",
        message: (error as Error).message,
        issues: [
          { path: ["name"], code: "invalid-type", expected: "string" },
          { path: ["languages", 0], code: "invalid-format", expected: "BCP 47 language tag such as pt-BR" },
        ],
      });
    }
    expect.assertions(2);
  });

  it("lists three issues in the message and keeps all of them", () => {
    const slots = Array.from({ length: 12 }, () => ({ day: "someday", start: "09:00", end: "10:00" }));
    try {
      validate(Clinician, { ...clinician, availability: { timeZone: "UTC", slots } }, "clinician");
    } catch (error) {
      expect((error as InvalidInputError).issues).toHaveLength(12);
      expect((error as Error).message).toMatch(/; and 9 more$/);
    }
    expect.assertions(2);
  });

  it("names the root when the whole input is wrong", () => {
    expect(issuesOf(() => validate(Clinician, "nonsense", "clinician"))).toEqual([
      expect.objectContaining({ path: [], code: "invalid-type" }),
    ]);
    try {
      validate(Clinician, undefined, "clinician");
    } catch (error) {
      expect((error as Error).message).toBe("Invalid clinician: 1 issue: clinician is required (object)");
    }
  });
});

import { describe, expect, it } from "vitest";
import { HardConstraint } from "referwell/match";
import { constraintChecks } from "../../src/match/internal/constraintChecks.js";

describe("the hard-constraint table", () => {
  it("has one entry per hard constraint, in the order failures are reported", () => {
    expect(constraintChecks.map((check) => check.constraint)).toEqual(HardConstraint.options);
  });
});

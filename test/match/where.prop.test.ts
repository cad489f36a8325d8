import { test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { createMatcher } from "referwell/match";
import { matchCriteria, matchDirectory } from "../arbitraries/match.js";
import { hardConstraintViolations } from "../support/hardConstraintOracle.js";

const NOW = "2026-11-23T09:00:00-08:00";

describe("telehealth follows where the client is", () => {
  // Telehealth only, so an office never hides a licensure failure.
  const teleOnly = matchCriteria.map((criteria) => ({ ...criteria, require: { ...criteria.require, modes: ["telehealth" as const] } }));
  test.prop([matchDirectory(), teleOnly])(
    "the care-mode constraint agrees with the oracle, a day at a time over residence and stays",
    (directory, criteria) => {
      const matcher = createMatcher(directory);
      for (const clinician of directory.clinicians) {
        const failed = matcher.explain({ criteria }, clinician.id, { now: NOW }).failures.some((f) => f.constraint === "care-mode");
        const oracle = hardConstraintViolations(criteria, clinician, directory.compacts, criteria.startDate ?? "2026-11-23");
        expect(failed).toBe(oracle.includes("care-mode"));
      }
    },
  );
});

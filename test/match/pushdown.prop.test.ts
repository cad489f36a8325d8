import { test } from "@fast-check/vitest";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { createMatcher, directoryRows, filterToSql, type HardConstraintFilter, hardConstraintFilter } from "referwell/match";
import { matchCriteria, matchDirectory, openCriteria } from "../arbitraries/match.js";
import { pushdownCase } from "../arbitraries/pushdown.js";
import { type Database, loadRows, openDatabase } from "../support/pglite.js";

const NOW = "2026-11-23T09:00:00-08:00";
const SCHEMA = "referwell_test";
let db: Database;

beforeAll(async () => {
  db = await openDatabase(SCHEMA);
});
afterAll(async () => {
  await db.close();
});

async function selectIds(filter: HardConstraintFilter): Promise<string[]> {
  const { text, values } = filterToSql(filter, { schema: SCHEMA });
  return (await db.query(text, values)).rows.map((row) => row["id"] as string).sort();
}

describe("the database runs the matcher's hard constraints", () => {
  test.prop([pushdownCase, fc.constantFrom("fail", "warn"), fc.constantFrom("exclude", "penalize")], { numRuns: 400 })(
    "the clinicians the SQL returns are exactly those that pass, and ranking them gives rank's result",
    async ([directory, criteria], panelEndsDuringCare, ineffectiveOnPrimary) => {
      const options = { panelEndsDuringCare, ineffectiveOnPrimary } as const;
      const matcher = createMatcher(directory, options);
      await loadRows(db, directoryRows(directory, options), SCHEMA);
      const ids = await selectIds(hardConstraintFilter({ criteria }, { now: NOW, matcher: options }));
      const eligible = directory.clinicians
        .filter((clinician) => matcher.explain({ criteria }, clinician.id, { now: NOW }).eligible)
        .map((clinician) => clinician.id)
        .sort();
      expect(ids).toEqual(eligible);
      const rows = ids.map((id) => ({ id }));
      expect(matcher.rankCandidates({ criteria }, rows, { now: NOW, limit: 50 })).toEqual(
        matcher.rank({ criteria }, { now: NOW, limit: 50 }),
      );
    },
  );

  test("every constraint is needed: without it, some generated case lets through a clinician the matcher rejects", async () => {
    const needed = new Set<string>();
    // Open clinicians and open criteria too, so a constraint is often the only one a clinician fails.
    const cases = fc.sample(fc.oneof(pushdownCase, fc.tuple(matchDirectory(), openCriteria), fc.tuple(matchDirectory(), matchCriteria)), {
      numRuns: 300,
      seed: 20261204,
    });
    for (const [directory, criteria] of cases) {
      await loadRows(db, directoryRows(directory), SCHEMA);
      const filter = hardConstraintFilter({ criteria }, { now: NOW });
      const all = new Set(await selectIds(filter));
      for (const entry of filter.constraints) {
        if (needed.has(entry.constraint)) continue;
        const without = await selectIds({ ...filter, constraints: filter.constraints.filter((other) => other !== entry) });
        if (without.some((id) => !all.has(id))) needed.add(entry.constraint);
      }
    }
    expect([...needed].sort()).toEqual(
      [
        "accepting",
        "capacity",
        "care-mode",
        "discipline",
        "excluded",
        "language",
        "level-of-care",
        "modality",
        "outcome",
        "payment",
        "population",
        "preference",
        "problem-area",
        "wait",
      ].sort(),
    );
  });
});

import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { Client, coverageOn, criteriaFromClient, MatchCriteria, residenceOn } from "referwell";
import { client as clientArb, isoDate } from "../arbitraries/model.js";
import { deepFreeze } from "../support/deepFreeze.js";

const client = (overrides: Record<string, unknown> = {}) =>
  Client.parse({
    id: "cl-1",
    ageGroup: "adult",
    residence: { jurisdiction: "US-OR" },
    needs: { problemAreas: ["depression"] },
    ...overrides,
  });

describe("residenceOn and coverageOn", () => {
  it("the latest move dated on or before the day wins", () => {
    const c = client({
      plannedMoves: [
        { date: "2027-03-01", to: { jurisdiction: "US-CA" } },
        { date: "2027-01-15", to: { jurisdiction: "US-WA" } },
      ],
    });
    expect(residenceOn(c, "2027-01-14").jurisdiction).toBe("US-OR");
    expect(residenceOn(c, "2027-02-01").jurisdiction).toBe("US-WA");
    expect(residenceOn(c, "2027-03-01").jurisdiction).toBe("US-CA");
  });

  it("coverage in force on the day, both ends inclusive", () => {
    const c = client({
      coverage: [
        { payerId: "old", period: { start: "2024-01-01", end: "2026-10-31" } },
        { payerId: "new", period: { start: "2026-11-01" } },
      ],
    });
    expect(coverageOn(c, "2026-10-31").map((x) => x.payerId)).toEqual(["old"]);
    expect(coverageOn(c, "2026-11-01").map((x) => x.payerId)).toEqual(["new"]);
    expect(coverageOn(c, "2023-12-31")).toEqual([]);
  });
});

describe("criteriaFromClient", () => {
  it("leaves payment out when nothing is known about it", () => {
    expect(criteriaFromClient(client(), { startDate: "2026-12-01" }).require.payment).toBeUndefined();
  });

  it("asks for the coverage in force on the start date, or the self-pay maximum", () => {
    const c = client({
      coverage: [{ payerId: "aetna", planId: "ppo", period: { start: "2026-01-01", end: "2026-12-31" } }],
      maxSelfPay: { currency: "USD", minorUnits: 9000 },
    });
    expect(criteriaFromClient(c, { startDate: "2026-12-01" }).require.payment).toEqual({
      payers: [{ payerId: "aetna", planId: "ppo" }],
      maxSelfPay: { currency: "USD", minorUnits: 9000 },
    });
    expect(criteriaFromClient(c, { startDate: "2027-01-01" }).require.payment).toEqual({
      payers: [],
      maxSelfPay: { currency: "USD", minorUnits: 9000 },
    });
  });

  it("maps age group and care format to populations, and preferences to modes", () => {
    expect(criteriaFromClient(client({ ageGroup: "child" }), { startDate: "2026-12-01" }).require.populations).toEqual(["children"]);
    const couple = criteriaFromClient(client({ careFormat: "couple", preferences: { mode: "in-person", travelRadiusKm: 25 } }), {
      startDate: "2026-12-01",
    });
    expect(couple.require.populations).toEqual(["adults", "couples"]);
    expect(couple.require.modes).toEqual(["in-person"]);
    expect(couple.require.travelRadiusKm).toBe(25);
  });

  test.prop([clientArb, isoDate])(
    "laws: valid criteria, residence and exclusions follow the record, input untouched",
    (generated, startDate) => {
      const parsed = deepFreeze(Client.parse(generated));
      const criteria = criteriaFromClient(parsed, { startDate });
      // Built without a parse, yet exactly what a parse gives: every field, defaults filled, in the schema's order.
      const reparsed = MatchCriteria.parse(JSON.parse(JSON.stringify(criteria)));
      expect(reparsed).toStrictEqual(criteria);
      expect(JSON.stringify(reparsed)).toBe(JSON.stringify(criteria));
      expect(criteria.location).toStrictEqual(residenceOn(parsed, startDate));
      expect(new Set(criteria.require.excludeClinicianIds)).toEqual(new Set(parsed.conflicts.map((c) => c.clinicianId)));
      const paymentKnown = coverageOn(parsed, startDate).length > 0 || parsed.maxSelfPay !== undefined;
      expect(criteria.require.payment !== undefined).toBe(paymentKnown);
      expect(criteria.prefer.problemAreas).toEqual(parsed.needs.problemAreas);
      expect(criteria.require.problemAreas).toEqual([parsed.needs.problemAreas[0]]);
      expect(criteria.startDate).toBe(startDate);
    },
  );
});

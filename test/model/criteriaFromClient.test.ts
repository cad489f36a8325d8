import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { Client, coverageOn, criteriaFromClient, MatchCriteria, residenceOn } from "referwell";
import * as fc from "fast-check";
import { client as clientArb, isoDate, place } from "../arbitraries/model.js";
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

  it("offers no self-pay while Medicare or Medicaid covers the client: their networks only, the maximum left out", () => {
    const budget = { currency: "USD", minorUnits: 9000 };
    const covered = (program: string, end = "2026-12-31") =>
      client({ coverage: [{ payerId: "gov", program, period: { start: "2026-01-01", end } }], maxSelfPay: budget });
    for (const program of ["medicare", "medicaid"]) {
      expect(criteriaFromClient(covered(program), { startDate: "2026-12-01" }).require.payment).toEqual({ payers: [{ payerId: "gov" }] });
      // Coverage over by the start date bars nothing.
      expect(criteriaFromClient(covered(program, "2026-11-30"), { startDate: "2026-12-01" }).require.payment).toEqual({
        payers: [],
        maxSelfPay: budget,
      });
    }
    // Beside a commercial plan, Medicare still bars it.
    const both = client({
      coverage: [
        { payerId: "aetna", program: "commercial", period: { start: "2026-01-01" } },
        { payerId: "gov", program: "medicare", period: { start: "2026-01-01" } },
      ],
      maxSelfPay: budget,
    });
    expect(criteriaFromClient(both, { startDate: "2026-12-01" }).require.payment?.maxSelfPay).toBeUndefined();
    for (const program of ["commercial", "other", undefined]) {
      const coverage = [{ payerId: "aetna", ...(program === undefined ? {} : { program }), period: { start: "2026-01-01" } }];
      expect(criteriaFromClient(client({ coverage, maxSelfPay: budget }), { startDate: "2026-12-01" }).require.payment?.maxSelfPay).toEqual(
        budget,
      );
    }
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
      const inForce = coverageOn(parsed, startDate);
      expect(criteria.require.payment !== undefined).toBe(inForce.length > 0 || parsed.maxSelfPay !== undefined);
      const barred = inForce.some((coverage) => coverage.program === "medicare" || coverage.program === "medicaid");
      expect(criteria.require.payment?.maxSelfPay).toStrictEqual(barred ? undefined : parsed.maxSelfPay);
      expect(criteria.prefer.problemAreas).toEqual(parsed.needs.problemAreas);
      expect(criteria.require.problemAreas).toEqual([parsed.needs.problemAreas[0]]);
      expect(criteria.startDate).toBe(startDate);
      for (const key of ["populations", "cultures", "faiths", "clinicianAge", "interpreter", "must"] as const) {
        expect(criteria.prefer[key]).toStrictEqual(parsed.preferences[key]);
      }
    },
  );
});

describe("criteriaFromClient: where the client will be", () => {
  const day = (offset: number) => new Date(Date.UTC(2027, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

  it("a stay counts over the residence; a planned move is a stay from its date, except where a stay covers it", () => {
    const c = client({
      stays: [{ place: { jurisdiction: "US-WA" }, period: { start: "2027-01-10", end: "2027-03-31" } }],
      plannedMoves: [{ date: "2027-02-01", to: { jurisdiction: "US-CA" } }],
    });
    const criteria = criteriaFromClient(c, { startDate: "2027-01-05" });
    expect(criteria.location.jurisdiction).toBe("US-OR");
    expect(criteria.stays).toEqual([
      { place: { jurisdiction: "US-WA" }, period: { start: "2027-01-10", end: "2027-03-31" } },
      { place: { jurisdiction: "US-CA" }, period: { start: "2027-04-01" } },
    ]);
    // A move on or before the start date is the location itself, not a stay.
    expect(
      criteriaFromClient(client({ plannedMoves: [{ date: "2027-01-05", to: { jurisdiction: "US-CA" } }] }), { startDate: "2027-01-05" }),
    ).toMatchObject({ location: { jurisdiction: "US-CA" } });
    expect(criteriaFromClient(client(), { startDate: "2027-01-05" }).stays).toBeUndefined();
  });

  // Dates within a few months of each other, so stays, moves and the start date meet.
  const near = fc.integer({ min: 0, max: 90 }).map(day);
  const span = fc.tuple(near, fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }));
  const placed = fc.record({
    stays: fc.array(fc.record({ place, span }), { maxLength: 4 }),
    moves: fc.uniqueArray(fc.record({ date: near, to: place }), { maxLength: 4, selector: (move) => move.date }),
    start: near,
  });

  test.prop([placed])("law: on every day, the places the criteria give are the stays that cover it, else the residence then", (input) => {
    const stays = input.stays.map(({ place: where, span: [start, length] }) => ({
      place: where,
      period:
        length === undefined
          ? { start }
          : { start, end: day(Math.round((Date.parse(start) - Date.UTC(2027, 0, 1)) / 86_400_000) + length) },
    }));
    const c = client({ stays, plannedMoves: input.moves });
    const criteria = MatchCriteria.parse(criteriaFromClient(c, { startDate: input.start }));
    const within = (date: string, period: { start: string; end?: string | undefined }) =>
      period.start <= date && (period.end === undefined || date <= period.end);
    for (let offset = 0; offset <= 150; offset++) {
      const date = day(offset);
      if (date < input.start) continue;
      const covering = stays.filter((stay) => within(date, stay.period)).map((stay) => stay.place.jurisdiction);
      const expected = new Set(covering.length > 0 ? covering : [residenceOn(c, date).jurisdiction]);
      const given = (criteria.stays ?? []).filter((stay) => within(date, stay.period)).map((stay) => stay.place.jurisdiction);
      expect(new Set(given.length > 0 ? given : [criteria.location.jurisdiction]), date).toEqual(expected);
    }
  });
});

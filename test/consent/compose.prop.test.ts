import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { composeUpdate, type DisclosureCategory, type UpdateRequest, WithholdReason } from "referwell/consent";
import { POOL, updateRequest } from "../arbitraries/consent.js";
import { catalogueOf, oracleDays, oracleIncluded, oraclePermitsAt } from "../support/consentOracle.js";

// The laws run 10,000 cases each (CONSENT_RUNS overrides, for breaking the code on purpose quickly).
const RUNS = { numRuns: Number(process.env["CONSENT_RUNS"] ?? 10_000) };
const TIMEOUT = 120_000;
const NOTE_KINDS = new Set(["psychotherapy-note", "sud-counselling-note"]);

const categoryOf = (request: UpdateRequest, code: string | undefined): DisclosureCategory | undefined =>
  catalogueOf(request.categories).find((c) => c.code === code);
const factsById = (request: UpdateRequest) => new Map(request.facts.map((fact) => [fact.id, fact]));
const within = (period: { start: string; end?: string | undefined }, day: string) =>
  period.start <= day && (period.end === undefined || day <= period.end);

describe("composeUpdate", { timeout: TIMEOUT }, () => {
  test.prop([updateRequest], RUNS)(
    "1. soundness: every included fact is permitted for its category, purpose, recipient and date by the consents on every day now may be",
    (request) => {
      const result = composeUpdate(request);
      const catalogue = catalogueOf(request.categories);
      const facts = factsById(request);
      const permits = (category: string, dataDate: string) =>
        oraclePermitsAt(
          request.consents,
          catalogue,
          { client: request.client.id, recipient: request.recipient, purpose: request.purpose, category, dataDate },
          request.now,
          request.timeZone,
        );
      for (const id of result.included) {
        const fact = facts.get(id);
        if (fact?.category === undefined) throw new Error("included an unknown or unlabelled fact");
        expect(fact.clientId).toBe(request.client.id);
        expect(permits(fact.category, fact.recorded)).toBe(true);
        expect(permits("acknowledgement", "day")).toBe(true);
      }
    },
  );

  test.prop([updateRequest])("completeness: the update carries exactly the facts the oracle permits and the template needs", (request) => {
    expect(composeUpdate(request).included).toEqual(oracleIncluded(request));
  });

  it("the generators are not vacuous: many updates include facts, notes, Part 2 records, and withhold others", () => {
    const results = fc.sample(updateRequest, { numRuns: 2_000, seed: 5 }).map((request) => [request, composeUpdate(request)] as const);
    const included = results.flatMap(([request, result]) =>
      result.included.map((id) => categoryOf(request, factsById(request).get(id)?.category)?.authorization),
    );
    expect(results.filter(([, result]) => result.included.length > 0).length).toBeGreaterThan(200);
    expect(results.filter(([, result]) => result.withheld.length > 0).length).toBeGreaterThan(1_000);
    expect(included.filter((kind) => kind === "psychotherapy-note").length).toBeGreaterThan(5);
    expect(included.filter((kind) => kind === "sud-counselling-note").length).toBeGreaterThan(5);
    expect(included.filter((kind) => kind === "sud-records").length).toBeGreaterThan(5);
    expect(results.filter(([, result]) => result.withheld.some((w) => w.reason === "denied-by-provision")).length).toBeGreaterThan(10);
    // Every reason comes up, but for `data-date-unknown`: facts always have a recorded date.
    expect(new Set(results.flatMap(([, result]) => result.withheld.map((w) => w.reason)))).toEqual(
      new Set(WithholdReason.options.filter((reason) => reason !== "data-date-unknown")),
    );
  });

  test.prop([updateRequest], RUNS)(
    "2. note firewall: psychotherapy and SUD-counselling facts appear only with a matching specific authorization",
    (request) => {
      const result = composeUpdate(request);
      const facts = factsById(request);
      for (const id of result.included) {
        const fact = facts.get(id);
        const kind = categoryOf(request, fact?.category)?.authorization;
        if (fact === undefined || kind === undefined || !NOTE_KINDS.has(kind)) continue;
        for (const date of oracleDays(request.now, request.timeZone)) {
          const authorizations = request.consents.filter(
            (c) =>
              c.kind === kind &&
              c.clientId === request.client.id &&
              c.status === "active" &&
              c.signed <= date &&
              within(c.period, date) &&
              c.recipients.some(
                (r) =>
                  r.referrerId === request.recipient.referrerId ||
                  (r.identifier !== undefined &&
                    request.recipient.identifiers.some((i) => i.system === r.identifier?.system && i.value === r.identifier.value)),
              ) &&
              c.purposes.includes(request.purpose) &&
              c.categories.includes(fact.category as string),
          );
          expect(authorizations.length).toBeGreaterThan(0);
        }
      }
      // Without any authorization of a note's kind, no note of that kind ever goes out.
      const generalOnly = composeUpdate({ ...request, consents: request.consents.filter((c) => !NOTE_KINDS.has(c.kind)) });
      for (const id of generalOnly.included)
        expect(NOTE_KINDS.has(categoryOf(request, facts.get(id)?.category)?.authorization ?? "")).toBe(false);
    },
  );

  test.prop([updateRequest], RUNS)(
    "3. partition: included and withheld together are exactly the input facts; every withheld fact has a reason",
    (request) => {
      const result = composeUpdate(request);
      const withheld = result.withheld.map((w) => w.factId);
      expect([...result.included, ...withheld].sort()).toEqual(request.facts.map((fact) => fact.id).sort());
      expect(new Set([...result.included, ...withheld]).size).toBe(request.facts.length);
      for (const entry of result.withheld) {
        expect(WithholdReason.options).toContain(entry.reason);
        expect(entry.text.length).toBeGreaterThan(0);
      }
      const inUpdate = (result.update?.sections ?? []).flatMap((section) => section.items.map((item) => item.factId));
      expect([...inUpdate].sort()).toEqual(result.included);
    },
  );
});

describe("the generators", () => {
  it("cover every purpose and category of the pools", () => {
    const requests = fc.sample(updateRequest, { numRuns: 500, seed: 9 });
    expect(new Set(requests.flatMap((r) => r.consents.flatMap((c) => c.categories)))).toEqual(new Set(POOL.categories));
    expect(new Set(requests.map((r) => r.purpose))).toEqual(new Set(POOL.purposes));
  });
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  composeUpdate,
  Confidentiality,
  type DisclosureCategory,
  PurposeOfUse,
  SensitivityCode,
  type UpdateRequest,
} from "referwell/consent";
import { markersOf, updateRequest } from "../arbitraries/consent.js";
import { catalogueOf, oracleDay } from "../support/consentOracle.js";

const RUNS = { numRuns: Number(process.env["CONSENT_RUNS"] ?? 10_000) };
const TIMEOUT = 120_000;

const categoryOf = (request: UpdateRequest, code: string | undefined): DisclosureCategory | undefined =>
  catalogueOf(request.categories).find((c) => c.code === code);
const factsById = (request: UpdateRequest) => new Map(request.facts.map((fact) => [fact.id, fact]));

describe("composeUpdate", { timeout: TIMEOUT }, () => {
  test.prop([updateRequest], RUNS)(
    "6. no leakage: no text of a withheld fact appears anywhere in the update or its record, and the update is as if they did not exist",
    (request) => {
      const result = composeUpdate(request);
      const facts = factsById(request);
      const sent = JSON.stringify([result.update ?? null, result.disclosure ?? null]);
      for (const { factId } of result.withheld)
        for (const marker of markersOf(facts.get(factId) as (typeof request.facts)[number])) expect(sent).not.toContain(marker);
      expect(JSON.stringify(result.withheld)).not.toMatch(/ZQX/);
      const kept = new Set(result.included);
      const without = composeUpdate({ ...request, facts: request.facts.filter((fact) => kept.has(fact.id)) });
      expect(JSON.stringify([without.update ?? null, without.disclosure ?? null])).toBe(sent);
    },
  );

  test.prop([updateRequest], RUNS)(
    "7. labels: the confidentiality is the highest of the included facts' (N when none), the sensitivity codes exactly those of the acknowledgement and the included categories; any Part 2 fact brings its notice",
    (request) => {
      const result = composeUpdate(request);
      const facts = factsById(request);
      const categories = result.included.map((id) => categoryOf(request, facts.get(id)?.category) as DisclosureCategory);
      const labels = result.update?.labels;
      if (labels === undefined) return;
      const highest = categories.reduce((top, c) => Math.max(top, Confidentiality.options.indexOf(c.confidentiality)), 0);
      expect(labels.confidentiality).toBe(Confidentiality.options[highest]);
      // The sensitivity codes are exactly those of what is disclosed: the acknowledgement (for an update that names the client) and the included facts' categories.
      const disclosed =
        result.status === "update" ? [categoryOf(request, "acknowledgement") as DisclosureCategory, ...categories] : categories;
      const union = new Set(disclosed.flatMap((c) => c.sensitivity));
      expect(labels.sensitivity).toEqual(SensitivityCode.options.filter((code) => union.has(code)));
      // The labels decide, never the kind: SUD, ETH or the host's part2 declaration.
      const part2 = categories.some((c) => c.part2 === true || c.sensitivity.includes("SUD") || c.sensitivity.includes("ETH"));
      expect(labels.part2Notice !== undefined).toBe(part2);
      if (part2) {
        expect(result.update?.text).toContain(labels.part2Notice);
        expect(result.disclosure?.part2).toBe(true);
      }
    },
  );

  test.prop([updateRequest], RUNS)(
    "acknowledgement gates every update: unless it is a thank-you, a client who may not be acknowledged gets nothing",
    (request) => {
      const result = composeUpdate(request);
      fc.pre(request.kind !== "thank-you" && result.acknowledgement.decision === "deny");
      expect(result.status).toBe("nothing");
      expect([result.update, result.disclosure, result.included]).toEqual([undefined, undefined, []]);
    },
  );

  test.prop([updateRequest], RUNS)(
    "8. records: every disclosure has a complete record; a composition that discloses nothing has none",
    (request) => {
      const result = composeUpdate(request);
      if (result.status !== "update") {
        expect(result.disclosure).toBeUndefined();
        expect(result.included).toEqual([]);
        if (result.update !== undefined) expect(JSON.stringify(result.update)).not.toContain(request.client.displayName as string);
        return;
      }
      const record = result.disclosure;
      if (record === undefined) throw new Error("an update with no record");
      expect(record.date).toBe(oracleDay(request));
      const { referrerId, name, identifiers, address } = request.recipient;
      expect(record.recipient).toEqual({ referrerId, name, identifiers, ...(address === undefined ? {} : { address }) });
      expect(record.description.length).toBeGreaterThan(0);
      expect(record.description).not.toMatch(/ZQX/);
      expect(record.purpose.code).toBe(request.purpose);
      expect(PurposeOfUse.options).toContain(record.purpose.code);
      expect(record.purpose.text.length).toBeGreaterThan(0);
      expect(record.factIds).toEqual(result.included);
      expect(record.clientId).toBe(request.client.id);
      expect(record.categories[0]).toBe("acknowledgement");
      expect(new Set(record.categories).size).toBe(record.categories.length);
      expect(new Set(record.description.split(": ").slice(1).join(": ").split("; ")).size).toBe(record.categories.length);
      expect(record.basis.length).toBeGreaterThan(0);
      for (const id of record.basis) expect(request.consents.some((c) => c.id === id)).toBe(true);
    },
  );
});

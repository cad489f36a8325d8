import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { composeUpdate, type DisclosureCategory, evaluateConsent, type UpdateRequest } from "referwell/consent";
import { consents, denyProvision, POOL, TODAY, updateRequest } from "../arbitraries/consent.js";
import { catalogueOf } from "../support/consentOracle.js";

const RUNS = { numRuns: Number(process.env["CONSENT_RUNS"] ?? 2_000) };
const NOTE_KINDS = new Set(["psychotherapy-note", "sud-counselling-note"]);

/** A request under the emergency rule: purpose ETREAT, a provider recipient, and, often, a restriction that covers everything. */
const emergencyRequest = fc
  .tuple(updateRequest, fc.boolean(), denyProvision("blanket"))
  .map(([request, blanket, provision]): UpdateRequest => {
    const restriction = {
      id: "restriction",
      clientId: request.client.id,
      status: "active" as const,
      kind: "general" as const,
      signed: "2026-01-01",
      period: { start: "2026-01-01" },
      recipients: [],
      purposes: [],
      categories: [],
      deny: [blanket ? { id: "everything" } : provision],
      lifts: [],
      replaces: [],
    };
    return {
      ...request,
      purpose: "ETREAT",
      emergency: true,
      recipient: { ...request.recipient, kind: "provider" },
      consents: [...request.consents, restriction],
    };
  });

const categoryOf = (request: UpdateRequest, code: string | undefined): DisclosureCategory | undefined =>
  catalogueOf(request.categories).find((c) => c.code === code);
const WANTED: Record<string, string[]> = {
  "thank-you": [],
  progress: ["attendance", "engagement", "progress-summary", "treatment-goals"],
  custom: [],
};

describe("the emergency path", () => {
  test.prop([emergencyRequest], RUNS)(
    "never blocked: every wanted fact of the client in a category that is not a note goes out for emergency treatment to a provider, whatever the consents and restrictions",
    (request) => {
      const result = composeUpdate(request);
      const wanted = request.template?.categories ?? WANTED[request.kind] ?? [];
      for (const fact of request.facts) {
        const category = categoryOf(request, fact.category);
        if (fact.clientId !== request.client.id || category === undefined || !wanted.includes(category.code)) continue;
        if (!NOTE_KINDS.has(category.authorization)) expect(result.included).toContain(fact.id);
      }
      expect(result.acknowledgement).toMatchObject({ decision: "permit", reason: "emergency-treatment" });
    },
  );

  test.prop([emergencyRequest], RUNS)(
    "always recorded: every emergency disclosure's record says so, names the rule, and the facts it carries",
    (request) => {
      const result = composeUpdate(request);
      if (result.status !== "update") {
        // Only an update with nothing to carry is not composed; a thank-you always is.
        expect([request.kind, result.included]).not.toEqual(["thank-you", []]);
        expect(result.included).toEqual([]);
        return;
      }
      expect(result.disclosure).toMatchObject({ emergency: true, purpose: { code: "ETREAT" }, factIds: result.included });
      expect(result.disclosure?.rules).toContain("emergency-treatment");
    },
  );

  test.prop([consents, fc.constantFrom(...POOL.categories), fc.constantFrom("provider", "non-provider", undefined)], RUNS)(
    "evaluateConsent answers emergency questions by their own rule: permitted for a provider unless a note, and never for anyone else by that rule",
    (list, code, kind) => {
      const catalogue = catalogueOf([]);
      const category = catalogue.find((c) => c.code === code);
      const decision = evaluateConsent(list, {
        client: "cl-1",
        recipient: { referrerId: "ref-a", ...(kind === undefined ? {} : { kind }) },
        purpose: "ETREAT",
        category: code,
        at: TODAY,
        emergency: true,
      });
      const byRule = kind === "provider" && category !== undefined && !NOTE_KINDS.has(category.authorization);
      expect(decision.reason === "emergency-treatment").toBe(byRule);
      if (byRule) expect(decision.decision).toBe("permit");
    },
  );
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { type ConsentInput, type DenyProvision, evaluateConsent } from "referwell/consent";
import { boundedDenials } from "../../src/fhir/internal/boundedDenials.js";
import { consentQuery, denyProvision, HOST_CATEGORIES } from "../arbitraries/consent.js";

/** The 49 a consent keeps before the merged one: each denies for a purpose no query asks about. */
const FILLERS: DenyProvision[] = Array.from({ length: 49 }, (_, index) => ({ id: `kept-${index}`, purposes: ["HOPERAT"] }));
/** Two to six deny provisions past the 49th, with ids of their own. */
const rest = fc
  .array(denyProvision("x"), { minLength: 2, maxLength: 6 })
  .map((list) => list.map((deny, index) => ({ ...deny, id: `rest-${index}` })));
type Query = Parameters<typeof evaluateConsent>[1];

/** Why a query is answered when the client permitted it and then restricted it by `deny` alone. */
function reasonUnder(deny: DenyProvision, query: Query): string {
  const permit: ConsentInput = {
    id: "permit",
    clientId: query.client,
    status: "active",
    kind: "general",
    signed: "2020-01-01",
    period: { start: "2020-01-01" },
    recipients: [{ referrerId: query.recipient.referrerId }],
    purposes: [query.purpose],
    categories: [query.category],
  };
  const restriction: ConsentInput = { ...permit, id: "restriction", status: "inactive", recipients: [], deny: [deny] };
  return evaluateConsent([permit, restriction], query, { categories: HOST_CATEGORIES }).reason;
}

describe("more deny provisions than a consent holds", () => {
  test.prop([rest, consentQuery], { numRuns: 400 })(
    "the merged provision binds wherever one of those it replaces binds",
    (denials, query) => {
      const { denials: bounded, merged } = boundedDenials([...FILLERS, ...denials], () => "merged");
      expect(merged).toBe(true);
      expect(bounded.slice(0, 49)).toEqual(FILLERS);
      const one = bounded[49] as DenyProvision;
      expect(one.id).toBe("merged");
      for (const deny of denials) {
        if (reasonUnder(deny, query) === "denied-by-provision") expect(reasonUnder(one, query), deny.id).toBe("denied-by-provision");
      }
    },
  );

  it("the cases generated reach provisions that bind, and that do not", () => {
    const samples = fc.sample(fc.tuple(rest, consentQuery), { numRuns: 400, seed: 7 });
    const reasons = samples.flatMap(([denials, query]) => denials.map((deny) => reasonUnder(deny, query)));
    expect(reasons.filter((reason) => reason === "denied-by-provision").length).toBeGreaterThan(100);
    expect(reasons.filter((reason) => reason === "permitted").length).toBeGreaterThan(100);
  });

  it("as many as a consent holds are kept as they are", () => {
    expect(boundedDenials(FILLERS, () => "merged")).toEqual({ denials: FILLERS, merged: false });
  });
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type ConsentInput, DenyReason, evaluateConsent } from "referwell/consent";
import { consentQuery, consents, HOST_CATEGORIES, nearDate } from "../arbitraries/consent.js";
import { hostile, hostileJson } from "../arbitraries/hostile.js";
import { expectNoLeak } from "../support/noLeak.js";
import { untyped } from "../support/untyped.js";
import { catalogueOf, oraclePermitsAt } from "../support/consentOracle.js";

const query = consentQuery;
const options = { categories: HOST_CATEGORIES };

describe("evaluateConsent", () => {
  test.prop([consents, query])("agreement: permits exactly when the independent oracle does", (list, q) => {
    const decision = evaluateConsent(list, q, options);
    expect(decision.decision === "permit").toBe(oraclePermitsAt(list, catalogueOf(HOST_CATEGORIES), q, q.at));
    if (decision.decision === "deny") expect(DenyReason.options).toContain(decision.reason);
    if (decision.provision !== undefined)
      expect(list.some((c) => c.id === decision.provision?.consentId && c.clientId === q.client)).toBe(true);
  });

  test.prop([consents, query, fc.infiniteStream(fc.nat())])(
    "order independence: any order of consents and provisions gives the same decision",
    (list, q, keys) => {
      const shuffle = <T>(items: readonly T[]): T[] =>
        items
          .map((item) => [keys.next().value, item] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, item]) => item);
      const reordered = shuffle(list).map((c) => ({ ...c, deny: shuffle(c.deny), categories: shuffle(c.categories) }));
      expect(JSON.stringify(evaluateConsent(reordered, q, options))).toBe(JSON.stringify(evaluateConsent(list, q, options)));
    },
  );

  test.prop([consents, query])("a deny provision that covers everything, signed on the latest day, denies everything", (list, q) => {
    const latest = [q.at, ...list.map((c) => c.signed)].sort().at(-1) as string;
    fc.pre(latest <= q.at);
    const blanket: ConsentInput = {
      id: "zz",
      clientId: q.client,
      status: "revoked",
      kind: "general",
      signed: latest,
      period: { start: latest },
      recipients: [],
      purposes: [],
      categories: [],
      deny: [{ id: "all" }],
    };
    const known = catalogueOf(HOST_CATEGORIES).some((c) => c.code === q.category);
    expect(evaluateConsent([...list, blanket], q, options)).toMatchObject({
      decision: "deny",
      reason: known ? "denied-by-provision" : "unknown-category",
    });
  });

  test.prop([consents, query, fc.constantFrom("active", "inactive", "revoked", "draft"), fc.integer({ min: 0, max: 3 }), nearDate])(
    "supersession: a consent replaced by a consent signed on or before the day, not a draft, permits nothing, whatever became of the replacement",
    (list, random, status, pick, signed) => {
      const replaced = list[pick % Math.max(1, list.length)];
      fc.pre(replaced !== undefined);
      // Ask about what the replaced consent lists, so that it would often permit were it not replaced.
      const q = {
        ...random,
        client: replaced.clientId,
        purpose: replaced.purposes[pick % Math.max(1, replaced.purposes.length)] ?? random.purpose,
        category: replaced.categories[pick % Math.max(1, replaced.categories.length)] ?? random.category,
      };
      const renewal: ConsentInput = {
        ...replaced,
        id: "renewal",
        status: status as ConsentInput["status"],
        signed,
        deny: [],
        lifts: [],
        replaces: [replaced.id],
      };
      const decision = evaluateConsent([...list, renewal], q, options);
      const supersedes = status !== "draft" && signed <= q.at && replaced.clientId === q.client;
      // Without the replaced consent's permission, the decision is the same: it contributes nothing.
      const withoutIt = list.map((c) => (c === replaced ? { ...c, status: "inactive" as const } : c));
      if (supersedes) {
        expect(decision.decision === "permit" && decision.provision?.consentId === replaced.id).toBe(false);
        expect(decision.decision).toBe(evaluateConsent([...withoutIt, renewal], q, options).decision);
      }
    },
  );

  test.prop([
    hostile(consents),
    hostile(query),
    hostileJson(["client", "recipient", "referrerId", "purpose", "category", "at", "dataDate", "categories", "code"]),
  ])("no leak: hostile consents, queries or options give a decision or an InvalidInputError without input text", (list, q, opts) => {
    expectNoLeak(() =>
      evaluateConsent(untyped(list), {
        client: "cl-1",
        recipient: { referrerId: "ref-a" },
        purpose: "COC",
        category: "attendance",
        at: "2026-11-23",
      }),
    );
    expectNoLeak(() => evaluateConsent([], untyped(q)));
    expectNoLeak(() =>
      evaluateConsent(
        [],
        { client: "cl-1", recipient: { referrerId: "ref-a" }, purpose: "COC", category: "attendance", at: "2026-11-23" },
        untyped(opts),
      ),
    );
  });
});

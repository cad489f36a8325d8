import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  composeUpdate,
  type ConsentInput,
  evaluateConsent,
  InvalidInputError,
  prepareConsents,
  type UpdateRequestInput,
} from "referwell/consent";
import { consentQuery as query, consents, HOST_CATEGORIES, NPI, updateRequest } from "../arbitraries/consent.js";
import { NPI_SYSTEM, npi, spellingOf } from "../arbitraries/identifiers.js";
import { indexedRecipients, isPrepared } from "../../src/consent/internal/preparedConsents.js";
import type { DenyProvision } from "../../src/consent/schemas.js";
import { expectNoLeak } from "../support/noLeak.js";
import { consentOf } from "../support/consentOf.js";

const RUNS = { numRuns: Number(process.env["CONSENT_RUNS"] ?? 2_000) };
const options = { categories: HOST_CATEGORIES };
const same = (a: unknown, b: unknown) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));
/** What a call threw, or what it returned. */
const thrownBy = (call: () => unknown): unknown => {
  try {
    return call();
  } catch (error) {
    return error;
  }
};

/** An identifier in one of three systems, in two spellings, so that a deny and a recipient may name one identity differently. */
const GMC = "https://www.gmc-uk.org";
const spelled = fc.oneof(
  npi.chain((value) => fc.tuple(fc.constant(NPI_SYSTEM), spellingOf(value), spellingOf(value))),
  fc
    .constantFrom("AB12345", "CD67890")
    .chain((value) => fc.tuple(fc.constantFrom(GMC, `${GMC}/`, "HTTPS://WWW.GMC-UK.ORG"), spellingOf(value), spellingOf(value))),
  fc.constantFrom("X-1", "Y-2").chain((value) => fc.tuple(fc.constant("https://ids.example/host"), spellingOf(value), spellingOf(value))),
);
/** A deny provision's many recipients and a recipient's identifiers drawn from the same few identities. */
const crowd = fc.record({
  identities: fc.array(spelled, { minLength: 1, maxLength: 6 }),
  named: fc.array(fc.tuple(fc.nat(), fc.boolean()), { minLength: 1, maxLength: 12 }),
  held: fc.array(fc.nat(), { maxLength: 4 }),
  referrers: fc.subarray(["ref-a", "ref-b", "ref-c"]),
  distinctReferrers: fc.boolean(),
});

const consent: ConsentInput = consentOf({
  deny: [{ id: "d1", recipients: [{ identifier: { system: NPI_SYSTEM, value: "1234567893" } }] }],
});
describe("prepared consents", () => {
  test.prop([consents, query], RUNS)("evaluateConsent decides a prepared list exactly as the list", (list, q) => {
    same(evaluateConsent(prepareConsents(list), q, options), evaluateConsent(list, q, options));
  });

  test.prop([updateRequest], { numRuns: Math.ceil(RUNS.numRuns / 4) })(
    "composeUpdate composes from a prepared list exactly as from the list",
    (request) => {
      same(composeUpdate({ ...request, consents: prepareConsents(request.consents) }), composeUpdate(request));
    },
  );

  test.prop([crowd], RUNS)(
    "a deny provision's indexed recipients reach exactly whom reading every entry reaches, in any spelling",
    ({ identities, named, held, referrers, distinctReferrers }) => {
      const pick = (index: number) => identities[index % identities.length] as [string, string, string];
      const entries = [
        ...referrers.map((referrerId) => ({ referrerId })),
        ...named.map(([index, second]) => {
          const [system, a, b] = pick(index);
          return { identifier: { system, value: second ? b : a } };
        }),
      ];
      const list: ConsentInput[] = [{ ...consent, deny: [{ id: "d1", recipients: entries }] }];
      const identifiers = held.map((index) => {
        const [system, , b] = pick(index);
        return { system, value: b };
      });
      const q = {
        client: "cl-1",
        recipient: { referrerId: "ref-a", identifiers },
        purpose: "COC",
        category: "attendance",
        at: "2026-11-23",
      } as const;
      same(evaluateConsent(prepareConsents(list), q, { distinctReferrers }), evaluateConsent(list, q, { distinctReferrers }));
    },
  );
});

const request: UpdateRequestInput = {
  kind: "progress",
  client: { id: "cl-1", displayName: "Jordan" },
  // They hold an NPI other than the one the deny names: a recipient holding none in its system would be denied (fail closed).
  recipient: { referrerId: "ref-a", name: "Dr Ada Park", identifiers: [{ ...NPI, value: "9876543213" }] },
  purpose: "COC",
  facts: [{ id: "f1", clientId: "cl-1", category: "attendance", text: "Attended.", recorded: "2026-11-20" }],
  consents: [consent],
  now: "2026-11-23",
};

describe("prepareConsents", () => {
  it("freezes its own copy all the way down and leaves the host's list as it was", () => {
    const list = [consent];
    const prepared = prepareConsents(list);
    expect(prepared).not.toBe(list);
    expect(prepared[0]).not.toBe(consent);
    expect(Object.isFrozen(prepared)).toBe(true);
    expect(Object.isFrozen(prepared[0]?.deny[0]?.recipients?.[0]?.identifier)).toBe(true);
    expect(() => (prepared[0]?.categories as string[]).push("diagnosis")).toThrow(TypeError);
    expect(Object.isFrozen(consent)).toBe(false);
    expect(Object.isFrozen(consent.deny)).toBe(false);
  });

  it("refuses what a consent list refuses, naming paths and never values", () => {
    const bad = { ...consent, status: "ZQXSECRET" } as unknown as ConsentInput;
    expect(expectNoLeak(() => prepareConsents([bad]))).toBe("rejected");
    expect(() => prepareConsents([bad])).toThrow(/consents\[0\]\.status/);
    expect(() => prepareConsents([consent, consent])).toThrow(InvalidInputError);
  });

  it("trusts only lists it prepared: a copy, or anything built to look like one, is validated again", () => {
    const prepared = prepareConsents([consent]);
    expect(isPrepared(prepared)).toBe(true);
    class Consents extends Array<unknown> {}
    for (const lookalike of [[...prepared], Object.freeze([...prepared]), new Proxy(prepared, {}), Object.freeze(Consents.from(prepared))])
      expect(isPrepared(lookalike)).toBe(false);
    // The index the calls read is there for a prepared provision, and only for one.
    expect(indexedRecipients(prepared[0]?.deny[0] as DenyProvision)).toBeDefined();
    expect(indexedRecipients(consent.deny?.[0] as DenyProvision)).toBeUndefined();
    const forged = Object.freeze([...prepared, Object.freeze({ ...consent, id: "c2", status: "ZQXSECRET" })]) as unknown as ConsentInput[];
    const q = { client: "cl-1", recipient: { referrerId: "ref-a" }, purpose: "COC", category: "attendance", at: "2026-11-23" } as const;
    expect(expectNoLeak(() => evaluateConsent(forged, q))).toBe("rejected");
    expect(expectNoLeak(() => composeUpdate({ ...request, consents: forged }))).toBe("rejected");
  });

  it("a request that is not a plain object of enumerable fields is validated whole, prepared consents and all", () => {
    const prepared = prepareConsents([consent]);
    const asArray = Object.assign([], { ...request, consents: prepared });
    expect(() => composeUpdate(asArray as unknown as UpdateRequestInput)).toThrow(/request.*wrong type|request/);
    expect(() => composeUpdate(asArray as unknown as UpdateRequestInput)).toThrow(InvalidInputError);
    const hidden = { ...request, consents: prepared };
    Object.defineProperty(hidden, "facts", { enumerable: false, value: request.facts });
    const plainHidden = { ...request };
    Object.defineProperty(plainHidden, "facts", { enumerable: false, value: request.facts });
    expect(JSON.stringify(thrownBy(() => composeUpdate(hidden)))).toBe(JSON.stringify(thrownBy(() => composeUpdate(plainHidden))));
    const inherited = Object.assign(Object.create({ facts: request.facts }) as object, {
      ...request,
      consents: prepared,
      facts: undefined,
    });
    delete (inherited as { facts?: unknown }).facts;
    const plainInherited = Object.assign(Object.create({ facts: request.facts }) as object, { ...request, facts: undefined });
    delete (plainInherited as { facts?: unknown }).facts;
    expect(JSON.stringify(thrownBy(() => composeUpdate(inherited as UpdateRequestInput)))).toBe(
      JSON.stringify(thrownBy(() => composeUpdate(plainInherited as UpdateRequestInput))),
    );
  });

  it("with prepared consents, a bad field elsewhere is refused without its value", () => {
    const prepared = prepareConsents([consent]);
    expect(
      expectNoLeak(() => composeUpdate({ ...request, consents: prepared, purpose: "ZQXSECRET" } as unknown as UpdateRequestInput)),
    ).toBe("rejected");
  });

  it("with prepared consents, the rest of a request is still validated, and a getter is called once", () => {
    const prepared = prepareConsents([consent]);
    expect(composeUpdate({ ...request, consents: prepared }).included).toEqual(["f1"]);
    expect(() => composeUpdate({ ...request, consents: prepared, now: "23/11/2026" })).toThrow(/request\.now/);
    expect(() => composeUpdate({ ...request, consents: prepared, extra: 1 } as unknown as UpdateRequestInput)).toThrow(InvalidInputError);
    let reads = 0;
    const withGetter = { ...request };
    Object.defineProperty(withGetter, "consents", {
      enumerable: true,
      get: () => {
        reads += 1;
        return prepared;
      },
    });
    expect(composeUpdate(withGetter).included).toEqual(["f1"]);
    expect(reads).toBe(1);
  });

  it("a deny provision of a prepared list binds the recipient it names in another spelling", () => {
    const recipient = { referrerId: "ref-a", identifiers: [{ system: `${NPI_SYSTEM}/`, value: "123-456 7893" }] };
    const q = { client: "cl-1", recipient, purpose: "COC", category: "attendance", at: "2026-11-23" } as const;
    expect(evaluateConsent(prepareConsents([consent]), q)).toMatchObject({ decision: "deny", reason: "denied-by-provision" });
    expect(
      evaluateConsent(prepareConsents([consent]), {
        ...q,
        recipient: { referrerId: "ref-a", identifiers: [{ ...NPI, value: "9876543213" }] },
      }).decision,
    ).toBe("permit");
  });
});

/** Compile-time contract of `referwell/consent`: typed inputs, and mistakes that do not compile. */
import { describe, expectTypeOf, test } from "vitest";
import {
  type ComposedUpdate,
  composeUpdate,
  type ConsentDecision,
  type ConsentInput,
  type ConsentQueryInput,
  evaluateConsent,
  type EvaluateOptionsInput,
  prepareConsents,
  type PreparedConsents,
  type UpdateRequestInput,
} from "referwell/consent";

const consent: ConsentInput = {
  id: "c1",
  clientId: "cl-01",
  status: "active",
  kind: "general",
  signed: "2026-06-01",
  period: { start: "2026-06-01" },
  recipients: [{ referrerId: "ref-a" }],
  purposes: ["COC"],
  categories: ["attendance"],
};
const query: ConsentQueryInput = {
  client: "cl-01",
  recipient: { referrerId: "ref-a" },
  purpose: "COC",
  category: "attendance",
  at: "2026-11-23",
};
const request: UpdateRequestInput = {
  kind: "progress",
  client: { id: "cl-01" },
  recipient: { referrerId: "ref-a", name: "Dr Lin" },
  purpose: "COC",
  facts: [],
  consents: [consent],
  now: "2026-11-23",
};

describe("referwell/consent", () => {
  test("parameters are the schemas' input types, results the output types", () => {
    expectTypeOf(evaluateConsent).parameters.toEqualTypeOf<[readonly ConsentInput[], ConsentQueryInput, EvaluateOptionsInput?]>();
    expectTypeOf(evaluateConsent).returns.toEqualTypeOf<ConsentDecision>();
    expectTypeOf(composeUpdate).parameters.toEqualTypeOf<
      [UpdateRequestInput | (Omit<UpdateRequestInput, "consents"> & { readonly consents: PreparedConsents })]
    >();
    expectTypeOf(prepareConsents).parameters.toEqualTypeOf<[readonly ConsentInput[]]>();
    expectTypeOf(prepareConsents).returns.toEqualTypeOf<PreparedConsents>();
    expectTypeOf(composeUpdate).returns.toEqualTypeOf<ComposedUpdate>();
  });

  test("a misspelled option key does not compile", () => {
    // @ts-expect-error: `timezone` is no option (`timeZone` is)
    evaluateConsent([consent], query, { timezone: "Europe/London" });
    // @ts-expect-error: `catgory` misspelled in the query
    evaluateConsent([consent], { ...query, catgory: "diagnosis" });
    // @ts-expect-error: `fact` is no key of a request (`facts` is)
    composeUpdate({ ...request, fact: [] });
    // @ts-expect-error: nor with prepared consents
    composeUpdate({ ...request, consents: prepareConsents([consent]), fact: [] });
  });

  test("swapped or wrong arguments do not compile", () => {
    // @ts-expect-error: the query first, the consents second
    evaluateConsent(query, [consent]);
    // @ts-expect-error: a purpose outside the schema's
    evaluateConsent([consent], { ...query, purpose: "GOSSIP" });
    // @ts-expect-error: a consent kind outside the schema's
    evaluateConsent([{ ...consent, kind: "everything" }], query);
    // @ts-expect-error: composeUpdate takes one request, not consents and a query
    composeUpdate([consent], query);
  });
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type ConsentInput, evaluateConsent, Identifier, prepareConsents } from "referwell/consent";
import { NPI_SYSTEM, npi, SEPARATORS, spellingOf } from "../arbitraries/identifiers.js";
import { consentOf } from "../support/consentOf.js";

const RUNS = { numRuns: Number(process.env["CONSENT_RUNS"] ?? 2_000) };
const GMC = "https://www.gmc-uk.org";

const consent = consentOf;
const ask = (consents: ConsentInput[], identifiers: { system: string; value: string }[], options = {}) =>
  evaluateConsent(
    consents,
    { client: "cl-1", recipient: { referrerId: "ref-a", identifiers }, purpose: "COC", category: "attendance", at: "2026-11-23" },
    options,
  );

/** A system and a value in it, with two spellings: NPIs, and a host system with letters. */
const withSpellings = (separators?: readonly string[]) =>
  fc.oneof(
    npi.chain((value) =>
      fc.tuple(fc.constant(NPI_SYSTEM), fc.constant(value), spellingOf(value, separators), spellingOf(value, separators)),
    ),
    fc
      .stringMatching(/^[A-Z]{2}\d{5}$/)
      .chain((value) => fc.tuple(fc.constant(GMC), fc.constant(value), spellingOf(value, separators), spellingOf(value, separators))),
  );
const identifierWithSpellings = withSpellings();

describe("recipients are matched as identities", () => {
  test.prop([identifierWithSpellings, fc.boolean()], RUNS)(
    "identifier-variant closure: a deny naming an identifier in any spelling binds a recipient holding it in any other, whether the permit names them by referrer id or by identifier",
    ([system, , deniedSpelling, heldSpelling], permitByIdentifier) => {
      // Both spellings are valid identifiers (an NPI's check digit survives its spelling).
      expect(Identifier.safeParse({ system, value: heldSpelling }).success).toBe(true);
      const held = [{ system, value: heldSpelling }];
      const permit = consent({
        recipients: permitByIdentifier ? [{ identifier: { system, value: heldSpelling } }] : [{ referrerId: "ref-a" }],
        deny: [{ id: "not-them", recipients: [{ identifier: { system, value: deniedSpelling } }] }],
      });
      const decision = ask([permit], held);
      expect([decision.decision, decision.reason]).toEqual(["deny", "denied-by-provision"]);
    },
  );

  test.prop([withSpellings(SEPARATORS)], RUNS)(
    "a permit naming an identifier in one spelling names its holder in every other",
    ([system, , a, b]) => {
      expect(ask([consent({ recipients: [{ identifier: { system, value: a } }] })], [{ system, value: b }]).reason).toBe("permitted");
    },
  );

  test.prop([npi, fc.boolean()], RUNS)(
    "a deny by referrer id binds a recipient the consents name only by identifier, unless the host declares its referrer records distinct",
    (value, distinct) => {
      const permit = consent({
        recipients: [{ identifier: { system: NPI_SYSTEM, value } }],
        deny: [{ id: "not-dr-b", recipients: [{ referrerId: "ref-b" }] }],
      });
      const decision = ask([permit], [{ system: NPI_SYSTEM, value }], { distinctReferrers: distinct });
      expect(decision.reason).toBe(distinct ? "permitted" : "recipient-identity-uncertain");
      // Named by referrer id, the recipient is the record the client named: the deny names another record.
      const byId = consent({ deny: [{ id: "not-dr-b", recipients: [{ referrerId: "ref-b" }] }] });
      expect(ask([byId], [{ system: NPI_SYSTEM, value }]).reason).toBe("permitted");
    },
  );

  // Values from a small alphabet of letters, digits, separators and look-alikes, so that spellings meet often.
  const spelling = fc
    .array(fc.constantFrom("1", "2", "a", "A", "ß", "s", "S", "ı", "i", "I", "Σ", "σ", "ς", "Β", "-", " ", ":", "+", "\u0661", "\uff11"), {
      minLength: 1,
      maxLength: 6,
    })
    .map((characters) => characters.join(""));
  const rule = fc.record({
    keep: fc.constantFrom("digits", "letters-and-digits", "all") as fc.Arbitrary<"digits" | "letters-and-digits" | "all">,
    case: fc.constantFrom("fold", "exact") as fc.Arbitrary<"fold" | "exact">,
  });
  test.prop([spelling, spelling, fc.option(rule, { nil: undefined }), fc.boolean(), fc.boolean()], RUNS)(
    "whatever a permit takes for one identifier, a deny naming it takes too, by any rule, prepared or not",
    (named, held, hostRule, permitByIdentifier, prepared) => {
      const system = GMC;
      const options = hostRule === undefined ? {} : { identifierSystems: [{ system, ...hostRule }] };
      if (!Identifier.safeParse({ system, value: named }).success || !Identifier.safeParse({ system, value: held }).success) return;
      const holding = [{ system, value: held }];
      if (ask([consent({ recipients: [{ identifier: { system, value: named } }] })], holding, options).reason !== "permitted") return;
      const denying = [
        consent({
          recipients: permitByIdentifier ? [{ identifier: { system, value: named } }] : [{ referrerId: "ref-a" }],
          deny: [{ id: "not-them", recipients: [{ identifier: { system, value: named } }] }],
        }),
      ];
      const decision = ask(prepared ? (prepareConsents(denying) as unknown as ConsentInput[]) : denying, holding, options);
      expect([decision.decision, decision.reason]).toEqual(["deny", "denied-by-provision"]);
    },
  );
});

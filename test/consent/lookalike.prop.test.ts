import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { type ConsentInput, evaluateConsent, type EvaluateOptionsInput, prepareConsents } from "referwell/consent";
import { consentOf } from "../support/consentOf.js";

const RUNS = { numRuns: Number(process.env["CONSENT_RUNS"] ?? 1_000) };
/** Characters with no visible form: zero-width space, joiner and non-joiner, soft hyphen, a variation selector, a word joiner. */
const INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u00ad", "\ufe0f", "\u2060"];

/** A referrer id as a host writes one: lower-case letters, digits and hyphens, sometimes an accented letter or ß. */
const id = fc
  .array(fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-", "\u00e9", "\u00df", "\u00f1"), { minLength: 1, maxLength: 12 })
  .map((characters) => `r${characters.join("")}`);

/** One way to write a character so that it reads the same. */
type Respelling = "as-is" | "upper" | "full-width" | "invisible-after" | "decomposed";
const respelling = fc.constantFrom<Respelling>("as-is", "upper", "full-width", "invisible-after", "decomposed");

/** The id written again, each character respelled as drawn; `canonical` when every respelling keeps the same NFC text. */
const lookalike = id.chain((plain) =>
  fc
    .tuple(fc.array(respelling, { minLength: plain.length, maxLength: plain.length }), fc.nat(INVISIBLE.length - 1))
    .map(([ways, invisible]) => {
      const written = [...plain]
        .map((character, index) => {
          const way = ways[index];
          if (way === "upper") return character === "\u00df" ? (invisible % 2 === 0 ? "SS" : "\u1e9e") : character.toUpperCase();
          if (way === "full-width" && /[a-z0-9]/.test(character))
            return String.fromCodePoint((character.codePointAt(0) as number) + 0xfee0);
          if (way === "invisible-after") return character + (INVISIBLE[invisible] as string);
          if (way === "decomposed") return character.normalize("NFD");
          return character;
        })
        .join("");
      return { plain, written };
    }),
);

const ask = (consents: readonly ConsentInput[], referrerId: string, options: EvaluateOptionsInput) =>
  evaluateConsent(
    consents,
    { client: "cl-1", recipient: { referrerId }, purpose: "COC", category: "attendance", at: "2026-11-23" },
    { distinctReferrers: true, ...options },
  );

describe("ids that read the same are one id to a restriction", () => {
  test.prop([lookalike, fc.boolean()], RUNS)(
    "a deny written under any lookalike spelling binds the referrer, scanned and prepared; compared canonically, only the same NFC text does",
    ({ plain, written }, prepared) => {
      const consents = [
        consentOf({ recipients: [{ referrerId: plain }], deny: [{ id: "not-them", recipients: [{ referrerId: written }] }] }),
      ];
      const list = prepared ? prepareConsents(consents) : consents;
      expect(ask(list, plain, {}).reason).toBe("denied-by-provision");
      const same = written.normalize("NFC") === plain.normalize("NFC");
      expect(ask(list, plain, { restrictionIds: "canonical" }).reason).toBe(same ? "denied-by-provision" : "permitted");
    },
  );

  test.prop([lookalike], RUNS)(
    "a permit compares exactly: one written in another spelling permits no one under the plain id",
    ({ plain, written }) => {
      const decision = ask([consentOf({ recipients: [{ referrerId: written }] })], plain, {});
      expect(decision.decision).toBe(written === plain ? "permit" : "deny");
    },
  );

  it("the spellings generated are mostly other text, and often not the same NFC text", () => {
    const samples = fc.sample(lookalike, { numRuns: 500, seed: 11 });
    expect(samples.filter(({ plain, written }) => plain !== written).length).toBeGreaterThan(400);
    expect(samples.filter(({ plain, written }) => plain.normalize("NFC") !== written.normalize("NFC")).length).toBeGreaterThan(300);
  });
});

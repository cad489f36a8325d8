import { describe, expect, it } from "vitest";
import { InvalidInputError } from "referwell";
import { type Consent, evaluateConsent } from "referwell/consent";
import { untyped } from "../support/untyped.js";

type ConsentInput = Omit<Consent, "deny" | "lifts" | "replaces"> & {
  deny?: Consent["deny"];
  lifts?: Consent["lifts"];
  replaces?: Consent["replaces"];
};

const consent = (changes: Partial<ConsentInput> = {}): ConsentInput => ({
  id: "c1",
  clientId: "cl-1",
  status: "active",
  kind: "general",
  signed: "2026-06-01",
  period: { start: "2026-06-01", end: "2026-12-31" },
  recipients: [{ referrerId: "ref-a" }],
  purposes: ["COC"],
  categories: ["acknowledgement", "attendance", "diagnosis", "psychotherapy-note", "substance-use", "sud-counselling-note"],
  ...changes,
});

interface Ask {
  category?: string;
  at?: string;
  recipient?: { referrerId: string; identifiers?: { system: string; value: string }[] };
  purpose?: string;
  dataDate?: string;
  client?: string;
}
const ask = (
  consents: unknown[],
  { category = "attendance", at = "2026-11-23", recipient = { referrerId: "ref-a" }, purpose = "COC", dataDate, client = "cl-1" }: Ask = {},
  options?: unknown,
) =>
  evaluateConsent(
    untyped(consents),
    untyped({ client, recipient, purpose, category, at, ...(dataDate === undefined ? {} : { dataDate }) }),
    untyped(options),
  );
const reason = (consents: unknown[], query: Ask = {}) => ask(consents, query).reason;

describe("a single consent", () => {
  it("permits what it names, and says which consent", () => {
    expect(ask([consent()])).toEqual({
      decision: "permit",
      reason: "permitted",
      provision: { consentId: "c1" },
      text: "A consent in force permits this disclosure.",
    });
  });

  it("names a recipient by referrer id or by an identifier the host holds", () => {
    const npi = { system: "http://hl7.org/fhir/sid/us-npi", value: "1234567893" };
    const byNpi = consent({ recipients: [{ identifier: npi }] });
    expect(reason([byNpi], { recipient: { referrerId: "ref-z", identifiers: [npi] } })).toBe("permitted");
    expect(reason([byNpi], { recipient: { referrerId: "ref-z", identifiers: [{ ...npi, value: "9876543213" }] } })).toBe("other-recipient");
    expect(reason([byNpi], { recipient: { referrerId: "ref-z", identifiers: [{ ...npi, system: "urn:other" }] } })).toBe("other-recipient");
  });

  it("is in force from the first to the last day of its period, both inclusive", () => {
    const bounded = [consent({ signed: "2026-01-01", period: { start: "2026-03-01", end: "2026-03-31" } })];
    expect(reason(bounded, { at: "2026-02-28" })).toBe("not-yet-in-force");
    expect(reason(bounded, { at: "2026-03-01" })).toBe("permitted");
    expect(reason(bounded, { at: "2026-03-31" })).toBe("permitted");
    expect(reason(bounded, { at: "2026-04-01" })).toBe("expired");
    expect(reason([consent({ period: { start: "2026-06-01" } })], { at: "2099-12-31" })).toBe("permitted");
  });

  it("without a time zone, permits an instant only if every day it may fall on (UTC−12 to UTC+14) is permitted", () => {
    const bounded = [consent({ period: { start: "2026-06-01", end: "2026-12-31" } })];
    // 23:30 at UTC−8 is already 1 January east of UTC−7.
    expect(reason(bounded, { at: "2026-12-31T23:30:00-08:00" })).toBe("expired");
    expect(ask(bounded, { at: "2026-12-31T23:30:00-08:00" }, { timeZone: "America/Los_Angeles" }).reason).toBe("permitted");
    expect(reason(bounded, { at: "2027-01-01T00:30:00+13:00" })).toBe("expired");
    // Noon UTC is the same day from UTC−12 to UTC+11, and the next at UTC+12 to +14: a consent starting that day may not be in force yet anywhere west.
    expect(reason([consent({ period: { start: "2026-06-01", end: "2026-12-31" } })], { at: "2026-12-30T08:00:00Z" })).toBe("permitted");
    expect(reason([consent({ signed: "2026-01-01", period: { start: "2026-12-01" } })], { at: "2026-12-01T08:00:00Z" })).toBe(
      "not-yet-in-force",
    );
    expect(reason([consent({ signed: "2026-01-01", period: { start: "2026-12-01" } })], { at: "2026-12-01T13:00:00Z" })).toBe("permitted");
  });

  it("with a time zone, reads an instant as its local date there; without one, as written", () => {
    const endsToday = [consent({ period: { start: "2026-06-01", end: "2026-11-23" } })];
    // 22:00 UTC on the 23rd is 09:00 on the 24th in Sydney (UTC+11 in November).
    expect(reason(endsToday, { at: "2026-11-23T22:00:00Z" })).toBe("expired");
    expect(ask(endsToday, { at: "2026-11-23T22:00:00Z" }, { timeZone: "Europe/London" }).reason).toBe("permitted");
    expect(ask(endsToday, { at: "2026-11-23T22:00:00Z" }, { timeZone: "Australia/Sydney" }).reason).toBe("expired");
    expect(ask(endsToday, { at: "2026-11-24T07:00:00+11:00" }, { timeZone: "America/Los_Angeles" }).reason).toBe("permitted");
    expect(ask(endsToday, { at: "2026-11-23" }, { timeZone: "Australia/Sydney" }).reason).toBe("permitted");
    expect(() => ask(endsToday, {}, { timeZone: "Mars/Olympus_Mons" })).toThrow(InvalidInputError);
  });

  it("counts from the day it is signed", () => {
    const backdated = [consent({ signed: "2026-11-24", period: { start: "2026-11-01" } })];
    expect(reason(backdated, { at: "2026-11-23" })).toBe("not-yet-signed");
    expect(reason(backdated, { at: "2026-11-24" })).toBe("permitted");
  });

  it("permits nothing as a draft or once revoked", () => {
    expect(reason([consent({ status: "draft" })])).toBe("draft");
    expect(reason([consent({ status: "revoked" })])).toBe("revoked");
  });

  it("permits only its recipients, purposes and categories; an empty list permits nothing", () => {
    expect(reason([consent()], { recipient: { referrerId: "ref-b" } })).toBe("other-recipient");
    expect(reason([consent()], { purpose: "TREAT" })).toBe("other-purpose");
    expect(reason([consent()], { category: "medication" })).toBe("category-not-permitted");
    expect(reason([consent({ recipients: [] })])).toBe("other-recipient");
    expect(reason([consent({ purposes: [] })])).toBe("other-purpose");
    expect(reason([consent({ categories: [] })])).toBe("category-not-permitted");
  });

  it("matches purposes exactly: TREAT does not cover COC", () => {
    expect(reason([consent({ purposes: ["TREAT"] })], { purpose: "COC" })).toBe("other-purpose");
  });

  it("denies a category no one defines, and a client with no consent", () => {
    expect(ask([consent()], { category: "astrology" })).toEqual({
      decision: "deny",
      reason: "unknown-category",
      text: "Neither the library nor the host defines this category.",
    });
    expect(ask([])).toEqual({ decision: "deny", reason: "no-consent", text: "The client has given no consent." });
    expect(reason([consent({ clientId: "cl-2" })])).toBe("no-consent");
  });

  it("limits the data period when it has one; information with no date is not covered", () => {
    const limited = [consent({ dataPeriod: { start: "2026-09-01", end: "2026-10-31" } })];
    expect(reason(limited, { dataDate: "2026-09-01" })).toBe("permitted");
    expect(reason(limited, { dataDate: "2026-10-31" })).toBe("permitted");
    expect(reason(limited, { dataDate: "2026-11-01" })).toBe("data-outside-period");
    expect(reason(limited, { dataDate: "2026-08-31" })).toBe("data-outside-period");
    expect(reason(limited)).toBe("data-date-unknown");
  });
});

describe("the note firewall", () => {
  const pn = consent({ id: "pn", kind: "psychotherapy-note", categories: ["psychotherapy-note"] });

  it("a general consent never unlocks psychotherapy notes, SUD counselling notes or Part 2 records, even when it lists them", () => {
    for (const category of ["psychotherapy-note", "sud-counselling-note", "substance-use"]) {
      expect(reason([consent()], { category })).toBe("needs-specific-authorization");
    }
  });

  it("a specific, in-date authorization of that kind for that recipient does", () => {
    expect(ask([consent(), pn], { category: "psychotherapy-note" }).provision).toEqual({ consentId: "pn" });
    const counselling = consent({ id: "sc", kind: "sud-counselling-note", categories: ["sud-counselling-note"] });
    expect(reason([counselling], { category: "sud-counselling-note" })).toBe("permitted");
    const part2 = consent({ id: "p2", kind: "sud-records", categories: ["substance-use"] });
    expect(reason([part2], { category: "substance-use" })).toBe("permitted");
  });

  it("an authorization of another kind does not: Part 2 consent for counselling notes, note authorization for Part 2 records", () => {
    const part2 = consent({ id: "p2", kind: "sud-records", categories: ["sud-counselling-note", "substance-use"] });
    expect(reason([part2], { category: "sud-counselling-note" })).toBe("needs-specific-authorization");
    expect(reason([pn], { category: "substance-use" })).toBe("needs-specific-authorization");
  });

  it("a specific authorization permits nothing but its kind (45 CFR 164.508(b)(3)(ii))", () => {
    expect(reason([consent({ kind: "psychotherapy-note" })], { category: "attendance" })).toBe("category-not-permitted");
  });

  it("an expired, revoked or other recipient's authorization does not", () => {
    expect(reason([consent({ ...pn, period: { start: "2026-06-01", end: "2026-11-22" } })], { category: "psychotherapy-note" })).toBe(
      "expired",
    );
    expect(reason([consent({ ...pn, status: "revoked" })], { category: "psychotherapy-note" })).toBe("revoked");
    expect(reason([consent({ ...pn, recipients: [{ referrerId: "ref-b" }] })], { category: "psychotherapy-note" })).toBe("other-recipient");
  });
});

describe("deny provisions and combining consents: deny overrides every permit unless lifted by name", () => {
  it("a nested deny excludes what its own consent permits, and names itself", () => {
    const withDeny = consent({ deny: [{ id: "no-dx", categories: ["diagnosis"] }] });
    expect(ask([withDeny], { category: "diagnosis" })).toEqual({
      decision: "deny",
      reason: "denied-by-provision",
      provision: { consentId: "c1", provisionId: "no-dx" },
      text: "A deny provision of the client's consent excludes it.",
    });
    expect(reason([withDeny], { category: "attendance" })).toBe("permitted");
  });

  it("a deny narrows by recipient, purpose and data period; a list left out means all", () => {
    const deny = (provision: Record<string, unknown>) => [consent({ deny: [{ id: "d", ...provision }] })];
    expect(reason(deny({ recipients: [{ referrerId: "ref-b" }] }))).toBe("permitted");
    expect(reason(deny({ recipients: [{ referrerId: "ref-a" }] }))).toBe("denied-by-provision");
    expect(reason(deny({ purposes: ["HPAYMT"] }))).toBe("permitted");
    // Coordination of care is a kind of treatment (HL7 v3 ActReason): a deny for treatment reaches it; one for it does not reach treatment.
    expect(reason(deny({ purposes: ["TREAT"] }))).toBe("denied-by-provision");
    expect(reason(deny({ purposes: ["HOPERAT"] }), { purpose: "CAREMGT" })).toBe("denied-by-provision");
    // Emergency treatment is treatment, and so is care management (HIPAA's treatment includes the management of care).
    expect(reason(deny({ purposes: ["TREAT"] }), { purpose: "ETREAT" })).toBe("denied-by-provision");
    expect(reason(deny({ purposes: ["TREAT"] }), { purpose: "CAREMGT" })).toBe("denied-by-provision");
    expect(reason(deny({ purposes: ["HPAYMT"] }), { purpose: "CAREMGT" })).not.toBe("denied-by-provision");
    expect(reason([consent({ purposes: ["TREAT"], deny: [{ id: "d", purposes: ["COC"] }] })], { purpose: "TREAT" })).toBe("permitted");
    expect(reason(deny({}))).toBe("denied-by-provision");
    // An empty list would match nothing, a restriction that silently does nothing: it is rejected.
    for (const key of ["recipients", "purposes", "categories"]) {
      let issues: unknown;
      try {
        ask(deny({ [key]: [] }));
      } catch (error) {
        issues = (error as InvalidInputError).issues;
      }
      expect(issues).toEqual([expect.objectContaining({ path: [0, "deny", 0, key], code: "too-small" })]);
    }
    const period = { dataPeriod: { start: "2026-10-01", end: "2026-10-31" } };
    expect(reason(deny(period), { dataDate: "2026-10-31" })).toBe("denied-by-provision");
    expect(reason(deny(period), { dataDate: "2026-11-01" })).toBe("permitted");
    // Information with no date may be inside the period: the deny applies.
    expect(reason(deny(period))).toBe("denied-by-provision");
  });

  it("a deny naming an identifier also binds a recipient with no identifier in that system (fail closed); permits do not", () => {
    const npi = { system: "http://hl7.org/fhir/sid/us-npi", value: "1234567893" };
    const gmc = { system: "https://www.gmc-uk.org", value: "7654321" };
    const denying = [consent({ deny: [{ id: "not-this-npi", recipients: [{ identifier: npi }] }] })];
    expect(reason(denying, { recipient: { referrerId: "ref-a" } })).toBe("denied-by-provision");
    expect(reason(denying, { recipient: { referrerId: "ref-a", identifiers: [gmc] } })).toBe("denied-by-provision");
    expect(reason(denying, { recipient: { referrerId: "ref-a", identifiers: [npi] } })).toBe("denied-by-provision");
    // Known by another identifier in the same system: not the one denied.
    expect(reason(denying, { recipient: { referrerId: "ref-a", identifiers: [{ ...npi, value: "9876543213" }] } })).toBe("permitted");
    // A permit by identifier still needs the recipient to hold it.
    expect(reason([consent({ recipients: [{ identifier: npi }] })], { recipient: { referrerId: "ref-a" } })).toBe("other-recipient");
  });

  it("a later consent's deny overrides an earlier consent's permit", () => {
    const earlier = consent({ id: "a", signed: "2026-06-01" });
    const later = consent({
      id: "b",
      signed: "2026-09-01",
      categories: ["attendance"],
      deny: [{ id: "no-dx", categories: ["diagnosis"] }],
    });
    expect(ask([earlier, later], { category: "diagnosis" }).provision).toEqual({ consentId: "b", provisionId: "no-dx" });
  });

  it("a later renewal that does not name the restriction keeps it (45 CFR 164.522(a)(2))", () => {
    const earlier = consent({ id: "a", signed: "2026-06-01", deny: [{ id: "no-dx", categories: ["diagnosis"] }] });
    const renewal = consent({ id: "b", signed: "2026-09-01", categories: ["diagnosis"] });
    expect(ask([earlier, renewal], { category: "diagnosis" }).provision).toEqual({ consentId: "a", provisionId: "no-dx" });
    expect(ask([{ ...earlier, status: "revoked" }, renewal], { category: "diagnosis" }).provision).toEqual({
      consentId: "a",
      provisionId: "no-dx",
    });
    expect(ask([{ ...earlier, period: { start: "2026-06-01", end: "2026-07-01" } }, renewal], { category: "diagnosis" }).reason).toBe(
      "denied-by-provision",
    );
  });

  it("a later, active consent in force ends a restriction only by naming it in `lifts`", () => {
    const earlier = consent({ id: "a", signed: "2026-06-01", deny: [{ id: "no-dx", categories: ["diagnosis"] }] });
    const lifting = (changes: Partial<ConsentInput> = {}) =>
      consent({ id: "b", signed: "2026-09-01", lifts: [{ consentId: "a", provisionId: "no-dx" }], ...changes });
    expect(ask([earlier, lifting()], { category: "diagnosis" }).provision).toEqual({ consentId: "b" });
    // Not when it names another provision, is not later, is revoked or a draft, or is not in force.
    expect(reason([earlier, lifting({ lifts: [{ consentId: "a", provisionId: "other" }] })], { category: "diagnosis" })).toBe(
      "denied-by-provision",
    );
    expect(reason([earlier, lifting({ signed: "2026-06-01" })], { category: "diagnosis" })).toBe("denied-by-provision");
    expect(reason([earlier, lifting({ status: "revoked" })], { category: "diagnosis" })).toBe("denied-by-provision");
    expect(reason([earlier, lifting({ status: "draft" })], { category: "diagnosis" })).toBe("denied-by-provision");
    expect(
      reason([earlier, lifting({ period: { start: "2026-09-01", end: "2026-10-01" } }), consent({ id: "c", signed: "2026-10-02" })], {
        category: "diagnosis",
      }),
    ).toBe("denied-by-provision");
    // A consent that lifts without permitting: another consent permits once the restriction is gone.
    expect(ask([earlier, lifting({ categories: [] })], { category: "diagnosis" }).provision).toEqual({ consentId: "a" });
  });

  it("on the same day, the deny wins", () => {
    const permit = consent({ id: "a", signed: "2026-09-01" });
    const deny = consent({ id: "b", signed: "2026-09-01", categories: [], deny: [{ id: "no-dx", categories: ["diagnosis"] }] });
    expect(reason([permit, deny], { category: "diagnosis" })).toBe("denied-by-provision");
  });

  it("a revoked consent's deny still binds; a draft's, or one signed later, does not", () => {
    const permit = consent({ id: "a", signed: "2026-06-01" });
    const denying = (changes: Partial<ConsentInput>) =>
      consent({ id: "b", signed: "2026-09-01", deny: [{ id: "no-dx", categories: ["diagnosis"] }], ...changes });
    expect(reason([permit, denying({ status: "revoked" })], { category: "diagnosis" })).toBe("denied-by-provision");
    expect(reason([permit, denying({ status: "draft" })], { category: "diagnosis" })).toBe("permitted");
    expect(reason([permit, denying({ signed: "2026-12-01", period: { start: "2026-12-01" } })], { category: "diagnosis" })).toBe(
      "permitted",
    );
    // An expired consent's deny still binds: the period bounds its permission, not the client's restriction.
    expect(reason([permit, denying({ period: { start: "2026-09-01", end: "2026-10-01" } })], { category: "diagnosis" })).toBe(
      "denied-by-provision",
    );
  });

  it("relies on the latest signed consent that permits, ties by id", () => {
    const consents = [
      consent({ id: "b", signed: "2026-07-01" }),
      consent({ id: "a", signed: "2026-07-01" }),
      consent({ id: "c", signed: "2026-06-01" }),
    ];
    expect(ask(consents).provision).toEqual({ consentId: "a" });
  });

  it("when none permits, reports the consent that came closest", () => {
    const otherRecipient = consent({ id: "a", recipients: [{ referrerId: "ref-b" }] });
    const otherPurpose = consent({ id: "b", purposes: ["TREAT"] });
    expect(ask([otherRecipient, otherPurpose])).toMatchObject({ reason: "other-purpose", provision: { consentId: "b" } });
    expect(ask([consent({ id: "z", status: "draft" }), consent({ id: "y", status: "revoked" })])).toMatchObject({
      reason: "revoked",
      provision: { consentId: "y" },
    });
  });

  it("does not depend on the order of the consents or their provisions", () => {
    const consents = [
      consent({ id: "a", signed: "2026-06-01", deny: [{ id: "d2", categories: ["attendance"] }, { id: "d1" }] }),
      consent({ id: "b", signed: "2026-06-01", purposes: ["TREAT", "COC"] }),
      consent({ id: "c", signed: "2026-08-01", categories: ["attendance"] }),
    ];
    const reversed = [...consents].reverse().map((c) => ({ ...c, deny: [...(c.deny ?? [])].reverse() }));
    for (const category of ["attendance", "diagnosis", "psychotherapy-note"])
      expect(ask(reversed, { category })).toEqual(ask(consents, { category }));
    expect(ask(consents, { category: "diagnosis" }).provision).toEqual({ consentId: "a", provisionId: "d1" });
  });
});

describe("host categories", () => {
  const hiv = { code: "hiv-status", label: "HIV status", confidentiality: "R", sensitivity: ["HIV"] };

  it("are permitted like the built-in ones", () => {
    expect(reason([consent({ categories: ["hiv-status"] })], { category: "hiv-status" })).toBe("unknown-category");
    expect(ask([consent({ categories: ["hiv-status"] })], { category: "hiv-status" }, { categories: [hiv] }).reason).toBe("permitted");
  });

  it("cannot redefine a built-in category or label a psychotherapy note as general", () => {
    const issues = (categories: unknown) => {
      try {
        ask([consent()], {}, { categories });
      } catch (error) {
        return (error as InvalidInputError).issues;
      }
      return [];
    };
    expect(issues([{ ...hiv, code: "psychotherapy-note", authorization: "general" }])).toEqual([
      expect.objectContaining({ path: ["categories", 0, "code"], code: "reserved-code" }),
    ]);
    expect(issues([{ ...hiv, sensitivity: ["PSYTHPN"] }])).toEqual([
      expect.objectContaining({ path: ["categories", 0, "authorization"], code: "sensitivity-needs-authorization" }),
    ]);
    expect(issues([hiv, hiv])).toEqual([expect.objectContaining({ path: ["categories", 1, "code"], code: "duplicate-id" })]);
  });

  it("must carry the labels their authorization kind implies, and a general category cannot carry SUD or PSYTHPN", () => {
    const issues = (category: Record<string, unknown>) => {
      try {
        ask([consent()], {}, { categories: [{ code: "host-x", label: "X", ...category }] });
      } catch (error) {
        return (error as InvalidInputError).issues;
      }
      return [];
    };
    const labels = [expect.objectContaining({ path: ["categories", 0, "sensitivity"], code: "authorization-needs-labels" })];
    // A psychotherapy note is V and carries PSYTHPN.
    expect(issues({ confidentiality: "V", sensitivity: ["PSYTHPN"], authorization: "psychotherapy-note" })).toEqual([]);
    expect(issues({ confidentiality: "N", sensitivity: ["PSYTHPN"], authorization: "psychotherapy-note" })).toEqual([
      expect.objectContaining({ path: ["categories", 0, "confidentiality"], code: "authorization-needs-labels" }),
    ]);
    expect(issues({ confidentiality: "V", sensitivity: [], authorization: "psychotherapy-note" })).toEqual(labels);
    // SUD counselling notes and Part 2 records carry Part 2 labels (SUD, ETH, or the host's part2: true), and are never N.
    expect(issues({ confidentiality: "V", sensitivity: ["SUD"], authorization: "sud-counselling-note" })).toEqual([]);
    expect(issues({ confidentiality: "V", sensitivity: ["ETH"], authorization: "sud-counselling-note" })).toEqual([]);
    expect(issues({ confidentiality: "R", sensitivity: ["SUD", "ETH"], authorization: "sud-records" })).toEqual([]);
    expect(issues({ confidentiality: "R", part2: true, authorization: "sud-records" })).toEqual([]);
    expect(issues({ confidentiality: "R", authorization: "sud-records" })).toEqual(labels);
    expect(issues({ confidentiality: "R", sensitivity: ["BH"], authorization: "sud-counselling-note" })).toEqual([
      ...labels,
      expect.objectContaining({ path: ["categories", 0, "confidentiality"], code: "authorization-needs-labels" }),
    ]);
    const notNormal = [expect.objectContaining({ path: ["categories", 0, "confidentiality"], code: "authorization-needs-labels" })];
    expect(issues({ confidentiality: "N", sensitivity: ["SUD"], authorization: "sud-records" })).toEqual(notNormal);
    expect(issues({ confidentiality: "N", sensitivity: ["SUD"], authorization: "sud-counselling-note" })).toEqual(notNormal);
    expect(issues({ confidentiality: "R", sensitivity: ["SUD"], authorization: "sud-counselling-note" })).toEqual(notNormal);
    // Part 2 or PSYTHPN labels on a category another kind unlocks would let that kind's consent unlock it.
    const needs = [expect.objectContaining({ path: ["categories", 0, "authorization"], code: "sensitivity-needs-authorization" })];
    expect(issues({ confidentiality: "R", sensitivity: ["SUD"] })).toEqual(needs);
    expect(issues({ confidentiality: "R", sensitivity: ["ETH"] })).toEqual(needs);
    expect(issues({ confidentiality: "R", sensitivity: ["BH"], part2: true })).toEqual(needs);
    expect(issues({ confidentiality: "V", sensitivity: ["SUD", "PSYTHPN"], authorization: "psychotherapy-note" })).toEqual(needs);
    expect(issues({ confidentiality: "V", sensitivity: ["SUD"], authorization: "psychotherapy-note" })).toEqual([...needs, ...labels]);
    expect(issues({ confidentiality: "V", sensitivity: ["PSYTHPN"], authorization: "general" })).toEqual(needs);
  });
});

describe("invalid input", () => {
  const rejection = (call: () => unknown) => {
    try {
      call();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      return { message: (error as Error).message, issues: (error as InvalidInputError).issues };
    }
    throw new Error("expected a rejection");
  };

  it("names the path and rule of every issue, never a value", () => {
    const bad = rejection(() => ask([consent({ id: "secret-consent", status: "pending" as "active" })]));
    expect(bad.issues).toEqual([expect.objectContaining({ path: [0, "status"], code: "invalid-value" })]);
    expect(bad.message).toBe(
      "Invalid consents: 1 issue: consents[0].status is not one of the allowed values (expected one of [draft, active, inactive, revoked])",
    );
    const twice = rejection(() => ask([consent({ id: "secret-consent" }), consent({ id: "secret-consent" })]));
    expect(twice.issues).toEqual([expect.objectContaining({ path: [1, "id"], code: "duplicate-id" })]);
    expect(twice.message).not.toContain("secret");
  });

  it("needs exactly one of referrer id and identifier in a consent's recipient", () => {
    const both = consent({ recipients: [{ referrerId: "ref-a", identifier: { system: "s", value: "v" } }] });
    expect(rejection(() => ask([both])).issues).toEqual([
      expect.objectContaining({ path: [0, "recipients", 0, "referrerId"], code: "exactly-one-required" }),
    ]);
  });

  it("checks the query: a date for `at`, a known purpose, a client", () => {
    expect(
      rejection(() =>
        evaluateConsent([], untyped({ recipient: { referrerId: "ref-a" }, purpose: "GOSSIP", category: "attendance", at: "today" })),
      ).issues,
    ).toEqual([
      expect.objectContaining({ path: ["client"], code: "required" }),
      expect.objectContaining({ path: ["purpose"], code: "invalid-value" }),
      expect.objectContaining({ path: ["at"], code: "invalid-format" }),
    ]);
  });
});

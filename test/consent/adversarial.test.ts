import { describe, expect, it } from "vitest";
import { InvalidInputError } from "referwell";
import {
  composeUpdate,
  type ConsentInput,
  type ConsentQueryInput,
  evaluateConsent,
  type EvaluateOptionsInput,
  part2RedisclosureNotice,
  prepareConsents,
  type UpdateRequestInput,
} from "referwell/consent";
import { consentOf } from "../support/consentOf.js";

// Adversarial consents: each class of way around the firewall, with the decision the engine must give.

const NPI = "http://hl7.org/fhir/sid/us-npi";
const GMC = "https://www.gmc-uk.org";

const consent = (changes: Partial<ConsentInput> = {}): ConsentInput =>
  consentOf(
    {
      period: { start: "2026-06-01", end: "2027-05-31" },
      purposes: ["COC", "TREAT", "ETREAT"],
      categories: ["acknowledgement", "attendance", "diagnosis"],
    },
    changes,
  );
const query = (changes: Partial<ConsentQueryInput> = {}): ConsentQueryInput => ({
  client: "cl-1",
  recipient: { referrerId: "ref-a" },
  purpose: "COC",
  category: "attendance",
  at: "2026-11-23",
  ...changes,
});
const decide = (consents: ConsentInput[], changes: Partial<ConsentQueryInput> = {}, options: EvaluateOptionsInput = {}) => {
  const decision = evaluateConsent(consents, query(changes), options);
  return `${decision.decision} ${decision.reason}`;
};
const issueCodes = (call: () => unknown): string[] => {
  try {
    call();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues.map((issue) => issue.code);
    throw error;
  }
  return [];
};
const request = (changes: Partial<UpdateRequestInput> = {}): UpdateRequestInput => ({
  kind: "progress",
  client: { id: "cl-1", displayName: "Jordan" },
  recipient: { referrerId: "ref-a", name: "Dr Ada Park" },
  purpose: "COC",
  facts: [{ id: "a", clientId: "cl-1", category: "attendance", text: "Attended.", recorded: "2026-11-20" }],
  consents: [consent()],
  now: "2026-11-23",
  ...changes,
});

describe("adversarial consents: labels decide the safeguards", () => {
  const host = (category: Record<string, unknown>) => ({ categories: [{ code: "host-x", label: "Host", ...category }] as never });

  it.each([
    [
      "SUD labelled, unlocked by a psychotherapy-note authorization",
      { confidentiality: "V", sensitivity: ["SUD"], authorization: "psychotherapy-note" },
    ],
    ["ETH labelled, general by default", { confidentiality: "R", sensitivity: ["ETH"] }],
    ["declared Part 2 by the host, general", { confidentiality: "R", part2: true }],
    ["PSYTHPN labelled, unlocked by a Part 2 consent", { confidentiality: "V", sensitivity: ["PSYTHPN"], authorization: "sud-records" }],
    ["an SUD counselling note labelled N", { confidentiality: "N", sensitivity: ["SUD"], authorization: "sud-counselling-note" }],
    ["a Part 2 record labelled N", { confidentiality: "N", sensitivity: ["SUD", "ETH"], authorization: "sud-records" }],
    ["a psychotherapy-note kind without PSYTHPN", { confidentiality: "V", sensitivity: ["PSY"], authorization: "psychotherapy-note" }],
  ])("a category %s is rejected at validation", (_, category) => {
    expect(issueCodes(() => evaluateConsent([consent()], query({ category: "host-x" }), host(category))).length).toBeGreaterThan(0);
  });

  it("an ETH-labelled Part 2 category goes out only under a Part 2 consent, always with the regulation's notice", () => {
    const categories = [
      {
        code: "host-alcohol",
        label: "Alcohol use",
        confidentiality: "R" as const,
        sensitivity: ["ETH" as const],
        authorization: "sud-records" as const,
      },
    ];
    const template = { id: "t", title: "Update", categories: ["host-alcohol"] };
    const facts = [{ id: "x", clientId: "cl-1", category: "host-alcohol", text: "Abstinent.", recorded: "2026-11-20" }];
    const general = consent({ categories: ["acknowledgement", "host-alcohol"] });
    expect(composeUpdate(request({ kind: "custom", template, facts, consents: [general], categories })).withheld[0]?.reason).toBe(
      "needs-specific-authorization",
    );
    const part2 = consent({ id: "p2", kind: "sud-records", categories: ["host-alcohol"] });
    const result = composeUpdate(request({ kind: "custom", template, facts, consents: [general, part2], categories }));
    expect(result.included).toEqual(["x"]);
    expect(result.update?.labels.part2Notice).toBe(part2RedisclosureNotice);
    expect(result.disclosure?.part2).toBe(true);
  });

  it.each([".", "", "42 CFR part 2 prohibits unauthorized use or disclosure of these records."])(
    "a notice text of the host's own (%j) is rejected: only the regulation's statements are chosen",
    (text) => {
      expect(issueCodes(() => composeUpdate(request({ part2Notice: text as never })))).toEqual(["invalid-value"]);
    },
  );
});

describe("adversarial consents: recipients are identities", () => {
  const denied = (value: string, held: string, system = NPI) =>
    decide([consent({ deny: [{ id: "not-them", recipients: [{ identifier: { system, value } }] }] })], {
      recipient: { referrerId: "ref-a", identifiers: [{ system: NPI, value: held }] },
    });

  it.each([
    ["a trailing space", "1234567893 "],
    ["dashes", "123-456-7893"],
    ["full-width digits", "１２３４５６７８９３"],
    ["a zero-width space", "12345\u200B67893"],
    ["a soft hyphen and a no-break space", "123\u00AD456\u00A07893"],
    ["a leading tab", "\t1234567893"],
  ])("a deny naming NPI 1234567893 binds a recipient holding it with %s", (_, held) => {
    expect(denied("1234567893", held)).toBe("deny denied-by-provision");
  });

  it("a deny written in one spelling binds the plain one, and a system spelled in capitals with a trailing slash is the same system", () => {
    expect(denied("１２３-４５６-７８９３", "1234567893")).toBe("deny denied-by-provision");
    expect(denied("1234567893", "1234567893", "HTTP://HL7.ORG/FHIR/SID/US-NPI/")).toBe("deny denied-by-provision");
  });

  it("an NPI whose check digit fails is rejected, wherever it appears", () => {
    expect(issueCodes(() => denied("1234567894", "1234567893"))).toEqual(["check-digit"]);
    expect(issueCodes(() => denied("1234567893", "1234567894"))).toEqual(["check-digit"]);
  });

  it("a host registers how its own system is compared", () => {
    const permit = consent({ recipients: [{ identifier: { system: GMC, value: "GMC 7654321" } }] });
    const asked = { recipient: { referrerId: "ref-z", identifiers: [{ system: GMC, value: "7654321" }] } };
    expect(decide([permit], asked)).toBe("deny other-recipient");
    expect(decide([permit], asked, { identifierSystems: [{ system: GMC, keep: "digits" }] })).toBe("permit permitted");
  });

  it("a deny binds every spelling a permit would take for the same identifier: an NPI with letters, a host's digits", () => {
    const npi = (value: string) => ({ identifier: { system: NPI, value } });
    for (const [named, held] of [
      ["1234567893", "NPI 1234567893"],
      ["1234567893", "1234567893x"],
      ["1234567893", "npi:1234567893"],
      ["1234567893", "1234567893\u0661"],
      ["NPI 1234567893", "1234567893"],
    ]) {
      const asked = { recipient: { referrerId: "ref-a", identifiers: [{ system: NPI, value: held as string }] } };
      for (const permit of [npi(named as string), { referrerId: "ref-a" }]) {
        const denying = consent({ recipients: [permit], deny: [{ id: "not-dr-x", recipients: [npi(named as string)] }] });
        expect(decide([denying], asked)).toBe("deny denied-by-provision");
        expect(decide(prepareConsents([denying]) as never, asked)).toBe("deny denied-by-provision");
      }
    }
    const host = { identifierSystems: [{ system: GMC, keep: "digits" as const }] };
    const both = consent({
      recipients: [{ identifier: { system: GMC, value: "A-1" } }],
      deny: [{ id: "not-a1", recipients: [{ identifier: { system: GMC, value: "A-1" } }] }],
    });
    const asked = { recipient: { referrerId: "ref-z", identifiers: [{ system: GMC, value: "B1" }] } };
    expect(decide([both], asked, host)).toBe("deny denied-by-provision");
    // A capital sigma is lower-cased by itself, never by what follows it, so a symbol dropped cannot change it.
    for (const keep of ["letters-and-digits", "all"] as const) {
      const sigma = consent({
        recipients: [{ identifier: { system: GMC, value: "\u0391\u03a3\u0392" } }],
        deny: [{ id: "not-them", recipients: [{ identifier: { system: GMC, value: "\u0391\u03a3\u0392" } }] }],
      });
      const holding = { recipient: { referrerId: "ref-z", identifiers: [{ system: GMC, value: "\u0391\u03a3+\u0392" }] } };
      expect(decide([sigma], holding, { identifierSystems: [{ system: GMC, keep }] })).toBe("deny denied-by-provision");
    }
  });

  it("identifiers a rule reduces to nothing name no one, and case folds without merging different letters", () => {
    const named = (system: string, value: string) => consent({ recipients: [{ identifier: { system, value } }] });
    const holding = (system: string, value: string) => ({ recipient: { referrerId: "ref-z", identifiers: [{ system, value }] } });
    expect(decide([named(GMC, "PENDING")], holding(GMC, "N/A"), { identifierSystems: [{ system: GMC, keep: "digits" }] })).toBe(
      "deny other-recipient",
    );
    expect(decide([named(GMC, "+++")], holding(GMC, "###"), { identifierSystems: [{ system: GMC, keep: "letters-and-digits" }] })).toBe(
      "deny other-recipient",
    );
    const MAIL = "mailto";
    expect(decide([named(MAIL, "strasse@x.de")], holding(MAIL, "straße@x.de"))).toBe("deny other-recipient");
    expect(decide([named(MAIL, "isik@x.tr")], holding(MAIL, "ısık@x.tr"))).toBe("deny other-recipient");
    expect(decide([named(MAIL, "Dr.Ruiz@X.org")], holding(MAIL, "dr.ruiz@x.org"))).toBe("permit permitted");
  });

  it("a deny by referrer id binds the same id in another Unicode composition, certainly; a permit by id does not open to it", () => {
    const composed = "ref-jos\u00e9";
    const decomposed = "ref-jose\u0301";
    const restricted = consent({
      recipients: [{ referrerId: decomposed }, { referrerId: composed }],
      deny: [{ id: "not-jose", recipients: [{ referrerId: composed }] }],
    });
    // The permit names the recipient by their own id, so only a deny that surely reaches them binds.
    const asked = { recipient: { referrerId: decomposed } };
    expect(decide([restricted], asked, { distinctReferrers: true })).toBe("deny denied-by-provision");
    // Indexed once prepared: the same answer.
    expect(evaluateConsent(prepareConsents([restricted]), query(asked), { distinctReferrers: true }).reason).toBe("denied-by-provision");
    // A permit compares exactly: the other spelling of a permitted id is not permitted.
    expect(decide([consent({ recipients: [{ referrerId: composed }] })], asked)).toBe("deny other-recipient");
  });

  it("a restriction binds an id that reads the same (case, zero-width characters, full-width or mathematical letters), unless the host compares canonically", () => {
    const asked = { recipient: { referrerId: "ref-ana" } };
    const restrictedUnder = (spelling: string) =>
      consent({ recipients: [{ referrerId: "ref-ana" }], deny: [{ id: "not-ana", recipients: [{ referrerId: spelling }] }] });
    for (const spelling of ["REF-Ana", "ref-\u200bana", "\uff52\uff45\uff46-\uff41\uff4e\uff41", "ref-an\u00ada", "ref-\u{1d400}na"]) {
      expect(decide([restrictedUnder(spelling)], asked, { distinctReferrers: true }), spelling).toBe("deny denied-by-provision");
      expect(evaluateConsent(prepareConsents([restrictedUnder(spelling)]), query(asked), { distinctReferrers: true }).reason).toBe(
        "denied-by-provision",
      );
      // Compared canonically, another spelling is another referrer.
      const canonical = { distinctReferrers: true, restrictionIds: "canonical" } as const;
      expect(decide([restrictedUnder(spelling)], asked, canonical), spelling).toBe("permit permitted");
      expect(evaluateConsent(prepareConsents([restrictedUnder(spelling)]), query(asked), canonical).decision).toBe("permit");
    }
    // Letters of another script that look alike are another id.
    expect(decide([restrictedUnder("ref-\u0430na")], asked, { distinctReferrers: true })).toBe("permit permitted");
    // ß and SS meet; a non-ASCII recipient id is folded too.
    const strasse = { recipient: { referrerId: "ref-stra\u00dfe" } };
    const underCapitals = consent({
      recipients: [{ referrerId: "ref-stra\u00dfe" }],
      deny: [{ id: "not-strasse", recipients: [{ referrerId: "REF-STRASSE" }] }],
    });
    expect(decide([underCapitals], strasse, { distinctReferrers: true })).toBe("deny denied-by-provision");
    const underCapitalSharpS = consent({
      recipients: [{ referrerId: "ref-stra\u00dfe" }],
      deny: [{ id: "not-strasse", recipients: [{ referrerId: "REF-STRA\u1e9eE" }] }],
    });
    expect(decide([underCapitalSharpS], strasse, { distinctReferrers: true })).toBe("deny denied-by-provision");
    // The Turkish capital İ (as a Turkish-locale host writes ids in capitals) is an i; an invisible character inside an accented letter is nothing.
    const ali = { recipient: { referrerId: "ref-ali" } };
    const underTurkish = consent({
      recipients: [{ referrerId: "ref-ali" }],
      deny: [{ id: "not-ali", recipients: [{ referrerId: "REF-AL\u0130" }] }],
    });
    expect(decide([underTurkish], ali, { distinctReferrers: true })).toBe("deny denied-by-provision");
    const jose = { recipient: { referrerId: "ref-jos\u00e9" } };
    const split = consent({
      recipients: [{ referrerId: "ref-jos\u00e9" }],
      deny: [{ id: "not-jose", recipients: [{ referrerId: "ref-jose\u200b\u0301" }] }],
    });
    expect(decide([split], jose, { distinctReferrers: true })).toBe("deny denied-by-provision");
    // A permit compares exactly: a permit under capitals does not permit the id in lower case.
    expect(decide([consent({ recipients: [{ referrerId: "REF-ANA" }] })], asked)).toBe("deny other-recipient");
    // A consent under the client's id in capitals restricts them, and permits nothing.
    const clientAsked = { client: "cl-ana" };
    const permitting = consent({ id: "permit", clientId: "cl-ana" });
    const capitals = consent({
      id: "restrict",
      clientId: "CL-ANA",
      categories: [],
      deny: [{ id: "no-attendance", categories: ["attendance"] }],
    });
    expect(decide([permitting, capitals], clientAsked)).toBe("deny denied-by-provision");
    expect(decide([permitting, capitals], clientAsked, { restrictionIds: "canonical" })).toBe("permit permitted");
    expect(decide([consent({ id: "other", clientId: "CL-ANA" })], clientAsked)).toBe("deny no-consent");
    // It replaces a permission too, unless the host compares canonically.
    const replacing = consent({ id: "later", clientId: "CL-ANA", categories: [], replaces: ["permit"] });
    expect(decide([permitting, replacing], clientAsked)).toBe("deny superseded");
    expect(decide([permitting, replacing], clientAsked, { restrictionIds: "canonical" })).toBe("permit permitted");
  });

  it("a consent naming the client's id in another spelling of the same text restricts and replaces, but permits nothing", () => {
    const composed = "cl-jos\u00e9";
    const decomposed = "cl-jose\u0301";
    const asked = { client: composed };
    const permitting = consent({ id: "permit", clientId: composed });
    // Its restriction binds.
    const restriction = consent({
      id: "restrict",
      clientId: decomposed,
      categories: [],
      deny: [{ id: "no-attendance", categories: ["attendance"] }],
    });
    expect(decide([permitting], asked)).toBe("permit permitted");
    expect(decide([permitting, restriction], asked)).toBe("deny denied-by-provision");
    // It replaces a permission.
    expect(decide([permitting, consent({ id: "later", clientId: decomposed, categories: [], replaces: ["permit"] })], asked)).toBe(
      "deny superseded",
    );
    // Its own permission counts for no one.
    expect(decide([consent({ id: "other", clientId: decomposed })], asked)).toBe("deny no-consent");
  });

  it("a deny by referrer id and a permit by identifier that may name the same person: closed until the host declares its records distinct", () => {
    const consents = [
      consent({
        recipients: [{ identifier: { system: NPI, value: "1234567893" } }],
        deny: [{ id: "not-dr-b", recipients: [{ referrerId: "ref-b" }] }],
      }),
    ];
    const asked = { recipient: { referrerId: "ref-z", identifiers: [{ system: NPI, value: "1234567893" }] } };
    expect(decide(consents, asked)).toBe("deny recipient-identity-uncertain");
    expect(decide(consents, asked, { distinctReferrers: true })).toBe("permit permitted");
  });
});

describe("adversarial consents: time fails closed", () => {
  const endsOn23rd = consent({ period: { start: "2026-06-01", end: "2026-11-23" } });
  const renewalFrom24th = consent({ id: "renewal", signed: "2026-11-01", period: { start: "2026-11-24" } });

  it("a Sydney practice passing UTC time on the day after a consent expires", () => {
    // 14:00 UTC on the 23rd is 01:00 on the 24th in Sydney.
    expect(decide([endsOn23rd], { at: "2026-11-23T14:00:00Z" })).toBe("deny expired");
    expect(decide([endsOn23rd], { at: "2026-11-23T14:00:00Z" }, { timeZone: "Australia/Sydney" })).toBe("deny expired");
    expect(composeUpdate(request({ consents: [endsOn23rd], now: "2026-11-23T14:00:00Z" })).status).toBe("nothing");
  });

  it("a Los Angeles practice passing UTC time a day before a renewal starts", () => {
    // 02:00 UTC on the 24th is 18:00 on the 23rd in Los Angeles.
    expect(decide([renewalFrom24th], { at: "2026-11-24T02:00:00Z" })).toBe("deny not-yet-in-force");
    expect(decide([renewalFrom24th], { at: "2026-11-24T02:00:00Z" }, { timeZone: "America/Los_Angeles" })).toBe("deny not-yet-in-force");
    expect(composeUpdate(request({ consents: [renewalFrom24th], now: "2026-11-24T02:00:00Z" })).status).toBe("nothing");
    expect(decide([renewalFrom24th], { at: "2026-11-24T02:00:00Z" }, { timeZone: "Europe/London" })).toBe("permit permitted");
  });

  it("an instant written at an offset beyond civil time's still counts the date it is written with", () => {
    // 00:30 on the 25th at +23:00 is 01:30 UTC on the 24th: its written date is after the consent ended.
    expect(decide([consent({ period: { start: "2026-06-01", end: "2026-11-24" } })], { at: "2026-11-25T00:30:00+23:00" })).toBe(
      "deny expired",
    );
    expect(
      composeUpdate(
        request({ consents: [consent({ period: { start: "2026-06-01", end: "2026-11-24" } })], now: "2026-11-25T00:30:00+23:00" }),
      ).status,
    ).toBe("nothing");
    // 22:00 on the 22nd at -23:00 is 21:00 UTC on the 23rd: its written date is before the consent was signed.
    const signed23rd = consent({ signed: "2026-11-23", period: { start: "2026-11-23" } });
    expect(decide([signed23rd], { at: "2026-11-22T22:00:00-23:00" })).toBe("deny not-yet-signed");
  });
});

describe("adversarial consents: ids and the last day", () => {
  it("a lift names one provision of one consent, whatever characters the ids hold", () => {
    // Joined with a separator, "a\u0000b" + "c" and "a" + "b\u0000c" would be one key, and the second would lift the first.
    const denied = consent({ id: "a\u0000b", categories: [], deny: [{ id: "c", categories: ["attendance"] }] });
    const lifter = consent({ id: "later", signed: "2026-07-01", lifts: [{ consentId: "a", provisionId: "b\u0000c" }] });
    expect(decide([denied, lifter])).toBe("deny denied-by-provision");
    const lifting = consent({ id: "later", signed: "2026-07-01", lifts: [{ consentId: "a\u0000b", provisionId: "c" }] });
    expect(decide([denied, lifting])).toBe("permit permitted");
  });

  it("a restriction whose data period ends on 9999-12-31 binds information recorded that day", () => {
    const restriction = consent({
      id: "r",
      categories: [],
      deny: [{ id: "late", categories: ["attendance"], dataPeriod: { start: "9999-12-01", end: "9999-12-31" } }],
    });
    const open = consent({ period: { start: "2026-06-01" } });
    const facts = (recorded: string) => [{ id: "a", clientId: "cl-1", category: "attendance", text: "Attended.", recorded }];
    const sent = (recorded: string) => composeUpdate(request({ consents: [open, restriction], facts: facts(recorded), now: "9999-12-31" }));
    expect(sent("9999-12-30").included).toEqual([]);
    expect(sent("9999-12-31").included).toEqual([]);
    expect(sent("9999-12-31").withheld.map((fact) => fact.provision?.provisionId)).toEqual(["late"]);
    expect(sent("9999-11-30").included).toEqual(["a"]);
    // And a consent whose data period ends that day permits what was recorded on it.
    const permitting = consent({ period: { start: "2026-06-01" }, dataPeriod: { start: "9999-12-01", end: "9999-12-31" } });
    const alone = (recorded: string) => composeUpdate(request({ consents: [permitting], facts: facts(recorded), now: "9999-12-31" }));
    expect(alone("9999-12-31").included).toEqual(["a"]);
    expect(alone("9999-11-30").included).toEqual([]);
  });
});

describe("adversarial consents: status and supersession", () => {
  const original = consent({ id: "original", signed: "2026-01-01", period: { start: "2026-01-01" } });
  const renewal = (status: ConsentInput["status"]) => consent({ id: "renewal", status, signed: "2026-06-01", replaces: ["original"] });

  it.each(["revoked", "inactive"] as const)("a %s renewal does not bring back the consent it replaced", (status) => {
    // Both stop at the same stage; the tie goes to the first by id, the replaced original.
    expect(decide([original, renewal(status)])).toBe("deny superseded");
    expect(decide([original])).toBe("permit permitted");
  });

  it("an expired renewal does not either, and a draft replaces nothing", () => {
    expect(decide([original, { ...renewal("active"), period: { start: "2026-06-01", end: "2026-06-30" } }])).toMatch(/^deny /);
    expect(decide([original, renewal("draft")])).toBe("permit permitted");
  });

  it("an inactive consent permits nothing, and its deny provisions still bind", () => {
    expect(decide([consent({ status: "inactive" })])).toBe("deny inactive");
    const restriction = consent({
      id: "r",
      status: "inactive",
      categories: [],
      deny: [{ id: "no-attendance", categories: ["attendance"] }],
    });
    expect(decide([consent(), restriction])).toBe("deny denied-by-provision");
  });
});

describe("adversarial consents: emergency treatment", () => {
  const restriction = consent({ id: "restriction", categories: [], deny: [{ id: "nothing-to-anyone" }] });
  const provider = { referrerId: "ref-er", name: "Emergency department", kind: "provider" as const };

  it("is never blocked by a restriction, and is recorded as an emergency disclosure", () => {
    expect(decide([restriction], { purpose: "ETREAT", emergency: true, recipient: provider })).toBe("permit emergency-treatment");
    const result = composeUpdate(request({ consents: [restriction], purpose: "ETREAT", emergency: true, recipient: provider }));
    expect(result.included).toEqual(["a"]);
    expect(result.disclosure).toMatchObject({
      emergency: true,
      rules: ["emergency-treatment"],
      basis: [],
      recipient: { kind: "provider" },
    });
  });

  it("never unlocks a note, reaches only providers, and needs the purpose ETREAT", () => {
    expect(decide([restriction], { purpose: "ETREAT", emergency: true, recipient: provider, category: "psychotherapy-note" })).toBe(
      "deny denied-by-provision",
    );
    expect(decide([], { purpose: "ETREAT", emergency: true, recipient: provider, category: "psychotherapy-note" })).toBe("deny no-consent");
    expect(decide([restriction], { purpose: "ETREAT", emergency: true, recipient: { referrerId: "ref-a", kind: "non-provider" } })).toBe(
      "deny denied-by-provision",
    );
    expect(issueCodes(() => decide([restriction], { purpose: "COC", emergency: true, recipient: provider }))).toEqual(["invalid-value"]);
  });

  it("lets a Part 2 record go to medical personnel (42 CFR 2.51), with the notice", () => {
    const template = { id: "t", title: "Emergency", categories: ["substance-use"] };
    const facts = [{ id: "s", clientId: "cl-1", category: "substance-use", text: "On methadone.", recorded: "2026-11-20" }];
    const result = composeUpdate(
      request({ kind: "custom", template, facts, consents: [], purpose: "ETREAT", emergency: true, recipient: provider }),
    );
    expect(result.included).toEqual(["s"]);
    expect(result.update?.labels.part2Notice).toBe(part2RedisclosureNotice);
  });
});

describe("adversarial consents: who the recipient is", () => {
  const asked = (kind: "provider" | "non-provider" | undefined, changes: Partial<ConsentQueryInput> = {}) => ({
    recipient: { referrerId: "ref-z", ...(kind === undefined ? {} : { kind }) },
    purpose: "TREAT" as const,
    ...changes,
  });
  const hipaa = { treatmentPolicy: "hipaa-permitted" } as const;

  it("by default nothing goes to a provider without the client's permission (referwell's policy)", () => {
    expect(decide([], asked("provider"))).toBe("deny no-consent");
  });

  it("a host that chooses the HIPAA-permitted policy lets a provider receive general categories for treatment, and nothing more", () => {
    expect(decide([], asked("provider"), hipaa)).toBe("permit treatment-without-consent");
    expect(decide([], asked("provider", { purpose: "COC" }), hipaa)).toBe("permit treatment-without-consent");
    expect(decide([], asked("non-provider"), hipaa)).toBe("deny no-consent");
    expect(decide([], asked(undefined), hipaa)).toBe("deny no-consent");
    expect(decide([], asked("provider", { purpose: "HPAYMT" }), hipaa)).toBe("deny no-consent");
    expect(decide([], asked("provider", { category: "psychotherapy-note" }), hipaa)).toBe("deny no-consent");
    expect(decide([], asked("provider", { category: "substance-use" }), hipaa)).toBe("deny no-consent");
    // An agreed restriction still binds (45 CFR 164.522(a)(1)(ii)).
    const restriction = consent({ id: "r", categories: [], deny: [{ id: "not-attendance", categories: ["attendance"] }] });
    expect(decide([restriction], asked("provider"), hipaa)).toBe("deny denied-by-provision");
  });

  it("without a consent, a restriction naming another referrer record binds until the host declares its records distinct", () => {
    // The client asked that Dr B receive nothing; the request names Dr B's second record, and no consent permits.
    const restriction = consent({ id: "r", categories: [], deny: [{ id: "not-dr-b", recipients: [{ referrerId: "ref-b" }] }] });
    expect(decide([restriction], asked("provider"), hipaa)).toBe("deny recipient-identity-uncertain");
    expect(decide([restriction], asked("provider"), { ...hipaa, distinctReferrers: true })).toBe("permit treatment-without-consent");
    // A permit naming the recipient's own record still decides as before: the deny names someone else's.
    const named = consent({ id: "p", recipients: [{ referrerId: "ref-z" }], purposes: ["TREAT"] });
    expect(decide([restriction, named], asked("provider"), hipaa)).toBe("permit permitted");
  });
});

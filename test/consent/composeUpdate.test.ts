import { describe, expect, it } from "vitest";
import { InvalidInputError } from "referwell";
import {
  type Consent,
  composeUpdate,
  type Fact,
  part2FullNotice,
  part2RedisclosureNotice,
  type UpdateRequestInput,
} from "referwell/consent";
import { deepFreeze } from "../support/deepFreeze.js";
import { untyped } from "../support/untyped.js";

type ConsentInput = Omit<Consent, "deny" | "lifts" | "replaces"> & {
  deny?: Consent["deny"];
  lifts?: Consent["lifts"];
  replaces?: Consent["replaces"];
};
type FactInput = Omit<Fact, "value"> & { value?: Fact["value"] };

const NOW = "2026-11-23T09:00:00-08:00";

const consent = (changes: Partial<ConsentInput> = {}): ConsentInput => ({
  id: "general",
  clientId: "cl-1",
  status: "active",
  kind: "general",
  signed: "2026-06-01",
  period: { start: "2026-06-01", end: "2027-05-31" },
  recipients: [{ referrerId: "ref-a" }],
  purposes: ["COC"],
  categories: ["acknowledgement", "attendance", "engagement", "progress-summary", "treatment-goals", "diagnosis"],
  ...changes,
});
const noteAuthorization = (changes: Partial<ConsentInput> = {}) =>
  consent({
    id: "pn-auth",
    kind: "psychotherapy-note",
    categories: ["psychotherapy-note"],
    signed: "2026-11-01",
    period: { start: "2026-11-01", end: "2026-12-31" },
    ...changes,
  });

const fact = (id: string, category: string | undefined, text: string, changes: Partial<FactInput> = {}): FactInput => ({
  id,
  clientId: "cl-1",
  ...(category === undefined ? {} : { category }),
  text,
  recorded: "2026-11-20",
  ...changes,
});

const request = (changes: Partial<UpdateRequestInput> = {}): UpdateRequestInput => ({
  kind: "progress",
  client: { id: "cl-1", displayName: "Jordan" },
  recipient: { referrerId: "ref-a", name: "Dr Mei Lin" },
  purpose: "COC",
  facts: [] as FactInput[],
  consents: [consent()] as ConsentInput[],
  now: NOW,
  ...changes,
});
const reasons = (result: ReturnType<typeof composeUpdate>) => Object.fromEntries(result.withheld.map((w) => [w.factId, w.reason]));

describe("progress updates", () => {
  const facts = [
    fact("f3", "progress-summary", "Mood is lifting; sleep is steadier."),
    fact("f1", "attendance", "Attended 6 of 7 sessions.", { recorded: "2026-11-02" }),
    fact("f2", "attendance", "No missed sessions this month.", { recorded: "2026-11-01" }),
    fact("f4", "treatment-goals", "Return to full-time work by spring.", { value: [{ name: "goal", value: "work" }] }),
  ];

  it("carries attendance, engagement, progress summary and goals by default, in that order, oldest first", () => {
    const result = composeUpdate(request({ facts }));
    expect(result.status).toBe("update");
    expect(result.included).toEqual(["f1", "f2", "f3", "f4"]);
    expect(result.withheld).toEqual([]);
    expect(result.update?.sections.map((s) => [s.category, s.items.map((i) => i.factId)])).toEqual([
      ["attendance", ["f2", "f1"]],
      ["progress-summary", ["f3"]],
      ["treatment-goals", ["f4"]],
    ]);
    expect(result.update?.sections[2]?.items[0]).toEqual({
      factId: "f4",
      text: "Return to full-time work by spring.",
      value: [{ name: "goal", value: "work" }],
      recorded: "2026-11-20",
    });
    expect(result.update?.text).toBe(
      [
        "Progress update",
        "",
        "Dear Dr Mei Lin,",
        "",
        "Here is a brief update on Jordan, shared for coordination of care.",
        "",
        "Attendance",
        "- No missed sessions this month.",
        "- Attended 6 of 7 sessions.",
        "",
        "Progress summary",
        "- Mood is lifting; sleep is steadier.",
        "",
        "Treatment goals",
        "- Return to full-time work by spring.",
        "",
      ].join("\n"),
    );
  });

  it("renders Markdown with every host and client text escaped", () => {
    const result = composeUpdate(
      request({
        client: { id: "cl-1", displayName: "Jo_Ann" },
        recipient: { referrerId: "ref-a", name: "Dr <b>Lee</b>" },
        facts: [fact("f1", "attendance", "See [here](https://example.org) *now*")],
      }),
    );
    expect(result.update?.markdown).toBe(
      [
        "## Progress update",
        "",
        "Dear Dr \\<b\\>Lee\\</b\\>,",
        "",
        "Here is a brief update on Jo\\_Ann, shared for coordination of care.",
        "",
        "### Attendance",
        "",
        "- See \\[here\\](https://example.org) \\*now\\*",
        "",
      ].join("\n"),
    );
  });

  it("withholds what the update does not need (only what coordination needs), and says why for every fact", () => {
    const result = composeUpdate(
      request({
        facts: [
          fact("a", "attendance", "Attended."),
          fact("b", "diagnosis", "Dx."),
          fact("c", undefined, "No label."),
          fact("d", "astrology", "Unknown category."),
          fact("e", "attendance", "Someone else.", { clientId: "cl-2" }),
          fact("f", "psychotherapy-note", "Note."),
        ],
      }),
    );
    expect(result.included).toEqual(["a"]);
    expect(reasons(result)).toEqual({ b: "not-needed", c: "unlabelled", d: "unknown-category", e: "other-client", f: "not-needed" });
    expect(result.withheld.find((w) => w.factId === "b")?.text).toBe(
      "This update does not need this category: only what coordination needs goes out.",
    );
  });

  it("a host template replaces the default categories", () => {
    const template = { id: "brief", title: "Brief update", categories: ["attendance"] };
    const result = composeUpdate(
      request({ template, facts: [fact("a", "attendance", "Attended."), fact("b", "progress-summary", "Better.")] }),
    );
    expect(result.included).toEqual(["a"]);
    expect(result.update?.title).toBe("Brief update");
    expect(result.update?.templateId).toBe("brief");
    expect(result.disclosure?.description).toBe("Brief update: Acknowledgement of care; Attendance");
  });

  it("a template that lists acknowledgement records it once", () => {
    const result = composeUpdate(
      request({
        template: { id: "intake", title: "Intake", categories: ["acknowledgement", "attendance"] },
        facts: [fact("k", "acknowledgement", "Started care on 2 November."), fact("a", "attendance", "Attended.")],
      }),
    );
    expect(result.included).toEqual(["a", "k"]);
    expect(result.disclosure?.categories).toEqual(["acknowledgement", "attendance"]);
    expect(result.disclosure?.description).toBe("Intake: Acknowledgement of care; Attendance");
  });

  it("records the recipient's address when the host knows it (45 CFR 164.528(b)(2)(ii)), never in the text", () => {
    const address = "Harbour Medical, 12 Quay St, Sydney NSW 2000";
    const result = composeUpdate(
      request({ recipient: { referrerId: "ref-a", name: "Dr Mei Lin", address }, facts: [fact("a", "attendance", "Attended.")] }),
    );
    expect(result.disclosure?.recipient).toEqual({ referrerId: "ref-a", name: "Dr Mei Lin", identifiers: [], address });
    expect(result.update?.text).not.toContain(address);
    const without = composeUpdate(request({ facts: [fact("a", "attendance", "Attended.")] }));
    expect(without.disclosure?.recipient).toEqual({ referrerId: "ref-a", name: "Dr Mei Lin", identifiers: [] });
  });

  it("a custom update needs a template that declares its categories", () => {
    const template = { id: "dx", title: "Diagnostic summary", categories: ["diagnosis"] };
    const result = composeUpdate(
      request({ kind: "custom", template, facts: [fact("a", "diagnosis", "Moderate depression."), fact("b", "attendance", "Attended.")] }),
    );
    expect(result.included).toEqual(["a"]);
    expect(result.update?.labels).toEqual({ confidentiality: "R", sensitivity: ["BH", "PSY"] });
    expect(() => composeUpdate(request({ kind: "custom" }))).toThrow(InvalidInputError);
  });

  it("sends nothing when the client may not be acknowledged, whatever else is permitted", () => {
    const result = composeUpdate(
      request({ consents: [consent({ categories: ["attendance"] })], facts: [fact("a", "attendance", "Attended.")] }),
    );
    expect(result.status).toBe("nothing");
    expect(result.update).toBeUndefined();
    expect(result.disclosure).toBeUndefined();
    expect(reasons(result)).toEqual({ a: "not-acknowledged" });
    expect(result.acknowledgement.reason).toBe("category-not-permitted");
  });

  it("sends nothing when no fact is permitted: an empty update would say something was withheld", () => {
    const result = composeUpdate(
      request({ consents: [consent({ categories: ["acknowledgement"] })], facts: [fact("a", "attendance", "Attended.")] }),
    );
    expect(result.status).toBe("nothing");
    expect(reasons(result)).toEqual({ a: "category-not-permitted" });
  });
});

describe("the day of now", () => {
  it("is the local date in the request's time zone when it gives one; without one, every day the instant may be must permit", () => {
    const endsToday = [consent({ period: { start: "2026-06-01", end: "2026-11-23" } })];
    const at = (timeZone?: string) =>
      composeUpdate(
        request({
          consents: endsToday,
          facts: [fact("a", "attendance", "Attended.")],
          now: "2026-11-23T22:00:00Z",
          ...(timeZone === undefined ? {} : { timeZone }),
        }),
      );
    // 22:00 UTC is already the 24th east of UTC+2: without a zone, the consent ending on the 23rd may have expired.
    expect([at().status, at().acknowledgement.reason, reasons(at())]).toEqual(["nothing", "expired", { a: "expired" }]);
    expect(at("America/Los_Angeles").disclosure?.date).toBe("2026-11-23");
    expect(at("America/Los_Angeles").included).toEqual(["a"]);
    const sydney = at("Australia/Sydney");
    expect([sydney.status, sydney.acknowledgement.reason, reasons(sydney)]).toEqual(["nothing", "expired", { a: "expired" }]);
    expect(
      composeUpdate(
        request({
          consents: [consent()],
          now: "2026-11-23T22:00:00Z",
          timeZone: "Australia/Sydney",
          facts: [fact("a", "attendance", "Attended.")],
        }),
      ).disclosure?.date,
    ).toBe("2026-11-24");
  });
});

describe("what the consents decide", () => {
  it("withholds under a revoked, draft, expired or not yet signed consent, another recipient or another purpose", () => {
    const facts = [fact("a", "attendance", "Attended.")];
    const compose = (changes: Record<string, unknown>) => composeUpdate(request({ facts, ...changes }));
    expect(compose({ consents: [consent({ status: "revoked" })] }).acknowledgement.reason).toBe("revoked");
    expect(compose({ consents: [consent({ status: "draft" })] }).acknowledgement.reason).toBe("draft");
    expect(compose({ consents: [consent({ period: { start: "2026-06-01", end: "2026-11-22" } })] }).acknowledgement.reason).toBe("expired");
    expect(
      compose({ consents: [consent({ period: { start: "2026-06-01", end: "2026-11-23" } })], timeZone: "America/Los_Angeles" }).status,
    ).toBe("update");
    // Without a zone, 09:00 at UTC−8 is already the 24th at UTC+14.
    expect(compose({ consents: [consent({ period: { start: "2026-06-01", end: "2026-11-23" } })] }).acknowledgement.reason).toBe("expired");
    expect(compose({ consents: [consent({ status: "inactive" })] }).acknowledgement.reason).toBe("inactive");
    expect(compose({ consents: [consent({ signed: "2026-11-24" })] }).acknowledgement.reason).toBe("not-yet-signed");
    expect(compose({ recipient: { referrerId: "ref-b", name: "Dr B" } }).acknowledgement.reason).toBe("other-recipient");
    expect(compose({ purpose: "HPAYMT" }).acknowledgement.reason).toBe("other-purpose");
    for (const changes of [{ consents: [consent({ status: "revoked" })] }, { purpose: "HPAYMT" }]) {
      const result = compose(changes);
      expect([result.status, result.included, result.disclosure]).toEqual(["nothing", [], undefined]);
    }
  });

  it("withholds a fact recorded outside the consent's data period", () => {
    const limited = consent({ dataPeriod: { start: "2026-11-01", end: "2026-12-31" } });
    const result = composeUpdate(
      request({
        consents: [limited],
        facts: [fact("old", "attendance", "Old.", { recorded: "2026-10-31" }), fact("new", "attendance", "New.")],
      }),
    );
    expect(result.included).toEqual(["new"]);
    expect(reasons(result)).toEqual({ old: "data-outside-period" });
  });

  it("a nested deny provision withholds what it names, and the withheld entry names it", () => {
    const withDeny = consent({ deny: [{ id: "no-summary", categories: ["progress-summary"] }] });
    const result = composeUpdate(
      request({ consents: [withDeny], facts: [fact("a", "attendance", "Attended."), fact("s", "progress-summary", "Better.")] }),
    );
    expect(result.included).toEqual(["a"]);
    expect(result.withheld).toEqual([
      {
        factId: "s",
        reason: "denied-by-provision",
        provision: { consentId: "general", provisionId: "no-summary" },
        text: "A deny provision of the client's consent excludes it.",
      },
    ]);
  });
});

describe("the note firewall", () => {
  const template = { id: "notes", title: "Clinical notes", categories: ["psychotherapy-note", "sud-counselling-note", "attendance"] };
  const notes = [
    fact("pn", "psychotherapy-note", "Session note."),
    fact("sc", "sud-counselling-note", "Counselling note."),
    fact("a", "attendance", "Attended."),
  ];
  const listsEverything = consent({ categories: ["acknowledgement", "attendance", "psychotherapy-note", "sud-counselling-note"] });

  it("a general consent never unlocks notes, even when it lists them", () => {
    const result = composeUpdate(request({ kind: "custom", template, facts: notes, consents: [listsEverything] }));
    expect(result.included).toEqual(["a"]);
    expect(reasons(result)).toEqual({ pn: "needs-specific-authorization", sc: "needs-specific-authorization" });
  });

  it("a psychotherapy-note authorization for this recipient, in date, unlocks psychotherapy notes only", () => {
    const result = composeUpdate(request({ kind: "custom", template, facts: notes, consents: [listsEverything, noteAuthorization()] }));
    expect(result.included).toEqual(["a", "pn"]);
    expect(reasons(result)).toEqual({ sc: "needs-specific-authorization" });
    expect(result.update?.labels).toEqual({ confidentiality: "V", sensitivity: ["BH", "PSY", "PSYTHPN"] });
    expect(result.disclosure?.basis).toEqual(["general", "pn-auth"]);
  });

  it("not when it is out of date, revoked, or for another recipient", () => {
    const cases: [Partial<ConsentInput>, string][] = [
      [{ period: { start: "2026-11-01", end: "2026-11-22" } }, "expired"],
      [{ period: { start: "2026-11-24", end: "2026-12-31" } }, "not-yet-in-force"],
      [{ status: "revoked" }, "revoked"],
      [{ recipients: [{ referrerId: "ref-b" }] }, "other-recipient"],
    ];
    for (const [changes, why] of cases) {
      const result = composeUpdate(
        request({ kind: "custom", template, facts: notes, consents: [listsEverything, noteAuthorization(changes)] }),
      );
      expect(reasons(result)["pn"]).toBe(why);
    }
  });

  it("an SUD counselling note needs a counselling-note consent, and brings the Part 2 notice", () => {
    const counselling = consent({ id: "sc-auth", kind: "sud-counselling-note", categories: ["sud-counselling-note"] });
    const result = composeUpdate(request({ kind: "custom", template, facts: notes, consents: [listsEverything, counselling] }));
    expect(result.included).toEqual(["a", "sc"]);
    expect(result.update?.labels.part2Notice).toBe(part2RedisclosureNotice);
  });
});

describe("42 CFR Part 2", () => {
  const template = { id: "sud", title: "Update", categories: ["attendance", "substance-use"] };
  const facts = [fact("a", "attendance", "Attended."), fact("su", "substance-use", "Abstinent for 90 days.")];
  const part2 = consent({ id: "part2", kind: "sud-records", categories: ["substance-use"] });

  it("a disclosure of Part 2 records carries the redisclosure notice in its labels, its text and its record", () => {
    const result = composeUpdate(request({ kind: "custom", template, facts, consents: [consent(), part2] }));
    expect(result.included).toEqual(["a", "su"]);
    expect(result.update?.labels).toEqual({
      confidentiality: "R",
      sensitivity: ["BH", "ETH", "SUD"],
      part2Notice: part2RedisclosureNotice,
    });
    expect(result.update?.text.endsWith(`\n\n${part2RedisclosureNotice}\n`)).toBe(true);
    expect(result.update?.markdown.endsWith(`\n\n> ${part2RedisclosureNotice}\n`)).toBe(true);
    expect(result.disclosure?.part2).toBe(true);
  });

  it("the host may choose the regulation's full statement, never text of its own", () => {
    const result = composeUpdate(request({ kind: "custom", template, facts, consents: [consent(), part2], part2Notice: "full" }));
    expect(result.update?.labels.part2Notice).toBe(part2FullNotice);
    expect(result.update?.markdown).toContain(
      "> This record which has been disclosed to you is protected by Federal confidentiality rules",
    );
    for (const own of [".", "See our policy.", part2RedisclosureNotice])
      expect(() =>
        composeUpdate(request({ kind: "custom", template, facts, consents: [consent(), part2], part2Notice: untyped(own) })),
      ).toThrow(InvalidInputError);
  });

  it("outside the US the notice is not attached, and the firewall still holds", () => {
    const result = composeUpdate(request({ kind: "custom", template, facts, consents: [consent(), part2], jurisdiction: "UK" }));
    expect(result.included).toEqual(["a", "su"]);
    expect(result.update?.labels.part2Notice).toBeUndefined();
    expect(result.disclosure?.part2).toBe(false);
    expect(reasons(composeUpdate(request({ kind: "custom", template, facts, consents: [consent()], jurisdiction: "UK" })))).toEqual({
      su: "needs-specific-authorization",
    });
  });

  it("no notice when no Part 2 record goes out", () => {
    const result = composeUpdate(request({ kind: "custom", template, facts, consents: [consent()] }));
    expect(result.included).toEqual(["a"]);
    expect(reasons(result)).toEqual({ su: "needs-specific-authorization" });
    expect(result.update?.labels.part2Notice).toBeUndefined();
    expect(result.update?.text).not.toContain("42 CFR");
    expect(result.disclosure?.part2).toBe(false);
  });
});

describe("thank-yous", () => {
  const thankYou = (changes: Record<string, unknown> = {}) =>
    composeUpdate(request({ kind: "thank-you", facts: [fact("a", "attendance", "Attended the first session.")], ...changes }));

  it("with permission to acknowledge the client: names them, carries no clinical facts, and leaves a record", () => {
    const result = thankYou();
    expect(result.status).toBe("update");
    expect(result.included).toEqual([]);
    expect(reasons(result)).toEqual({ a: "not-needed" });
    expect(result.update?.text).toBe(
      "Thank you for your referral\n\nDear Dr Mei Lin,\n\nThank you for referring Jordan to our practice. We are glad to be working with them.\n",
    );
    expect(result.update?.labels).toEqual({ confidentiality: "N", sensitivity: ["BH"] });
    expect(result.disclosure).toEqual({
      date: "2026-11-23",
      clientId: "cl-1",
      recipient: { referrerId: "ref-a", name: "Dr Mei Lin", identifiers: [] },
      description: "Thank-you for a referral: Acknowledgement of care",
      purpose: { code: "COC", text: "coordination of care" },
      basis: ["general"],
      rules: [],
      emergency: false,
      kind: "thank-you",
      categories: ["acknowledgement"],
      factIds: [],
      confidentiality: "N",
      sensitivity: ["BH"],
      part2: false,
    });
  });

  it("without a display name, says 'your client'", () => {
    expect(thankYou({ client: { id: "cl-1" } }).update?.text).toContain("Thank you for referring your client to our practice.");
  });

  it("without permission, sends nothing by default", () => {
    const result = thankYou({ consents: [consent({ categories: ["attendance"] })] });
    expect(result).toMatchObject({
      status: "nothing",
      included: [],
      acknowledgement: { decision: "deny", reason: "category-not-permitted" },
    });
    expect(result.update).toBeUndefined();
    expect(result.disclosure).toBeUndefined();
  });

  it("without permission, with `generic-note`, thanks the referrer without naming the client or confirming care, and records no disclosure", () => {
    const result = thankYou({
      consents: [],
      unacknowledgedThankYou: "generic-note",
      template: { id: "t", title: "Thanks for Jordan", categories: ["attendance"] },
    });
    expect(result.status).toBe("generic-note");
    expect(result.update?.text).toBe(
      "Thank you\n\nDear Dr Mei Lin,\n\nThank you for the referrals you send us, and for thinking of our practice.\n",
    );
    expect(result.update?.labels).toEqual({ confidentiality: "N", sensitivity: [] });
    expect(JSON.stringify(result.update)).not.toMatch(/Jordan|cl-1|Attended/);
    expect(result.disclosure).toBeUndefined();
    expect(reasons(result)).toEqual({ a: "no-consent" });
  });

  it("with permission, a template may add facts to a thank-you", () => {
    const result = thankYou({ template: { id: "warm", title: "Thank you", categories: ["attendance"] } });
    expect(result.included).toEqual(["a"]);
    expect(result.update?.sections[0]?.title).toBe("Attendance");
  });
});

describe("what the recipient sees", () => {
  it("never shows that something was withheld, or how much: the update is the same as without the withheld facts", () => {
    const kept = [fact("a", "attendance", "Attended."), fact("b", "progress-summary", "Better.")];
    const dropped = [
      fact("c", "diagnosis", "Dx."),
      fact("d", "progress-summary", "Old.", { recorded: "2025-01-01" }),
      fact("e", undefined, "x"),
    ];
    const limited = consent({ dataPeriod: { start: "2026-01-01" } });
    const all = composeUpdate(request({ consents: [limited], facts: [...dropped, ...kept] }));
    const only = composeUpdate(request({ consents: [limited], facts: kept }));
    expect(all.withheld.map((w) => w.factId)).toEqual(["c", "d", "e"]);
    expect(all.update).toEqual(only.update);
    expect(all.disclosure).toEqual(only.disclosure);
  });

  it("withheld entries carry ids and reasons, never content", () => {
    const result = composeUpdate(
      request({ facts: [fact("secret", "diagnosis", "ZQXSECRET text", { value: [{ name: "ZQXNAME", value: "ZQXVALUE" }] })] }),
    );
    expect(JSON.stringify(result)).not.toMatch(/ZQX/);
  });
});

describe("inputs", () => {
  it("are never mutated, and the same input gives byte-identical output", () => {
    const input = deepFreeze(
      request({
        facts: [fact("b", "attendance", "B."), fact("a", "attendance", "A.")],
        consents: [
          consent({
            deny: [
              { id: "z", categories: ["diagnosis"] },
              { id: "y", purposes: ["TREAT"] },
            ],
          }),
        ],
      }),
    );
    const before = JSON.stringify(input);
    expect(JSON.stringify(composeUpdate(input))).toBe(JSON.stringify(composeUpdate(input)));
    expect(JSON.stringify(input)).toBe(before);
  });

  it("bad input throws an InvalidInputError naming path and rule, never a value", () => {
    let caught: unknown;
    try {
      composeUpdate(
        request({ facts: [fact("a", "Attendance", "Secret text"), fact("a", "attendance", "More secret text")], now: "next tuesday" }),
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    const error = caught as InvalidInputError;
    expect(error.issues).toEqual([
      expect.objectContaining({ path: ["facts", 0, "category"], code: "invalid-format" }),
      expect.objectContaining({ path: ["facts", 1, "id"], code: "duplicate-id" }),
      expect.objectContaining({ path: ["now"], code: "invalid-format" }),
    ]);
    expect(JSON.stringify(error)).not.toMatch(/Secret|tuesday|Attendance/);
  });

  it("fact ids must be unique", () => {
    expect(() => composeUpdate(request({ facts: [fact("a", "attendance", "A."), fact("a", "attendance", "B.")] }))).toThrow(
      "Invalid request: 1 issue: request.facts[1].id repeats an id that must be unique (expected an id not used before in the list)",
    );
  });
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "referwell";
import { composeUpdate, type ConsentInput, evaluateConsent, SensitivityCode } from "referwell/consent";
import { consentFromFhir, consentToFhir } from "referwell/fhir";
import type { Consent as FhirConsent, ConsentProvision } from "@medplum/fhirtypes";
import { consents, updateRequest } from "../arbitraries/consent.js";
import { deepFreeze } from "../support/deepFreeze.js";
import { allFhirErrors } from "../support/fhirValidator.js";
import { untyped } from "../support/untyped.js";

const CATEGORY = "https://referwell.github.io/fhir/CodeSystem/disclosure-category";
const SENSITIVITY = SensitivityCode.options;
const ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
const ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
const NPI = { system: "http://hl7.org/fhir/sid/us-npi", value: "1234567893" };
const recipientActor = (reference: object) => ({
  role: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", code: "IRCP" }] },
  reference,
});

/** A Consent as an EHR might hold one: active, permitting attendance and progress to an NPI for coordination of care. */
function outside(provision: Partial<ConsentProvision> = {}, rest: Partial<FhirConsent> = {}): FhirConsent {
  return {
    resourceType: "Consent",
    id: "ehr-1",
    status: "active",
    scope: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy" }] },
    category: [{ coding: [{ system: "http://loinc.org", code: "59284-0" }] }],
    patient: { reference: "Patient/cl-1" },
    dateTime: "2026-06-02",
    policyRule: { coding: [{ system: ACT_CODE, code: "OPTIN" }] },
    provision: {
      type: "permit",
      period: { start: "2026-06-02", end: "2027-06-01" },
      actor: [recipientActor({ identifier: NPI })],
      purpose: [{ system: ACT_REASON, code: "COC" }],
      code: [{ coding: [{ system: CATEGORY, code: "attendance" }] }, { coding: [{ system: CATEGORY, code: "progress-summary" }] }],
      ...provision,
    },
    ...rest,
  };
}

/** A consent signed before the others: the acknowledgement and the diagnosis to the NPI, for coordination of care. */
const EARLIER: ConsentInput = {
  id: "earlier",
  clientId: "cl-1",
  status: "active",
  kind: "general",
  signed: "2026-01-05",
  period: { start: "2026-01-05" },
  recipients: [{ identifier: NPI }],
  purposes: ["COC"],
  categories: ["acknowledgement", "diagnosis"],
};
/** The answer to whether the diagnosis may go to a GP who holds the NPI, for coordination of care, on 2026-07-01. */
const diagnosisToGp = (consents: readonly ConsentInput[]) =>
  evaluateConsent(consents, {
    client: "cl-1",
    recipient: { referrerId: "ref-gp", identifiers: [NPI] },
    purpose: "COC",
    category: "diagnosis",
    at: "2026-07-01",
  });

describe("consents: referwell → FHIR → referwell", () => {
  test.prop([consents], { numRuns: 150 })("reads back every consent it writes, with no notes, as valid FHIR R4", (generated) => {
    for (const consent of generated) {
      const resource = consentToFhir(deepFreeze(structuredClone(consent)));
      expect(allFhirErrors(resource), consent.id).toEqual([]);
      const read = consentFromFhir(deepFreeze(resource));
      expect(read.consent).toEqual(consent);
      expect(read.notes).toEqual([]);
    }
  });

  test.prop([updateRequest], { numRuns: 150 })(
    "an update composed from the FHIR-read consents is the update composed from the native ones",
    (request) => {
      const read = request.consents.map((consent) => consentFromFhir(consentToFhir(consent), { categories: request.categories }).consent);
      expect(composeUpdate({ ...request, consents: read })).toEqual(composeUpdate(request));
    },
  );

  it("ids that are no FHIR ids travel as identifiers in referwell's id system", () => {
    const consent: ConsentInput = {
      id: "consent 2026/07",
      clientId: "client #7",
      status: "revoked",
      kind: "sud-records",
      signed: "2026-06-02",
      period: { start: "2026-06-02" },
      recipients: [{ referrerId: "GP practice 4" }],
      purposes: ["TREAT"],
      categories: ["substance-use"],
      replaces: ["consent 2025/01"],
      lifts: [{ consentId: "consent 2025/01", provisionId: "no substance use" }],
    };
    const resource = consentToFhir(consent);
    expect(resource.id).toMatch(/^rw-[0-9a-f]{40}$/);
    expect([resource.status, allFhirErrors(resource)]).toEqual(["inactive", []]);
    expect(consentFromFhir(resource)).toEqual({
      consent: { ...consent, deny: [] },
      notes: [],
    });
  });
});

describe("consents from elsewhere are read the cautious way", () => {
  it("a permit reads for what it names", () => {
    const { consent, notes } = consentFromFhir(outside());
    expect([consent.recipients, consent.purposes, consent.categories, consent.period]).toEqual([
      [{ identifier: NPI }],
      ["COC"],
      ["attendance", "progress-summary"],
      { start: "2026-06-02", end: "2027-06-01" },
    ]);
    expect(notes).toEqual([{ path: ["consent", "category"], code: "assumed-general" }]);
  });

  it("a permit that leaves a part out (any, in FHIR) permits nothing", () => {
    const { purpose: _purpose, ...noPurpose } = outside().provision as ConsentProvision;
    const { consent, notes } = consentFromFhir(outside(), undefined);
    expect(consent.purposes).toEqual(["COC"]);
    const open = consentFromFhir({ ...outside(), provision: noPurpose });
    expect(open.consent.purposes).toEqual([]);
    expect(open.notes).toContainEqual({ path: ["consent", "provision", "purpose"], code: "permits-nothing" });
    expect(notes).not.toContainEqual(expect.objectContaining({ code: "permits-nothing" }));
  });

  it("unknown purposes, codes and actors are left out of a permit; a restriction it cannot read empties its categories", () => {
    const { consent, notes } = consentFromFhir(
      outside({
        actor: [recipientActor({ identifier: NPI }), recipientActor({ reference: "Practitioner/77" })],
        purpose: [
          { system: ACT_REASON, code: "COC" },
          { system: ACT_REASON, code: "RESCH" },
        ],
        code: [{ coding: [{ system: CATEGORY, code: "attendance" }] }, { coding: [{ system: "http://loinc.org", code: "11488-4" }] }],
      }),
    );
    expect([consent.recipients, consent.purposes, consent.categories]).toEqual([[{ identifier: NPI }], ["COC"], ["attendance"]]);
    expect(notes.map((note) => note.code)).toEqual(["assumed-general", "unknown-recipient", "unknown-code", "unknown-code"]);
    // The system is input too: a note names the path only.
    expect(notes[3]).toEqual({ path: ["consent", "provision", "code", 1], code: "unknown-code" });
    const mapped = consentFromFhir(outside({ actor: [recipientActor({ reference: "Practitioner/77" })] }), {
      recipients: { "Practitioner/77": { referrerId: "ref-77" } },
    });
    expect(mapped.consent.recipients).toEqual([{ referrerId: "ref-77" }]);
    for (const restriction of [
      { class: [{ system: "http://hl7.org/fhir/resource-types", code: "Observation" }] },
      { securityLabel: [{ system: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", code: "N" }] },
      { action: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentaction", code: "access" }] }] },
    ]) {
      expect(consentFromFhir(outside(restriction)).consent.categories, Object.keys(restriction)[0]).toEqual([]);
    }
    const disclose = { action: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentaction", code: "disclose" }] }] };
    expect(consentFromFhir(outside(disclose)).consent.categories).toEqual(["attendance", "progress-summary"]);
  });

  it("a time never stretches a permission to a whole day; a deny binds from the day signed", () => {
    const { consent } = consentFromFhir(
      outside({ period: { start: "2026-06-02T15:00:00Z", end: "2027-06-01T10:00:00+02:00" } }, { dateTime: "2026-06-02T14:55:00Z" }),
    );
    expect([consent.signed, consent.period]).toEqual(["2026-06-02", { start: "2026-06-03", end: "2027-05-31" }]);
    const whole = consentFromFhir(outside({ period: { start: "2026-06-02T00:00:00Z", end: "2027-06-01T23:59:59Z" } })).consent;
    expect(whole.period).toEqual({ start: "2026-06-02", end: "2027-06-01" });
    const none = consentFromFhir(outside({ period: { start: "2026-06-02T10:00:00Z", end: "2026-06-02T18:00:00Z" } }));
    expect(none.consent.categories).toEqual([]);
    expect(none.notes).toContainEqual({ path: ["consent", "provision", "period"], code: "permits-nothing" });
  });

  it("a deny by security label denies every category the label marks, a level also those above it", () => {
    const deny = (securityLabel: { system: string; code: string }[]) =>
      consentFromFhir(outside({ provision: [{ id: "labels", type: "deny", securityLabel }] }), {
        categories: [{ code: "hiv-status", label: "HIV status", confidentiality: "R", sensitivity: ["HIV"] }],
        behavioralHealthLabels: "as-labelled",
      }).consent.deny;
    expect(deny([{ system: ACT_CODE, code: "PSY" }])).toEqual([
      { id: "labels", categories: ["diagnosis", "medication", "risk", "test-results", "psychotherapy-note"] },
    ]);
    expect(deny([{ system: ACT_CODE, code: "HIV" }])).toEqual([{ id: "labels", categories: ["hiv-status"] }]);
    expect(deny([{ system: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", code: "V" }])).toEqual([
      { id: "labels", categories: ["psychotherapy-note", "sud-counselling-note"] },
    ]);
    expect(deny([{ system: ACT_CODE, code: "ETH" }])[0]?.categories).toEqual(["substance-use", "sud-counselling-note"]);
    expect(deny([{ system: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", code: "R" }])[0]?.categories).toEqual([
      "progress-summary",
      "diagnosis",
      "medication",
      "risk",
      "test-results",
      "substance-use",
      "psychotherapy-note",
      "sud-counselling-note",
      "hiv-status",
    ]);
  });

  describe("a behavioral-health label", () => {
    const HOST = [
      { code: "mood-journal", label: "Mood journal", confidentiality: "R" as const, sensitivity: ["MH" as const] },
      { code: "school-behaviour", label: "School behaviour", confidentiality: "N" as const, sensitivity: ["EMOTDIS" as const] },
      {
        code: "recovery-meetings",
        label: "Recovery meetings",
        confidentiality: "R" as const,
        part2: true,
        authorization: "sud-records" as const,
      },
      { code: "hiv-status", label: "HIV status", confidentiality: "R" as const, sensitivity: ["HIV" as const] },
      { code: "memory-tests", label: "Memory tests", confidentiality: "R" as const, sensitivity: ["COGN" as const] },
      {
        code: "session-recordings",
        label: "Session recordings",
        confidentiality: "V" as const,
        sensitivity: ["PSYTHPN" as const],
        authorization: "psychotherapy-note" as const,
      },
    ];
    type Reading = "together" | "as-labelled";
    const denying = (deny: ConsentProvision, behavioralHealthLabels?: Reading, categories: unknown[] = HOST) =>
      consentFromFhir(outside({ provision: [deny] }), untyped({ categories, behavioralHealthLabels }));
    const read = (code: string, behavioralHealthLabels?: Reading, categories?: unknown[]) =>
      denying({ id: "labels", type: "deny", securityLabel: [{ system: ACT_CODE, code }] }, behavioralHealthLabels, categories);
    const FAMILY = [
      "acknowledgement",
      "attendance",
      "engagement",
      "treatment-goals",
      "progress-summary",
      "diagnosis",
      "medication",
      "risk",
      "test-results",
      "substance-use",
      "psychotherapy-note",
      "sud-counselling-note",
      "mood-journal",
      "school-behaviour",
      "recovery-meetings",
      // Cognitive disability is a kind of behavioral health information in ActCode's hierarchy.
      "memory-tests",
      "session-recordings",
    ];
    const WIDENED = { path: ["consent", "provision", "provision", 0, "securityLabel", 0], code: "label-widened" };

    it("BH, MH and PSY each deny what the three and the codes for what they hold mark, noted", () => {
      for (const code of ["BH", "MH", "PSY"]) {
        const { consent, notes } = read(code);
        expect(consent.deny, code).toEqual([{ id: "labels", categories: FAMILY }]);
        expect(notes, code).toContainEqual(WIDENED);
      }
    });

    it("read as labelled when the host says so: each code denies only what it marks, and nothing is noted", () => {
      const { consent, notes } = read("BH", "as-labelled");
      expect(consent.deny).toEqual([
        {
          id: "labels",
          // With the codes below BH in ActCode's hierarchy: emotional disturbance and cognitive disability.
          categories: [
            "acknowledgement",
            "attendance",
            "engagement",
            "treatment-goals",
            "progress-summary",
            "school-behaviour",
            "memory-tests",
          ],
        },
      ]);
      expect(notes).not.toContainEqual(WIDENED);
      expect(read("MH", "as-labelled").consent.deny).toEqual([{ id: "labels", categories: ["mood-journal"] }]);
    });

    it("other sensitivity codes read as labelled, whatever the setting: nothing is widened", () => {
      for (const setting of ["together", "as-labelled", undefined] as const)
        for (const [code, categories] of [
          ["HIV", ["hiv-status"]],
          ["COGN", ["memory-tests"]],
          ["PSYTHPN", ["psychotherapy-note", "session-recordings"]],
          ["SUD", ["substance-use", "sud-counselling-note", "recovery-meetings"]],
        ] as const) {
          const { consent, notes } = read(code, setting);
          expect(consent.deny, `${code} ${setting}`).toEqual([{ id: "labels", categories }]);
          expect(
            notes.map((note) => note.code),
            code,
          ).not.toContain("label-widened");
        }
    });

    it("a label that marks no category known still denies everything, read together or not, and is not noted widened", () => {
      const withoutMentalHealth = HOST.filter((category) => category.code !== "mood-journal");
      for (const setting of ["together", "as-labelled"] as const) {
        const { consent, notes } = read("MH", setting, withoutMentalHealth);
        expect(consent.deny, setting).toEqual([{ id: "labels" }]);
        expect(notes, setting).toContainEqual({ path: ["consent", "provision", "provision", 0, "securityLabel"], code: "denies-all" });
        expect(notes, setting).not.toContainEqual(WIDENED);
      }
      // Beside an unknown label, a widened one is moot: the deny reaches everything, and only that is noted.
      const beside = denying({
        type: "deny",
        securityLabel: [
          { system: ACT_CODE, code: "BH" },
          { system: ACT_CODE, code: "XYZ" },
        ],
      });
      expect(beside.consent.deny).toEqual([{ id: "provision-1" }]);
      expect(beside.notes.map((note) => note.code)).not.toContain("label-widened");
    });

    it("more categories than a deny provision holds: every category, noted", () => {
      const many = Array.from({ length: 95 }, (_, i) => ({
        code: `journal-${i}`,
        label: `Journal ${i}`,
        confidentiality: "R",
        sensitivity: ["MH"],
      }));
      const { consent, notes } = read("BH", "together", many);
      expect(consent.deny).toEqual([{ id: "labels" }]);
      expect(notes).toContainEqual({ path: ["consent", "provision", "provision", 0, "securityLabel"], code: "denies-all" });
      expect(read("BH", "as-labelled", many).consent.deny?.[0]?.categories).toHaveLength(5);
      // Codes alone past the limit (one concept whose codings name them all): the note names the codes.
      const concept = { coding: [...FAMILY, ...many.map((category) => category.code)].map((code) => ({ system: CATEGORY, code })) };
      const coded = denying({ type: "deny", code: [concept] }, "as-labelled", many);
      expect(coded.consent.deny).toEqual([{ id: "provision-1" }]);
      expect(coded.notes).toContainEqual({ path: ["consent", "provision", "provision", 0, "code"], code: "denies-all" });
    });

    it("each label read together is noted where it stands; codes come first; a base deny too; no setting means together", () => {
      const both = denying(
        {
          type: "deny",
          code: [{ coding: [{ system: CATEGORY, code: "hiv-status" }] }],
          securityLabel: [
            { system: ACT_CODE, code: "BH" },
            { system: ACT_CODE, code: "PSY" },
          ],
        },
        undefined,
      );
      expect(both.consent.deny).toEqual([{ id: "provision-1", categories: ["hiv-status", ...FAMILY] }]);
      expect(both.notes.filter((note) => note.code === "label-widened").map((note) => note.path.at(-1))).toEqual([0, 1]);
      const baseDeny = untyped({
        type: "deny",
        actor: undefined,
        purpose: undefined,
        code: undefined,
        securityLabel: [{ system: ACT_CODE, code: "PSY" }],
      });
      const base = consentFromFhir(outside(baseDeny), untyped({ categories: HOST, behavioralHealthLabels: null }));
      expect(base.consent.deny).toEqual([{ id: "base", categories: FAMILY }]);
      expect(base.notes).toContainEqual({ path: ["consent", "provision", "securityLabel", 0], code: "label-widened" });
    });

    test.prop([fc.subarray(HOST), fc.array(fc.constantFrom(...SENSITIVITY, "XYZ"), { minLength: 1, maxLength: 4 })])(
      "read together, a deny withholds at least what it withholds read as labelled",
      (categories, codes) => {
        const deny = { type: "deny" as const, securityLabel: codes.map((code) => ({ system: ACT_CODE, code })) };
        const denied = (setting: Reading) => {
          const [provision] = denying(deny, setting, categories).consent.deny;
          return provision?.categories;
        };
        const [together, labelled] = [denied("together"), denied("as-labelled")];
        // No list denies every category.
        if (together === undefined) return;
        expect(labelled).toBeDefined();
        for (const code of labelled ?? []) expect(together).toContain(code);
      },
    );

    it("withholds from a referrer the consent permits: a PSY restriction, read together, reaches the care itself", () => {
      const permitting = outside({
        code: ["acknowledgement", "attendance", "diagnosis"].map((code) => ({ coding: [{ system: CATEGORY, code }] })),
        provision: [{ type: "deny", securityLabel: [{ system: ACT_CODE, code: "PSY" }] }],
      });
      const request = (behavioralHealthLabels: "together" | "as-labelled") => ({
        kind: "custom" as const,
        template: { id: "coordination", title: "Coordination", categories: ["attendance", "diagnosis"] },
        client: { id: "cl-1" },
        recipient: { referrerId: "ref-gp-01", identifiers: [NPI], name: "Dr Mei Lin" },
        purpose: "COC" as const,
        facts: [
          { id: "f1", clientId: "cl-1", category: "attendance", text: "Attended every session.", recorded: "2026-06-20" },
          { id: "f2", clientId: "cl-1", category: "diagnosis", text: "Major depressive disorder, recurrent.", recorded: "2026-06-20" },
        ],
        consents: [consentFromFhir(permitting, { behavioralHealthLabels }).consent],
        now: "2026-07-01",
      });
      // Read together, PSY reaches the attendance and the acknowledgement of care (labelled BH) as well as the diagnosis.
      const together = composeUpdate(request("together"));
      expect(together.included).toEqual([]);
      expect(together.withheld.map((withheld) => `${withheld.factId} ${withheld.reason}`)).toEqual([
        "f1 denied-by-provision",
        "f2 denied-by-provision",
      ]);
      const labelled = composeUpdate(request("as-labelled"));
      expect(labelled.included).toEqual(["f1"]);
      expect(labelled.withheld.map((withheld) => `${withheld.factId} ${withheld.reason}`)).toEqual(["f2 denied-by-provision"]);
    });

    it("refuses a setting it does not know, naming the option and never its value", () => {
      let error: unknown;
      try {
        consentFromFhir(outside(), untyped({ behavioralHealthLabels: "loose-reading" }));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues.map((issue) => [issue.path, issue.code])).toEqual([[[], "invalid-value"]]);
      expect((error as Error).message).toContain("options.behavioralHealthLabels");
      expect((error as Error).message).not.toContain("loose-reading");
    });
  });

  it("a deny part that cannot be read in full denies to all", () => {
    const { consent, notes } = consentFromFhir(
      outside({
        provision: [
          {
            type: "deny",
            actor: [recipientActor({ identifier: NPI }), recipientActor({ reference: "Organization/school" })],
            purpose: [{ system: ACT_REASON, code: "COC" }],
            code: [{ coding: [{ system: CATEGORY, code: "diagnosis" }] }, { coding: [{ system: "http://snomed.info/sct", code: "1" }] }],
            period: { start: "2026-07-01", end: "2026-08-01" },
          },
        ],
      }),
    );
    // Neither the recipients nor the categories could be read in full: the deny reaches everyone and everything, for COC.
    expect(consent.deny).toEqual([{ id: "provision-1", purposes: ["COC"] }]);
    expect(notes.filter((note) => note.code === "denies-all").map((note) => note.path.at(-1))).toEqual(["actor", "code"]);
    expect(notes).toContainEqual({ path: ["consent", "provision", "provision", 0, "period"], code: "unread-element" });
  });

  it("a concept whose codings name different categories: a deny denies each, a permit permits none", () => {
    const both = {
      coding: [
        { system: CATEGORY, code: "attendance" },
        { system: CATEGORY, code: "diagnosis" },
      ],
    };
    const denied = consentFromFhir(outside({ provision: [{ id: "two", type: "deny", code: [both] }] }));
    expect(denied.consent.deny).toEqual([{ id: "two", categories: ["attendance", "diagnosis"] }]);
    expect(denied.notes).toContainEqual({ path: ["consent", "provision", "provision", 0, "code", 0], code: "codings-disagree" });
    // The permit's other concept still permits; the one whose codings disagree permits neither, and is no unknown code.
    const permitted = consentFromFhir(outside({ code: [both, { coding: [{ system: CATEGORY, code: "progress-summary" }] }] }));
    expect(permitted.consent.categories).toEqual(["progress-summary"]);
    expect(permitted.notes.map((note) => [note.path.join("."), note.code])).toEqual([
      ["consent.category", "assumed-general"],
      ["consent.provision.code.0", "codings-disagree"],
    ]);
    const alone = consentFromFhir(outside({ code: [both] }));
    expect(alone.consent.categories).toEqual([]);
    expect(alone.notes).toContainEqual({ path: ["consent", "provision", "code"], code: "permits-nothing" });
    // Two codings of the same category agree.
    const same = {
      coding: [
        { system: CATEGORY, code: "attendance" },
        { system: CATEGORY, code: "attendance", display: "Attendance" },
      ],
    };
    expect(consentFromFhir(outside({ code: [same] })).consent.categories).toEqual(["attendance"]);
  });

  it("a consent that names two authorization kinds is refused, at the second", () => {
    const kinds = (...codes: string[]) => ({
      category: [{ coding: codes.map((code) => ({ system: "https://referwell.github.io/fhir/CodeSystem/authorization-kind", code })) }],
    });
    expect(consentFromFhir(outside({}, kinds("psychotherapy-note", "psychotherapy-note"))).consent.kind).toBe("psychotherapy-note");
    let error: unknown;
    try {
      consentFromFhir(outside({}, kinds("psychotherapy-note", "general")));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues.map((issue) => [issue.path.join("."), issue.code, issue.expected])).toEqual([
      ["category.0.coding.1.code", "invalid-value", "one authorization kind per consent"],
    ]);
  });

  it("a nested provision with no type is read as a deny, never lost", () => {
    const { consent, notes } = consentFromFhir(outside({ provision: [{ purpose: [{ system: ACT_REASON, code: "COC" }] }] }));
    expect(consent.deny).toEqual([{ id: "provision-1", purposes: ["COC"] }]);
    expect(notes).toContainEqual({ path: ["consent", "provision", "provision", 0, "type"], code: "read-as-deny" });
  });

  it("a deny base permits nothing and binds as a restriction; nested permits are not read", () => {
    const { consent, notes } = consentFromFhir(
      outside({
        type: "deny",
        actor: [recipientActor({ identifier: NPI })],
        code: [{ coding: [{ system: CATEGORY, code: "diagnosis" }] }],
        provision: [{ type: "permit", actor: [recipientActor({ identifier: NPI })] }],
      }),
    );
    expect([consent.recipients, consent.purposes, consent.categories]).toEqual([[], [], []]);
    expect(consent.deny).toEqual([{ id: "base", recipients: [{ identifier: NPI }], purposes: ["COC"], categories: ["diagnosis"] }]);
    expect(notes).toContainEqual({ path: ["consent", "provision", "provision", 0], code: "unread-element" });
  });

  describe("denies inside nested permits", () => {
    const diagnosis = { coding: [{ system: CATEGORY, code: "diagnosis" }] };
    const deepDeny = (extra: object = {}) => ({ type: "deny", code: [diagnosis], ...extra });
    const permitAround = (...provision: unknown[]) => ({ type: "permit", purpose: [{ system: ACT_REASON, code: "COC" }], provision });

    it("a deny in a permit in the base permit restricts, read on its own; the ids before it do not move", () => {
      const { consent, notes } = consentFromFhir(
        outside({ provision: untyped([deepDeny({ id: "first" }), permitAround(deepDeny(), permitAround(deepDeny({ id: "first" })))]) }),
      );
      expect(consent.deny).toEqual([
        { id: "first", categories: ["diagnosis"] },
        { id: "provision-2-1", categories: ["diagnosis"] },
        { id: "first-2", categories: ["diagnosis"] },
      ]);
      expect(consent.categories).toEqual(["attendance", "progress-summary"]);
      expect(notes).toContainEqual({ path: ["consent", "provision", "provision", 1], code: "unread-element" });
      // What the permit permits is not disclosed against the deny inside.
      expect(diagnosisToGp([{ ...consent, categories: ["diagnosis"] }]).decision).toBe("deny");
    });

    it("one with no type is read as a deny; one that cannot be read, or a place that cannot, denies everything, and nothing throws", () => {
      const untypedInside = consentFromFhir(outside({ provision: untyped([permitAround({ code: [diagnosis] })]) }));
      expect(untypedInside.consent.deny).toEqual([{ id: "provision-1-1", categories: ["diagnosis"] }]);
      expect(untypedInside.notes).toContainEqual({
        path: ["consent", "provision", "provision", 0, "provision", 0, "type"],
        code: "read-as-deny",
      });
      const broken = consentFromFhir(outside({ provision: untyped([permitAround(deepDeny({ purpose: "COC", id: 7 }))]) }));
      expect(broken.consent.deny).toEqual([{ id: "provision-1-1" }]);
      expect(broken.notes).toContainEqual({ path: ["consent", "provision", "provision", 0, "provision", 0], code: "denies-all" });
      const notAList = consentFromFhir(outside({ provision: untyped([{ type: "permit", provision: { type: "deny" } }]) }));
      expect(notAList.consent.deny).toEqual([{ id: "provision-1" }]);
      expect(notAList.notes).toContainEqual({ path: ["consent", "provision", "provision", 0, "provision"], code: "denies-all" });
      const notAnObject = consentFromFhir(outside({ provision: untyped([permitAround(deepDeny(), "deny")]) }));
      expect(notAnObject.consent.deny).toEqual([{ id: "provision-1-1", categories: ["diagnosis"] }, { id: "provision-1-2" }]);
    });

    it("8 deep is read; deeper, or past 200 provisions inside permits, denies everything", () => {
      const nest = (depth: number, inner: object): object => (depth === 0 ? inner : permitAround(nest(depth - 1, inner)));
      const at8 = consentFromFhir(outside({ provision: untyped([nest(7, deepDeny())]) }));
      expect(at8.consent.deny).toEqual([{ id: `provision${"-1".repeat(8)}`, categories: ["diagnosis"] }]);
      const at9 = consentFromFhir(outside({ provision: untyped([nest(8, deepDeny())]) }));
      expect(at9.consent.deny).toEqual([{ id: `provision${"-1".repeat(8)}` }]);
      expect(at9.notes.at(-1)).toEqual({
        path: ["consent", "provision", ...Array.from({ length: 8 }, () => ["provision", 0]).flat(), "provision"],
        code: "denies-all",
      });
      const many = (count: number) => Array.from({ length: count }, () => ({ type: "permit" }));
      expect(consentFromFhir(outside({ provision: untyped([permitAround(...many(200))]) })).consent.deny).toEqual([]);
      const past = consentFromFhir(outside({ provision: untyped([permitAround(...many(100)), permitAround(...many(101))]) }));
      expect(past.consent.deny).toEqual([{ id: "provision-2" }]);
    });

    it("an actor whose identifier names no one referwell can hold is no recipient: the deny is to all, wherever it is; null is absent", () => {
      const badNpi = recipientActor({ identifier: { ...NPI, value: "1234567894" } });
      const badId = recipientActor({ identifier: { system: "https://referwell.github.io/fhir/sid/id", value: " x" } });
      const inside = consentFromFhir(
        outside({ provision: untyped([permitAround(deepDeny({ actor: [badNpi] }), null, deepDeny({ actor: [badId] }))]) }),
      );
      expect(inside.consent.deny).toEqual([
        { id: "provision-1-1", categories: ["diagnosis"] },
        { id: "provision-1-3", categories: ["diagnosis"] },
      ]);
      expect(inside.notes).toContainEqual({
        path: ["consent", "provision", "provision", 0, "provision", 0, "actor", 0],
        code: "unknown-recipient",
      });
      expect(inside.notes).toContainEqual({ path: ["consent", "provision", "provision", 0, "provision", 0, "actor"], code: "denies-all" });
      // A deny nested in the base, which used to be refused, reads the same way.
      expect(
        consentFromFhir(outside({ provision: untyped([deepDeny({ actor: [badNpi, recipientActor({ identifier: NPI })] })]) })).consent.deny,
      ).toEqual([{ id: "provision-1", categories: ["diagnosis"] }]);
      // A permit leaves the actor out, and permits the rest.
      const permit = consentFromFhir(outside({ actor: [badNpi, recipientActor({ identifier: NPI })] }));
      expect(permit.consent.recipients).toEqual([{ identifier: NPI }]);
      expect(permit.notes).toContainEqual({ path: ["consent", "provision", "actor", 0], code: "unknown-recipient" });
      expect(consentFromFhir(outside({ provision: untyped([{ type: "permit", provision: null }]) })).consent.deny).toEqual([]);
    });

    it("ids repeated near the longest an id may be are kept apart, and reading always ends", () => {
      const long = "P".repeat(188);
      const { consent } = consentFromFhir(
        outside({ provision: untyped([deepDeny({ id: `${long}-2` }), deepDeny({ id: long }), deepDeny({ id: long })]) }),
      );
      expect(consent.deny.map((deny) => deny.id)).toEqual([`${long}-2`, long, `${long}-2-2`]);
      const longer = "L".repeat(195);
      const cut = `${longer.slice(0, 188)}-1`;
      const ids = consentFromFhir(
        outside({ provision: untyped([deepDeny({ id: longer }), deepDeny({ id: longer }), deepDeny({ id: cut })]) }),
      ).consent.deny.map((deny) => deny.id);
      expect(ids.slice(0, 2)).toEqual([longer, `${longer}-1`]);
      expect(new Set(ids).size).toBe(3);
      expect(ids.every((id) => id.length <= 200)).toBe(true);
      // No room left for a suffix: cut, with a count that rises until the id is free.
      const longest = "M".repeat(199);
      const stem = longest.slice(0, 188);
      const cutIds = consentFromFhir(
        outside({
          provision: untyped([
            deepDeny({ id: longest }),
            deepDeny({ id: longest }),
            deepDeny({ id: longest }),
            deepDeny({ id: `${stem}-1` }),
          ]),
        }),
      ).consent.deny.map((deny) => deny.id);
      expect(cutIds).toEqual([longest, `${stem}-1`, `${stem}-2`, `${stem}-1-3`]);
    });

    it("a permit shared with itself is walked within the bound, not forever", () => {
      const loop: { type: string; provision: object[] } = { type: "permit", provision: [] };
      loop.provision.push(loop, deepDeny());
      const { consent } = consentFromFhir(outside({ provision: untyped([loop]) }));
      expect(consent.deny.at(-1)).toEqual({ id: `provision${"-1".repeat(8)}` });
      expect(consent.deny.length).toBe(8);
    });
  });

  describe("what the probe of the reading found", () => {
    const ORG_NPI = { system: NPI.system, value: "1245319599" };
    it("a deny of an Organization, a CareTeam or a Group is to all: who belongs to one is not known here; a permit leaves it out", () => {
      for (const reference of [
        { type: "Organization", identifier: ORG_NPI },
        { type: "http://hl7.org/fhir/StructureDefinition/CareTeam", identifier: ORG_NPI },
        { reference: "Organization/org-1" },
        { reference: "https://ehr.example/fhir/Group/g-1" },
        { reference: "Organization/org-1/_history/2" },
        { reference: "Organization?identifier=urn:ietf:rfc:3986|org" },
        { reference: "#org" },
      ]) {
        const mapped = Object.fromEntries(
          ["Organization/org-1", "https://ehr.example/fhir/Group/g-1", "Organization/org-1/_history/2", "#org"].map((text) => [
            text,
            { referrerId: "ref-org" },
          ]),
        );
        const { consent, notes } = consentFromFhir(outside({ provision: [{ type: "deny", actor: [recipientActor(reference)] }] }), {
          recipients: { ...mapped, "Organization?identifier=urn:ietf:rfc:3986|org": { referrerId: "ref-org" } },
        });
        expect(consent.deny, JSON.stringify(reference)).toEqual([{ id: "provision-1" }]);
        expect(notes).toContainEqual({ path: ["consent", "provision", "provision", 0, "actor"], code: "denies-all" });
        expect(diagnosisToGp([{ ...EARLIER }, consent]).reason).toBe("denied-by-provision");
      }
      const permit = consentFromFhir(
        outside({ actor: [recipientActor({ type: "Organization", identifier: ORG_NPI }), recipientActor({ identifier: NPI })] }),
      );
      expect(permit.consent.recipients).toEqual([{ identifier: NPI }]);
      const mappedPermit = consentFromFhir(
        outside({ actor: [recipientActor({ reference: "HealthcareService/hs-1" }), recipientActor({ reference: "Practitioner/p-1" })] }),
        {
          recipients: { "HealthcareService/hs-1": { referrerId: "ref-hs" }, "Practitioner/p-1": { referrerId: "ref-p" } },
        },
      );
      expect(mappedPermit.consent.recipients).toEqual([{ referrerId: "ref-p" }]);
    });

    it("a BH label marks a category labelled DVD, read together or as labelled", () => {
      const categories = [
        { code: "school-support", label: "School support", confidentiality: "R" as const, sensitivity: ["DVD" as const] },
      ];
      const bh = outside({ provision: [{ type: "deny", securityLabel: [{ system: ACT_CODE, code: "BH" }] }] });
      for (const behavioralHealthLabels of ["together", "as-labelled"] as const)
        expect(consentFromFhir(bh, { categories, behavioralHealthLabels }).consent.deny[0]?.categories, behavioralHealthLabels).toContain(
          "school-support",
        );
    });

    it("ActCode's OID opts out, but an opt-in by it is not referwell's own form: its bare deny base denies everything", () => {
      const kind = [{ coding: [{ system: "https://referwell.github.io/fhir/CodeSystem/authorization-kind", code: "general" }] }];
      const bare = outside(untyped({ type: "deny", actor: undefined, purpose: undefined, code: undefined }), {
        category: kind,
        policyRule: { coding: [{ system: "urn:oid:2.16.840.1.113883.5.4", code: "OPTIN" }] },
      });
      expect(consentFromFhir(bare).consent.deny).toEqual([{ id: "base" }]);
    });

    it("more than 50 provisions nested in the base are read, the denies past the 49th merged; an id referwell cannot hold takes its place's", () => {
      const nested = Array.from({ length: 60 }, (_, index) => ({
        type: "deny",
        id: index === 0 ? " padded" : undefined,
        purpose: [{ system: ACT_REASON, code: "TREAT" }],
      }));
      const { consent, notes } = consentFromFhir(outside({ provision: untyped(nested) }));
      expect(consent.deny).toHaveLength(50);
      expect(consent.deny[0]).toEqual({ id: "provision-1", purposes: ["TREAT"] });
      expect(consent.deny[49]).toEqual({ id: "merged", purposes: ["TREAT"] });
      expect(notes).toContainEqual({ path: ["consent", "provision", "provision", 0, "id"], code: "unread-element" });
      expect(consentFromFhir(outside({ provision: untyped([{ type: "deny", id: 7 }]) })).consent.deny).toEqual([{ id: "provision-1" }]);
    });

    it("a Consent in force on no whole day is inactive: what it lifts stays", () => {
      const restriction: ConsentInput = {
        ...EARLIER,
        id: "restriction",
        status: "inactive",
        signed: "2026-03-01",
        deny: [{ id: "no-diagnosis", categories: ["diagnosis"] }],
      };
      const lifting: ConsentInput = {
        ...EARLIER,
        id: "lifting",
        signed: "2026-04-01",
        period: { start: "2026-04-01" },
        lifts: [{ consentId: "restriction", provisionId: "no-diagnosis" }],
      };
      const written = consentToFhir(lifting);
      expect(diagnosisToGp([EARLIER, restriction, consentFromFhir(written).consent]).decision).toBe("permit");
      const hours = {
        ...written,
        provision: { ...written.provision, period: { start: "2026-04-01T10:00:00Z", end: "2026-04-01T12:00:00Z" } },
      };
      const { consent, notes } = consentFromFhir(hours);
      expect(consent.status).toBe("inactive");
      expect(notes).toContainEqual({ path: ["consent", "status"], code: "read-as-inactive" });
      expect(diagnosisToGp([EARLIER, restriction, consent]).reason).toBe("denied-by-provision");
    });

    it("an opt-out written with ActCode's OID or its FHIR STU3 URL is an opt-out", () => {
      for (const system of ["urn:oid:2.16.840.1.113883.5.4", "http://hl7.org/fhir/v3/ActCode"]) {
        const { provision: _, ...noProvision } = outside({}, { policyRule: { coding: [{ system, code: "OPTOUT" }] } });
        expect(consentFromFhir(noProvision).consent.deny, system).toEqual([{ id: "base" }]);
      }
    });

    it("a deny for treatment reaches coordination of care, in the engine, whether read from FHIR or not", () => {
      const { consent } = consentFromFhir(outside({ provision: [{ type: "deny", purpose: [{ system: ACT_REASON, code: "TREAT" }] }] }));
      expect(consent.deny).toEqual([{ id: "provision-1", purposes: ["TREAT"] }]);
      expect(diagnosisToGp([EARLIER, { ...consent, signed: "2026-06-02" }]).reason).toBe("denied-by-provision");
    });
  });

  describe("more denies than a consent holds", () => {
    const purposeDeny = (code: string) => ({ type: "deny", purpose: [{ system: ACT_REASON, code }] });

    it("the first 49 are kept as read, the rest are one that denies what any of them does", () => {
      const nested = [
        ...Array.from({ length: 48 }, () => purposeDeny("TREAT")),
        {
          ...purposeDeny("HPAYMT"),
          code: [{ coding: [{ system: CATEGORY, code: "risk" }] }],
          dataPeriod: { start: "2026-01-01", end: "2026-02-01" },
        },
        {
          ...purposeDeny("HPAYMT"),
          code: [{ coding: [{ system: CATEGORY, code: "diagnosis" }] }],
          dataPeriod: { start: "2025-01-01", end: "2025-03-01" },
        },
      ];
      const { consent, notes } = consentFromFhir(
        outside({ type: "deny", purpose: [{ system: ACT_REASON, code: "COC" }], provision: untyped(nested) }),
      );
      expect(consent.deny).toHaveLength(50);
      expect(consent.deny.slice(0, 3).map((deny) => deny.id)).toEqual(["base", "provision-1", "provision-2"]);
      expect(consent.deny[48]).toEqual({ id: "provision-48", purposes: ["TREAT"] });
      expect(consent.deny[49]).toEqual({
        id: "merged",
        purposes: ["HPAYMT"],
        categories: ["risk", "diagnosis"],
        dataPeriod: { start: "2025-01-01", end: "2026-02-01" },
      });
      expect(notes).toContainEqual({ path: ["consent", "provision", "provision"], code: "denies-merged" });
    });

    it("the 50th deny is folded in only when the Consent holds more than 50 in all, and a taken id is not reused", () => {
      const nested = [
        ...Array.from({ length: 48 }, () => purposeDeny("TREAT")),
        { ...purposeDeny("HPAYMT"), id: "merged" },
        { type: "permit", provision: [purposeDeny("COC")] },
      ];
      const base = { type: "deny", purpose: [{ system: ACT_REASON, code: "COC" }] };
      const fifty = consentFromFhir(outside(untyped({ ...base, provision: nested.slice(0, 49) }))).consent.deny;
      expect(fifty.at(-1)).toEqual({ id: "merged", purposes: ["HPAYMT"] });
      const more = consentFromFhir(outside(untyped({ ...base, provision: nested }))).consent.deny;
      expect(more.slice(0, 49)).toEqual(fifty.slice(0, 49));
      expect(more[49]).toEqual({ id: "merged-51", purposes: ["HPAYMT", "COC"] });
    });

    it("the merged one names a list only when each of the rest does", () => {
      const nested = [
        ...Array.from({ length: 48 }, () => purposeDeny("TREAT")),
        { type: "deny", purpose: [{ system: ACT_REASON, code: "HPAYMT" }], code: [{ coding: [{ system: CATEGORY, code: "risk" }] }] },
        {
          type: "deny",
          purpose: [{ system: ACT_REASON, code: "COC" }],
          code: [{ coding: [{ system: CATEGORY, code: "diagnosis" }] }],
          dataPeriod: { start: "2025-01-01" },
        },
      ];
      const { consent } = consentFromFhir(
        outside({ type: "deny", purpose: [{ system: ACT_REASON, code: "COC" }], provision: untyped(nested) }),
      );
      expect(consent.deny[49]).toEqual({ id: "merged", purposes: ["HPAYMT", "COC"], categories: ["risk", "diagnosis"] });
    });
  });

  describe("an opt-out", () => {
    const decision = (resource: FhirConsent) => {
      const answer = diagnosisToGp([EARLIER, consentFromFhir(resource).consent]);
      return `${answer.decision} ${answer.reason}`;
    };
    const OPTOUT = { policyRule: { coding: [{ system: ACT_CODE, code: "OPTOUT" }] } };

    it("a deny base that names nothing denies everything, and binds against an earlier permission", () => {
      const bare = outside(untyped({ type: "deny", actor: undefined, purpose: undefined, code: undefined }));
      expect(consentFromFhir(bare).consent.deny).toEqual([{ id: "base" }]);
      expect(consentFromFhir(bare).consent.period).toEqual({ start: "2026-06-02", end: "2027-06-01" });
      expect(decision(bare)).toBe("deny denied-by-provision");
    });

    it("under OPTOUT: no provision denies everything; a base with no type is a deny of what it names", () => {
      const { provision: _, ...noProvision } = outside({}, OPTOUT);
      expect(consentFromFhir(noProvision).consent.deny).toEqual([{ id: "base" }]);
      expect(decision(noProvision)).toBe("deny denied-by-provision");
      const untypedBase = outside(
        untyped({ type: undefined, actor: undefined, code: [{ coding: [{ system: CATEGORY, code: "diagnosis" }] }] }),
        OPTOUT,
      );
      const { consent, notes } = consentFromFhir(untyped(untypedBase));
      expect(consent.deny).toEqual([{ id: "base", purposes: ["COC"], categories: ["diagnosis"] }]);
      expect(notes).toContainEqual({ path: ["consent", "provision", "type"], code: "read-as-deny" });
      expect(decision(untyped(untypedBase))).toBe("deny denied-by-provision");
    });

    it("OPTOUTE too, and an opt-out among codings that disagree; referwell's authorization kind marks its own form only under OPTIN", () => {
      const { provision: _, ...noProvision } = outside({}, { policyRule: { coding: [{ system: ACT_CODE, code: "OPTOUTE" }] } });
      expect(consentFromFhir(noProvision).consent.deny).toEqual([{ id: "base" }]);
      const disagreeing = {
        policyRule: {
          coding: [
            { system: ACT_CODE, code: "OPTIN" },
            { system: ACT_CODE, code: "OPTOUT" },
          ],
        },
      };
      const { provision: __, ...withoutBase } = outside({}, disagreeing);
      expect(consentFromFhir(withoutBase).consent.deny).toEqual([{ id: "base" }]);
      const kind = [{ coding: [{ system: "https://referwell.github.io/fhir/CodeSystem/authorization-kind", code: "general" }] }];
      const bareUnder = (policyRule: object) =>
        consentFromFhir(
          outside(untyped({ type: "deny", actor: undefined, purpose: undefined, code: undefined }), { category: kind, policyRule }),
        ).consent.deny;
      expect(bareUnder({ coding: [{ system: ACT_CODE, code: "OPTIN" }] })).toEqual([]);
      expect(bareUnder({ coding: [{ system: ACT_CODE, code: "OPTOUT" }] })).toEqual([{ id: "base" }]);
      expect(bareUnder({ text: "no coding" })).toEqual([{ id: "base" }]);
    });

    it("the form referwell writes for a consent that permits nothing still permits nothing, and restricts nothing", () => {
      const nothing: ConsentInput = { ...EARLIER, id: "later", signed: "2026-06-02", recipients: [], purposes: [], categories: [] };
      const read = consentFromFhir(consentToFhir(nothing)).consent;
      expect(read.deny).toEqual([]);
      expect(decision(consentToFhir(nothing))).toBe("permit permitted");
    });
  });

  it("nothing agreed permits: proposed, rejected and entered-in-error are inactive, their restrictions kept", () => {
    const status = (value: FhirConsent["status"]) => consentFromFhir(outside({}, { status: value }));
    expect(status("proposed").consent.status).toBe("inactive");
    expect(status("rejected").consent.status).toBe("inactive");
    expect(status("entered-in-error").notes).toContainEqual({ path: ["consent", "status"], code: "read-as-inactive" });
  });

  describe("a draft", () => {
    const draft = outside(
      { provision: [{ type: "deny", code: [{ coding: [{ system: CATEGORY, code: "diagnosis" }] }] }] },
      { status: "draft" },
    );
    const decision = (options?: Parameters<typeof consentFromFhir>[1]) =>
      diagnosisToGp([EARLIER, consentFromFhir(draft, options).consent]).decision;

    it("from elsewhere restricts as a proposed one does, noted, and permits nothing", () => {
      const { consent, notes } = consentFromFhir(draft);
      expect(consent.status).toBe("inactive");
      expect(notes).toContainEqual({ path: ["consent", "status"], code: "read-as-inactive" });
      expect(decision()).toBe("deny");
    });

    it("reads as a referwell draft when the host says so, or when referwell wrote it", () => {
      expect(consentFromFhir(draft, { drafts: "draft" }).consent.status).toBe("draft");
      expect(decision({ drafts: "draft" })).toBe("permit");
      const ours = consentToFhir({ ...EARLIER, id: "ours", status: "draft", deny: [{ id: "no-diagnosis", categories: ["diagnosis"] }] });
      expect(consentFromFhir(ours).consent.status).toBe("draft");
      expect(consentFromFhir(ours).notes).toEqual([]);
    });

    it("refuses a setting it does not know, naming the option and never its value", () => {
      expect(() => consentFromFhir(draft, untyped({ drafts: "ZQX-MARKER" }))).toThrow(/options\.drafts/);
      expect(() => consentFromFhir(draft, untyped({ drafts: "ZQX-MARKER" }))).not.toThrow(/ZQX-MARKER/);
    });
  });

  it("bad FHIR is refused by path and rule, never with a value", () => {
    const marker = "ZQX-MARKER-9";
    const broken: FhirConsent = untyped({
      ...outside({ period: { start: marker } }),
      resourceType: "Consents",
      status: marker,
      scope: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "research" }] },
      patient: undefined,
    });
    let error: unknown;
    try {
      consentFromFhir(broken);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    const { issues, message } = error as InvalidInputError;
    expect(issues.map((issue) => [issue.path.join("."), issue.code])).toEqual([
      ["resourceType", "invalid-value"],
      ["status", "invalid-value"],
      ["scope", "invalid-value"],
      ["patient", "required"],
      ["provision.period.start", "invalid-format"],
    ]);
    expect(JSON.stringify(error) + message + String(error)).not.toContain(marker);
    expect(() => consentToFhir(untyped({ id: "c", status: marker }))).toThrow(InvalidInputError);
  });
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { consentFromFhir, FhirNote } from "referwell/fhir";
import type { Consent as FhirConsent } from "@medplum/fhirtypes";
import { consentAround } from "./fixtures.js";

const ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
const CATEGORY = "https://referwell.github.io/fhir/CodeSystem/disclosure-category";
const IRCP = { role: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", code: "IRCP" }] } };
/** What no element should hold: read anywhere, it must neither throw nor be lost. */
const junk = fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null), fc.boolean(), fc.constant([1]), fc.constant({ a: 1 }));
/** A provision as an EHR might nest it, often well formed, sometimes not, up to 4 deep and 3 wide. */
const { provision } = fc.letrec<{ provision: unknown }>((tie) => ({
  provision: fc.oneof(
    { weight: 1, arbitrary: junk },
    {
      weight: 6,
      arbitrary: fc.record(
        {
          type: fc.oneof(fc.constantFrom("permit", "deny", "other"), junk),
          id: fc.oneof(
            fc.constantFrom("a", "provision-1", "provision-2-1", " padded", "P".repeat(188), `${"P".repeat(188)}-3`, "Q".repeat(200)),
            junk,
          ),
          actor: fc.oneof(
            fc.constantFrom(
              [{ ...IRCP, reference: { identifier: { system: "http://hl7.org/fhir/sid/us-npi", value: "1234567893" } } }],
              [{ ...IRCP, reference: { identifier: { system: "http://hl7.org/fhir/sid/us-npi", value: "1234567894" } } }],
              [{ ...IRCP, reference: { identifier: { system: "https://referwell.github.io/fhir/sid/id", value: " x" } } }],
              [{ ...IRCP, reference: { identifier: { system: "https://example.org/ids", value: "---" } } }],
            ),
            junk,
          ),
          purpose: fc.oneof(fc.constant([{ system: ACT_REASON, code: "COC" }]), fc.constant([{ system: ACT_REASON, code: "XX" }]), junk),
          code: fc.oneof(fc.constant([{ coding: [{ system: CATEGORY, code: "diagnosis" }] }]), junk),
          provision: fc.oneof(fc.array(tie("provision"), { maxLength: 3, depthIdentifier: "nested" }), junk),
        },
        { requiredKeys: [] },
      ),
    },
  ),
}));

/** A Consent permitting attendance to an NPI, with two nested denies and a nested permit holding `inside` (left out when undefined). */
function consentWith(inside: unknown[] | undefined): FhirConsent {
  const permit = { type: "permit", purpose: [{ system: ACT_REASON, code: "COC" }], ...(inside === undefined ? {} : { provision: inside }) };
  return consentAround({
    type: "permit",
    actor: [
      {
        role: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", code: "IRCP" }] },
        reference: { identifier: { system: "http://hl7.org/fhir/sid/us-npi", value: "1234567893" } },
      },
    ],
    purpose: [{ system: ACT_REASON, code: "COC" }],
    code: [{ coding: [{ system: CATEGORY, code: "attendance" }] }],
    provision: [
      { type: "deny", id: "a", code: [{ coding: [{ system: CATEGORY, code: "risk" }] }] },
      permit,
      { type: "deny", purpose: [{ system: ACT_REASON, code: "TREAT" }] },
    ],
  });
}

describe("denies inside nested permits", () => {
  test.prop([fc.array(provision, { maxLength: 3 })], { numRuns: 500 })(
    "whatever a nested permit holds, the Consent still reads: the denies read before keep their ids and contents, and more may follow",
    (inside) => {
      const before = consentFromFhir(consentWith(undefined));
      const read = consentFromFhir(consentWith(inside));
      expect(read.consent.deny.slice(0, before.consent.deny.length)).toEqual(before.consent.deny);
      expect(
        read.consent.deny.slice(before.consent.deny.length).every((deny) => !before.consent.deny.some(({ id }) => id === deny.id)),
      ).toBe(true);
      expect(read.consent.categories).toEqual(before.consent.categories);
      for (const note of read.notes) expect(FhirNote.safeParse(note).success, note.path.join(".")).toBe(true);
    },
  );

  test.prop([fc.array(provision, { maxLength: 3 })], { numRuns: 500 })(
    "a deny found inside denies at least what it says: one that names the diagnosis for coordination of care, read well, withholds it",
    (inside) => {
      const read = consentFromFhir(consentWith(inside)).consent.deny.slice(2);
      const wellFormed = (item: unknown): boolean => {
        if (typeof item !== "object" || item === null) return false;
        const { type, purpose, code } = item as Record<string, unknown>;
        return type === "deny" && Array.isArray(purpose) && Array.isArray(code) && (purpose[0] as { code?: string })?.code === "COC";
      };
      const found = inside.filter(wellFormed).length;
      const withholding = read.filter(
        (deny) =>
          (deny.purposes === undefined || deny.purposes.includes("COC")) &&
          (deny.categories === undefined || deny.categories.includes("diagnosis")),
      );
      expect(withholding.length).toBeGreaterThanOrEqual(found);
    },
  );
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { consentFromFhir } from "referwell/fhir";
import { consentAround } from "./fixtures.js";

const ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
const IRCP = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", code: "IRCP" }] };
const GROUPS = ["Organization", "CareTeam", "Group", "HealthcareService"] as const;
const PEOPLE = ["Practitioner", "PractitionerRole", "RelatedPerson"] as const;

/** A reference to a resource of `type`, in one of the ways FHIR writes one, and its literal text when it has one. */
const referenceTo = (types: readonly string[]) =>
  fc
    .tuple(
      fc.constantFrom(...types),
      fc.stringMatching(/^[a-z0-9]{1,8}$/),
      fc.constantFrom("type", "relative", "absolute", "versioned", "conditional", "typed-relative"),
    )
    .map(([type, id, form]) => {
      const literal = {
        type: undefined,
        relative: `${type}/${id}`,
        "typed-relative": `${type}/${id}`,
        absolute: `https://ehr.example/fhir/${type}/${id}`,
        versioned: `${type}/${id}/_history/3`,
        conditional: `${type}?identifier=urn:ietf:rfc:3986|${id}`,
      }[form];
      const withType = form === "type" || form === "typed-relative";
      return {
        literal,
        reference: {
          ...(literal === undefined ? {} : { reference: literal }),
          ...(withType ? { type: form === "type" ? `http://hl7.org/fhir/StructureDefinition/${type}` : type } : {}),
          ...(literal === undefined ? { identifier: { system: "https://example.org/ids", value: id } } : {}),
        },
      };
    });

/** A Consent whose one nested deny names `reference` as its actor, for coordination of care; the host maps `literal` to a referrer. */
function denyNaming(reference: object, literal: string | undefined) {
  return consentFromFhir(
    consentAround({
      type: "deny",
      purpose: [{ system: ACT_REASON, code: "COC" }],
      provision: [{ type: "deny", actor: [{ role: IRCP, reference }] }],
    }),
    literal === undefined ? {} : { recipients: { [literal]: { referrerId: "ref-mapped" } } },
  ).consent.deny.find((deny) => deny.id === "provision-1");
}

describe("actors that name a group of people", () => {
  test.prop([referenceTo(GROUPS)], { numRuns: 300 })(
    "a deny naming a group, in any form FHIR writes a reference, mapped or not, is to everyone",
    ({ reference, literal }) => {
      expect(denyNaming(reference, literal)).toEqual({ id: "provision-1" });
    },
  );

  test.prop([referenceTo(PEOPLE).filter(({ literal }) => literal !== undefined && !literal.includes("?"))], { numRuns: 300 })(
    "a deny naming one person by a literal reference the host mapped names that referrer",
    ({ reference, literal }) => {
      expect(denyNaming(reference, literal)).toEqual({ id: "provision-1", recipients: [{ referrerId: "ref-mapped" }] });
    },
  );
});

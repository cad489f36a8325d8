import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { createVocabulary, defaultVocabulary } from "referwell";
import { composeUpdate } from "referwell/consent";
import { clientFromFhir, defaultCodeMaps, disclosureToFhir, referralToFhir, transactionBundle, updateToFhir } from "referwell/fhir";
import { assessReferral } from "referwell/refer";
import type { Resource } from "@medplum/fhirtypes";
import { updateRequest } from "../arbitraries/consent.js";
import { clinician } from "../arbitraries/model.js";
import { NOW, referralCase } from "../arbitraries/refer.js";
import { deepFreeze } from "../support/deepFreeze.js";
import { untyped } from "../support/untyped.js";
import { allFhirErrors } from "../support/fhirValidator.js";

const vocabulary = createVocabulary();
const DISCLOSER = { reference: "Organization/harbour" } as const;

/** Every resource, and the transaction Bundle of them all, validates with no errors. */
function expectValid(resources: readonly Resource[]): void {
  for (const resource of [...resources, transactionBundle(resources)]) expect(allFhirErrors(resource), resource.resourceType).toEqual([]);
}

describe("what referwell/fhir writes is valid FHIR R4 (outside validators)", () => {
  test.prop([referralCase, clinician()], { numRuns: 60 })("every referral: ServiceRequest, Task and their Bundle", (input, receiving) => {
    // Frozen: the writers never change what they are given.
    const assessment = deepFreeze(assessReferral(untyped(input), { now: NOW, vocabulary }));
    const { serviceRequest, task } = referralToFhir(assessment, deepFreeze(receiving), { now: NOW });
    expectValid([serviceRequest, task]);
    expect(task.focus?.reference).toBe(`ServiceRequest/${serviceRequest.id}`);
    expect(serviceRequest.status).toBe(assessment.safety.holdsHandOff ? "on-hold" : "active");
  });

  test.prop([updateRequest], { numRuns: 60 })("every composed update: Communication, AuditEvent and their Bundle", (request) => {
    const composed = deepFreeze(composeUpdate(request));
    const communication = updateToFhir(composed, { now: request.now });
    const audit =
      composed.disclosure === undefined
        ? undefined
        : disclosureToFhir(composed.disclosure, { recorded: "2026-11-23T09:00:00Z", discloser: DISCLOSER });
    expect(communication === undefined).toBe(composed.status === "nothing");
    expectValid([communication, audit].filter((resource): resource is NonNullable<typeof resource> => resource !== undefined));
    // Nothing withheld reaches the Communication.
    for (const { factId } of composed.withheld) {
      const fact = request.facts.find((candidate) => candidate.id === factId);
      if (fact !== undefined && !composed.included.some((id) => request.facts.find((f) => f.id === id)?.text === fact.text)) {
        expect(communication?.payload?.[0]?.contentString ?? "").not.toContain(fact.text);
      }
    }
  });
});

/** The problem areas the default maps can write with a code. */
const coded = [...new Set(defaultCodeMaps.problemAreas.map((entry) => entry.tag))].sort();

describe("referwell → FHIR → referwell", () => {
  test("every problem area the maps code is a known tag of the vocabulary", () => {
    const known = new Set(defaultVocabulary.problemAreas.map((entry) => entry.code));
    expect(coded.filter((tag) => !known.has(tag))).toEqual([]);
    const disciplines = new Set(defaultVocabulary.disciplines.map((entry) => entry.code));
    expect(defaultCodeMaps.disciplines.filter((entry) => !disciplines.has(entry.tag))).toEqual([]);
  });

  test.prop([fc.shuffledSubarray(coded, { minLength: 1, maxLength: 6 }), fc.constantFrom("snomed", "icd", "both")])(
    "a referral's problem areas, read back as Conditions, are the same needs in the same order",
    (needs, systems) => {
      const assessment = assessReferral(
        untyped({
          client: { id: "cl-1", ageGroup: "adult", residence: { jurisdiction: "US-OR" }, needs: { problemAreas: needs } },
          clinician: {
            id: "clin-a",
            name: "A",
            discipline: "psychologist",
            licensure: { licenses: [{ jurisdiction: "US-OR" }] },
            problemAreas: needs,
            populations: ["adults"],
            languages: ["en"],
            availability: { timeZone: "America/Los_Angeles", slots: [] },
            acceptingNewClients: true,
            capacity: { caseloadMax: 10, caseloadCurrent: 1, weeklyNewClientLimit: 1 },
          },
          measurements: [],
        }),
        { now: NOW, vocabulary },
      );
      const wanted = [...new Set([...assessment.criteria.require.problemAreas, ...assessment.criteria.prefer.problemAreas])];
      const { serviceRequest } = referralToFhir(assessment, receivingClinician, {
        now: NOW,
      });
      const conditions = (serviceRequest.reasonCode ?? [])
        .filter((concept) => concept.coding?.some((coding) => !coding.system?.startsWith("https://referwell")) === true)
        .map((concept) => ({
          resourceType: "Condition" as const,
          subject: { reference: "Patient/cl-1" },
          // One system at a time, so each map is checked on its own.
          code: {
            coding: (concept.coding ?? []).filter((coding) =>
              systems === "both"
                ? true
                : coding.system === (systems === "snomed" ? "http://snomed.info/sct" : "http://hl7.org/fhir/sid/icd-10-cm"),
            ),
          },
        }))
        .filter((condition) => condition.code.coding.length > 0);
      const expected = wanted.filter((tag) =>
        defaultCodeMaps.problemAreas.some(
          (entry) =>
            entry.tag === tag &&
            (systems === "both" ||
              entry.system === (systems === "snomed" ? "http://snomed.info/sct" : "http://hl7.org/fhir/sid/icd-10-cm")),
        ),
      );
      if (expected.length === 0) return;
      const { client } = clientFromFhir(
        { resourceType: "Patient", id: "cl-1", birthDate: "1990-01-01", address: [{ state: "OR", country: "US" }] },
        [],
        conditions,
        {
          now: NOW,
        },
      );
      expect(client.needs.problemAreas).toEqual(expected);
    },
  );
});

const receivingClinician = {
  id: "clin-b",
  name: "B",
  discipline: "psychologist",
  licensure: { licenses: [{ jurisdiction: "US-OR" }] },
  populations: ["adults"],
  languages: ["en"],
  availability: { timeZone: "America/Los_Angeles", slots: [] },
  acceptingNewClients: true,
  capacity: { caseloadMax: 10, caseloadCurrent: 1, weeklyNewClientLimit: 1 },
};

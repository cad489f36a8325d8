import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { clientFromFhir, clinicianFromFhir, consentFromFhir, consentToFhir } from "referwell/fhir";
import { consents } from "../arbitraries/consent.js";
import { hostile, hostileJson, marker } from "../arbitraries/hostile.js";
import { expectNoLeak, keysOf, MARKER } from "../support/noLeak.js";
import { untyped } from "../support/untyped.js";
import { consentOf } from "../support/consentOf.js";
import { copy, patientInput, practitionerInput } from "./fixtures.js";

const clinicianCase = practitionerInput("net-rosecity-1");
const clientCase = patientInput();
const KEYS = [...keysOf([clinicianCase, clientCase])];

/** Runs a reader; it must succeed or fail without a marker anywhere, and its notes never carry one either. */
function read(call: () => { notes: readonly unknown[] }): void {
  let notes: readonly unknown[] = [];
  expectNoLeak(() => {
    notes = call().notes;
  });
  expect(JSON.stringify(notes)).not.toMatch(MARKER);
}

describe("no input value leaks from the FHIR readers", () => {
  test.prop([hostile(fc.constant(clinicianCase))], { numRuns: 300 })("clinicianFromFhir, on the sample's FHIR made hostile", (input) => {
    const { practitioner, roles, options } = (untyped(input) ?? {}) as typeof clinicianCase;
    read(() => clinicianFromFhir(practitioner, roles, options));
  });

  test.prop([hostile(fc.constant(clientCase))], { numRuns: 300 })("clientFromFhir, on the sample's FHIR made hostile", (input) => {
    const { patient, coverages, conditions } = (untyped(input) ?? {}) as typeof clientCase;
    read(() => clientFromFhir(patient, coverages, conditions, { now: "2026-11-23" }));
  });

  test.prop([consents.chain((generated) => hostile(fc.constant(generated.map((consent) => consentToFhir(consent)))))], { numRuns: 300 })(
    "consentFromFhir, on written consents made hostile",
    (resources) => {
      const list: unknown = resources;
      for (const resource of Array.isArray(list) ? list : [list]) read(() => consentFromFhir(untyped(resource)));
    },
  );

  test.prop([fc.array(fc.tuple(marker, marker), { minLength: 1, maxLength: 3 })])(
    "a consent's unknown purposes, codes, labels and actors are noted by path, never by value",
    (codings) => {
      const resource = consentToFhir(
        consentOf({
          signed: "2026-06-02",
          period: { start: "2026-06-02" },
          categories: ["attendance"],
          deny: [{ id: "d1", categories: ["diagnosis"] }],
        }),
      );
      const unknown = codings.map(([system, code]) => ({ system, code }));
      const base = resource.provision ?? {};
      const actor = unknown.map((identifier) => ({
        ...base.actor?.[0],
        reference: { reference: `${identifier.system}/${identifier.code}` },
      }));
      const deny = {
        ...base.provision?.[0],
        purpose: unknown,
        securityLabel: unknown,
        code: unknown.map((coding) => ({ coding: [coding] })),
      };
      const provision = {
        ...base,
        actor: [...(base.actor ?? []), ...actor],
        purpose: [...(base.purpose ?? []), ...unknown],
        code: [...(base.code ?? []), ...unknown.map((coding) => ({ coding: [coding] }))],
        provision: [deny],
      };
      const { consent, notes } = consentFromFhir(untyped({ ...resource, provision }));
      // Every unknown entry is noted (actors, purposes, codes; the deny's purposes, labels, codes, and its widened parts).
      expect(notes.length).toBeGreaterThanOrEqual(6 * codings.length);
      expect(JSON.stringify(notes)).not.toMatch(MARKER);
      expect(JSON.stringify(consent)).not.toMatch(MARKER);
      expect(consent.deny).toEqual([{ id: "d1" }]);
    },
  );

  test.prop([hostileJson([...KEYS, "provision", "actor", "purpose", "securityLabel", "dataPeriod", "scope", "dateTime"])], {
    numRuns: 200,
  })("consentFromFhir, on arbitrary JSON built from FHIR's keys", (one) => {
    read(() => consentFromFhir(untyped(one), untyped({ recipients: { one } })));
  });

  test.prop([hostileJson(KEYS), hostileJson(KEYS)], { numRuns: 200 })("both, on arbitrary JSON built from FHIR's keys", (one, two) => {
    read(() => clinicianFromFhir(untyped(one), untyped(two), untyped({ locations: two, insurancePlans: one })));
    read(() => clientFromFhir(untyped(one), untyped(two), untyped(one), { now: "2026-11-23" }));
  });

  test.prop([fc.array(fc.tuple(fc.option(marker, { nil: undefined }), marker), { minLength: 1, maxLength: 4 })])(
    "a code no map knows is reported by its path (and a system only when the maps know it), never by value",
    (codings) => {
      const { practitioner, roles, options } = copy(clinicianCase);
      const specialty = codings.map(([system, code]) => ({ coding: [{ system: system ?? "http://snomed.info/sct", code }] }));
      const role = { ...roles[0], specialty } as (typeof roles)[number];
      const { notes } = clinicianFromFhir(practitioner, [role], options);
      expect(notes.filter((note) => note.code === "unknown-code")).toHaveLength(codings.length);
      expect(JSON.stringify(notes)).not.toMatch(MARKER);
      const { patient, coverages } = copy(clientCase);
      const conditions = specialty.map((code) => ({ resourceType: "Condition" as const, subject: { reference: "Patient/cl-02" }, code }));
      const read = clientFromFhir(patient, coverages, conditions, { now: "2026-11-23", problemAreas: ["trauma"] });
      expect(read.notes).toHaveLength(codings.length);
      expect(JSON.stringify(read.notes)).not.toMatch(MARKER);
    },
  );
});

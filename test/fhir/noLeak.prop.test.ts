import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { clientFromFhir, clinicianFromFhir } from "referwell/fhir";
import { hostile, hostileJson, marker } from "../arbitraries/hostile.js";
import { expectNoLeak, keysOf, MARKER } from "../support/noLeak.js";
import { untyped } from "../support/untyped.js";
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

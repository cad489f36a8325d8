/** The sample practice's FHIR input (examples/data/fhir-bundle.json), split the way the readers take it. */
import { readFileSync } from "node:fs";
import type {
  Bundle,
  Condition,
  Consent,
  Coverage,
  InsurancePlan,
  Location,
  Patient,
  Practitioner,
  PractitionerRole,
  Resource,
} from "@medplum/fhirtypes";

const bundle = JSON.parse(readFileSync(new URL("../../examples/data/fhir-bundle.json", import.meta.url), "utf8")) as Bundle;
const all: Resource[] = (bundle.entry ?? []).flatMap((entry) => (entry.resource === undefined ? [] : [entry.resource]));
const ofType = <T extends Resource>(type: T["resourceType"]): T[] =>
  all.filter((resource): resource is T => resource.resourceType === type);

export const ISSUERS = { "Organization/board-us-or": "US-OR", "Organization/board-us-wa": "US-WA" } as const;

/** A Practitioner of the sample, its roles, and the options that resolve their references. */
export function practitionerInput(id: string): {
  practitioner: Practitioner;
  roles: PractitionerRole[];
  options: { locations: Location[]; insurancePlans: InsurancePlan[]; issuerJurisdictions: typeof ISSUERS };
} {
  const practitioner = ofType<Practitioner>("Practitioner").find((candidate) => candidate.id === id) as Practitioner;
  const roles = ofType<PractitionerRole>("PractitionerRole").filter((role) => role.practitioner?.reference === `Practitioner/${id}`);
  return {
    practitioner,
    roles,
    options: {
      locations: ofType<Location>("Location"),
      insurancePlans: ofType<InsurancePlan>("InsurancePlan"),
      issuerJurisdictions: ISSUERS,
    },
  };
}

/** The sample's Patient with its Coverages and Conditions. */
export function patientInput(): { patient: Patient; coverages: Coverage[]; conditions: Condition[] } {
  return {
    patient: ofType<Patient>("Patient")[0] as Patient,
    coverages: ofType<Coverage>("Coverage"),
    conditions: ofType<Condition>("Condition"),
  };
}

/** A deep copy, to change freely. */
export const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** An active patient-privacy Consent of `Patient/cl-1`, dated 2026-06-02, with `provision` as its base provision. */
export const consentAround = (provision: object): Consent =>
  ({
    resourceType: "Consent",
    id: "ehr-1",
    status: "active",
    scope: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy" }] },
    patient: { reference: "Patient/cl-1" },
    dateTime: "2026-06-02",
    provision,
  }) as Consent;

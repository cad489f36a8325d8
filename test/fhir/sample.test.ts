import { readFileSync } from "node:fs";
import type { Resource } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { composeUpdate, Consent, Fact } from "referwell/consent";
import { consentFromFhir, consentToFhir, disclosureToFhir, referralToFhir, transactionBundle, updateToFhir } from "referwell/fhir";
import { createMatcher } from "referwell/match";
import { assessReferral } from "referwell/refer";
import { validate } from "referwell";
import * as z from "zod";
import { loadSampleData } from "../../examples/demo/load.js";
import { allFhirErrors } from "../support/fhirValidator.js";

/** The sample practice's week as FHIR: every referral to the best option, every update its consents allow, every disclosure. */
function exportWeek(): Resource[] {
  const data = loadSampleData();
  const { directory, clients, histories, vocabulary, weekOf } = data;
  const matcher = createMatcher(directory);
  const resources: Resource[] = [];
  for (const episode of histories.episodes.filter((e) => e.status === "active")) {
    const client = clients.find((c) => c.id === episode.clientId);
    const clinician = directory.clinicians.find((c) => c.id === episode.clinicianId);
    if (client === undefined || clinician === undefined) continue;
    const measurements = histories.measurements.filter((m) => m.clientId === client.id);
    const assessment = assessReferral(
      { client, clinician, episode: { start: episode.start }, measurements, compacts: directory.compacts },
      { now: weekOf, vocabulary },
    );
    if (!assessment.refer) continue;
    const best = matcher.rank({ criteria: assessment.criteria, practiceId: data.homePracticeId }, { now: weekOf }).options[0];
    const receiving = directory.clinicians.find((c) => c.id === best?.clinicianId);
    if (receiving === undefined) continue;
    const { serviceRequest, task } = referralToFhir(assessment, receiving, { now: weekOf });
    resources.push(serviceRequest, task);
  }
  const sample = validate(
    z.object({ consents: z.array(Consent), facts: z.array(Fact) }),
    JSON.parse(readFileSync(new URL("../../examples/data/consents.json", import.meta.url), "utf8")),
    "consents",
  );
  // The consents the updates rest on, as the EHR would store them; each reads back as it was.
  for (const consent of sample.consents) {
    const resource = consentToFhir(consent);
    expect(consentFromFhir(resource).consent).toEqual(consent);
    resources.push(resource);
  }
  const pairs = new Set(
    sample.consents.flatMap((consent) =>
      consent.recipients.flatMap((r) => ("referrerId" in r && r.referrerId !== undefined ? [`${consent.clientId} ${r.referrerId}`] : [])),
    ),
  );
  for (const pair of [...pairs].sort()) {
    const [clientId = "", referrerId = ""] = pair.split(" ");
    const referrer = data.referrers.find((r) => r.id === referrerId);
    if (referrer === undefined) continue;
    const composed = composeUpdate({
      kind: "progress",
      client: { id: clientId },
      recipient: { referrerId, name: referrer.name },
      purpose: "COC",
      facts: sample.facts.filter((f) => f.clientId === clientId),
      consents: sample.consents.filter((c) => c.clientId === clientId),
      now: weekOf,
    });
    const communication = updateToFhir(composed, { now: weekOf });
    if (communication !== undefined) resources.push(communication);
    if (composed.disclosure !== undefined) {
      resources.push(
        disclosureToFhir(composed.disclosure, { recorded: `${weekOf}T17:00:00-08:00`, discloser: { reference: "Organization/harbour" } }),
      );
    }
  }
  return resources;
}

describe("the sample practice as FHIR", () => {
  it("exports its week as one transaction Bundle that validates as a whole", () => {
    const resources = exportWeek();
    const kinds = new Set(resources.map((resource) => resource.resourceType));
    expect([...kinds].sort()).toEqual(["AuditEvent", "Communication", "Consent", "ServiceRequest", "Task"]);
    const bundle = transactionBundle(resources);
    expect(bundle.entry?.length).toBe(resources.length);
    expect(allFhirErrors(bundle)).toEqual([]);
    for (const resource of resources) expect(allFhirErrors(resource), resource.resourceType).toEqual([]);
  });

  it("its FHIR input (examples/data/fhir-bundle.json) is valid FHIR R4 too, extensions and all", () => {
    const bundle = JSON.parse(readFileSync(new URL("../../examples/data/fhir-bundle.json", import.meta.url), "utf8")) as Resource;
    expect(allFhirErrors(bundle)).toEqual([]);
  });

  it("exports the same ids twice: sending the Bundle again stores nothing new", () => {
    const ids = (resources: Resource[]) => resources.map((resource) => `${resource.resourceType}/${resource.id}`);
    expect(ids(exportWeek())).toEqual(ids(exportWeek()));
  });
});

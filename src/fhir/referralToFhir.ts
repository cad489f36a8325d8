import type { ServiceRequest, Task } from "@medplum/fhirtypes";
import type * as z from "zod";
import { Clinician, type ClinicianInput } from "../model/clinician.js";
import { Now } from "../model/now.js";
import { validate } from "../model/validate.js";
import { ReferralAssessment } from "../refer/results.js";
import type { CodeMapsInput } from "./codeMaps.js";
import { CodeSystems } from "./codeMaps.js";
import { compileCodeMaps } from "./internal/codeLookup.js";
import { conceptOf, REASON_SYSTEM, referenceTo, stableId } from "./internal/outbound.js";

/** What {@link referralToFhir} needs besides the assessment and the clinician. */
export interface ReferralToFhirOptions {
  /** When the referral is made: its `authoredOn`, and part of its id. */
  readonly now: Now;
  /** The host's code map entries, ahead of the defaults, for the problem areas' codings. */
  readonly codeMaps?: CodeMapsInput;
}

/** An outbound referral as FHIR: the request, and the task that tracks it. */
export interface FhirReferral {
  /** The referral (shaped after BSeR's referral ServiceRequest). */
  readonly serviceRequest: ServiceRequest;
  /** Its Task (shaped after BSeR's referral Task), owned by the receiving clinician. */
  readonly task: Task;
}

/** referwell's urgency as FHIR request priority: `soon` is `urgent`, `urgent` is `asap` (FHIR R4 request-priority). */
const PRIORITY = { routine: "routine", soon: "urgent", urgent: "asap" } as const;

/**
 * Writes an outbound referral, an assessment from `assessReferral` and the
 * clinician chosen for it, as a FHIR R4 ServiceRequest and Task shaped after
 * HL7 Bidirectional Services eReferral (BSeR): `intent` `order`, category
 * SNOMED CT 3457005 (Patient referral), `subject` the client, `requester`
 * the treating clinician, `performer` and the Task's `owner` the receiving
 * clinician, `priority` from the urgency (`routine` → `routine`, `soon` →
 * `urgent`, `urgent` → `asap`), and `reasonCode` the findings' reason codes
 * (referwell's code system) followed by the client's problem areas, each
 * with its SNOMED CT and ICD-10-CM codes from the code maps. No finding's
 * text is written: what the receiving clinician may read beyond the codes
 * is a composed update's job, under the client's consent.
 *
 * While the assessment's safety section holds the hand-off (open risk), both
 * resources are `on-hold`, and the Task says why.
 *
 * It does not claim BSeR conformance: BSeR also asks for a supporting
 * document bundle and US Core profiles, which the host builds.
 *
 * @param assessment - what `assessReferral` returned
 * @param clinician - the receiving clinician, as the directory holds them
 * @param options - `now`, and optionally code maps
 * @returns the ServiceRequest and the Task, with stable ids
 * @throws {@link InvalidInputError} when the assessment, the clinician or `now` is not valid
 *
 * @example
 * ```ts
 * import { referralToFhir } from "referwell/fhir";
 *
 * const clinician = {
 *   id: "clin-kai",
 *   name: "Kai Moana",
 *   discipline: "psychologist",
 *   licensure: { licenses: [{ jurisdiction: "US-OR" }] },
 *   populations: ["adults"],
 *   languages: ["en"],
 *   availability: { timeZone: "America/Los_Angeles", slots: [] },
 *   acceptingNewClients: true,
 *   capacity: { caseloadMax: 20, caseloadCurrent: 10, weeklyNewClientLimit: 2 },
 * };
 * const { serviceRequest, task } = referralToFhir(
 *   {
 *     safety: { level: "none", evidence: [], actions: [], holdsHandOff: false, needs: [] },
 *     clientId: "cl-07",
 *     clinicianId: "clin-ana",
 *     asOf: "2026-11-23",
 *     refer: true,
 *     urgency: "soon",
 *     findings: [],
 *     notices: [],
 *     criteria: { location: { jurisdiction: "US-OR" }, require: { problemAreas: ["trauma"] } },
 *     options: { minimumOptions: 2, preferredOptions: 3, margin: 0.1, source: "referwell default" },
 *     preparation: [],
 *     unevaluated: [],
 *     progress: [],
 *     unknownTags: [],
 *   },
 *   clinician,
 *   { now: "2026-11-23" },
 * );
 * serviceRequest.priority; // => "urgent"
 * serviceRequest.performer; // => [{ reference: "Practitioner/clin-kai", display: "Kai Moana" }]
 * serviceRequest.reasonCode?.[0]?.coding?.[0]; // => { system: "http://snomed.info/sct", code: "47505003" }
 * task.focus; // => { reference: `ServiceRequest/${serviceRequest.id}` }
 * ```
 */
export function referralToFhir(
  assessment: z.input<typeof ReferralAssessment>,
  clinician: ClinicianInput,
  options: ReferralToFhirOptions,
): FhirReferral {
  const read = validate(ReferralAssessment, assessment, "assessment");
  const receiving = validate(Clinician, clinician, "clinician");
  const now = validate(Now, options.now, "options.now");
  const maps = compileCodeMaps(options.codeMaps);
  const id = stableId("ServiceRequest", [read.clientId, read.clinicianId, receiving.id, read.asOf, now]);
  const onHold = read.safety.holdsHandOff;
  const priority = PRIORITY[read.urgency];
  const needs = [...new Set([...read.criteria.require.problemAreas, ...read.criteria.prefer.problemAreas])];
  const subject = referenceTo("Patient", read.clientId);
  const requester = referenceTo("Practitioner", read.clinicianId);
  const performer = referenceTo("Practitioner", receiving.id, receiving.name);
  const serviceRequest: ServiceRequest = {
    resourceType: "ServiceRequest",
    id,
    status: onHold ? "on-hold" : "active",
    intent: "order",
    category: [{ coding: [{ system: CodeSystems.snomed, code: "3457005", display: "Patient referral" }] }],
    priority,
    subject,
    authoredOn: now,
    requester,
    performer: [performer],
    reasonCode: [
      ...read.findings.map((finding) => ({ coding: [{ system: REASON_SYSTEM, code: finding.code }] })),
      ...needs.map((tag) => conceptOf(maps.problemAreas, tag)),
    ],
  };
  const task: Task = {
    resourceType: "Task",
    id: stableId("Task", id),
    status: onHold ? "on-hold" : "requested",
    ...(onHold ? { statusReason: { text: "Risk is open: continue care and assess risk before the hand-off." } } : {}),
    intent: "order",
    priority,
    code: { coding: [{ system: "http://hl7.org/fhir/CodeSystem/task-code", code: "fulfill" }] },
    focus: { reference: `ServiceRequest/${id}` },
    for: subject,
    authoredOn: now,
    requester,
    owner: performer,
  };
  return { serviceRequest, task };
}

import { ExpectedText } from "../../errors.js";
import type { Coverage, PayerProgram } from "../../model/client.js";
import type { FhirNote } from "../notes.js";
import { period } from "./dates.js";
import { codingsOf, referencedId } from "./elements.js";
import type { FhirPath, FhirReader } from "./read.js";

/** The Source of Payment Typology (PHDSC), as US Core writes it; its first digit is the programme. */
const SOPT = "https://nahdo.org/sopt";
const COVERAGE_CLASS = "http://terminology.hl7.org/CodeSystem/coverage-class";

function programOf(reader: FhirReader, type: unknown, path: FhirPath): PayerProgram | undefined {
  const code = codingsOf(reader, type, path).find(({ value }) => value.system === SOPT)?.value.code;
  // SOPT 1 Medicare, 2 Medicaid, 5 private health insurance, 6 Blue Cross/Blue Shield.
  const programs: Record<string, PayerProgram> = { "1": "medicare", "2": "medicaid", "5": "commercial", "6": "commercial" };
  return code === undefined ? undefined : programs[code.charAt(0)];
}

/** The plan: the value of the `class` whose type is `plan` (coverage-class). */
function planOf(reader: FhirReader, classes: unknown, path: FhirPath): string | undefined {
  let plan: string | undefined;
  reader.array(classes, path).forEach((item, index) => {
    const at = [...path, index];
    const entry = reader.object(item, at);
    if (entry === undefined || plan !== undefined) return;
    const isPlan = codingsOf(reader, entry.type, [...at, "type"]).some(
      ({ value }) => value.system === COVERAGE_CLASS && value.code === "plan",
    );
    if (isPlan) plan = reader.string(entry.value, [...at, "value"], true, 64);
  });
  return plan;
}

/**
 * One Coverage as referwell's: the payer from the first `payor` (an
 * Organization reference), the plan from `class`, the programme from a SOPT
 * `type`, and the period (a start is required). A coverage `draft` or
 * `entered-in-error` is skipped and noted; one for another patient is an issue.
 */
export function coverageOf(
  reader: FhirReader,
  value: unknown,
  index: number,
  patientId: string | undefined,
  notes: FhirNote[],
): Coverage | undefined {
  const at: FhirPath = ["coverages", index];
  const coverage = reader.object(value, at, true);
  if (coverage === undefined || !reader.resourceType(coverage, "Coverage", at)) return undefined;
  if (coverage.status === "draft" || coverage.status === "entered-in-error") {
    notes.push({ path: [...at, "status"], code: "inactive" });
    return undefined;
  }
  const beneficiary = referencedId(reader, coverage.beneficiary, "Patient", [...at, "beneficiary"], true);
  if (beneficiary !== undefined && patientId !== undefined && beneficiary !== patientId) {
    reader.report([...at, "beneficiary", "reference"], "unknown-reference", ExpectedText.reference);
  }
  const payerId = referencedId(reader, reader.array(coverage.payor, [...at, "payor"])[0], "Organization", [...at, "payor", 0], true);
  const planId = planOf(reader, coverage.class, [...at, "class"]);
  const program = programOf(reader, coverage.type, [...at, "type"]);
  const span = period(reader, coverage.period, [...at, "period"], true);
  if (payerId === undefined || span === undefined) return undefined;
  return { payerId, ...(planId === undefined ? {} : { planId }), ...(program === undefined ? {} : { program }), period: span };
}

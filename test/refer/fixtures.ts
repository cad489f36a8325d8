/** Small builders for referral cases in example tests: valid defaults, overridden per test. */
import { createVocabulary, type InputIssue, InvalidInputError } from "referwell";
import { assessReferral, type AssessReferralOptions, createRuleContext, type ReferralAssessment, type RuleContext } from "referwell/refer";
import { untyped } from "../support/untyped.js";

export const NOW = "2026-11-23";
export const vocabulary = createVocabulary();

type Json = Record<string, unknown>;

export const clinician = (overrides: Json = {}): Json => ({
  id: "clin-ana",
  name: "Ana Ruiz",
  discipline: "psychologist",
  practiceId: "harbour",
  licensure: { licenses: [{ jurisdiction: "US-OR" }] },
  problemAreas: ["depression", "anxiety", "trauma"],
  modalities: ["cbt", "act"],
  populations: ["adults"],
  languages: ["en"],
  insurancePanels: [{ payerId: "aetna", period: { start: "2020-01-01" } }],
  fee: { currency: "USD", minorUnits: 15000 },
  telehealth: true,
  availability: { timeZone: "America/Los_Angeles", slots: [] },
  acceptingNewClients: true,
  capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
  ...overrides,
});

export const client = (overrides: Json = {}): Json => ({
  id: "cl-01",
  ageGroup: "adult",
  residence: { jurisdiction: "US-OR" },
  coverage: [{ payerId: "aetna", program: "commercial", period: { start: "2024-01-01" } }],
  needs: { problemAreas: ["depression"], severity: "moderate" },
  ...overrides,
});

export const referralCase = (overrides: { client?: Json; clinician?: Json } & Json = {}): Json => {
  const { client: clientOverrides, clinician: clinicianOverrides, ...rest } = overrides;
  return { client: client(clientOverrides), clinician: clinician(clinicianOverrides), episode: { start: "2026-01-05" }, ...rest };
};

export const assess = (input: unknown, options: Partial<AssessReferralOptions> = {}): ReferralAssessment =>
  assessReferral(untyped(input), { now: NOW, vocabulary, ...options });

export const context = (input: unknown, options: Partial<AssessReferralOptions> = {}): RuleContext =>
  createRuleContext(untyped(input), { now: NOW, vocabulary, ...options });

export const codes = (assessment: ReferralAssessment): string[] => assessment.findings.map((finding) => finding.code);

export const finding = (assessment: ReferralAssessment, code: string) => assessment.findings.find((entry) => entry.code === code);

/** Weekly scores from a start date, one a week. */
export const weekly = (instrument: string, start: string, scores: readonly number[]) =>
  scores.map((score, week) => ({
    instrument,
    date: new Date(Date.parse(start) + week * 7 * 86_400_000).toISOString().slice(0, 10),
    score,
  }));

/** The issues of the InvalidInputError a call throws (and only that error), with its message. */
export function rejection(call: () => unknown): { issues: readonly InputIssue[]; message: string } {
  try {
    call();
  } catch (error) {
    if (error instanceof InvalidInputError) return { issues: error.issues, message: error.message };
    throw error;
  }
  throw new Error("expected an InvalidInputError, and the call returned");
}

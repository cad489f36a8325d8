/**
 * When to refer: one client, assessed on a fixed day, with the findings a
 * clinician reads, the words the client hears, the alternatives, the steps
 * to prepare, and the criteria a matcher takes as they are. Then measured
 * progress on its own, and a practice leaving a payer's panel.
 *
 *   npm run build && npx tsx --tsconfig examples/tsconfig.run.json examples/when-to-refer.ts
 */
import { createVocabulary, validate, Clinician } from "referwell";
import { assessPanelExit, assessReferral, builtInInstruments, classifyProgress, type ReferralCaseInput } from "referwell/refer";

const now = "2026-11-23";
const vocabulary = createVocabulary();

const ben = validate(
  Clinician,
  {
    id: "clin-ben",
    name: "Ben Okafor",
    discipline: "clinical social worker",
    practiceId: "harbour",
    licensure: { licenses: [{ jurisdiction: "US-OR" }] },
    problemAreas: ["trauma", "substance use", "grief"],
    modalities: ["EMDR", "CPT", "motivational interviewing"],
    populations: ["adults"],
    languages: ["en"],
    insurancePanels: [
      { payerId: "regence", period: { start: "2019-05-01" } },
      { payerId: "medicaid-or", period: { start: "2021-01-01" } },
    ],
    fee: { currency: "USD", minorUnits: 15000 },
    slidingScaleFloor: { currency: "USD", minorUnits: 9000 },
    telehealth: true,
    availability: { timeZone: "America/Los_Angeles", slots: [{ day: "tue", start: "09:00", end: "17:00" }] },
    acceptingNewClients: true,
    capacity: { caseloadMax: 24, caseloadCurrent: 22, weeklyNewClientLimit: 1 },
  },
  "clinician",
);

// A client whose insurance changed on 1 November, who will move in January,
// and whose depression scores have not moved in three months.
const input: ReferralCaseInput = {
  client: {
    id: "cl-41",
    ageGroup: "adult",
    residence: { jurisdiction: "US-OR" },
    plannedMoves: [{ date: "2027-01-20", to: { jurisdiction: "US-WA" } }],
    coverage: [
      { payerId: "regence", period: { start: "2023-01-01", end: "2026-10-31" } },
      { payerId: "cigna", period: { start: "2026-11-01" } },
    ],
    maxSelfPay: { currency: "USD", minorUnits: 10000 },
    needs: { problemAreas: ["trauma"], severity: "moderate" },
  },
  clinician: ben,
  episode: { start: "2026-06-02" },
  measurements: ["2026-08-04", "2026-08-18", "2026-09-01", "2026-09-15", "2026-09-29", "2026-10-13", "2026-10-27"].map((date, index) => ({
    instrument: "PHQ-9",
    date,
    score: [16, 15, 17, 15, 16, 15, 16][index] as number,
  })),
};

const assessment = assessReferral(input, { now, vocabulary, policy: { billing: { slidingScale: true } } });
console.log(`${assessment.clientId}: refer ${assessment.refer}, ${assessment.urgency}`);
for (const finding of assessment.findings) {
  console.log(`\n[${finding.urgency}] ${finding.code}${finding.date === undefined ? "" : ` (${finding.date})`}`);
  console.log(`  for the clinician: ${finding.summary}`);
  console.log(`  for the client:    ${finding.explanation}`);
  for (const alternative of finding.alternatives) console.log(`  or: ${alternative.explanation}`);
}
console.log("\nPrepare:");
for (const step of assessment.preparation) console.log(`  - ${step.summary}${step.dueBy === undefined ? "" : ` (by ${step.dueBy})`}`);
const { criteria } = assessment;
console.log(
  `\nCriteria for the matcher: start ${criteria.startDate} in ${criteria.location.jurisdiction}, ` +
    `payers ${criteria.require.payment?.payers.map((payer) => payer.payerId).join(", ") ?? "any"}, ` +
    `excluding ${criteria.require.excludeClinicianIds.join(", ")}; offer ${assessment.options.minimumOptions}–${assessment.options.preferredOptions} options.`,
);

// Measured progress on its own: GAD-7 from 13 to 4 is a reliable recovery.
const gad7 = builtInInstruments.find((instrument) => instrument.id === "GAD-7");
if (gad7 !== undefined) {
  const summary = classifyProgress(gad7, [
    { date: "2026-04-14", score: 13 },
    { date: "2026-05-26", score: 7 },
    { date: "2026-07-07", score: 4 },
  ]);
  console.log(`\nGAD-7 ${summary.baseline.score} → ${summary.latest.score} over ${summary.weeks} weeks: ${summary.classification}`);
}

// The practice leaves Regence on 1 March: who needs a referral, and to whom.
const exit = assessPanelExit(
  {
    date: "2027-03-01",
    practiceId: "harbour",
    payerIds: ["regence"],
    clinicians: [ben],
    clients: [
      {
        id: "cl-42",
        ageGroup: "adult",
        residence: { jurisdiction: "US-OR" },
        coverage: [{ payerId: "regence", period: { start: "2022-01-01" } }],
        needs: { problemAreas: ["grief"] },
      },
      {
        id: "cl-43",
        ageGroup: "adult",
        residence: { jurisdiction: "US-OR" },
        coverage: [{ payerId: "medicaid-or", period: { start: "2022-01-01" } }],
        needs: { problemAreas: ["trauma"] },
      },
    ],
    episodes: [
      { clientId: "cl-42", clinicianId: "clin-ben" },
      { clientId: "cl-43", clinicianId: "clin-ben" },
    ],
  },
  { now, vocabulary },
);
for (const referral of exit.referrals) {
  console.log(
    `\nLeaving ${referral.payerIds.join(", ")} on ${exit.date}: ${referral.clientId} needs a clinician on that panel (${referral.assessment.urgency}).`,
  );
}

/**
 * Consent-limited updates on their own: an app that imports
 * `referwell/consent` asks whether a disclosure is permitted, composes a
 * progress update that carries only what the client's consents allow, and
 * keeps the disclosure record. Bad input is rejected without echoing it.
 *
 *   npx tsx --tsconfig examples/tsconfig.run.json examples/consent.ts
 */
import { InvalidInputError } from "referwell";
import { composeUpdate, type ConsentInput, evaluateConsent } from "referwell/consent";

const now = "2026-11-23T09:00:00-08:00";
// The practice's zone decides the day; without it, an instant must be permitted on every day it may be somewhere.
const timeZone = "America/Los_Angeles";
const recipient = { referrerId: "ref-th-01", name: "Dr Lucia Bennett", kind: "provider" as const };
const period = { start: "2026-08-12", end: "2027-08-11" };
const consents: ConsentInput[] = [
  {
    id: "cons-06",
    clientId: "cl-06",
    status: "active",
    kind: "general",
    signed: "2026-08-12",
    period,
    recipients: [{ referrerId: "ref-th-01" }],
    purposes: ["COC"],
    categories: ["acknowledgement", "attendance", "progress-summary", "diagnosis", "psychotherapy-note"],
    // The client asked that her diagnosis stay with us.
    deny: [{ id: "no-diagnosis", categories: ["diagnosis"] }],
  },
  // A 42 CFR Part 2 consent for substance-use records, for the same referrer.
  {
    id: "cons-06-part2",
    clientId: "cl-06",
    status: "active",
    kind: "sud-records",
    signed: "2026-08-12",
    period,
    recipients: [{ referrerId: "ref-th-01" }],
    purposes: ["COC"],
    categories: ["substance-use"],
  },
];
const fact = (id: string, category: string, text: string) => ({ id, clientId: "cl-06", category, text, recorded: "2026-11-16" });
const facts = [
  fact("f1", "attendance", "Weekly sessions, none missed since August."),
  fact("f2", "progress-summary", "Sleep and mood steadier; returning to part-time work."),
  fact("f3", "substance-use", "No alcohol for 60 days; goes to a peer group weekly."),
  fact("f4", "diagnosis", "Alcohol use disorder, moderate, in early remission."),
  fact("f5", "psychotherapy-note", "Process note, session 9."),
];

// One question at a time.
for (const category of ["attendance", "diagnosis", "psychotherapy-note", "substance-use"]) {
  const decision = evaluateConsent(consents, { client: "cl-06", recipient, purpose: "COC", category, at: now }, { timeZone });
  console.log(
    `${category.padEnd(20)} ${decision.decision.padEnd(7)} ${decision.reason}${decision.provision?.provisionId ? ` (${decision.provision.provisionId})` : ""}`,
  );
}

// The whole update: this practice's template asks for what coordination needs, including substance use.
const result = composeUpdate({
  kind: "progress",
  template: {
    id: "sud-progress",
    title: "Progress update",
    categories: ["attendance", "progress-summary", "substance-use", "diagnosis", "psychotherapy-note"],
  },
  client: { id: "cl-06", displayName: "Riley" },
  recipient,
  purpose: "COC",
  facts,
  consents,
  now,
  timeZone,
});
console.log(`\n${result.status}: included ${result.included.join(", ")}`);
for (const withheld of result.withheld) console.log(`withheld ${withheld.factId}: ${withheld.reason} — ${withheld.text}`);
console.log(`labels: ${JSON.stringify(result.update?.labels)}\n`);
console.log(result.update?.markdown);
console.log(`record: ${JSON.stringify(result.disclosure, null, 2)}`);

// Bad input: the error names the path and the rule, never the value.
try {
  composeUpdate({
    kind: "progress",
    client: { id: "cl-06" },
    recipient,
    purpose: "COC",
    now: "next Tuesday",
    facts: [fact("f6", "Psychotherapy Notes", "Process note, session 10.")],
    consents,
  });
} catch (error) {
  if (error instanceof InvalidInputError) console.log(`\n${error.message}`);
}

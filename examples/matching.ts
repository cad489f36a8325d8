/**
 * Matching on its own: an app that imports only `referwell/match` ranks the
 * sample directory for one client, explains a clinician who is not an
 * option, and assigns the week's intake across the practice.
 *
 *   npx tsx --tsconfig examples/tsconfig.run.json examples/matching.ts
 */
import { readFileSync } from "node:fs";
import type { ClientInput } from "referwell";
import { assignReferrals, createMatcher } from "referwell/match";

const read = (name: string) => JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), "utf8"));
const directory = read("directory.json");
const clients: ClientInput[] = read("clients.json");
const now = "2026-11-23T09:00:00-08:00";

const matcher = createMatcher(directory);
const client = clients.find((c) => c.id === "cl-14");

// A severe OCD client who asked for ERP: the best options, each explained.
const result = matcher.rank({ client, practiceId: "harbour" }, { now, limit: 3 });
console.log(`Options for cl-14 (${result.eligibleCount} eligible, recommendation: ${result.recommendation.kind}):`);
for (const option of result.options) {
  console.log(
    `  ${option.clinicianId.padEnd(16)} ${option.score.toFixed(3)} ${option.colleague ? "colleague" : "network"}  ${option.payment.via}`,
  );
  for (const part of option.parts) console.log(`    ${part.criterion.padEnd(9)} ${part.contribution.toFixed(3)}  ${part.reason}`);
}

// Why not Femi? The matcher says.
const why = matcher.explain({ client }, "clin-femi", { now });
console.log(`\nWhy not clin-femi: ${why.failures.map((failure) => failure.text).join(" ")}`);

// The week's intake, placed across the practice's own clinicians.
const intake = ["cl-13", "cl-14", "cl-15", "cl-16", "cl-17", "cl-18", "cl-19", "cl-20"];
const team = directory.clinicians.filter((c: { practiceId?: string }) => c.practiceId === "harbour");
const week = assignReferrals(
  intake.map((id) => ({ id, client: clients.find((c) => c.id === id) })),
  team,
  { now, compacts: directory.compacts },
);
console.log("\nIntake this week:");
for (const a of week.assignments) console.log(`  ${a.referralId} → ${a.clinicianId} (${a.option.score.toFixed(3)})`);
for (const u of week.unassigned) console.log(`  ${u.referralId}: ${u.text}`);

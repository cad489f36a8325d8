/**
 * Closed-loop referrals on the sample practice: where each referral it
 * received stands against the access standards, what the referrers are owed,
 * the outbound hand-offs, the month's measures and a waitlist review.
 *
 *   npx tsx --tsconfig examples/tsconfig.run.json examples/intake.ts
 */
import { readFileSync } from "node:fs";
import { Directory, validate } from "referwell";
import {
  type InboundEventInput,
  intakeMeasures,
  type OutboundEventInput,
  outboundStatus,
  referralStatuses,
  reviewWaitlist,
  type WaitlistEntryInput,
} from "referwell/intake";
import { createMatcher } from "referwell/match";

const read = (name: string) => JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), "utf8"));
const { inbound, outbound, waitlist } = read("intake.json") as {
  inbound: InboundEventInput[][];
  outbound: OutboundEventInput[][];
  waitlist: WaitlistEntryInput[];
};
const now = "2026-11-23";

console.log("Referrals in flight:");
// One call reads the whole intake; referralStatus(events, { now }) reads one referral the same way.
for (const status of referralStatuses(inbound, { now })) {
  const owed = status.referrerUpdatesDue.map((due) => `${due.milestone} by ${due.dueBy}`).join(", ");
  console.log(
    `  ${status.referralId} ${status.state.padEnd(10)} contact ${status.firstContact.status.padEnd(8)} appointment ${status.firstAppointment.status.padEnd(8)} next ${status.nextStep.code}${owed ? `; tell the referrer: ${owed}` : ""}`,
  );
}

console.log("Sent out:");
for (const events of outbound) {
  const status = outboundStatus(events, { now });
  console.log(
    `  ${status.referralId} ${status.state.padEnd(9)} hand-off ${status.handOffComplete ? "complete" : "open"}; next ${status.nextSteps.map((step) => step.code).join(", ") || "none"}`,
  );
}

const month = intakeMeasures({ inbound, outbound }, { now, period: { start: "2026-11-01", end: "2026-11-30" } }).practice;
console.log(
  `November: ${month.received} received, ${month.contactedWithinStandard.met} of ${month.contactedWithinStandard.decided} contacted within the standard, ${month.firstVisits} seen, ${month.loopClosureNotesSent} updates to referrers, ${month.handOffsCompleted} of ${month.outboundSent} hand-offs complete`,
);

const matcher = createMatcher(validate(Directory, read("directory.json"), "directory"));
// Ben has no place this week: his trauma client waits, within the time they can wait.
const review = reviewWaitlist(waitlist, matcher, { now, practiceId: "harbour", places: [{ clinicianId: "clin-ben", count: 0 }] });
console.log("Waitlist:");
for (const decision of review.decisions) {
  const who = decision.clinicianId ?? (decision.options.join(", ") || `position ${decision.position}`);
  console.log(`  ${decision.id} ${decision.action.padEnd(9)} ${who}: ${decision.explanation}`);
}

/**
 * Referrer relationships on the sample practice: fold each referrer's events,
 * list what to do this week, and measure the network against its goals.
 *
 *   npx tsx --tsconfig examples/tsconfig.run.json examples/relationships.ts
 */
import { readFileSync } from "node:fs";
import type { Referrer } from "referwell";
import {
  assessNetwork,
  findLateralOpportunities,
  type OutboundReferralInput,
  type RelationshipEvent,
  relationshipState,
  suggestNextActions,
} from "referwell/relationships";

const read = (name: string) => JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), "utf8"));
const referrers: Referrer[] = read("referrers.json");
const { relationshipEvents, outboundReferrals } = read("histories.json") as {
  relationshipEvents: RelationshipEvent[];
  outboundReferrals: OutboundReferralInput[];
};
const now = "2026-11-23";

const states = referrers
  .map((referrer) => ({ referrer, events: relationshipEvents.filter((event) => event.referrerId === referrer.id) }))
  .filter(({ events }) => events.length > 0)
  .map(({ referrer, events }) => relationshipState(events, { now, referrerId: referrer.id, referrerKind: referrer.kind }));

for (const state of states) {
  const actions = suggestNextActions(state, { now }).filter((action) => action.overdueDays >= -6);
  console.log(
    `${state.referrerId.padEnd(12)} ${state.lifecycle.padEnd(10)} stage ${state.stage ?? "-"}  ${actions.map((a) => a.code).join(", ") || "nothing due"}`,
  );
}

const network = assessNetwork(referrers, states, {}, { now });
console.log("\nGaps:");
for (const gap of network.gaps) console.log(`  ${gap}`);
console.log(`New meetings in ${network.monthlyMeetings.month}: ${network.monthlyMeetings.held} of ${network.monthlyMeetings.target}`);

for (const opportunity of findLateralOpportunities(outboundReferrals, referrers, states, { now }))
  console.log(`Lateral: ${opportunity.text}`);

/** Relationships: each referrer's stage, this week's next actions, and the network's gaps. */
import {
  assessNetwork,
  findLateralOpportunities,
  type RelationshipEvent,
  relationshipState,
  suggestNextActions,
} from "referwell/relationships";
import { heading, pad } from "./format.js";
import type { SampleData } from "./load.js";

export function relationshipsSection(data: SampleData): void {
  const { referrers, histories, weekOf, directory } = data;
  const name = (id: string | null) => (id === null ? "—" : (directory.clinicians.find((c) => c.id === id)?.name ?? id));
  const events = histories.relationshipEvents as unknown as RelationshipEvent[];
  const states = referrers
    .filter((referrer) => events.some((event) => event.referrerId === referrer.id))
    .map((referrer) =>
      relationshipState(
        events.filter((event) => event.referrerId === referrer.id),
        { now: weekOf, referrerId: referrer.id, referrerKind: referrer.kind },
      ),
    );

  heading("Referrer relationships");
  for (const state of states) {
    const referrer = referrers.find((r) => r.id === state.referrerId);
    const stage = state.stage === null ? "no referral yet" : `stage ${state.stage}`;
    console.log(
      `${pad(referrer?.name ?? state.referrerId, 30)} ${pad(state.lifecycle, 10)} ${pad(stage, 16)} point person ${pad(name(state.pointPersonId), 16)} ${state.collaboration}`,
    );
  }

  heading("Next actions due this week");
  const due = states.flatMap((state) => suggestNextActions(state, { now: weekOf })).filter((action) => action.overdueDays >= -6);
  for (const action of due.sort((a, b) => b.overdueDays - a.overdueDays || (a.referrerId < b.referrerId ? -1 : 1))) {
    const referrer = referrers.find((r) => r.id === action.referrerId)?.name ?? action.referrerId;
    const when =
      action.overdueDays > 0
        ? `${action.overdueDays} day${action.overdueDays === 1 ? "" : "s"} overdue`
        : action.overdueDays === 0
          ? "due today"
          : `due ${action.dueDate}`;
    console.log(`${pad(action.code, 22)} ${pad(referrer, 30)} ${pad(name(action.clinicianId), 16)} ${when}`);
  }

  heading("The network against its goals");
  const network = assessNetwork(referrers, states, {}, { now: weekOf });
  for (const goal of network.goals)
    console.log(
      `${goal.met ? "✓" : "·"} ${goal.text}${goal.met || goal.candidates.length === 0 ? "" : ` Approach: ${goal.candidates.slice(0, 3).join(", ")}`}`,
    );
  console.log(`New meetings in ${network.monthlyMeetings.month}: ${network.monthlyMeetings.held} of ${network.monthlyMeetings.target}.`);
  for (const opportunity of findLateralOpportunities(histories.outboundReferrals, referrers, states, { now: weekOf }))
    console.log(`Lateral opportunity: ${opportunity.text}`);
}

/** Matching: the week's intake across the team, and options outside the practice for who cannot be placed. */
import { assignReferrals, createMatcher, type RankedOption } from "referwell/match";
import type { ReferralAssessment } from "referwell/refer";
import { heading, list, pad } from "./format.js";
import type { SampleData } from "./load.js";

const describe = (option: RankedOption, name: (id: string) => string): string => {
  const needs = option.parts.find((part) => part.criterion === "needs");
  const pays =
    option.payment.via === "insurance"
      ? `in network (${option.payment.payerId})`
      : option.payment.via === "self-pay"
        ? "self-pay"
        : "payment not given";
  return `${pad(name(option.clinicianId), 18)} ${option.score.toFixed(2)}  ${pad(pays, 26)} ${needs?.reason ?? ""}`;
};

export function matchingSection(data: SampleData, referred: readonly ReferralAssessment[]): void {
  const { directory, clients, histories, weekOf, homePracticeId } = data;
  const name = (id: string) => directory.clinicians.find((c) => c.id === id)?.name ?? id;
  const matcher = createMatcher(directory);

  heading("Options for the clients to refer");
  for (const assessment of referred) {
    // The assessment's criteria go to the matcher as they are; a colleague comes first when they fit better (seed 001).
    const result = matcher.rank(
      { criteria: assessment.criteria, practiceId: homePracticeId },
      { now: weekOf, limit: 3, recommendation: assessment.options },
    );
    const offer =
      result.recommendation.kind === "single"
        ? "one clear option"
        : result.recommendation.kind === "choice"
          ? `a choice of ${result.recommendation.clinicianIds.length}`
          : "no option in the directory";
    console.log(`${assessment.clientId}: ${offer}`);
    for (const option of result.options) console.log(`  ${option.colleague ? "colleague" : "network  "} ${describe(option, name)}`);
  }

  const team = directory.clinicians.filter((c) => c.practiceId === homePracticeId);
  const intake = histories.episodes.filter((e) => e.status === "intake");
  const referrals = intake.map((episode) => ({ id: episode.clientId, client: clients.find((c) => c.id === episode.clientId) }));

  heading("This week's intake, assigned across the team");
  const week = assignReferrals(referrals, team, { now: weekOf, compacts: directory.compacts });
  for (const a of week.assignments) console.log(`${pad(a.referralId, 6)} → ${describe(a.option, name)}`);
  for (const u of week.unassigned) {
    const failed =
      u.failedConstraints === undefined
        ? ""
        : ` (${list(Object.entries(u.failedConstraints).map(([constraint, count]) => `${constraint} ${count}`))})`;
    console.log(`${pad(u.referralId, 6)} not placed: ${u.text}${failed}`);
  }

  const unplaced = week.unassigned.map((u) => u.referralId);
  if (unplaced.length === 0) return;
  heading("Options in the network for clients the team cannot take");
  for (const id of unplaced) {
    const client = clients.find((c) => c.id === id);
    const result = matcher.rank({ client, practiceId: homePracticeId }, { now: weekOf, limit: 3 });
    const offer =
      result.recommendation.kind === "single"
        ? "one clear option"
        : result.recommendation.kind === "choice"
          ? `a choice of ${result.recommendation.clinicianIds.length}`
          : "no option";
    console.log(`${id}: ${offer}`);
    for (const option of result.options) console.log(`  ${describe(option, name)}`);
  }
}

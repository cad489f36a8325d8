/** The practice at a glance: team, network, referrers, clients. */
import { checkLicensure, coverageOn, criteriaFromClient, ReferrerKind, residenceOn } from "referwell";
import { groupBy, heading, list, money, pad } from "./format.js";
import type { SampleData } from "./load.js";

export function overview(data: SampleData): void {
  const { directory, referrers, clients, histories, vocabulary, weekOf, homePracticeId } = data;
  const team = directory.clinicians.filter((c) => c.practiceId === homePracticeId);
  const network = directory.clinicians.filter((c) => c.practiceId !== homePracticeId);
  const payerName = (id: string) => directory.payers.find((p) => p.id === id)?.name ?? id;

  console.log(
    `Validated: ${directory.clinicians.length} clinicians in ${directory.practices.length} practices, ${referrers.length} referrers, ${clients.length} clients.`,
  );

  heading(`The team (${team.length} clinicians)`);
  for (const c of team) {
    const room = Math.max(0, c.capacity.caseloadMax - c.capacity.caseloadCurrent);
    const weekly = Math.max(0, c.capacity.weeklyNewClientLimit - c.capacity.newClientsThisWeek);
    const open = c.acceptingNewClients && room > 0 && weekly > 0 ? `${weekly} new this week` : "closed to new clients";
    const panels = c.insurancePanels.filter((p) => p.period.end === undefined || p.period.end >= weekOf).map((p) => payerName(p.payerId));
    const discipline = vocabulary.label("disciplines", c.discipline) ?? c.discipline;
    console.log(
      `${pad(c.name, 16)} ${pad(discipline, 32)} ${pad(open, 22)} panels: ${panels.length === 0 ? "self-pay only" : panels.join(", ")}`,
    );
  }

  heading(`The outside network (${network.length} clinicians)`);
  for (const [practiceId, members] of groupBy(network, (c) => c.practiceId ?? "solo")) {
    const name = directory.practices.find((p) => p.id === practiceId)?.name ?? practiceId;
    const areas = [...new Set(members.flatMap((m) => m.problemAreas.map((a) => vocabulary.label("problemAreas", a) ?? a)))];
    console.log(`${pad(name, 40)} ${members.length} · ${list(areas.slice(0, 5))}`);
  }

  heading(`Referrers (${referrers.length})`);
  const kinds = ReferrerKind.options
    .map((kind) => [kind, referrers.filter((r) => r.kind === kind).length] as const)
    .filter(([, n]) => n > 0);
  console.log(kinds.map(([kind, n]) => `${kind} ${n}`).join(" · "));
  const withHistory = groupBy(histories.relationshipEvents, (e) => e.referrerId);
  console.log(
    `${withHistory.size} referrers have a history (${histories.relationshipEvents.length} events); ${referrers.length - withHistory.size} are prospects.`,
  );

  heading("Clients waiting for intake");
  const intake = new Set(histories.episodes.filter((e) => e.status === "intake").map((e) => e.clientId));
  for (const client of clients.filter((c) => intake.has(c.id))) {
    const criteria = criteriaFromClient(client, { startDate: weekOf });
    const needs = client.needs.problemAreas.map((a) => vocabulary.label("problemAreas", a) ?? a);
    const payment = criteria.require.payment;
    const pays =
      payment === undefined
        ? "payment unknown"
        : list([
            ...payment.payers.map((p) => payerName(p.payerId)),
            ...(payment.maxSelfPay ? [`self-pay ≤ ${money(payment.maxSelfPay)}`] : []),
          ]);
    console.log(`${pad(client.id, 6)} ${pad(list(needs), 34)} ${pad(list(criteria.require.populations), 22)} ${pays}`);
  }

  heading("Clients in care, as the record stands");
  for (const episode of histories.episodes.filter((e) => e.status === "active")) {
    const client = clients.find((c) => c.id === episode.clientId);
    const clinician = directory.clinicians.find((c) => c.id === episode.clinicianId);
    if (client === undefined || clinician === undefined) continue;
    const notes: string[] = [];
    const move = client.plannedMoves.find((m) => m.date >= weekOf);
    if (move !== undefined) {
      const there = residenceOn(client, move.date);
      const licensure = checkLicensure(
        clinician,
        { jurisdiction: there.jurisdiction, mode: "telehealth", on: move.date },
        directory.compacts,
      );
      notes.push(
        `moves to ${there.jurisdiction} on ${move.date}; telehealth there ${licensure.authorized ? `allowed (${licensure.via})` : "not allowed"}`,
      );
    }
    const payers = coverageOn(client, weekOf).map((c) => c.payerId);
    const inNetwork = clinician.insurancePanels.some(
      (p) => payers.includes(p.payerId) && (p.period.end === undefined || p.period.end >= weekOf),
    );
    if (payers.length > 0 && !inNetwork) notes.push(`coverage now ${list(payers.map(payerName))}, not on ${clinician.name}'s panels`);
    if (client.conflicts.some((c) => c.clinicianId === clinician.id)) notes.push("declared conflict with the treating clinician");
    const scores = histories.measurements.filter((m) => m.clientId === client.id).length;
    console.log(
      `${pad(client.id, 6)} with ${pad(clinician.name, 16)} ${scores} measurements${notes.length > 0 ? ` · ${notes.join(" · ")}` : ""}`,
    );
  }

  console.log(
    `\nHistories: ${histories.episodes.length} episodes, ${histories.measurements.length} measurements, ${histories.relationshipEvents.length} relationship events, ${histories.outboundReferrals.length} outbound referrals.`,
  );
}

/** Who should be referred out this week, why and how urgently (referwell/refer). */
import { Urgency } from "referwell";
import { assessPanelExit, assessReferral, type ReferralAssessment } from "referwell/refer";
import { heading, list, money, pad } from "./format.js";
import type { SampleData } from "./load.js";

/** Safety first: every client with open risk, above the referral list, and the risk items no one could see. */
function safetySection(assessments: readonly ReferralAssessment[]): void {
  const open = assessments.filter((a) => a.safety.level !== "none");
  heading(`Safety first (${open.length === 0 ? "no open risk" : `${open.length} with open risk`})`);
  for (const { clientId, safety } of open) {
    const seen = safety.evidence
      .filter((signal) => signal.open && signal.level !== "none")
      .map((signal) =>
        signal.kind === "risk-item"
          ? `${signal.instrument} item ${signal.item} = ${signal.value} on ${signal.date}`
          : signal.kind === "risk-flag"
            ? `${signal.source} ${signal.rating} on ${signal.date}`
            : `need: ${signal.need}`,
      );
    const numbers = [...new Set(safety.actions.flatMap((action) => action.contacts.map((contact) => contact.number)))];
    console.log(`${pad(clientId, 6)} ${pad(safety.level, 14)} ${list(seen)}${safety.holdsHandOff ? " — hand-off on hold" : ""}`);
    console.log(`       → ${list(safety.actions.map((action) => action.code))}${numbers.length === 0 ? "" : ` (${list(numbers)})`}`);
  }
  const unseen = assessments.filter((a) => a.safety.needs.some((need) => need.endsWith(".items"))).map((a) => a.clientId);
  if (unseen.length > 0) console.log(`Risk items not seen (latest score without item scores): ${list(unseen)}`);
}

/** Things to act on that are no reason to refer: a move the clinician can follow, a gap in cover, a duty to notify. */
function noticeLines(assessment: ReferralAssessment): void {
  for (const notice of assessment.notices) {
    console.log(`       ! ${pad(notice.code, 23)} ${notice.summary}`);
    for (const alternative of notice.alternatives) console.log(`         → ${alternative.summary}`);
  }
}

export function referralSection(data: SampleData): ReferralAssessment[] {
  const { directory, clients, histories, vocabulary, weekOf } = data;
  const clinicianName = (id: string) => directory.clinicians.find((c) => c.id === id)?.name ?? id;

  const assessments: ReferralAssessment[] = [];
  for (const episode of histories.episodes.filter((e) => e.status === "active")) {
    const client = clients.find((c) => c.id === episode.clientId);
    const clinician = directory.clinicians.find((c) => c.id === episode.clinicianId);
    if (client === undefined || clinician === undefined) continue;
    const input = {
      client,
      clinician,
      episode: { start: episode.start },
      measurements: histories.measurements.filter((m) => m.clientId === client.id),
      compacts: directory.compacts,
    };
    assessments.push(assessReferral(input, { now: weekOf, vocabulary }));
  }

  safetySection(assessments);

  const rank = (a: ReferralAssessment) => Urgency.options.indexOf(a.urgency);
  const referred = assessments.filter((a) => a.refer).sort((a, b) => rank(b) - rank(a) || a.clientId.localeCompare(b.clientId));
  heading(`Clients to refer (${referred.length} of ${assessments.length} in care)`);
  for (const assessment of referred) {
    console.log(`${pad(assessment.clientId, 6)} ${pad(assessment.urgency, 8)} with ${clinicianName(assessment.clinicianId)}`);
    for (const finding of assessment.findings) {
      console.log(`       · ${pad(finding.code, 23)} ${finding.summary}`);
      for (const alternative of finding.alternatives) console.log(`         or ${alternative.summary}`);
    }
    noticeLines(assessment);
    const { criteria } = assessment;
    const { payment } = criteria.require;
    const pays =
      payment === undefined
        ? "payment unknown"
        : list([
            ...payment.payers.map((p) => p.payerId),
            ...(payment.maxSelfPay === undefined ? [] : [`self-pay ≤ ${money(payment.maxSelfPay)}`]),
          ]);
    const needs = [...criteria.require.problemAreas, ...criteria.require.modalities];
    console.log(
      `       → ${criteria.location.jurisdiction} from ${criteria.startDate}; ${pays}` +
        `${needs.length === 0 ? "" : `; must offer ${list(needs)}`}; not ${list(criteria.require.excludeClinicianIds)}`,
    );
  }

  heading("No referral this week");
  for (const assessment of assessments.filter((a) => !a.refer)) {
    const progress = assessment.progress.map((p) => `${p.instrument} ${p.baseline.score} → ${p.latest.score} ${p.classification}`);
    const waiting = assessment.unevaluated.filter((u) => u.rule === "progress").flatMap((u) => u.needs);
    const notes = [...progress, ...(waiting.length > 0 ? [`progress not yet judged (needs ${list(waiting)})`] : [])];
    console.log(`${pad(assessment.clientId, 6)} with ${pad(clinicianName(assessment.clinicianId), 16)} ${list(notes)}`);
    noticeLines(assessment);
  }

  // Panels that end within the look-ahead, and whom each exit leaves without cover.
  const exits = directory.clinicians.flatMap((c) =>
    c.insurancePanels
      .filter((p) => p.period.end !== undefined && p.period.end >= weekOf)
      .map((p) => ({ clinician: c, payerId: p.payerId, end: p.period.end as string })),
  );
  for (const { clinician, payerId, end } of exits) {
    const date = new Date(Date.parse(end) + 86_400_000).toISOString().slice(0, 10);
    const result = assessPanelExit(
      {
        date,
        clinicianIds: [clinician.id],
        payerIds: [payerId],
        clinicians: directory.clinicians,
        clients,
        episodes: histories.episodes
          .filter((e) => e.status === "active" && e.clinicianId !== undefined)
          .map((e) => ({ clientId: e.clientId, clinicianId: e.clinicianId as string, start: e.start })),
      },
      { now: weekOf, vocabulary },
    );
    const affected = result.referrals.map((r) => r.clientId);
    console.log(
      `\n${clinician.name} leaves the ${payerId} panel on ${date}: ${affected.length === 0 ? "no client in care must be referred" : `refer ${list(affected)} to a clinician on that panel`}.`,
    );
    for (const { clientId, ways } of result.continuing) console.log(`  ${clientId} can continue: ${list(ways.map((way) => way.kind))}`);
  }
  return referred;
}

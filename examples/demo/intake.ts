/** Intake: the referrals in flight against the access standards, what referrers are owed, hand-offs, and the waitlist. */
import { outboundStatus, referralStatus, reviewWaitlist } from "referwell/intake";
import { createMatcher } from "referwell/match";
import { heading, list, pad } from "./format.js";
import type { SampleData } from "./load.js";

export function intakeSection(data: SampleData): void {
  const { intake, weekOf, referrers, directory } = data;
  const referrer = (id: string) => referrers.find((r) => r.id === id)?.name ?? id;
  const clinician = (id: string | null) => (id === null ? "—" : (directory.clinicians.find((c) => c.id === id)?.name ?? id));

  heading("Referrals in flight");
  for (const events of intake.records.inbound) {
    const status = referralStatus(events, { now: weekOf });
    const received = events.find((event) => event.type === "received");
    const from = received?.type === "received" ? referrer(received.referrerId) : "?";
    const contact = `contact ${status.firstContact.status}`;
    const step = status.nextStep.dueBy === null ? status.nextStep.code : `${status.nextStep.code} by ${status.nextStep.dueBy}`;
    console.log(`${pad(status.referralId, 8)} ${pad(from, 28)} ${pad(status.state, 11)} ${pad(contact, 17)} ${step}`);
    for (const due of status.referrerUpdatesDue) console.log(`${" ".repeat(9)}! tell ${from}: ${due.milestone}, due ${due.dueBy}`);
  }
  for (const events of intake.records.outbound) {
    const status = outboundStatus(events, { now: weekOf });
    const hand = status.handOffComplete ? "hand-off complete" : "hand-off open";
    console.log(
      `${pad(status.referralId, 8)} sent out, ${pad(status.state, 10)} ${pad(hand, 18)} next ${list(status.nextSteps.map((s) => s.code))}`,
    );
  }

  heading("Waitlist");
  const review = reviewWaitlist(intake.waitlist, createMatcher(directory), { now: weekOf, practiceId: data.homePracticeId });
  for (const decision of review.decisions) {
    const who = decision.action === "refer-out" ? list(decision.options.map(clinician)) : clinician(decision.clinicianId);
    console.log(`${pad(decision.id, 6)} ${pad(decision.action, 10)} ${pad(who, 36)} waited ${decision.daysWaited} days`);
  }
}

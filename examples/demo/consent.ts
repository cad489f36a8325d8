/** Consent-limited updates: the thank-yous and progress updates due this week, with what each withheld and why. */
import { readFileSync } from "node:fs";
import { Id, validate } from "referwell";
import { type ComposedUpdate, composeUpdate, Consent, Fact, UpdateTemplate } from "referwell/consent";
import * as z from "zod";
import { heading, pad } from "./format.js";
import type { SampleData } from "./load.js";

/** examples/data/consents.json: the practice's consents and facts, the updates already sent, and this week's requests. */
const ConsentData = z.object({
  consents: z.array(Consent),
  facts: z.array(Fact),
  clientNames: z.array(z.object({ id: Id, displayName: z.string().min(1) })),
  progressTemplate: UpdateTemplate,
  updatesSent: z.array(z.object({ episodeId: Id, kind: z.enum(["thank-you", "progress"]), date: z.iso.date() })),
  requests: z.array(z.object({ clientId: Id, referrerId: Id, received: z.iso.date(), template: UpdateTemplate })),
});

/** Seed 000: send a progress note about every couple of months. */
const PROGRESS_EVERY_DAYS = 56;
/** A thank-you is due for a referral that arrived in the last two weeks. */
const THANK_YOU_WITHIN_DAYS = 14;

const shift = (date: string, days: number): string => new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
const indent = (text: string): string =>
  text
    .trimEnd()
    .split("\n")
    .map((line) => `    │ ${line}`)
    .join("\n");

export function consentSection(data: SampleData): void {
  const raw: unknown = JSON.parse(readFileSync(new URL("../data/consents.json", import.meta.url), "utf8"));
  const sample = validate(ConsentData, raw, "consents");
  const { weekOf, histories, referrers } = data;
  const weekEnd = shift(weekOf, 6);
  const referrer = (id: string) => referrers.find((r) => r.id === id);
  const client = (id: string) => ({ id, ...sample.clientNames.find((c) => c.id === id) });
  const lastSent = (episodeId: string, kind: string) =>
    sample.updatesSent
      .filter((u) => u.episodeId === episodeId && u.kind === kind)
      .map((u) => u.date)
      .sort()
      .at(-1);
  let records = 0;

  const compose = (kind: "thank-you" | "progress" | "custom", clientId: string, referrerId: string, template?: UpdateTemplate): void => {
    const to = referrer(referrerId);
    if (to === undefined) return;
    const result: ComposedUpdate = composeUpdate({
      kind,
      ...(template === undefined ? {} : { template }),
      client: client(clientId),
      recipient: { referrerId, name: to.name },
      purpose: "COC",
      facts: sample.facts.filter((f) => f.clientId === clientId),
      consents: sample.consents.filter((c) => c.clientId === clientId),
      now: weekOf,
      // The practice's choice: a thank-you that names no one when the client may not be acknowledged.
      unacknowledgedThankYou: "generic-note",
    });
    const labels =
      result.update === undefined
        ? ""
        : ` · ${result.update.labels.confidentiality}${result.update.labels.sensitivity.length > 0 ? ` ${result.update.labels.sensitivity.join(",")}` : ""}`;
    const outcome =
      result.status === "update"
        ? `send, ${result.included.length} fact${result.included.length === 1 ? "" : "s"}${labels}${result.update?.labels.part2Notice === undefined ? "" : " · 42 CFR 2.32 notice"}`
        : result.status === "generic-note"
          ? `generic note only (client not acknowledged: ${result.acknowledgement.reason})`
          : `nothing to send (acknowledgement: ${result.acknowledgement.reason})`;
    console.log(`${pad(clientId, 6)} → ${pad(to.name, 20)} ${outcome}`);
    for (const w of result.withheld)
      console.log(
        `    withheld ${pad(w.factId, 7)} ${w.reason}${w.provision?.provisionId === undefined ? "" : ` (${w.provision.consentId}/${w.provision.provisionId})`}`,
      );
    if (result.update !== undefined && result.status === "update") console.log(indent(result.update.text));
    if (result.disclosure !== undefined) records += 1;
  };

  heading("Thank-yous due this week");
  for (const episode of histories.episodes) {
    if (episode.referredBy === undefined || episode.start < shift(weekOf, -THANK_YOU_WITHIN_DAYS) || episode.start > weekEnd) continue;
    if (lastSent(episode.id, "thank-you") !== undefined) continue;
    compose("thank-you", episode.clientId, episode.referredBy);
  }

  heading("Progress updates due this week (about every two months)");
  for (const episode of histories.episodes) {
    if (episode.status !== "active" || episode.referredBy === undefined) continue;
    const since = lastSent(episode.id, "progress") ?? episode.start;
    if (since > shift(weekEnd, -PROGRESS_EVERY_DAYS)) continue;
    compose("progress", episode.clientId, episode.referredBy, sample.progressTemplate);
  }

  heading("Requests from referrers this week");
  for (const request of sample.requests.filter((r) => r.received >= shift(weekOf, -7) && r.received <= weekEnd)) {
    compose("custom", request.clientId, request.referrerId, request.template);
  }

  console.log(`\n${records} disclosure records to keep (date, recipient, description, purpose: 45 CFR 164.528(b)(2)).`);
}

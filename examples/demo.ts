/**
 * The weekly referral review of a fictional group practice, run on the sample
 * data against the built package. Today it validates the practice's data and
 * summarizes it; each capability adds its section as it ships.
 *
 *   npm run demo
 */
import { readFileSync } from "node:fs";
import {
  checkLicensure,
  Client,
  coverageOn,
  createVocabulary,
  criteriaFromClient,
  Directory,
  Referrer,
  ReferrerKind,
  residenceOn,
  validate,
} from "referwell";

const WEEK_OF = "2026-11-23";
const HOME_PRACTICE = "harbour";

const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), "utf8"));

interface Episode {
  clientId: string;
  clinicianId?: string;
  start: string;
  status: "active" | "intake";
}
interface Histories {
  episodes: Episode[];
  measurements: { clientId: string; instrument: string }[];
  relationshipEvents: { referrerId: string; type: string }[];
  outboundReferrals: unknown[];
}

const directory = validate(Directory, load("directory.json"), "directory");
const referrers = validate(Referrer.array(), load("referrers.json"), "referrers");
const clients = validate(Client.array(), load("clients.json"), "clients");
const histories = load("histories.json") as Histories;
const vocabulary = createVocabulary();

const practice = directory.practices.find((p) => p.id === HOME_PRACTICE);
const team = directory.clinicians.filter((c) => c.practiceId === HOME_PRACTICE);
const network = directory.clinicians.filter((c) => c.practiceId !== HOME_PRACTICE);
const payerName = new Map(directory.payers.map((p) => [p.id, p.name]));
const clinicianName = new Map(directory.clinicians.map((c) => [c.id, c.name]));

const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};
const heading = (text: string) => console.log(`\n${text}\n${"─".repeat(text.length)}`);
const pad = (text: string, width: number) => (text.length >= width ? text.slice(0, width - 1) + "…" : text.padEnd(width));
const list = (items: readonly string[]) => (items.length === 0 ? "—" : items.join(", "));

console.log(`Weekly referral review — ${practice?.name ?? HOME_PRACTICE} — week of ${WEEK_OF}`);
console.log(`Validated: ${directory.clinicians.length} clinicians in ${directory.practices.length} practices, ${referrers.length} referrers, ${clients.length} clients.`);

heading(`The team (${team.length} clinicians)`);
for (const c of team) {
  const room = Math.max(0, c.capacity.caseloadMax - c.capacity.caseloadCurrent);
  const weekly = Math.max(0, c.capacity.weeklyNewClientLimit - c.capacity.newClientsThisWeek);
  const open = c.acceptingNewClients && room > 0 && weekly > 0 ? `${weekly} new this week` : "closed to new clients";
  const panels = c.insurancePanels.filter((p) => p.period.end === undefined || p.period.end >= WEEK_OF).map((p) => payerName.get(p.payerId) ?? p.payerId);
  console.log(
    `${pad(c.name, 16)} ${pad(vocabulary.label("disciplines", c.discipline) ?? c.discipline, 32)} ${pad(open, 22)} panels: ${panels.length === 0 ? "self-pay only" : panels.join(", ")}`,
  );
}

heading(`The outside network (${network.length} clinicians)`);
const byPractice = groupBy(network, (c) => c.practiceId ?? "solo");
for (const [practiceId, members] of byPractice) {
  const name = directory.practices.find((p) => p.id === practiceId)?.name ?? practiceId;
  const areas = [...new Set(members.flatMap((m) => m.problemAreas.map((a) => vocabulary.label("problemAreas", a) ?? a)))];
  console.log(`${pad(name, 40)} ${members.length} · ${list(areas.slice(0, 5))}`);
}

heading(`Referrers (${referrers.length})`);
const kinds = ReferrerKind.options.map((kind) => [kind, referrers.filter((r) => r.kind === kind).length] as const).filter(([, n]) => n > 0);
console.log(kinds.map(([kind, n]) => `${kind} ${n}`).join(" · "));
const eventsBy = groupBy(histories.relationshipEvents, (e) => e.referrerId);
console.log(`${eventsBy.size} referrers have a history (${histories.relationshipEvents.length} events); ${referrers.length - eventsBy.size} are prospects.`);

heading("Clients waiting for intake");
const intake = new Set(histories.episodes.filter((e) => e.status === "intake").map((e) => e.clientId));
for (const client of clients.filter((c) => intake.has(c.id))) {
  const criteria = criteriaFromClient(client, { startDate: WEEK_OF });
  const needs = client.needs.problemAreas.map((a) => vocabulary.label("problemAreas", a) ?? a);
  const payment = criteria.require.payment;
  const pays = payment === undefined ? "payment unknown" : list([...payment.payers.map((p) => payerName.get(p.payerId) ?? p.payerId), ...(payment.maxSelfPay ? [`self-pay ≤ ${payment.maxSelfPay.minorUnits / 100} ${payment.maxSelfPay.currency}`] : [])]);
  console.log(`${pad(client.id, 6)} ${pad(list(needs), 34)} ${pad(list(criteria.require.populations), 22)} ${pays}`);
}

heading("Clients in care, as the record stands");
for (const episode of histories.episodes.filter((e) => e.status === "active")) {
  const client = clients.find((c) => c.id === episode.clientId);
  const clinician = directory.clinicians.find((c) => c.id === episode.clinicianId);
  if (client === undefined || clinician === undefined) continue;
  const notes: string[] = [];
  const move = client.plannedMoves.find((m) => m.date >= WEEK_OF);
  if (move !== undefined) {
    const there = residenceOn(client, move.date);
    const licensure = checkLicensure(clinician, { jurisdiction: there.jurisdiction, mode: "telehealth", on: move.date }, directory.compacts);
    notes.push(`moves to ${there.jurisdiction} on ${move.date}; telehealth there ${licensure.authorized ? `allowed (${licensure.via})` : "not allowed"}`);
  }
  const payers = coverageOn(client, WEEK_OF).map((c) => c.payerId);
  const inNetwork = clinician.insurancePanels.some((p) => payers.includes(p.payerId) && (p.period.end === undefined || p.period.end >= WEEK_OF));
  if (payers.length > 0 && !inNetwork) notes.push(`coverage now ${list(payers.map((p) => payerName.get(p) ?? p))}, not on ${clinician.name}'s panels`);
  if (client.conflicts.some((c) => c.clinicianId === clinician.id)) notes.push("declared conflict with the treating clinician");
  const scores = histories.measurements.filter((m) => m.clientId === client.id).length;
  console.log(`${pad(client.id, 6)} with ${pad(clinicianName.get(clinician.id) ?? "", 16)} ${scores} measurements${notes.length > 0 ? ` · ${notes.join(" · ")}` : ""}`);
}

console.log(`\nHistories: ${histories.episodes.length} episodes, ${histories.measurements.length} measurements, ${histories.relationshipEvents.length} relationship events, ${histories.outboundReferrals.length} outbound referrals.`);

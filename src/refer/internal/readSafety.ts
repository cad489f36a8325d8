import type { Client, IsoDate, Vocabulary } from "../../model/index.js";
import { placeOn } from "../../model/internal/placeOn.js";
import type { SafetyAction, SafetyEvidence } from "../results.js";
import { type RiskFlag, type RiskItem, SafetyLevel, type SafetyPolicy } from "../safetySchemas.js";
import type { Instrument, Measurement } from "../schemas.js";
import { emergencyContactsFor, safetyActions } from "./safetyActions.js";

/** What the safety check finds before any referral rule runs: everything of the safety section but the hold on a hand-off. */
export interface SafetyReading {
  readonly level: SafetyLevel;
  readonly evidence: SafetyEvidence[];
  readonly actions: SafetyAction[];
  readonly needs: string[];
}

/** What the safety check reads: validated, with measurements and flags in a fixed order. */
export interface SafetySource {
  readonly now: IsoDate;
  readonly episodeStart?: IsoDate | undefined;
  readonly client: Client;
  readonly measurements: readonly Measurement[];
  readonly risk: readonly RiskFlag[];
  readonly instrument: (id: string) => Instrument | undefined;
  readonly vocabulary: Vocabulary;
  readonly policy: SafetyPolicy;
}

const rankOf = (level: SafetyLevel): number => SafetyLevel.options.indexOf(level);
const higher = (a: SafetyLevel, b: SafetyLevel): SafetyLevel => (rankOf(b) > rankOf(a) ? b : a);
const FLAG_LEVEL = { none: "none", low: "review", moderate: "urgent-review", high: "crisis" } as const satisfies Record<
  RiskFlag["level"],
  SafetyLevel
>;

/** The highest level whose threshold the item score reaches. */
function levelOfItem(risk: RiskItem, value: number): SafetyLevel {
  let level: SafetyLevel = "none";
  for (const candidate of ["review", "urgent-review", "crisis"] as const) {
    const from = risk.from[candidate];
    if (from !== undefined && value >= from) level = candidate;
  }
  return level;
}

interface LatestScores {
  /** The instrument's latest day with a score. */
  date: IsoDate;
  /** Its latest day with item scores, and the highest score of each item that day (the order of same-day forms is unknown). */
  itemized?: { date: IsoDate; items: number[] };
}

/** Each instrument with risk items: its latest day, and its latest day with item scores. */
function latestScores(source: SafetySource): Map<string, LatestScores> {
  const latest = new Map<string, LatestScores>();
  for (const { instrument, date, items } of source.measurements) {
    if (date > source.now || (source.instrument(instrument)?.riskItems.length ?? 0) === 0) continue;
    const seen = latest.get(instrument) ?? { date };
    if (date > seen.date) seen.date = date;
    if (items !== undefined && (seen.itemized === undefined || date > seen.itemized.date)) seen.itemized = { date, items: [...items] };
    else if (items !== undefined && date === seen.itemized?.date) {
      seen.itemized.items = seen.itemized.items.map((value, index) => Math.max(value, items[index] ?? value));
    }
    latest.set(instrument, seen);
  }
  return latest;
}

/** The risk items of each instrument's latest item scores, and the instruments whose latest score came without them. */
function riskItemSignals(source: SafetySource): { signals: SafetyEvidence[]; needs: string[] } {
  const signals: SafetyEvidence[] = [];
  const needs: string[] = [];
  for (const [id, seen] of latestScores(source)) {
    // A newer score without items may hide a risk answer: the older items still count, and the gap is named.
    if (seen.itemized === undefined || seen.itemized.date < seen.date) needs.push(`measurements:${id}.items`);
    if (seen.itemized === undefined) continue;
    const { date, items } = seen.itemized;
    for (const risk of source.instrument(id)?.riskItems ?? []) {
      const value = items[risk.item - 1] ?? 0;
      signals.push({ kind: "risk-item", instrument: id, item: risk.item, date, value, level: levelOfItem(risk, value), open: true });
    }
  }
  return { signals, needs };
}

/** The latest rating of each source up to now; on one day, the highest. */
function latestFlags(risk: readonly RiskFlag[], now: IsoDate): RiskFlag[] {
  const bySource = new Map<RiskFlag["source"], RiskFlag>();
  for (const flag of risk) {
    if (flag.date > now) continue;
    const held = bySource.get(flag.source);
    const heldRank = held === undefined ? -1 : rankOf(FLAG_LEVEL[held.level]);
    if (held === undefined || flag.date > held.date || (flag.date === held.date && rankOf(FLAG_LEVEL[flag.level]) > heldRank)) {
      bySource.set(flag.source, flag);
    }
  }
  return [...bySource.values()].sort((a, b) => (a.source < b.source ? -1 : 1));
}

/**
 * Reads the safety signals of a case: the risk items of the latest item scores of each instrument, the latest
 * clinician rating and C-SSRS screen, and needs that are a risk. The level is the highest open signal's, never
 * below the clinician's latest rating; a clinician rating on or after a screen answers it when the policy says so.
 */
export function readSafety(source: SafetySource): SafetyReading {
  const { signals: itemSignals, needs } = riskItemSignals(source);
  const flags = latestFlags(source.risk, source.now);
  const rating = flags.find((flag) => flag.source === "clinician-rating");
  const answers = (date: IsoDate | undefined): boolean =>
    rating !== undefined &&
    source.policy.ratingAnswersScreens &&
    (date === undefined ? rating.date >= (source.episodeStart ?? "") : date <= rating.date);
  const riskNeeds = new Set(source.policy.riskNeeds.map((tag) => source.vocabulary.canonical("problemAreas", tag)));
  const needSignals = [...new Set(source.client.needs.problemAreas.map((tag) => source.vocabulary.canonical("problemAreas", tag)))]
    .filter((code) => riskNeeds.has(code))
    .map((need): SafetyEvidence => ({ kind: "risk-need", need, level: "review", open: !answers(undefined) }));
  const evidence: SafetyEvidence[] = [
    ...itemSignals.map((signal) => ({ ...signal, open: !answers(signal.kind === "risk-item" ? signal.date : undefined) })),
    ...flags.map((flag): SafetyEvidence => ({
      kind: "risk-flag",
      source: flag.source,
      date: flag.date,
      rating: flag.level,
      level: FLAG_LEVEL[flag.level],
      open: flag === rating || !answers(flag.date),
    })),
    ...needSignals,
  ];
  const level = evidence.filter((signal) => signal.open).reduce<SafetyLevel>((held, signal) => higher(held, signal.level), "none");
  const contacts =
    rankOf(level) >= rankOf("urgent-review") ? emergencyContactsFor(placeOn(source.client, source.now).jurisdiction, source.policy) : [];
  if (rankOf(level) >= rankOf("urgent-review") && contacts.length === 0) needs.push("policy.safety.emergencyContacts");
  return { level, evidence, actions: safetyActions(level, contacts), needs: needs.sort() };
}

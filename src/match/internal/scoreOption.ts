import type { CompiledClinician, CompiledDirectory, PreparedQuery } from "./compiled.js";
import type { ConstraintResult } from "./evaluateConstraints.js";
import { inSentence } from "./inSentence.js";
import { mergeIntervals } from "./mergeIntervals.js";
import type { RankedOption, ScorePart, SoftCriterion } from "../types.js";

interface Fit {
  readonly fit: number;
  readonly reason: string | (() => string);
}

/** Primary need counts twice, every other need once (seed 001 and the issue: primary weighted most). */
const needWeight = (position: number): number => (position === 0 ? 2 : 1);

const listed = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

function overlapMinutes(
  clinician: CompiledClinician,
  query: PreparedQuery,
  modes: ConstraintResult["modes"],
  windows: readonly (readonly [number, number])[],
): number {
  const { timeline } = query;
  const zone = clinician.source.availability.timeZone;
  const intervals: [number, number][] = [];
  // The days before and after the week catch windows that time zones shift across its edges.
  for (let day = -1; day <= 7; day += 1) {
    const weekday = timeline.weekday(day);
    for (const slot of clinician.slots) {
      if (slot.day !== weekday) continue;
      if (slot.modes !== undefined && !slot.modes.some((mode) => modes.includes(mode))) continue;
      intervals.push([timeline.toAxis(zone, day, slot.start), timeline.toAxis(zone, day, slot.end)]);
    }
  }
  const available = mergeIntervals(intervals);
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < available.length && j < windows.length) {
    const [aStart, aEnd] = available[i] as [number, number];
    const [bStart, bEnd] = windows[j] as [number, number];
    total += Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart));
    if (aEnd < bEnd) i += 1;
    else j += 1;
  }
  return total;
}

/** A scored clinician whose explanation is built only when asked for: ranking sorts thousands, explains a few. */
export interface ScoredCandidate {
  readonly clinicianId: string;
  readonly score: number;
  readonly colleague: boolean;
  explain(): RankedOption;
}

/**
 * Scores an eligible clinician part by part. Every part is a fit from 0 to
 * 1; a part the request says nothing about fits fully (nothing asked,
 * nothing missed), except outcomes, which only ever add evidence.
 */
export function scoreOption(
  directory: CompiledDirectory,
  clinician: CompiledClinician,
  query: PreparedQuery,
  constraints: ConstraintResult,
): ScoredCandidate {
  const { options, vocabulary } = directory;
  const { source } = clinician;
  // Reasons name codes by their vocabulary labels; a tag no vocabulary knows is the client's own text, so it is counted, not named.
  const names = (list: "problemAreas" | "modalities", noun: string, codes: readonly string[]): string[] => {
    const labels = codes.flatMap((code) => {
      const label = vocabulary.label(list, code);
      return label === undefined ? [] : [list === "problemAreas" ? inSentence(label) : label];
    });
    const unlisted = codes.length - labels.length;
    return unlisted === 0 ? labels : [...labels, unlisted === 1 ? `an unlisted ${noun}` : `${unlisted} unlisted ${noun}s`];
  };
  const needNames = (codes: readonly string[]) => listed(names("problemAreas", "need", codes));

  const fits: Record<SoftCriterion, () => Fit> = {
    needs: () => {
      if (query.needs.length === 0) return { fit: 1, reason: "No needs were given." };
      let met = 0;
      let total = 0;
      query.needs.forEach((need, position) => {
        total += needWeight(position);
        if (clinician.problemAreas.has(need)) met += needWeight(position);
      });
      const reason = (): string => {
        const treated = query.needs.filter((need) => clinician.problemAreas.has(need));
        const missing = query.needs.filter((need) => !clinician.problemAreas.has(need));
        if (missing.length === 0) return `Treats every need: ${needNames(treated)}.`;
        if (treated.length === 0) return `Treats none of the needs (${needNames(missing)}).`;
        // Needs are canonical and without repeats, so the primary need, when missing, is the first missing one.
        const primaryMissing = !clinician.problemAreas.has(query.needs[0] as string);
        const others = primaryMissing ? missing.slice(1) : missing;
        return `Treats ${needNames(treated)}${primaryMissing ? ` but not the primary need, ${needNames(missing.slice(0, 1))}` : ""}${others.length > 0 ? `; not ${needNames(others)}` : ""}.`;
      };
      return { fit: met / total, reason };
    },
    outcomes: () => {
      if (query.needs.length === 0) return { fit: 0, reason: "No needs were given to weigh outcomes against." };
      // The best measured evidence across the client's needs: a maximum, so adding a need never lowers it.
      let fit = 0;
      const notes: string[] = [];
      for (const need of query.needs) {
        const outcome = clinician.outcomes.get(need);
        const rated = outcome !== undefined && outcome.cases >= options.outcomeMinCases ? outcome.rating : undefined;
        fit = Math.max(fit, rated === "effective" ? 1 : rated === "ineffective" ? 0 : 0.5);
        if (rated !== undefined) notes.push(`${rated} with ${needNames([need])} (${outcome?.cases} cases)`);
      }
      return { fit, reason: notes.length === 0 ? "No measured outcomes for these needs." : `Measured outcomes: ${notes.join("; ")}.` };
    },
    schedule: () => {
      if (query.clientWindows === undefined) return { fit: 1, reason: "No preferred times were given." };
      const minutes = overlapMinutes(clinician, query, constraints.modes, query.clientWindows);
      const hours = Math.round((minutes / 60) * 10) / 10;
      return {
        fit: Math.min(1, minutes / options.scheduleTargetMinutes),
        reason: () => `${hours} ${hours === 1 ? "hour" : "hours"} a week of availability within the client's times.`,
      };
    },
    modality: () => {
      if (query.preferredModalities.length === 0) return { fit: 1, reason: "No modality was preferred." };
      const offered = query.preferredModalities.filter((modality) => clinician.modalities.has(modality));
      return {
        fit: offered.length / query.preferredModalities.length,
        reason: () =>
          offered.length === 0 ? "Offers none of the preferred modalities." : `Offers ${listed(names("modalities", "modality", offered))}.`,
      };
    },
    language: () => {
      if (query.preferredLanguages.length === 0) return { fit: 1, reason: "No language was preferred." };
      const spoken = query.preferredLanguages.filter((language) => clinician.languages.has(language));
      return {
        fit: spoken.length > 0 ? 1 : 0,
        reason: () => (spoken.length > 0 ? `Works in ${listed(spoken)}.` : "Does not work in a preferred language."),
      };
    },
    wait: () => {
      const wait = source.capacity.expectedWaitDays;
      if (wait === undefined) return { fit: 0.5, reason: "The usual wait is not known." };
      const horizon = Math.max(1, query.criteria.require.maxWaitDays ?? options.waitHorizonDays);
      return {
        fit: 1 - Math.min(1, wait / horizon),
        reason: () => (wait === 0 ? "No wait for a first session." : `Usual wait ${wait} days.`),
      };
    },
    gender: () => {
      if (query.preferredGenders.size === 0) return { fit: 1, reason: "No clinician gender was preferred." };
      const matches = clinician.gender !== undefined && query.preferredGenders.has(clinician.gender);
      return {
        fit: matches ? 1 : 0,
        reason: matches ? "Matches the preferred clinician gender." : "Does not match the preferred clinician gender.",
      };
    },
    distance: () => {
      if (constraints.modes.includes("telehealth")) return { fit: 1, reason: "Telehealth is possible, so distance does not matter." };
      if (constraints.distanceKm === undefined) return { fit: 0.5, reason: "In person; the distance is not known." };
      const km = constraints.distanceKm;
      return { fit: 1 - Math.min(1, km / query.travelRadiusKm), reason: () => `In person, ${Math.round(km * 10) / 10} km away.` };
    },
  };

  const computed = query.weights.map(([criterion, weight]) => ({ criterion, weight, ...fits[criterion]() }));
  // Weights sum to 1, so the sum is within [0, 1] but for rounding in the last place.
  const score = Math.min(
    1,
    Math.max(
      0,
      computed.reduce((sum, part) => sum + part.weight * part.fit, 0),
    ),
  );
  const practiceId = source.practiceId;
  const colleague = practiceId !== undefined && practiceId === query.practiceId;
  return {
    clinicianId: source.id,
    score,
    colleague,
    explain: () => {
      const parts: ScorePart[] = computed.map(({ criterion, weight, fit, reason }) => ({
        criterion,
        weight,
        fit,
        contribution: weight * fit,
        reason: typeof reason === "string" ? reason : reason(),
      }));
      return {
        clinicianId: source.id,
        ...(practiceId === undefined ? {} : { practiceId }),
        colleague,
        score,
        parts,
        modes: constraints.modes,
        payment: constraints.payment,
        ...(constraints.distanceKm === undefined ? {} : { distanceKm: constraints.distanceKm }),
        ...(source.capacity.expectedWaitDays === undefined ? {} : { expectedWaitDays: source.capacity.expectedWaitDays }),
      };
    },
  };
}

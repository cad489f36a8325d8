import type { SoftCriterion } from "../types.js";
import type { CompiledClinician, CompiledDirectory, PreparedQuery } from "./compiled.js";
import type { ConstraintResult } from "./evaluateConstraints.js";
import { inSentence } from "./inSentence.js";
import { overlapMinutes } from "./overlapMinutes.js";
import type { ClientPreference } from "../../model/criteria.js";
import { meetsPreference } from "./clientPreferences.js";
import { holds, outcomeFor } from "./clinicianCodes.js";
import { capacityIn } from "./packedCapacity.js";

/** What every part of the soft fit reads: one eligible clinician, one request, and what the hard constraints found. */
export interface FitFacts {
  readonly directory: CompiledDirectory;
  readonly clinician: CompiledClinician;
  readonly query: PreparedQuery;
  readonly constraints: ConstraintResult;
}

/** How well a clinician meets one part, from 0 to 1, and why (built lazily where it costs). */
export interface Fit {
  readonly fit: number;
  readonly reason: string | (() => string);
}

/** Primary need counts twice, every other need once (seed 001 and the issue: primary weighted most). */
const needWeight = (position: number): number => (position === 0 ? 2 : 1);

const listed = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

// Reasons name codes by their vocabulary labels; a tag no vocabulary knows is the client's own text, so it is counted, not named.
function names({ vocabulary }: CompiledDirectory, list: "problemAreas" | "modalities", noun: string, codes: readonly string[]): string[] {
  const labels = codes.flatMap((code) => {
    const label = vocabulary.label(list, code);
    return label === undefined ? [] : [list === "problemAreas" ? inSentence(label) : label];
  });
  const unlisted = codes.length - labels.length;
  return unlisted === 0 ? labels : [...labels, unlisted === 1 ? `an unlisted ${noun}` : `${unlisted} unlisted ${noun}s`];
}
const needNames = (directory: CompiledDirectory, codes: readonly string[]) => listed(names(directory, "problemAreas", "need", codes));

function needsFit({ directory, clinician, query }: FitFacts): Fit {
  if (query.needs.length === 0) return { fit: 1, reason: "No needs were given." };
  let met = 0;
  let total = 0;
  query.needs.forEach((need, position) => {
    total += needWeight(position);
    if (holds(directory, clinician, "problemAreas", need)) met += needWeight(position);
  });
  const reason = (): string => {
    const treated = query.needs.filter((need) => holds(directory, clinician, "problemAreas", need));
    const missing = query.needs.filter((need) => !holds(directory, clinician, "problemAreas", need));
    if (missing.length === 0) return `Treats every need: ${needNames(directory, treated)}.`;
    if (treated.length === 0) return `Treats none of the needs (${needNames(directory, missing)}).`;
    // Needs are canonical and without repeats, so the primary need, when missing, is the first missing one.
    const primaryMissing = !holds(directory, clinician, "problemAreas", query.needs[0] as string);
    const others = primaryMissing ? missing.slice(1) : missing;
    return `Treats ${needNames(directory, treated)}${primaryMissing ? ` but not the primary need, ${needNames(directory, missing.slice(0, 1))}` : ""}${others.length > 0 ? `; not ${needNames(directory, others)}` : ""}.`;
  };
  return { fit: met / total, reason };
}

function outcomesFit({ directory, clinician, query }: FitFacts): Fit {
  const { options } = directory;
  if (query.needs.length === 0) return { fit: 0, reason: "No needs were given to weigh outcomes against." };
  // Constantino et al. 2021 matched on "effective on the most elevated domains and not ineffective on any":
  // an ineffective rating on any of the client's needs zeroes the part, and no effective rating elsewhere offsets it.
  // Without one, the best evidence across the needs counts, so adding a need never lowers the fit.
  let best = 0;
  let ineffective = false;
  let measured = false;
  const rating = (need: string) => {
    const outcome = outcomeFor(directory, clinician, need);
    return outcome !== undefined && outcome.cases >= options.outcomeMinCases ? outcome : undefined;
  };
  for (const need of query.needs) {
    const rated = rating(need)?.rating;
    if (rated === "ineffective") ineffective = true;
    best = Math.max(best, rated === "effective" ? 1 : rated === "ineffective" ? 0 : 0.5);
    measured ||= rated !== undefined;
  }
  if (!measured) return { fit: best, reason: "No measured outcomes for these needs." };
  // Written only when the part is explained: ranking scores many clinicians and explains a few.
  const notes = () =>
    `Measured outcomes: ${query.needs
      .flatMap((need) => {
        const outcome = rating(need);
        return outcome === undefined ? [] : [`${outcome.rating} with ${needNames(directory, [need])} (${outcome.cases} cases)`];
      })
      .join("; ")}`;
  return ineffective
    ? { fit: 0, reason: () => `${notes()}. An ineffective rating on one of the client's needs outweighs any effective one.` }
    : { fit: best, reason: () => `${notes()}.` };
}

function scheduleFit({ directory, clinician, query, constraints }: FitFacts): Fit {
  const { options } = directory;
  if (query.clientWindows === undefined) return { fit: 1, reason: "No preferred times were given." };
  const minutes = overlapMinutes(directory, clinician, query, constraints.modes, query.clientWindows);
  const hours = Math.round((minutes / 60) * 10) / 10;
  return {
    fit: Math.min(1, minutes / options.scheduleTargetMinutes),
    reason: () => `${hours} ${hours === 1 ? "hour" : "hours"} a week of availability within the client's times.`,
  };
}

function modalityFit({ directory, clinician, query }: FitFacts): Fit {
  if (query.preferredModalities.length === 0) return { fit: 1, reason: "No modality was preferred." };
  const offered = query.preferredModalities.filter((modality) => holds(directory, clinician, "modalities", modality));
  return {
    fit: offered.length / query.preferredModalities.length,
    reason: () =>
      offered.length === 0
        ? "Offers none of the preferred modalities."
        : `Offers ${listed(names(directory, "modalities", "modality", offered))}.`,
  };
}

function languageFit({ directory, clinician, query }: FitFacts): Fit {
  if (query.preferredLanguages.length === 0) return { fit: 1, reason: "No language was preferred." };
  const spoken = query.preferredLanguages.filter((language) => holds(directory, clinician, "languages", language));
  return {
    fit: spoken.length > 0 ? 1 : 0,
    reason: () => (spoken.length > 0 ? `Works in ${listed(spoken)}.` : "Does not work in a preferred language."),
  };
}

function waitFit({ directory, clinician, query }: FitFacts): Fit {
  const { options } = directory;
  const wait = capacityIn(directory.codes, clinician.index, "expectedWaitDays");
  if (wait === undefined) return { fit: 0.5, reason: "The usual wait is not known." };
  const horizon = Math.max(1, query.waitCap?.days ?? options.waitHorizonDays);
  return {
    fit: 1 - Math.min(1, wait / horizon),
    reason: () => (wait === 0 ? "No wait for a first session." : `Usual wait ${wait} days.`),
  };
}

function genderFit({ clinician, query }: FitFacts): Fit {
  if (query.preferredGenders.size === 0) return { fit: 1, reason: "No clinician gender was preferred." };
  const matches = clinician.gender !== undefined && query.preferredGenders.has(clinician.gender);
  return {
    fit: matches ? 1 : 0,
    reason: matches ? "Matches the preferred clinician gender." : "Does not match the preferred clinician gender.",
  };
}

function distanceFit({ query, constraints }: FitFacts): Fit {
  if (constraints.modes.includes("telehealth")) return { fit: 1, reason: "Telehealth is possible, so distance does not matter." };
  if (constraints.distanceKm === undefined) return { fit: 0.5, reason: "In person; the distance is not known." };
  const km = constraints.distanceKm;
  return { fit: 1 - Math.min(1, km / query.travelRadiusKm), reason: () => `In person, ${Math.round(km * 10) / 10} km away.` };
}

const PREFERENCE_TEXT: Readonly<Record<ClientPreference, string>> = {
  populations: "the populations asked for",
  cultures: "the cultures asked for",
  faiths: "faith-integrated care as asked",
  clinicianAge: "the clinician age range asked for",
  interpreter: "work with an interpreter",
};

function identityFit({ directory, clinician, query }: FitFacts): Fit {
  const asked = query.softPreferences;
  if (asked.length === 0) return { fit: 1, reason: "No preference about who the clinician is was given." };
  const met = asked.filter((preference) => meetsPreference(directory, clinician, query, preference));
  const missed = asked.filter((preference) => !met.includes(preference));
  return {
    fit: met.length / asked.length,
    reason: () =>
      missed.length === 0
        ? `Meets ${listed(met.map((p) => PREFERENCE_TEXT[p]))}.`
        : `Does not meet ${listed(missed.map((p) => PREFERENCE_TEXT[p]))}.`,
  };
}

/** Seed 003: small practices refer out (large ones refer within), and busy clinicians in the same niche have demand to pass on. */
function partnerFit({ directory, clinician, query }: FitFacts): Fit {
  const { maxPracticeClinicians, busyIn } = query.partner;
  const parts: number[] = [];
  const notes: (() => string)[] = [];
  if (maxPracticeClinicians !== undefined) {
    // A clinician without a practice is a practice of one.
    const { practiceId } = clinician;
    const practiceSize = practiceId === undefined ? 1 : (directory.practiceSizes.get(practiceId) ?? 1);
    const small = practiceSize <= maxPracticeClinicians;
    parts.push(small ? 1 : 0);
    const size = practiceSize === 1 ? "a solo practice" : `a practice of ${practiceSize} clinicians`;
    notes.push(() => (small ? `Works in ${size}.` : `Works in ${size}, larger than ${maxPracticeClinicians}.`));
  }
  if (busyIn.length > 0) {
    const caseloadCurrent = capacityIn(directory.codes, clinician.index, "caseloadCurrent") as number;
    const caseloadMax = capacityIn(directory.codes, clinician.index, "caseloadMax") as number;
    const same = busyIn.every((area) => holds(directory, clinician, "problemAreas", area));
    const full = caseloadMax === 0 ? 1 : Math.min(1, caseloadCurrent / caseloadMax);
    parts.push(same ? full : 0);
    notes.push(() =>
      same
        ? `Works in the same specialty (${needNames(directory, busyIn)}) with a caseload ${Math.round(full * 100)}% full.`
        : `Does not work in the whole specialty (${needNames(directory, busyIn)}).`,
    );
  }
  return {
    fit: parts.reduce((sum, part) => sum + part, 0) / Math.max(1, parts.length),
    reason: () => notes.map((note) => note()).join(" "),
  };
}

/** Each part of the soft fit (see {@link SoftCriterion}) with the function that measures it. */
export const softFits: Readonly<Record<SoftCriterion, (facts: FitFacts) => Fit>> = {
  needs: needsFit,
  outcomes: outcomesFit,
  schedule: scheduleFit,
  modality: modalityFit,
  language: languageFit,
  wait: waitFit,
  gender: genderFit,
  distance: distanceFit,
  identity: identityFit,
  partner: partnerFit,
};

import type { SoftCriterion } from "../types.js";
import type { CompiledClinician, CompiledDirectory, PreparedQuery } from "./compiled.js";
import type { ConstraintResult } from "./evaluateConstraints.js";
import { inSentence } from "./inSentence.js";
import { overlapMinutes } from "./overlapMinutes.js";
import type { ClientPreference } from "../../model/criteria.js";
import { meetsPreference } from "./clientPreferences.js";
import { holds } from "./clinicianCodes.js";
import { countedOutcome } from "./countedOutcome.js";
import { capacityIn } from "./packedCapacity.js";

/** What every part of the soft fit reads: one eligible clinician, one request, and what the hard constraints found. */
export interface FitFacts {
  readonly directory: CompiledDirectory;
  readonly clinician: CompiledClinician;
  readonly query: PreparedQuery;
  readonly constraints: ConstraintResult;
}

/**
 * One part of the soft fit. `fit` is how well a clinician meets it, from 0
 * to 1: it is read for every eligible clinician, so it writes no text and
 * builds no list. `reason` says why, and is read only for the options a
 * ranking explains: it works out again what it names.
 */
export interface SoftFit {
  readonly fit: (facts: FitFacts) => number;
  readonly reason: (facts: FitFacts) => string;
}

/** The primary need counts twice, every other need once (seed 001: the client's main concern comes first). */
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

const needsFit: SoftFit = {
  fit: ({ directory, clinician, query }) => {
    if (query.needs.length === 0) return 1;
    let met = 0;
    let total = 0;
    for (let position = 0; position < query.needs.length; position += 1) {
      total += needWeight(position);
      if (holds(directory, clinician, "problemAreas", query.needs[position] as string)) met += needWeight(position);
    }
    return met / total;
  },
  reason: ({ directory, clinician, query }) => {
    if (query.needs.length === 0) return "No needs were given.";
    const treated = query.needs.filter((need) => holds(directory, clinician, "problemAreas", need));
    const missing = query.needs.filter((need) => !holds(directory, clinician, "problemAreas", need));
    if (missing.length === 0) return `Treats every need: ${needNames(directory, treated)}.`;
    if (treated.length === 0) return `Treats none of the needs (${needNames(directory, missing)}).`;
    // Needs are canonical and without repeats, so the primary need, when missing, is the first missing one.
    const primaryMissing = !holds(directory, clinician, "problemAreas", query.needs[0] as string);
    const others = primaryMissing ? missing.slice(1) : missing;
    return `Treats ${needNames(directory, treated)}${primaryMissing ? ` but not the primary need, ${needNames(directory, missing.slice(0, 1))}` : ""}${others.length > 0 ? `; not ${needNames(directory, others)}` : ""}.`;
  },
};

const outcomesFit: SoftFit = {
  // Constantino et al. 2021 matched on "effective on the most elevated domains and not ineffective on any":
  // an ineffective rating on any of the client's needs zeroes the part, and no effective rating elsewhere offsets it.
  // Without one, the best evidence across the needs counts, so adding a need never lowers the fit.
  fit: (facts) => {
    if (facts.query.needs.length === 0) return 0;
    let best = 0;
    for (const need of facts.query.needs) {
      const rated = countedOutcome(facts.directory, facts.clinician, need)?.rating;
      if (rated === "ineffective") return 0;
      best = Math.max(best, rated === "effective" ? 1 : 0.5);
    }
    return best;
  },
  reason: (facts) => {
    const { directory, query } = facts;
    if (query.needs.length === 0) return "No needs were given to weigh outcomes against.";
    const rated = query.needs.flatMap((need) => {
      const outcome = countedOutcome(facts.directory, facts.clinician, need);
      return outcome === undefined ? [] : [{ need, ...outcome }];
    });
    if (rated.length === 0) return "No measured outcomes for these needs.";
    const notes = `Measured outcomes: ${rated
      .map(({ need, rating, cases }) => `${rating} with ${needNames(directory, [need])} (${cases} cases)`)
      .join("; ")}`;
    return rated.some(({ rating }) => rating === "ineffective")
      ? `${notes}. An ineffective rating on one of the client's needs outweighs any effective one.`
      : `${notes}.`;
  },
};

const scheduleFit: SoftFit = {
  fit: ({ directory, clinician, query, constraints }) =>
    query.clientWindows === undefined
      ? 1
      : Math.min(
          1,
          overlapMinutes(directory, clinician, query, constraints.modes, query.clientWindows) / directory.options.scheduleTargetMinutes,
        ),
  reason: ({ directory, clinician, query, constraints }) => {
    if (query.clientWindows === undefined) return "No preferred times were given.";
    const minutes = overlapMinutes(directory, clinician, query, constraints.modes, query.clientWindows);
    const hours = Math.round((minutes / 60) * 10) / 10;
    return `${hours} ${hours === 1 ? "hour" : "hours"} a week of availability within the client's times.`;
  },
};

const modalityFit: SoftFit = {
  fit: ({ directory, clinician, query }) => {
    const preferred = query.preferredModalities;
    if (preferred.length === 0) return 1;
    let offered = 0;
    for (const modality of preferred) if (holds(directory, clinician, "modalities", modality)) offered += 1;
    return offered / preferred.length;
  },
  reason: ({ directory, clinician, query }) => {
    if (query.preferredModalities.length === 0) return "No modality was preferred.";
    const offered = query.preferredModalities.filter((modality) => holds(directory, clinician, "modalities", modality));
    return offered.length === 0
      ? "Offers none of the preferred modalities."
      : `Offers ${listed(names(directory, "modalities", "modality", offered))}.`;
  },
};

const languageFit: SoftFit = {
  fit: ({ directory, clinician, query }) =>
    query.preferredLanguages.length === 0 || query.preferredLanguages.some((language) => holds(directory, clinician, "languages", language))
      ? 1
      : 0,
  reason: ({ directory, clinician, query }) => {
    if (query.preferredLanguages.length === 0) return "No language was preferred.";
    const spoken = query.preferredLanguages.filter((language) => holds(directory, clinician, "languages", language));
    return spoken.length > 0 ? `Works in ${listed(spoken)}.` : "Does not work in a preferred language.";
  },
};

const waitFit: SoftFit = {
  fit: ({ directory, clinician, query }) => {
    const wait = capacityIn(directory.codes, clinician.index, "expectedWaitDays");
    if (wait === undefined) return 0.5;
    const horizon = Math.max(1, query.waitCap?.days ?? directory.options.waitHorizonDays);
    return 1 - Math.min(1, wait / horizon);
  },
  reason: ({ directory, clinician }) => {
    const wait = capacityIn(directory.codes, clinician.index, "expectedWaitDays");
    if (wait === undefined) return "The usual wait is not known.";
    return wait === 0 ? "No wait for a first session." : `Usual wait ${wait} days.`;
  },
};

const matchesGender = ({ clinician, query }: FitFacts): boolean =>
  clinician.gender !== undefined && query.preferredGenders.has(clinician.gender);

const genderFit: SoftFit = {
  fit: (facts) => (facts.query.preferredGenders.size === 0 || matchesGender(facts) ? 1 : 0),
  reason: (facts) => {
    if (facts.query.preferredGenders.size === 0) return "No clinician gender was preferred.";
    return matchesGender(facts) ? "Matches the preferred clinician gender." : "Does not match the preferred clinician gender.";
  },
};

const distanceFit: SoftFit = {
  fit: ({ query, constraints }) => {
    if (constraints.modes.includes("telehealth")) return 1;
    return constraints.distanceKm === undefined ? 0.5 : 1 - Math.min(1, constraints.distanceKm / query.travelRadiusKm);
  },
  reason: ({ constraints }) => {
    if (constraints.modes.includes("telehealth")) return "Telehealth is possible, so distance does not matter.";
    if (constraints.distanceKm === undefined) return "In person; the distance is not known.";
    return `In person, ${Math.round(constraints.distanceKm * 10) / 10} km away.`;
  },
};

const PREFERENCE_TEXT: Readonly<Record<ClientPreference, string>> = {
  populations: "the populations asked for",
  cultures: "the cultures asked for",
  faiths: "faith-integrated care as asked",
  clinicianAge: "the clinician age range asked for",
  interpreter: "work with an interpreter",
};

const identityFit: SoftFit = {
  fit: ({ directory, clinician, query }) => {
    const asked = query.softPreferences;
    if (asked.length === 0) return 1;
    let met = 0;
    for (const preference of asked) if (meetsPreference(directory, clinician, query, preference)) met += 1;
    return met / asked.length;
  },
  reason: ({ directory, clinician, query }) => {
    const asked = query.softPreferences;
    if (asked.length === 0) return "No preference about who the clinician is was given.";
    const met = asked.filter((preference) => meetsPreference(directory, clinician, query, preference));
    const missed = asked.filter((preference) => !met.includes(preference));
    return missed.length === 0
      ? `Meets ${listed(met.map((p) => PREFERENCE_TEXT[p]))}.`
      : `Does not meet ${listed(missed.map((p) => PREFERENCE_TEXT[p]))}.`;
  },
};

/** A clinician's practice size; one without a practice is a practice of one. */
const practiceSizeOf = ({ directory, clinician }: FitFacts): number =>
  clinician.practiceId === undefined ? 1 : (directory.practiceSizes.get(clinician.practiceId) ?? 1);

/** How full a clinician's caseload is, from 0 to 1 (a caseload of no one counts as full). */
function caseloadFull({ directory, clinician }: FitFacts): number {
  const caseloadCurrent = capacityIn(directory.codes, clinician.index, "caseloadCurrent") as number;
  const caseloadMax = capacityIn(directory.codes, clinician.index, "caseloadMax") as number;
  return caseloadMax === 0 ? 1 : Math.min(1, caseloadCurrent / caseloadMax);
}

const inWholeSpecialty = ({ directory, clinician, query }: FitFacts): boolean =>
  query.partner.busyIn.every((area) => holds(directory, clinician, "problemAreas", area));

/** Seed 003: small practices refer out (large ones refer within), and busy clinicians in the same niche have demand to pass on. */
const partnerFit: SoftFit = {
  fit: (facts) => {
    const { maxPracticeClinicians, busyIn } = facts.query.partner;
    let sum = 0;
    let parts = 0;
    if (maxPracticeClinicians !== undefined) {
      sum += practiceSizeOf(facts) <= maxPracticeClinicians ? 1 : 0;
      parts += 1;
    }
    if (busyIn.length > 0) {
      sum += inWholeSpecialty(facts) ? caseloadFull(facts) : 0;
      parts += 1;
    }
    return sum / Math.max(1, parts);
  },
  reason: (facts) => {
    const { maxPracticeClinicians, busyIn } = facts.query.partner;
    const notes: string[] = [];
    if (maxPracticeClinicians !== undefined) {
      const practiceSize = practiceSizeOf(facts);
      const size = practiceSize === 1 ? "a solo practice" : `a practice of ${practiceSize} clinicians`;
      notes.push(practiceSize <= maxPracticeClinicians ? `Works in ${size}.` : `Works in ${size}, larger than ${maxPracticeClinicians}.`);
    }
    if (busyIn.length > 0) {
      const specialty = needNames(facts.directory, busyIn);
      notes.push(
        inWholeSpecialty(facts)
          ? `Works in the same specialty (${specialty}) with a caseload ${Math.round(caseloadFull(facts) * 100)}% full.`
          : `Does not work in the whole specialty (${specialty}).`,
      );
    }
    return notes.join(" ");
  },
};

/** Each part of the soft fit (see {@link SoftCriterion}) with the function that measures it. */
export const softFits: Readonly<Record<SoftCriterion, SoftFit>> = {
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

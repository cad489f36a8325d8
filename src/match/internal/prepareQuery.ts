import { epochDayOf } from "../../model/internal/epochDayOf.js";
import type { MatchCriteria } from "../../model/criteria.js";
import { normalizeTag } from "../../model/normalizeTag.js";
import type { IsoDate } from "../../model/scalars.js";
import type { VocabularyList } from "../../model/defaultVocabulary.js";
import type { CompiledDirectory, PreparedQuery } from "./compiled.js";
import { constraintChecks } from "./constraintChecks.js";
import type { Urgency } from "../../model/enums.js";
import { WEEKDAYS } from "../../model/internal/weekdayOf.js";
import { waitCap } from "./waitCap.js";
import { askedPreferences, type PreparedPreferences } from "./clientPreferences.js";
import type { ClientPreference } from "../../model/criteria.js";
import { telehealthPlaces } from "./telehealthPlaces.js";
import { payerNumbersOf } from "./networkCover.js";
import { addCalendarDays } from "../../model/internal/addCalendarDays.js";
import { mergeIntervals } from "./mergeIntervals.js";
import type { Intervals } from "./rememberedWeek.js";
import { primaryLanguage } from "./primaryLanguage.js";
import { SoftCriterion } from "../types.js";
import { createWeekTimeline, type WeekTimeline } from "./weekTimeline.js";
import { minutesOf } from "../../model/internal/minutesOf.js";

const SEVERE = new Set(["severe", "complex"]);

/** The weights of the parts that count for this request, summing to 1: outcomes only with outcome data, more for severe clients. */
function normalizedWeights(
  { options, outcomeHolders }: CompiledDirectory,
  criteria: MatchCriteria,
  asked: { readonly identity: boolean; readonly partner: boolean },
): PreparedQuery["weights"] {
  const raw = SoftCriterion.options.map((criterion): number => {
    // Who the clinician is counts only when the client asks softly, so other requests score as before.
    if ((criterion === "identity" && !asked.identity) || (criterion === "partner" && !asked.partner)) return 0;
    if (criterion !== "outcomes") return options.weights[criterion];
    if (outcomeHolders === 0) return 0;
    return criteria.severity !== undefined && SEVERE.has(criteria.severity)
      ? options.weights.outcomes * options.severeOutcomeMultiplier
      : options.weights.outcomes;
  });
  let total = 0;
  for (const weight of raw) total += weight;
  const weights: [SoftCriterion, number][] = [];
  raw.forEach((weight, at) => {
    if (weight > 0) weights.push([SoftCriterion.options[at] as SoftCriterion, weight / total]);
  });
  return weights;
}

/** The client's weekly windows on the week's axis, merged. */
function clientWindowsOf(schedule: NonNullable<MatchCriteria["prefer"]["schedule"]>, timeline: WeekTimeline): Intervals {
  const { timeZone, slots } = schedule;
  // Each slot falls on one of the seven days.
  const starts = new Float64Array(slots.length);
  const ends = new Float64Array(slots.length);
  let count = 0;
  for (let day = 0; day < 7; day += 1) {
    const weekday = WEEKDAYS[timeline.weekday(day)];
    for (const slot of slots) {
      if (slot.day !== weekday) continue;
      starts[count] = timeline.toAxis(timeZone, day, minutesOf(slot.start));
      ends[count] = timeline.toAxis(timeZone, day, minutesOf(slot.end));
      // A window a daylight-saving change folds to nothing is no interval.
      if ((ends[count] as number) > (starts[count] as number)) count += 1;
    }
  }
  return mergeIntervals(starts, ends, count);
}

/** Whether the client asks any preference about who the clinician is without making it a must. */
function askedSoftly(prefer: MatchCriteria["prefer"]): boolean {
  const must = new Set(prefer.must ?? []);
  const asked: [ClientPreference, boolean][] = [
    ["populations", (prefer.populations ?? []).length > 0],
    ["cultures", (prefer.cultures ?? []).length > 0],
    ["faiths", (prefer.faiths ?? []).length > 0],
    ["clinicianAge", prefer.clinicianAge !== undefined],
    ["interpreter", prefer.interpreter !== undefined],
  ];
  return asked.some(([preference, given]) => given && !must.has(preference));
}

const partnerAsked = (partner: PreparedQuery["partner"]): boolean =>
  partner.maxPracticeClinicians !== undefined || partner.busyIn.length > 0;

/** The course of care from its start date: its last day, both days as epoch days, and every place the client will be. */
function courseFrom(
  criteria: MatchCriteria,
  startDate: IsoDate,
  weeks: number,
): Pick<PreparedQuery, "courseEnd" | "startDay" | "courseEndDay" | "telehealthPlaces"> {
  // A course of n weeks from the start date ends on its last day; 0 weeks is the start date alone.
  const courseEnd = addCalendarDays(startDate, Math.max(0, weeks * 7 - 1));
  return {
    courseEnd,
    startDay: epochDayOf(startDate),
    courseEndDay: epochDayOf(courseEnd),
    telehealthPlaces: telehealthPlaces(criteria, startDate, courseEnd),
  };
}

/** What the client asks of who the clinician is: canonical, without repeats, and which of it is a must. */
function preparedPreferences(
  prefer: MatchCriteria["prefer"],
  canonical: (list: VocabularyList, tags: readonly string[]) => string[],
): PreparedPreferences {
  return {
    populations: canonical("populations", prefer.populations ?? []),
    cultures: [...new Set((prefer.cultures ?? []).map(normalizeTag))],
    faiths: [...new Set((prefer.faiths ?? []).map(normalizeTag))],
    clinicianAge: prefer.clinicianAge,
    interpreter: prefer.interpreter !== undefined,
    must: new Set(prefer.must ?? []),
  };
}

/** Turns criteria into what evaluating a clinician needs: canonical codes, normalized weights, the client's week. */
export function prepareQuery(
  directory: CompiledDirectory,
  criteria: MatchCriteria,
  startDate: IsoDate,
  practiceId: string | undefined,
  urgency: Urgency | undefined = criteria.urgency,
): PreparedQuery {
  const { vocabulary, options } = directory;
  const canonical = (list: VocabularyList, tags: readonly string[]): string[] => [
    ...new Set(tags.map((tag) => vocabulary.canonical(list, tag))),
  ];
  const { require, prefer } = criteria;
  const timeline = createWeekTimeline(startDate);

  const clientWindows = prefer.schedule === undefined ? undefined : clientWindowsOf(prefer.schedule, timeline);
  const { maxPracticeClinicians, busyIn = [] } = prefer.partner ?? {};
  const partner = { maxPracticeClinicians, busyIn: canonical("problemAreas", busyIn) };
  const weights = normalizedWeights(directory, criteria, { identity: askedSoftly(prefer), partner: partnerAsked(partner) });
  const needs = canonical("problemAreas", prefer.problemAreas);
  const preferences = preparedPreferences(prefer, canonical);

  const course = courseFrom(criteria, startDate, criteria.expectedWeeks ?? options.expectedWeeks);
  const query: Omit<PreparedQuery, "constraintChecks"> = {
    criteria,
    startDate,
    courseEnd: course.courseEnd,
    startDay: course.startDay,
    courseEndDay: course.courseEndDay,
    telehealthPlaces: course.telehealthPlaces,
    payerNumbers: payerNumbersOf(directory.codes, require.payment?.payers ?? []),
    panelEndsDuringCare: options.panelEndsDuringCare,
    practiceId,
    modes: new Set(require.modes),
    travelRadiusKm: require.travelRadiusKm ?? options.defaultTravelRadiusKm,
    point: criteria.location.point,
    excludedClinicians: new Set(require.excludeClinicianIds),
    excludedPractices: new Set(require.excludePracticeIds),
    requiredPopulations: canonical("populations", require.populations),
    requiredProblemAreas: canonical("problemAreas", require.problemAreas),
    requiredModalities: canonical("modalities", require.modalities),
    requiredLanguages: [...new Set(require.languages.map(primaryLanguage))],
    requiredDisciplines: new Set(require.disciplines.map((tag) => vocabulary.canonical("disciplines", tag))),
    waitCap: waitCap(require.maxWaitDays, urgency, options.urgencyWaits, startDate),
    needs,
    vetoNeed: options.ineffectiveOnPrimary === "exclude" && directory.outcomeHolders > 0 ? needs[0] : undefined,
    preferredModalities: canonical("modalities", prefer.modalities),
    preferredLanguages: [...new Set(prefer.languages.map(primaryLanguage))],
    preferredGenders: new Set(prefer.clinicianGenders.map(normalizeTag)),
    preferences,
    softPreferences: askedPreferences(preferences).filter((preference) => !preferences.must.has(preference)),
    partner,
    clientWindows,
    timeline,
    weights,
  };
  return { ...query, constraintChecks: constraintChecks.filter((check) => check.requested?.(query as PreparedQuery) ?? true) };
}

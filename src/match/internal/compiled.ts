/**
 * The compiled forms the matcher works on: a directory indexed once, and a
 * request prepared once per query. Internal.
 *
 * @module
 */
import type { Clinician } from "../../model/clinician.js";
import type { MatchCriteria } from "../../model/criteria.js";
import type { Vocabulary } from "../../model/createVocabulary.js";
import type { CareMode, LevelOfCare } from "../../model/enums.js";
import type { Compact } from "../../model/licensure.js";
import type { LicensureRules } from "../../model/internal/licensureFor.js";
import type { GeoPoint, IsoDate, Jurisdiction } from "../../model/scalars.js";
import type { MatcherOptions } from "../schemas.js";
import type { SoftCriterion } from "../types.js";
import type { ConstraintCheck } from "./constraintChecks.js";
import type { PreparedWaitCap } from "./waitCap.js";
import type { ClientPlace } from "./telehealthPlaces.js";
import type { WeekTimeline } from "./weekTimeline.js";
import type { PreparedPreferences } from "./clientPreferences.js";
import type { ClientPreference } from "../../model/criteria.js";

/** A weekly slot as minutes of a weekday (Monday = 0). */
export interface CompiledSlot {
  readonly day: number;
  readonly start: number;
  readonly end: number;
  readonly modes: readonly CareMode[] | undefined;
}

export interface CompiledClinician {
  readonly index: number;
  readonly source: Clinician;
  readonly problemAreas: ReadonlySet<string>;
  readonly modalities: ReadonlySet<string>;
  readonly populations: ReadonlySet<string>;
  readonly discipline: string;
  /** The levels of care offered: `outpatient` when the clinician lists none. */
  readonly levelsOfCare: ReadonlySet<LevelOfCare>;
  /** Primary language subtags, lower case. */
  readonly languages: ReadonlySet<string>;
  readonly gender: string | undefined;
  /** Cultures and faiths the clinician works with, normalized. */
  readonly cultures: ReadonlySet<string>;
  readonly faiths: ReadonlySet<string>;
  /** Outcome per canonical problem area. */
  readonly outcomes: ReadonlyMap<string, { readonly rating: "effective" | "neutral" | "ineffective"; readonly cases: number }>;
  readonly slots: readonly CompiledSlot[];
  /** How many clinicians of the directory share the clinician's practice: 1 for one without a practice. */
  readonly practiceSize: number;
}

export interface CompiledDirectory {
  readonly clinicians: readonly CompiledClinician[];
  readonly byId: ReadonlyMap<string, CompiledClinician>;
  /** Which clinicians serve each population (one byte per clinician, by index). */
  readonly byPopulation: ReadonlyMap<string, Uint8Array>;
  /** Which clinicians treat each problem area (one byte per clinician, by index). */
  readonly byProblemArea: ReadonlyMap<string, Uint8Array>;
  /** Clinicians who may be licensed for telehealth in a jurisdiction (licence or compact member), by jurisdiction. */
  readonly byJurisdiction: ReadonlyMap<Jurisdiction, readonly number[]>;
  /** Offices by jurisdiction, for clients without a point. */
  readonly officesByJurisdiction: ReadonlyMap<Jurisdiction, readonly number[]>;
  /** Offices by one-degree grid cell `lat:lon`, for radius queries. */
  readonly officesByCell: ReadonlyMap<string, readonly number[]>;
  readonly compacts: readonly Compact[];
  /** Compacts by id, members by jurisdiction, and where a discipline needs no licence: licensure checks look up, never scan. */
  readonly licensure: LicensureRules;
  /** Payers that do not pay for care by pre-licensed clinicians. */
  readonly payersRefusingAssociates: ReadonlySet<string>;
  readonly vocabulary: Vocabulary;
  readonly options: MatcherOptions;
  readonly hasOutcomes: boolean;
}

/** A request prepared for one query: canonical codes, normalized weights, and the week's timeline. */
export interface PreparedQuery {
  readonly criteria: MatchCriteria;
  readonly startDate: IsoDate;
  /** The last day of the expected course of care, over which network status must hold. */
  readonly courseEnd: IsoDate;
  /** Every place the client will be during the course, for telehealth licensure; the first is where it starts. */
  readonly telehealthPlaces: readonly ClientPlace[];
  /** What a panel that ends inside the course does: fails payment, or passes with a warning. */
  readonly panelEndsDuringCare: "fail" | "warn";
  readonly practiceId: string | undefined;
  readonly modes: ReadonlySet<CareMode>;
  readonly travelRadiusKm: number;
  readonly point: GeoPoint | undefined;
  readonly excludedClinicians: ReadonlySet<string>;
  readonly excludedPractices: ReadonlySet<string>;
  readonly requiredPopulations: readonly string[];
  readonly requiredProblemAreas: readonly string[];
  readonly requiredModalities: readonly string[];
  readonly requiredLanguages: readonly string[];
  /** Any one of these disciplines will do; empty means any discipline. */
  readonly requiredDisciplines: ReadonlySet<string>;
  /** The longest wait allowed, from the criteria's maximum and the urgency's cap; undefined when neither applies. */
  readonly waitCap: PreparedWaitCap | undefined;
  /** The client's needs, canonical, primary first, without repeats. */
  readonly needs: readonly string[];
  /** The primary need, when an ineffective rating on it excludes a clinician (policy `ineffectiveOnPrimary: "exclude"`). */
  readonly vetoNeed: string | undefined;
  readonly preferredModalities: readonly string[];
  readonly preferredLanguages: readonly string[];
  readonly preferredGenders: ReadonlySet<string>;
  /** What the client asks of who the clinician is: soft, or hard when a must. */
  readonly preferences: PreparedPreferences;
  /** The preferences asked for softly, which the identity part of the score weighs. */
  readonly softPreferences: readonly ClientPreference[];
  /** What the referring practice looks for in a partner: a largest practice size, a specialty to be busy in (canonical). */
  readonly partner: { readonly maxPracticeClinicians: number | undefined; readonly busyIn: readonly string[] };
  /** The client's weekly windows on the week's axis, merged; undefined when none are given. */
  readonly clientWindows: readonly (readonly [number, number])[] | undefined;
  readonly timeline: WeekTimeline;
  /** Normalized weights of the parts that count for this request. */
  readonly weights: ReadonlyArray<readonly [SoftCriterion, number]>;
  /** The hard constraints this request asks about, in the table's order; the others hold for every clinician. */
  readonly constraintChecks: readonly ConstraintCheck[];
}

/**
 * The compiled forms the matcher works on: a directory indexed once, and a
 * request prepared once per query. Internal.
 *
 * @module
 */
import type { Clinician } from "../../model/clinician.js";
import type { MatchCriteria } from "../../model/criteria.js";
import type { Vocabulary } from "../../model/createVocabulary.js";
import type { CareMode } from "../../model/enums.js";
import type { ClinicianCodes } from "./clinicianCodes.js";
import type { ResolvedTags } from "./resolvedTag.js";
import type { IndexSet } from "./indexSet.js";
import type { IdTable } from "./idTable.js";
import type { CompiledOffices } from "./compiledOffices.js";
import type { UnknownTag } from "../../model/unknownTag.js";
import type { Compact } from "../../model/licensure.js";
import type { LicensureRules } from "../../model/internal/licensureFor.js";
import type { GeoPoint, IsoDate, Jurisdiction } from "../../model/scalars.js";
import type { MatcherOptions } from "../schemas.js";
import type { SoftCriterion } from "../types.js";
import type { ConstraintCheck } from "./constraintChecks.js";
import type { PreparedWaitCap } from "./waitCap.js";
import type { ClientPlace } from "./telehealthPlaces.js";
import type { PayerNumbers } from "./networkCover.js";
import type { WeekTimeline } from "./weekTimeline.js";
import type { Intervals, PlacedWeeks } from "./rememberedWeek.js";
import type { PreparedPreferences } from "./clientPreferences.js";
import type { ClientPreference } from "../../model/criteria.js";

/**
 * The fields of a clinician's validated record a compiled clinician keeps
 * as they are (its yes-or-no fields are bits of `flags`), the time zone
 * of its availability, and its offices' places (see `compileOffices`). The tag lists,
 * outcomes, weekly slots, insurance panels, capacity and fees are compiled
 * into the directory's `codes`; the name and credentials, which no answer
 * shows, are left out; so a large directory holds less.
 */
export type MatchRecord = { readonly timeZone: string; readonly offices: CompiledOffices } & Pick<
  Clinician,
  "id" | "practiceId" | "licensure" | "birthYear"
>;

/**
 * A clinician compiled for matching, one object: the fields it keeps of its
 * record, and what the checks read often, worked out once. Its code lists
 * (populations, problem areas, modalities, languages, cultures, faiths,
 * outcome areas), panels, capacity and fees are in the directory's
 * `codes`, by index.
 */
export interface CompiledClinician extends MatchRecord {
  readonly index: number;
  /** Telehealth offered, accepting new clients, works with interpreters: the bits of `FLAG`. */
  readonly flags: number;
  /** The record's tags no vocabulary knows, by path from the record; undefined when there are none (as for most). */
  readonly unknownTags: readonly UnknownTag[] | undefined;
  /** The discipline, canonical. */
  readonly discipline: string;
  /** The levels of care offered, one bit each in `LevelOfCare`'s order: `outpatient` when the clinician lists none. */
  readonly levelsOfCare: number;
  readonly gender: string | undefined;
}

/** What compiling one clinician needs from the directory, kept so a matcher can compile a changed clinician alone. */
export interface ClinicianContext {
  readonly vocabulary: Vocabulary;
  /** Each compact's member jurisdictions, by compact id. */
  readonly compactMembers: ReadonlyMap<string, readonly Jurisdiction[]>;
  /** Where a discipline needs no licence, by canonical discipline. */
  readonly unlicensedWhere: ReadonlyMap<string, readonly Jurisdiction[]>;
  /** The clinicians' tags read so far, each spelling once (see `resolvedTag`). */
  readonly tags: ResolvedTags;
}

/**
 * A directory indexed for matching. The indexes are written only when it is
 * compiled and when a matcher applies changes (`updateDirectory`), one
 * clinician at a time; everything else reads them.
 */
export interface CompiledDirectory {
  /** By index; the place of a removed clinician is empty until an added one takes it. */
  readonly clinicians: (CompiledClinician | undefined)[];
  /** Each clinician's index by id, in the directory's order: as given, then each added clinician last. */
  readonly byId: IdTable;
  /** Which clinicians serve each population. */
  readonly byPopulation: Map<string, IndexSet>;
  /** Which clinicians treat each problem area. */
  readonly byProblemArea: Map<string, IndexSet>;
  /** Open clinicians who may be licensed for telehealth in a jurisdiction (licence or compact member), by jurisdiction. */
  readonly byJurisdiction: Map<Jurisdiction, IndexSet>;
  /** Open clinicians' offices by jurisdiction, for clients without a point. */
  readonly officesByJurisdiction: Map<Jurisdiction, IndexSet>;
  /** Open clinicians' offices by one-degree grid cell `lat:lon`, for radius queries. */
  readonly officesByCell: Map<string, IndexSet>;
  /** How many clinicians each practice has. */
  readonly practiceSizes: Map<string, number>;
  /** Every clinician's code lists, by index. */
  readonly codes: ClinicianCodes;
  /** How many clinicians report outcomes: with none, outcomes carry no weight. */
  outcomeHolders: number;
  /** How many clinicians have tags no vocabulary knows: with none, the directory's unknown tags are known without a walk. */
  unknownTagHolders: number;
  /** Places removed clinicians left, for added ones to take. */
  readonly freeIndexes: number[];
  readonly context: ClinicianContext;
  /** The clinicians' weeks placed on a day's timeline, remembered for the next query of that day (see {@link PlacedWeeks}). */
  readonly placedWeeks: PlacedWeeks;
  readonly compacts: readonly Compact[];
  /** Compacts by id, members by jurisdiction, and where a discipline needs no licence: licensure checks look up, never scan. */
  readonly licensure: LicensureRules;
  /** Payers that do not pay for care by pre-licensed clinicians. */
  readonly payersRefusingAssociates: ReadonlySet<string>;
  readonly vocabulary: Vocabulary;
  readonly options: MatcherOptions;
}

/** A request prepared for one query: canonical codes, normalized weights, and the week's timeline. */
export interface PreparedQuery {
  readonly criteria: MatchCriteria;
  readonly startDate: IsoDate;
  /** The last day of the expected course of care, over which network status must hold. */
  readonly courseEnd: IsoDate;
  /** `startDate` as an epoch day, as packed panels hold their dates: counted once, not per clinician. */
  readonly startDay: number;
  /** `courseEnd` as an epoch day. */
  readonly courseEndDay: number;
  /** The pool's numbers of the client's payers, in their order (see `networkCover`). */
  readonly payerNumbers: readonly PayerNumbers[];
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
  readonly clientWindows: Intervals | undefined;
  readonly timeline: WeekTimeline;
  /** Normalized weights of the parts that count for this request. */
  readonly weights: ReadonlyArray<readonly [SoftCriterion, number]>;
  /** The hard constraints this request asks about, in the table's order; the others hold for every clinician. */
  readonly constraintChecks: readonly ConstraintCheck[];
}

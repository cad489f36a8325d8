/**
 * What `referwell/match` returns: ranked, explained options, failed
 * constraints, recommendations and assignments. Plain JSON throughout.
 *
 * @module
 */
import * as z from "zod";
import type { CareMode } from "../model/enums.js";
import type { IsoDate, Money } from "../model/scalars.js";
import type { UnknownTag } from "../model/unknownTag.js";

/**
 * The hard constraints. A clinician who fails one is never an option.
 *
 * @example
 * ```ts
 * import { HardConstraint } from "referwell/match";
 *
 * HardConstraint.options.includes("payment"); // => true
 * ```
 */
export const HardConstraint = z.enum([
  "excluded",
  "accepting",
  "capacity",
  "outcome",
  "population",
  "problem-area",
  "modality",
  "language",
  "discipline",
  "level-of-care",
  "preference",
  "wait",
  "payment",
  "care-mode",
]);
/** A hard constraint. */
export type HardConstraint = z.infer<typeof HardConstraint>;

/**
 * The parts of the soft fit, each with a weight in the options.
 *
 * @example
 * ```ts
 * import { SoftCriterion } from "referwell/match";
 *
 * SoftCriterion.options[0]; // => "needs"
 * ```
 */
export const SoftCriterion = z.enum([
  "needs",
  "outcomes",
  "schedule",
  "modality",
  "language",
  "wait",
  "gender",
  "distance",
  "identity",
  "partner",
]);
/** A part of the soft fit. */
export type SoftCriterion = z.infer<typeof SoftCriterion>;

/**
 * Why a hard constraint failed, one step finer than {@link HardConstraint}:
 * `care-mode` fails as `not-licensed-telehealth`, `office-out-of-range` and
 * so on.
 *
 * @example
 * ```ts
 * import { ConstraintReason } from "referwell/match";
 *
 * ConstraintReason.options.includes("not-licensed-telehealth"); // => true
 * ```
 */
export const ConstraintReason = z.enum([
  "clinician-excluded",
  "practice-excluded",
  "not-accepting",
  "caseload-full",
  "weekly-limit-reached",
  "ineffective-on-primary-need",
  "population-not-served",
  "problem-area-not-treated",
  "modality-not-offered",
  "language-not-spoken",
  "discipline-not-wanted",
  "level-of-care-not-offered",
  "preference-not-met",
  "wait-too-long",
  "not-in-network",
  "network-ends-during-care",
  "verify-benefits",
  "associate-not-accepted",
  "self-pay-unaffordable",
  "no-office",
  "office-out-of-range",
  "not-licensed-in-person",
  "telehealth-not-offered",
  "not-licensed-telehealth",
]);
/** Why a hard constraint failed. */
export type ConstraintReason = z.infer<typeof ConstraintReason>;

/** A hard constraint a clinician failed, with the finer reason and a short text. */
export interface ConstraintFailure {
  /** The constraint that failed. */
  readonly constraint: HardConstraint;
  /** The finer reason, e.g. `not-licensed-telehealth`, `office-out-of-range`. */
  readonly reason: ConstraintReason;
  /** One sentence for people. */
  readonly text: string;
}

/** One part of a score: `contribution = weight × fit`, and the contributions add up to the score. */
export interface ScorePart {
  /** Which part of the soft fit. */
  readonly criterion: SoftCriterion;
  /** The normalized weight: the weights of a request add up to 1. */
  readonly weight: number;
  /** How well the clinician meets this part, from 0 to 1. */
  readonly fit: number;
  /** `weight × fit`. */
  readonly contribution: number;
  /** One sentence for people. */
  readonly reason: string;
}

/** How the client would pay this clinician. */
export type PaymentRoute =
  /** In network; `networkEndsOn` is the last day in network when it falls inside the expected course and policy allows it (a warning). */
  | { readonly via: "insurance"; readonly payerId: string; readonly networkEndsOn?: IsoDate }
  | { readonly via: "self-pay"; readonly amount: Money; readonly slidingScale: boolean }
  | { readonly via: "unspecified" };

/** An eligible clinician, scored and explained. */
export interface RankedOption {
  /** The clinician. */
  readonly clinicianId: string;
  /** The clinician's practice, when known. */
  readonly practiceId?: string;
  /** Whether the clinician is in the requesting practice (`practiceId` of the request). */
  readonly colleague: boolean;
  /** The score, from 0 to 1: the sum of the parts' contributions. */
  readonly score: number;
  /** The parts of the score, in the order of {@link SoftCriterion}. */
  readonly parts: readonly ScorePart[];
  /** The modes of care this clinician can offer this client. */
  readonly modes: readonly CareMode[];
  /** How the client would pay. */
  readonly payment: PaymentRoute;
  /** Kilometres to the nearest reachable office, when in-person care is possible and the client's point is known. */
  readonly distanceKm?: number;
  /** The clinician's usual wait for a first session, when known. */
  readonly expectedWaitDays?: number;
  /** What passed only because policy allows it, one sentence each (a panel that ends during the expected course); absent when none. */
  readonly warnings?: readonly string[];
}

/** What to offer the client: one clear best option, or a choice. */
export type Recommendation =
  | { readonly kind: "single"; readonly clinicianIds: readonly [string]; readonly leadBy: number }
  | { readonly kind: "choice"; readonly clinicianIds: readonly string[] }
  | { readonly kind: "none" };

/** A colleague who fits better than the point person by at least the margin (seed 001: pass the referral). */
export interface PassTo {
  /** The point person. */
  readonly from: string;
  /** The colleague who should take the referral. */
  readonly to: string;
  /** The colleague's score minus the point person's (the whole score when the point person is not eligible). */
  readonly leadBy: number;
  /** Why, as sentences: the point person's failed constraints, then the parts where the colleague does better. */
  readonly reasons: readonly string[];
}

/** The result of ranking one request. */
export interface RankResult {
  /** The day care would start: the criteria's `startDate`, or the date of `now`. */
  readonly startDate: IsoDate;
  /** The best eligible clinicians, best first (ties by id), at most `limit`. */
  readonly options: readonly RankedOption[];
  /** How many clinicians were eligible in all. */
  readonly eligibleCount: number;
  /** What to offer the client. */
  readonly recommendation: Recommendation;
  /** Present when the request names a point person and a colleague should take the referral instead. */
  readonly passTo?: PassTo;
  /**
   * The request's tags that no vocabulary knows (a misspelled problem area,
   * say), by path from the request (`["criteria", "require", "problemAreas", 0]`
   * or `["client", "needs", "problemAreas", 0]`), never by value. Such a tag
   * matches only a clinician with the same spelling. Empty when every tag is known.
   */
  readonly unknownTags: readonly UnknownTag[];
}

/** Why one clinician is or is not an option for a request. */
export interface MatchExplanation {
  /** The clinician asked about. */
  readonly clinicianId: string;
  /** Whether the directory has this clinician. */
  readonly known: boolean;
  /** Whether the clinician passes every hard constraint. */
  readonly eligible: boolean;
  /** Every hard constraint the clinician fails; empty when eligible. */
  readonly failures: readonly ConstraintFailure[];
  /** The scored option, when eligible. */
  readonly option?: RankedOption;
  /** The request's tags that no vocabulary knows, by path from the request, as in {@link RankResult.unknownTags}. */
  readonly unknownTags: readonly UnknownTag[];
}

/**
 * `referwell/match`: find and rank the clinicians who fit a client best,
 * explained part by part; say when a colleague should take a referral
 * instead of the point person; assign many referrals under capacity.
 *
 * @module referwell/match
 */
export * from "../errorExports.js";
export {
  type Assignment,
  AssignmentOptions,
  type AssignmentOptionsInput,
  type AssignmentResult,
  assignReferrals,
  type UnassignedReferral,
} from "./assignReferrals.js";
export { createMatcher, type Matcher } from "./createMatcher.js";
export { createMatcherAsync } from "./createMatcherAsync.js";
export type { AbortSignalLike } from "../model/internal/sliceClock.js";
export type { UnknownTag } from "../model/unknownTag.js";
export { ScoreMatchOptions, type ScoreMatchOptionsInput, scoreMatch } from "./scoreMatch.js";
export {
  MatcherChanges,
  type MatcherChangesInput,
  MatcherOptions,
  type MatcherOptionsInput,
  MatchRequest,
  type MatchRequestInput,
  MatchWeights,
  RankOptions,
  type RankOptionsInput,
  RecommendationPolicy,
  Referral,
  type ReferralInput,
  SliceOptions,
  type SliceOptionsInput,
  UrgencyWaits,
  WaitCap,
} from "./schemas.js";
export {
  type ConstraintFailure,
  ConstraintReason,
  HardConstraint,
  type MatchExplanation,
  type PassTo,
  type PaymentRoute,
  type RankedOption,
  type RankResult,
  type Recommendation,
  type ScorePart,
  SoftCriterion,
} from "./types.js";
export { directoryRows, type ClinicianRow, type DirectoryRows } from "./directoryRows.js";
export { directoryTables } from "./directoryTables.js";
export { FilterExpression, FilterPredicate, HardConstraintFilter } from "./filter.js";
export { filterToSql, type SqlQuery } from "./filterToSql.js";
export { FilterOptions, type FilterOptionsInput, hardConstraintFilter } from "./hardConstraintFilter.js";
export { SqlTableOptions, type SqlTableOptionsInput } from "./sqlTableOptions.js";

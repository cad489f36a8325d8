/**
 * `referwell/relationships`: follow each referrer relationship from first
 * contact to "refers to the whole practice" (seed 001), say what to do next,
 * and measure the network against its goals (seeds 002, 003, 004).
 *
 * @module referwell/relationships
 */
export * from "../errorExports.js";
export { applyRelationshipEvent } from "./applyRelationshipEvent.js";
export {
  assessNetwork,
  type FollowThrough,
  type GoalProgress,
  type NetworkAssessment,
  NetworkOptions,
  type NetworkOptionsInput,
} from "./assessNetwork.js";
export { findLateralOpportunities, type LateralOpportunity, LateralOptions, type LateralOptionsInput } from "./findLateralOpportunities.js";
export { RelationshipOptions, type RelationshipOptionsInput, relationshipState } from "./relationshipState.js";
export {
  NetworkGoals,
  type NetworkGoalsInput,
  OutboundReferral,
  type OutboundReferralInput,
  RelationshipEvent,
  type RelationshipEventInput,
  RelationshipPolicy,
  type RelationshipPolicyInput,
  TouchKind,
} from "./schemas.js";
export { Collaboration, Lifecycle, RelationshipState, type RelationshipStateInput } from "./stateSchemas.js";
export {
  type NextAction,
  NextActionCode,
  NextActionOptions,
  type NextActionOptionsInput,
  suggestNextActions,
} from "./suggestNextActions.js";

/**
 * `referwell/consent`: compose what a referrer may see, with only what the
 * client's consent allows, and record it. Fail closed: what is not clearly
 * permitted is withheld, psychotherapy and SUD counselling notes need their
 * own authorization, and every disclosure leaves a record.
 *
 * @module referwell/consent
 */
export * from "../errorExports.js";
export { composeUpdate } from "./composeUpdate.js";
export { evaluateConsent } from "./evaluateConsent.js";
export { prepareConsents, type PreparedConsents } from "./prepareConsents.js";
export {
  Consent,
  type ConsentInput,
  ConsentQuery,
  type ConsentQueryInput,
  ConsentJurisdiction,
  ConsentRecipient,
  DenyProvision,
  EvaluateOptions,
  type EvaluateOptionsInput,
  Fact,
  FactComponent,
  HostCategories,
  Identifier,
  IdentifierSystem,
  Recipient,
  RecipientKind,
  RecipientRef,
  RestrictionIds,
  TreatmentPolicy,
  UpdateKind,
  UpdateRequest,
  type UpdateRequestInput,
  UpdateTemplate,
} from "./schemas.js";
export {
  type ComposedUpdate,
  type ConsentDecision,
  type DenyDecision,
  DenyReason,
  type DisclosureRecord,
  type PermitDecision,
  PermitReason,
  type ProvisionRef,
  type SecurityLabels,
  type Update,
  type UpdateItem,
  type UpdateSection,
  type WithheldFact,
  WithholdReason,
} from "./types.js";
export {
  AuthorizationKind,
  CategoryCode,
  Confidentiality,
  DisclosureCategory,
  defaultCategories,
  part2FullNotice,
  part2RedisclosureNotice,
  PurposeOfUse,
  SensitivityCode,
} from "./categories.js";

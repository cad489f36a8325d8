// The error types and their check, exported by every entry point: an app that imports one subpath can still tell referwell's errors apart.
export {
  type InputIssue,
  type InputIssueDraft,
  InvalidInputError,
  type IssueCode,
  IssueCodes,
  type IssuePath,
  ReferwellError,
  type ReferwellErrorCode,
  ReferwellErrorCodes,
} from "./errors.js";
export { isReferwellError } from "./isReferwellError.js";

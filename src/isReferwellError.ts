import { type InvalidInputError, REFERWELL_ERROR, type ReferwellError, type ReferwellErrorCode, ReferwellErrorCodes } from "./errors.js";

const NAMES: Readonly<Record<ReferwellErrorCode, string>> = { "invalid-input": "InvalidInputError" };

/**
 * Whether a caught value is an error referwell threw, optionally with a
 * given code. It checks the mark every referwell error carries, its `code`
 * and its `name`, not its class, so it also recognizes errors from another
 * copy of referwell in the same process (an ESM and a CJS build), which
 * `instanceof` does not.
 *
 * @param error - the caught value
 * @param code - the code to check for; any referwell error when left out
 *
 * @example
 * ```ts
 * import { isReferwellError, validate, Money } from "referwell";
 *
 * let caught: unknown;
 * try {
 *   validate(Money, { currency: "usd", minorUnits: -1 }, "fee");
 * } catch (error) {
 *   caught = error;
 * }
 * isReferwellError(caught); // => true
 * if (isReferwellError(caught, "invalid-input")) {
 *   caught.issues.map((issue) => issue.code); // => ["invalid-format", "too-small"]
 * }
 * isReferwellError(new Error("boom")); // => false
 * ```
 */
export function isReferwellError<Code extends ReferwellErrorCode = ReferwellErrorCode>(
  error: unknown,
  code?: Code,
): error is Code extends "invalid-input" ? InvalidInputError : ReferwellError {
  if (typeof error !== "object" || error === null) return false;
  const candidate = error as { [REFERWELL_ERROR]?: unknown; code?: unknown; name?: unknown };
  if (candidate[REFERWELL_ERROR] !== true) return false;
  const actual = candidate.code;
  if (typeof actual !== "string" || !(ReferwellErrorCodes as readonly string[]).includes(actual)) return false;
  if (candidate.name !== NAMES[actual as ReferwellErrorCode] && candidate.name !== "ReferwellError") return false;
  return code === undefined || actual === code;
}

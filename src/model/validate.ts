import type * as z from "zod";
import { type InputIssue, type IssueCode, IssueCodes, InvalidInputError } from "../errors.js";

/** Our marker for "missing", set while parsing so we never read zod's own text. */
const MISSING = "required";

const knownCodes: ReadonlySet<string> = new Set(IssueCodes);
const SAFE_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,40}$/;

function toIssueCode(issue: z.core.$ZodIssue): IssueCode {
  // Our schemas and the parse below put our own codes in the message; zod's own text is never read.
  if (knownCodes.has(issue.message)) return issue.message as IssueCode;
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "int" ? "not-integer" : "invalid-type";
    case "invalid_format":
      return "invalid-format";
    case "invalid_value":
      return "invalid-value";
    case "too_small":
      return "too-small";
    case "too_big":
      return "too-big";
    case "invalid_union":
      // A string that fits no variant's format (a `Now` that is neither an instant nor a date) is badly formatted.
      return issue.errors.length > 0 &&
        issue.errors.every((variant) => variant.length > 0 && variant.every((inner) => inner.code === "invalid_format"))
        ? "invalid-format"
        : "no-matching-variant";
    default:
      return "invalid";
  }
}

function toInputIssue(issue: z.core.$ZodIssue): InputIssue {
  // Paths hold schema keys and array indices only; anything else is masked.
  const path = issue.path.map((segment) => (typeof segment === "symbol" ? "*" : segment));
  return { path, code: toIssueCode(issue) };
}

/**
 * Validates an input against one of referwell's schemas (or any zod schema)
 * and returns the parsed value, with defaults filled in. On failure it throws
 * an {@link InvalidInputError} that lists every issue by path and rule, and
 * never includes a value from the input: safe to log even when the input is
 * client data.
 *
 * @param schema - the schema to validate against, e.g. `Clinician`
 * @param input - the untrusted value, usually parsed JSON
 * @param name - what the input is called in messages, e.g. `"clinician"`; a
 *   name that is not a plain label (letters, digits, `_.-`, at most 41
 *   characters) is replaced by `"input"`
 * @returns the parsed value
 * @throws {@link InvalidInputError} when the input breaks a rule of the schema
 *
 * @example
 * ```ts
 * import { Referrer, validate } from "referwell";
 *
 * const referrer = validate(Referrer, { id: "ref-1", name: "Dr Lee", kind: "gp" }, "referrer");
 * referrer.contacts; // => []
 *
 * let message = "";
 * try {
 *   validate(Referrer, { id: "ref-1", name: "Dr Lee", kind: "dentist" }, "referrer");
 * } catch (error) {
 *   message = (error as Error).message;
 * }
 * message; // => "Invalid referrer: 1 issue: referrer.kind is not one of the allowed values (invalid-value)"
 * ```
 */
export function validate<Schema extends z.ZodType>(schema: Schema, input: unknown, name: string): z.output<Schema> {
  // The name is echoed in messages, so only a plain identifier-like label gets through.
  const label = SAFE_NAME.test(name) ? name : "input";
  const result = schema.safeParse(input, {
    // A missing value is `required`, whether the schema is one type or a union of several (a `Now`).
    error: (issue) =>
      (issue.code === "invalid_type" || issue.code === "invalid_union") && issue.input === undefined ? MISSING : undefined,
  });
  if (result.success) return result.data;
  throw new InvalidInputError(label, result.error.issues.map(toInputIssue));
}

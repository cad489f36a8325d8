/**
 * The error types referwell throws.
 *
 * Client data is health data, so no message, path or serialized form of these
 * errors ever contains a value taken from the caller's input: messages are
 * built only from the templates below, paths only from schema keys and array
 * indices.
 *
 * @module
 */

import { deepFreeze } from "./model/internal/deepFreeze.js";

/**
 * Every code a {@link ReferwellError} can carry.
 *
 * @example
 * ```ts
 * import { ReferwellErrorCodes } from "referwell";
 *
 * ReferwellErrorCodes.includes("invalid-input"); // => true
 * ```
 */
export const ReferwellErrorCodes = /* @__PURE__ */ deepFreeze(["invalid-input"] as const);

/** A literal code that tells one {@link ReferwellError} from another. */
export type ReferwellErrorCode = (typeof ReferwellErrorCodes)[number];

/**
 * The base class of every error referwell throws. Catch it to handle any of
 * them; switch on {@link ReferwellError.code} to tell them apart.
 *
 * @example
 * ```ts
 * import { Clinician, ReferwellError, validate } from "referwell";
 *
 * let caught: unknown;
 * try {
 *   validate(Clinician, {}, "clinician");
 * } catch (error) {
 *   caught = error;
 * }
 * caught instanceof ReferwellError; // => true
 * ```
 */
export class ReferwellError extends Error {
  /** What went wrong, as a stable literal to switch on. */
  readonly code: ReferwellErrorCode;

  /**
   * Creates an error; referwell's own code throws its subclasses.
   *
   * @param code - the literal code of the error
   * @param message - a message built from referwell's own templates
   */
  constructor(code: ReferwellErrorCode, message: string) {
    super(message);
    this.name = "ReferwellError";
    this.code = code;
  }

  /** The error as plain JSON: name, code and message. */
  toJSON(): { name: string; code: ReferwellErrorCode; message: string } {
    return { name: this.name, code: this.code, message: this.message };
  }
}

/**
 * The rules an input can break, as stable codes. The first group mirrors the
 * shape checks every schema makes; the second names referwell's own rules.
 *
 * @example
 * ```ts
 * import { IssueCodes } from "referwell";
 *
 * IssueCodes.includes("required"); // => true
 * ```
 */
export const IssueCodes = /* @__PURE__ */ deepFreeze([
  // Shape
  "required",
  "invalid-type",
  "invalid-format",
  "invalid-value",
  "too-small",
  "too-big",
  "not-integer",
  "no-matching-variant",
  "invalid",
  // Rules
  "unknown-time-zone",
  "end-before-start",
  "currency-mismatch",
  "floor-above-fee",
  "duplicate-id",
  "unknown-reference",
  "ambiguous-synonym",
  "exactly-one-required",
  "no-payment-route",
  "duplicate-date",
  "referrer-mismatch",
  "primary-need-missing",
  "min-above-max",
  "reserved-code",
  "sensitivity-needs-authorization",
  "authorization-needs-labels",
] as const);

/** One rule an input broke; see {@link IssueCodes}. */
export type IssueCode = (typeof IssueCodes)[number];

/** Where an input broke a rule: object keys from the schema, and array indices. */
export type IssuePath = ReadonlyArray<string | number>;

/** One broken rule: where, and which. Never the offending value. */
export interface InputIssue {
  /** Path from the validated root to the offending field. */
  readonly path: IssuePath;
  /** The rule the field broke. */
  readonly code: IssueCode;
}

const templates: Record<IssueCode, string> = {
  required: "is required",
  "invalid-type": "has the wrong type",
  "invalid-format": "is not in the expected format",
  "invalid-value": "is not one of the allowed values",
  "too-small": "is below the minimum (too small, too short or too few)",
  "too-big": "is above the maximum (too large, too long or too many)",
  "not-integer": "must be a whole number",
  "no-matching-variant": "matches none of the allowed shapes",
  invalid: "is invalid",
  "unknown-time-zone": "is not a known IANA time zone",
  "end-before-start": "ends before it starts",
  "currency-mismatch": "mixes currencies that must match",
  "floor-above-fee": "has a sliding-scale floor above the fee",
  "duplicate-id": "repeats an id that must be unique",
  "unknown-reference": "refers to an id that is not defined",
  "ambiguous-synonym": "resolves to more than one code",
  "exactly-one-required": "must give exactly one of the alternatives",
  "no-payment-route": "names no payer and no self-pay maximum",
  "duplicate-date": "repeats a date that must be unique",
  "referrer-mismatch": "belongs to another referrer than the rest",
  "primary-need-missing": "lists no problem area (the primary need comes first)",
  "min-above-max": "has a lower bound above its upper bound",
  "reserved-code": "redefines a code the library reserves",
  "sensitivity-needs-authorization": "carries a sensitivity code that needs a specific authorization kind",
  "authorization-needs-labels": "lacks a security label its authorization kind requires",
};

/** How many issues the message spells out; all of them stay in `issues`. */
const MESSAGE_ISSUE_LIMIT = 10;

/** Renders a path as `directory.clinicians[2].fee`. */
function formatIssuePath(root: string, path: IssuePath): string {
  let out = root;
  for (const segment of path) {
    out += typeof segment === "number" ? `[${segment}]` : `${out === "" ? "" : "."}${segment}`;
  }
  return out === "" ? "(root)" : out;
}

/**
 * Thrown when an input does not satisfy its schema or one of referwell's
 * rules. Lists every issue found, each with its path and rule; never the
 * offending values. Nothing is computed from an input that fails.
 *
 * @example
 * ```ts
 * import { Client, InvalidInputError, validate } from "referwell";
 *
 * try {
 *   validate(Client, { id: "c1", ageGroup: "adult" }, "client");
 * } catch (error) {
 *   if (error instanceof InvalidInputError) {
 *     error.issues[0]; // => { path: ["residence"], code: "required" }
 *   }
 * }
 * ```
 */
export class InvalidInputError extends ReferwellError {
  /** Every issue found, in schema order. */
  readonly issues: readonly InputIssue[];
  /** The name of the validated input, the root of every path. */
  readonly input: string;

  /**
   * Creates the error from the issues found; the message lists the first ten.
   *
   * @param input - the name of the validated input, e.g. `"directory"`
   * @param issues - the issues found; at least one
   */
  constructor(input: string, issues: readonly InputIssue[]) {
    const listed = issues
      .slice(0, MESSAGE_ISSUE_LIMIT)
      .map((issue) => `${formatIssuePath(input, issue.path)} ${templates[issue.code]} (${issue.code})`);
    const more = issues.length > MESSAGE_ISSUE_LIMIT ? `; and ${issues.length - MESSAGE_ISSUE_LIMIT} more` : "";
    const count = issues.length === 1 ? "1 issue" : `${issues.length} issues`;
    super("invalid-input", `Invalid ${input}: ${count}: ${listed.join("; ")}${more}`);
    this.name = "InvalidInputError";
    this.input = input;
    this.issues = issues.map((issue) => ({ path: [...issue.path], code: issue.code }));
  }

  /** The error as plain JSON, with every issue. */
  override toJSON(): {
    name: string;
    code: ReferwellErrorCode;
    message: string;
    input: string;
    issues: readonly InputIssue[];
  } {
    return { ...super.toJSON(), input: this.input, issues: this.issues };
  }
}

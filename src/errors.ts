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
 * The mark every referwell error carries, shared by every copy of the
 * library in a process (an ESM and a CJS copy each have their own classes,
 * so `instanceof` fails across them; `Symbol.for` does not).
 */
export const REFERWELL_ERROR: unique symbol = Symbol.for("referwell.error") as never;

/**
 * The base class of every error referwell throws. Catch it to handle any of
 * them; switch on {@link ReferwellError.code} to tell them apart. Two
 * copies of referwell in one process (an ESM and a CJS build) have two such
 * classes, so check with `isReferwellError` or `.code` rather than
 * `instanceof`.
 *
 * @example
 * ```ts
 * import { Clinician, isReferwellError, validate } from "referwell";
 *
 * let caught: unknown;
 * try {
 *   validate(Clinician, {}, "clinician");
 * } catch (error) {
 *   caught = error;
 * }
 * isReferwellError(caught) && caught.code; // => "invalid-input"
 * ```
 */
export class ReferwellError extends Error {
  /** What went wrong, as a stable literal to switch on. */
  readonly code: ReferwellErrorCode;
  /** The mark `isReferwellError` checks. */
  declare readonly [REFERWELL_ERROR]: true;

  /**
   * Creates an error; only referwell's own subclasses do, with a message
   * built from their templates.
   *
   * @param code - the literal code of the error
   * @param message - a message built from referwell's own templates
   */
  protected constructor(code: ReferwellErrorCode, message: string) {
    super(message);
    this.name = "ReferwellError";
    this.code = code;
    Object.defineProperty(this, REFERWELL_ERROR, { value: true });
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
  "unrecognized-key",
  "sparse-array",
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
  "check-digit",
  "non-finite-result",
  "referral-mismatch",
  "before-receipt",
  "after-close",
  "state-mismatch",
] as const);

/** One rule an input broke; see {@link IssueCodes}. */
export type IssueCode = (typeof IssueCodes)[number];

/** Where an input broke a rule: object keys from the schema, and array indices. */
export type IssuePath = ReadonlyArray<string | number>;

/** One broken rule: where, which, and what the schema wants there. Never the offending value. */
export interface InputIssue {
  /** Path from the validated root to the offending field; an unknown key shows as `*`. */
  readonly path: IssuePath;
  /** The rule the field broke. */
  readonly code: IssueCode;
  /**
   * What the schema wants there, in its own words: a type or format
   * (`date YYYY-MM-DD`, `IANA time zone`), a bound (`integer ≥ 0`,
   * `at most 200 items`), or the allowed values (`one of [mild, moderate]`).
   */
  readonly expected: string;
}

/** An issue as the code that finds it writes it: `expected` defaults to the rule's own wording. */
export interface InputIssueDraft {
  /** Path from the validated root to the offending field. */
  readonly path: IssuePath;
  /** The rule the field broke. */
  readonly code: IssueCode;
  /** What the schema wants there; see {@link InputIssue.expected}. */
  readonly expected?: string;
}

const templates: Record<IssueCode, readonly [rule: string, expected: string]> = {
  required: ["is required", "a value"],
  "invalid-type": ["has the wrong type", "another type"],
  "invalid-format": ["is not in its format", "text in the required format"],
  "invalid-value": ["is not one of the allowed values", "one of the allowed values"],
  "too-small": ["is too small, too short or has too few items", "a larger value"],
  "too-big": ["is too large, too long or has too many items", "a smaller value"],
  "not-integer": ["must be a whole number", "integer"],
  "no-matching-variant": ["matches none of the allowed shapes", "one of the allowed shapes"],
  "unrecognized-key": ["is not a key of this object", "only the keys the schema defines"],
  "sparse-array": ["has a hole (a missing index)", "an array with a value at every index"],
  invalid: ["is invalid", "a valid value"],
  "unknown-time-zone": ["is not a known IANA time zone", "IANA time zone"],
  "end-before-start": ["ends before it starts", "an end on or after the start"],
  "currency-mismatch": ["mixes currencies that must match", "the same currency as the related amount"],
  "floor-above-fee": ["has a sliding-scale floor above the fee", "a floor at or below the fee"],
  "duplicate-id": ["repeats an id that must be unique", "an id not used before in the list"],
  "unknown-reference": ["refers to an id that is not defined", "the id of a defined entry"],
  "ambiguous-synonym": ["resolves to more than one code", "a synonym of one code only"],
  "exactly-one-required": ["must give exactly one of the alternatives", "exactly one of the alternatives"],
  "no-payment-route": ["names no payer and no self-pay maximum", "a payer or a self-pay maximum"],
  "duplicate-date": ["repeats a date that must be unique", "a date not used before in the list"],
  "referrer-mismatch": ["belongs to another referrer than the rest", "the referrer of the rest"],
  "primary-need-missing": ["lists no problem area (the primary need comes first)", "at least 1 problem area"],
  "min-above-max": ["has a lower bound above its upper bound", "a lower bound at or below the upper bound"],
  "reserved-code": ["redefines a code the library reserves", "a code the library does not reserve"],
  "sensitivity-needs-authorization": [
    "carries a sensitivity code that needs a specific authorization kind",
    "a specific authorization kind for its sensitivity code",
  ],
  "authorization-needs-labels": ["lacks a security label its authorization kind requires", "the security labels of its authorization kind"],
  "check-digit": ["fails its check digit", "an identifier whose check digit is valid"],
  "non-finite-result": ["would give a result that is not a finite number", "values that give a finite result"],
  "referral-mismatch": ["belongs to another referral than the rest", "the referral of the rest"],
  "before-receipt": ["is dated before the referral was received", "a date on or after the day the referral was received"],
  "after-close": ["is dated after the referral was closed", "no event but a referrer update after the close"],
  "state-mismatch": ["is not what its own events give", "a state as folding its events gives it"],
};

/**
 * The fixed wordings of `expected`: types and formats. Bounds, allowed
 * values and keys are built from the templates in {@link isSafeExpected}.
 */
export const ExpectedText = Object.freeze({
  string: "string",
  number: "number",
  finiteNumber: "finite number",
  integer: "integer",
  boolean: "boolean",
  object: "object",
  array: "array",
  function: "function",
  abortSignal: "AbortSignal",
  nothing: "nothing (leave it out)",
  date: "date YYYY-MM-DD",
  instant: "ISO-8601 instant with offset",
  instantYears: "instant within the years 0000-9999 in UTC",
  now: "date YYYY-MM-DD or ISO-8601 instant with offset",
  timeZone: "IANA time zone",
  localTime: "time HH:MM (24-hour, 24:00 ends a day)",
  jurisdiction: "ISO 3166 country or ISO 3166-2 subdivision code such as US-OR",
  language: "BCP 47 language tag such as pt-BR",
  currency: "ISO 4217 currency code such as USD",
  id: "id of 1-200 characters, no spaces at either end",
  tag: "tag with at least one letter or digit",
  kebabCode: "kebab-case code such as no-progress",
  categoryCode: "lower-case code of letters, digits and hyphens",
  noControlCharacters: "text without control characters",
  noSpaces: "text without spaces",
  icalendarId: "1-200 letters, digits, dots and hyphens",
  otherFormat: "text in the required format",
  schema: "zod schema",
  itemSum: "the sum of the item scores",
  itemCount: "as many item scores as the instrument has items",
  itemRange: "an item score within the instrument's item range",
  itemNumber: "the number of an item the instrument has",
  itemThreshold: "a threshold above the lowest item score and at most the highest",
  noItems: "no item scores (the instrument declares none)",
  receivedEvent: "one received event per referral",
  sentEvent: "one sent event per referral",
  mappedCode: "a code the code maps know",
  sqlIdentifier: "lower-case SQL identifier of up to 63 letters, digits and underscores",
  filterDepth: "at most 32 levels of and, or and not",
  reference: "a reference Type/id to a given resource",
  wholeMinute: "time HH:MM:00",
  minorUnitAmount: "an amount in whole minor units",
  sameTimeZone: "the time zone of the other roles",
  knownAgeGroup: "a date that tells the age group",
  oneAuthorizationKind: "one authorization kind per consent",
  sameEventAgain: "an id not used before, or the same event again",
} as const);

const fixedTexts: ReadonlySet<string> = new Set([
  ...Object.values(ExpectedText),
  ...Object.values(templates).map(([, expected]) => expected),
]);

/** A number as the schema states it (finite, plain notation). */
const NUMBER = String.raw`-?\d+(?:\.\d+)?(?:e[+-]?\d+)?`;
/** A value of an enum or literal: a code, never free text. */
const TOKEN = String.raw`[A-Za-z0-9][A-Za-z0-9._:/+-]{0,63}`;
const parametric: readonly RegExp[] = [
  new RegExp(`^(?:number|integer|finite number) (?:≥|>|≤|<) ${NUMBER}$`),
  new RegExp(`^(?:number|integer) from ${NUMBER} to ${NUMBER}$`),
  new RegExp(`^multiple of ${NUMBER}$`),
  new RegExp(`^(?:at least|at most) \\d+ (?:characters?|items?)$`),
  // What a matcher's layout holds, all clinicians together (src/match/internal/matcherLimits.ts).
  /^at most \d+ (?:clinicians|(?:packed numbers|different codes) in all clinicians' lists)$/,
  new RegExp(`^one of \\[${TOKEN}(?:, ${TOKEN})*(?:, … \\d+ more)?\\]$`),
  new RegExp(`^only the keys \\[${TOKEN}(?:, ${TOKEN})*(?:, … \\d+ more)?\\]$`),
];

/**
 * Whether a text is one referwell would write as `expected`: a fixed
 * wording, or (from referwell's own checks only) a template whose slots are
 * numbers and codes taken from a schema. Anything else is replaced, so an
 * issue cannot be made to carry free text.
 */
function isSafeExpected(text: string, trusted: boolean): boolean {
  if (text.length > 600) return false;
  const known = (part: string): boolean => fixedTexts.has(part) || (trusted && parametric.some((pattern) => pattern.test(part)));
  return fixedTexts.has(text) || text.split(" or ").every(known);
}

/**
 * Passed by referwell's own checks, whose `expected` texts are built from
 * schemas; not exported by the package, so a caller's texts are held to the
 * fixed wordings.
 */
export const FROM_SCHEMA: unique symbol = Symbol("referwell.fromSchema") as never;

/** A plain name for an input: `client`, `startDate`, `options.weights`. */
const INPUT_NAME = /^[a-z][A-Za-z0-9_]{0,40}(?:[.-][A-Za-z0-9_]{1,40}){0,3}$/;
/** A plain schema key: `residence`, `caseloadMax`. */
const KEY = /^[a-z][A-Za-z0-9_]{0,63}$/;
const MAX_INDEX = 1_000_000;
/** What stands in a path for a key that is not a plain schema key. */
export const UNKNOWN_KEY = "*";
const knownCodes: ReadonlySet<string> = new Set(IssueCodes);

function safeSegment(segment: unknown): string | number {
  // No list of ours holds more than a million items, so a larger "index" is a value, not a place.
  if (typeof segment === "number") return Number.isInteger(segment) && segment >= 0 && segment < MAX_INDEX ? segment : UNKNOWN_KEY;
  return typeof segment === "string" && KEY.test(segment) ? segment : UNKNOWN_KEY;
}

/** The issue with anything that is not ours replaced: unknown codes, free-text paths and expectations. */
function safeIssue(draft: unknown, trusted: boolean): InputIssue {
  const { path, code, expected } = (typeof draft === "object" && draft !== null ? draft : {}) as Partial<Record<keyof InputIssue, unknown>>;
  const safeCode: IssueCode = typeof code === "string" && knownCodes.has(code) ? (code as IssueCode) : "invalid";
  const safePath = Array.isArray(path) ? Array.from(path.slice(0, 64), safeSegment) : [];
  const safeExpected = typeof expected === "string" && isSafeExpected(expected, trusted) ? expected : templates[safeCode][1];
  return { path: safePath, code: safeCode, expected: safeExpected };
}

/** How many issues the message spells out; all of them stay in `issues`. */
const MESSAGE_ISSUE_LIMIT = 3;

/** Renders a path as `directory.clinicians[2].fee`. */
function formatIssuePath(root: string, path: IssuePath): string {
  let out = root;
  for (const segment of path) {
    out += typeof segment === "number" ? `[${segment}]` : `${out === "" ? "" : "."}${segment}`;
  }
  return out === "" ? "(root)" : out;
}

function describe(root: string, issue: InputIssue): string {
  const [rule] = templates[issue.code];
  const path = formatIssuePath(root, issue.path);
  return issue.code === "required" ? `${path} is required (${issue.expected})` : `${path} ${rule} (expected ${issue.expected})`;
}

/**
 * Thrown when an input does not satisfy its schema or one of referwell's
 * rules. Lists every issue found, each with its path, rule and what the
 * schema expected there; never the offending values. The message spells out
 * the first three. Nothing is computed from an input that fails.
 *
 * The constructor cannot be made to carry input: a name that is not a plain
 * label becomes `input`, a path segment that is not a plain key or an index
 * becomes `*`, an unknown code becomes `invalid`, and an `expected` that is
 * not one of referwell's own wordings becomes the rule's default.
 *
 * @example
 * ```ts
 * import { Client, InvalidInputError, validate } from "referwell";
 *
 * try {
 *   validate(Client, { id: "c1", ageGroup: "adult" }, "client");
 * } catch (error) {
 *   if (error instanceof InvalidInputError) {
 *     error.issues[0]; // => { path: ["residence"], code: "required", expected: "object" }
 *   }
 * }
 *
 * new InvalidInputError("Jordan Smith", [{ path: ["SSN 123-45-6789"], code: "invalid", expected: "Jordan" }]).message;
 * // => "Invalid input: 1 issue: input.* is invalid (expected a valid value)"
 * ```
 */
export class InvalidInputError extends ReferwellError {
  /** Every issue found, in schema order. */
  readonly issues: readonly InputIssue[];
  /** The name of the validated input, the root of every path. */
  readonly input: string;

  /**
   * Creates the error from the issues found; the message lists the first three.
   *
   * @param input - the name of the validated input, e.g. `"directory"`
   * @param issues - the issues found; at least one
   * @param source - a private mark referwell's own checks pass; any other value, or none, is not trusted
   */
  constructor(input: string, issues: readonly InputIssueDraft[], source?: symbol) {
    const name = typeof input === "string" && INPUT_NAME.test(input) ? input : "input";
    const trusted = source === FROM_SCHEMA;
    const safe =
      Array.isArray(issues) && issues.length > 0 ? issues.map((issue) => safeIssue(issue, trusted)) : [safeIssue(undefined, trusted)];
    const listed = safe.slice(0, MESSAGE_ISSUE_LIMIT).map((issue) => describe(name, issue));
    const more = safe.length > MESSAGE_ISSUE_LIMIT ? `; and ${safe.length - MESSAGE_ISSUE_LIMIT} more` : "";
    const count = safe.length === 1 ? "1 issue" : `${safe.length} issues`;
    super("invalid-input", `Invalid ${name}: ${count}: ${listed.join("; ")}${more}`);
    this.name = "InvalidInputError";
    this.input = name;
    this.issues = safe;
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

import type * as z from "zod";
import { ExpectedText, type InputIssueDraft, type IssueCode, IssueCodes, UNKNOWN_KEY } from "../../errors.js";
import { stepInto } from "./stepInto.js";
import { unwrapSchema } from "./unwrapSchema.js";

/** Our marker for "missing", set while parsing so we never read zod's own text. */
export const MISSING = "required";

const knownCodes: ReadonlySet<string> = new Set(IssueCodes);
const knownTexts: ReadonlySet<string> = new Set(Object.values(ExpectedText));
/** How many allowed values or keys an `expected` lists before `… N more`. */
const LIST_LIMIT = 30;

const TYPE_TEXT: Readonly<Record<string, string>> = {
  string: ExpectedText.string,
  number: ExpectedText.number,
  int: ExpectedText.integer,
  boolean: ExpectedText.boolean,
  object: ExpectedText.object,
  array: ExpectedText.array,
  function: ExpectedText.function,
  undefined: ExpectedText.nothing,
  never: ExpectedText.nothing,
};

const FORMAT_TEXT: Readonly<Record<string, string>> = {
  date: ExpectedText.date,
  datetime: ExpectedText.instant,
};

interface Check {
  _zod: { def: { check?: string; format?: string } };
}

function list(head: string, items: readonly unknown[]): string {
  const shown = items.slice(0, LIST_LIMIT).map(String);
  const more = items.length > LIST_LIMIT ? `, … ${items.length - LIST_LIMIT} more` : "";
  return `${head} [${shown.join(", ")}${more}]`;
}

function isInteger(leaf: z.core.$ZodType | undefined): boolean {
  const checks = (unwrapSchema(leaf)?._zod.def.checks ?? []) as unknown as Check[];
  return checks.some(({ _zod: { def } }) => def.check === "number_format" && /int/.test(def.format ?? ""));
}

function bound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, leaf: z.core.$ZodType | undefined): string {
  const small = issue.code === "too_small";
  const value = small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum;
  const limit = String(value);
  switch (issue.origin) {
    case "string":
      return `${small ? "at least" : "at most"} ${limit} ${value === 1 ? "character" : "characters"}`;
    case "array":
    case "set":
      return `${small ? "at least" : "at most"} ${limit} ${value === 1 ? "item" : "items"}`;
    default: {
      const inclusive = issue.inclusive !== false;
      const sign = small ? (inclusive ? "≥" : ">") : inclusive ? "≤" : "<";
      return `${isInteger(leaf) ? "integer" : "number"} ${sign} ${limit}`;
    }
  }
}

function codeOf(issue: z.core.$ZodIssue): IssueCode {
  // Our schemas and the parse put our own codes in the message; zod's own text is never read.
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
    case "invalid_union": {
      // A variant that took the shape but broke one of our rules (an instant past the year 9999) names that rule.
      const own = issue.errors.flat().find((inner) => inner.code === "custom" && knownCodes.has(inner.message));
      if (own !== undefined) return own.message as IssueCode;
      // A string that fits no variant's format (a `Now` that is neither an instant nor a date) is badly formatted.
      return issue.errors.length > 0 &&
        issue.errors.every((variant) => variant.length > 0 && variant.every((inner) => inner.code === "invalid_format"))
        ? "invalid-format"
        : "no-matching-variant";
    }
    case "unrecognized_keys":
      return "unrecognized-key";
    default:
      return "invalid";
  }
}

/** What the schema wants, from the issue and the schema at its path; never from the input. */
function expectedOf(issue: z.core.$ZodIssue, leaf: z.core.$ZodType | undefined): string | undefined {
  // A wording our schemas attach to a check arrives as its message.
  if (knownTexts.has(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "number" && isInteger(leaf)) return ExpectedText.integer;
      return TYPE_TEXT[issue.expected];
    case "invalid_value":
      return list("one of", issue.values);
    case "invalid_format":
      return FORMAT_TEXT[issue.format] ?? ExpectedText.otherFormat;
    case "too_small":
    case "too_big":
      return bound(issue, leaf);
    case "not_multiple_of":
      return `multiple of ${String(issue.divisor)}`;
    case "unrecognized_keys": {
      const shape = (unwrapSchema(leaf)?._zod.def as { shape?: Record<string, unknown> } | undefined)?.shape;
      return shape === undefined ? undefined : list("only the keys", Object.keys(shape));
    }
    case "custom": {
      const expected = (issue.params as { expected?: unknown } | undefined)?.expected;
      return typeof expected === "string" ? expected : undefined;
    }
    default:
      return undefined;
  }
}

/** The expected texts of a union's options, merged: `one of [1, 2, 3]`, `date YYYY-MM-DD or ISO-8601 instant with offset`. */
function unionExpected(issue: z.core.$ZodIssueInvalidUnion, union: z.core.$ZodType | undefined): string | undefined {
  const options = (unwrapSchema(union)?._zod.def as { options?: z.core.$ZodType[] } | undefined)?.options ?? [];
  const values: unknown[] = [];
  const texts: string[] = [];
  issue.errors.forEach((branch, index) => {
    const root = branch.find((inner) => inner.path.length === 0);
    if (root === undefined) return void texts.push(ExpectedText.object);
    if (root.code === "invalid_value") return void values.push(...root.values);
    const text = expectedOf(root, options[index]);
    if (text !== undefined) texts.push(text);
  });
  if (values.length > 0) texts.unshift(list("one of", values));
  const unique = [...new Set(texts)];
  return unique.length === 0 ? undefined : unique.join(" or ");
}

/** A discriminated union whose tag matches no option: the tags it accepts, `one of [touch, snoozed]`. */
function discriminatorValues(
  issue: z.core.$ZodIssueInvalidUnion,
  schema: z.core.$ZodType,
  path: readonly PropertyKey[],
): string | undefined {
  const discriminator = (issue as { discriminator?: unknown }).discriminator;
  if (typeof discriminator !== "string" || path[path.length - 1] !== discriminator) return undefined;
  const union = unwrapSchema(follow(schema, path.slice(0, -1)).leaf);
  const options = (union?._zod.def as { options?: z.core.$ZodType[] } | undefined)?.options ?? [];
  const values = options.flatMap((option) => {
    const shape = (unwrapSchema(option)?._zod.def as { shape?: Record<string, z.core.$ZodType> } | undefined)?.shape;
    const tag = unwrapSchema(shape?.[discriminator])?._zod.def as { values?: unknown[] } | undefined;
    return tag?.values ?? [];
  });
  return values.length === 0 ? undefined : list("one of", values);
}

/** The schema at a path, with the path as it may be shown: keys the schema does not define become `*`. */
function follow(
  schema: z.core.$ZodType | undefined,
  path: readonly PropertyKey[],
): { leaf: z.core.$ZodType | undefined; shown: Array<string | number> } {
  let at = schema;
  const shown: Array<string | number> = [];
  for (const segment of path) {
    const step = stepInto(at, segment);
    shown.push(typeof segment === "number" ? segment : step.own && typeof segment === "string" ? segment : UNKNOWN_KEY);
    at = step.schema;
  }
  return { leaf: at, shown };
}

/**
 * Turns zod's issues into ours: the path shows only schema keys and indices,
 * the code is ours, and `expected` comes from the schema. A union whose
 * options all fail at their root is one `no-matching-variant` issue; when
 * all but one option fail at the root, the issues of that one are reported.
 */
export function toInputIssues(
  schema: z.core.$ZodType,
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): InputIssueDraft[] {
  return issues.flatMap((issue): InputIssueDraft[] => {
    const fullPath = [...prefix, ...issue.path];
    if (issue.code === "invalid_union" && issue.message !== MISSING) {
      const deep = issue.errors.filter((branch) => branch.length > 0 && branch.every((inner) => inner.path.length > 0));
      if (deep.length === 1) return toInputIssues(schema, deep[0] as z.core.$ZodIssue[], fullPath);
    }
    // Keys the input names but the schema does not: the path goes to their object, the key shows as `*`.
    const keyed = issue.code === "unrecognized_keys";
    const { leaf, shown } = follow(schema, fullPath);
    const tag = issue.code === "invalid_union" ? discriminatorValues(issue, schema, fullPath) : undefined;
    const code = tag !== undefined && issue.message !== MISSING ? "invalid-value" : codeOf(issue);
    const expected = tag ?? (issue.code === "invalid_union" ? unionExpected(issue, leaf) : expectedOf(issue, leaf));
    const path = keyed ? [...shown, UNKNOWN_KEY] : shown;
    return [expected === undefined ? { path, code } : { path, code, expected }];
  });
}

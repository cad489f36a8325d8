import type * as z from "zod";
import { ExpectedText, FROM_SCHEMA, InvalidInputError, type InputIssueDraft } from "../errors.js";
import { findHoles } from "./internal/findHoles.js";
import { NOT_READ, readerFor } from "./internal/schemaReader.js";
import { MISSING, toInputIssues } from "./internal/toInputIssues.js";

/** Codes zod gives a value that is not there at all; reported as `required`. */
const ABSENT = new Set(["invalid_type", "invalid_value", "invalid_union", "custom"]);

function isSchema(value: unknown): value is z.ZodType {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as { _zod?: unknown; safeParse?: unknown };
  return typeof candidate.safeParse === "function" && typeof candidate._zod === "object" && candidate._zod !== null;
}

/**
 * Validates an input against one of referwell's schemas (or any zod schema)
 * and returns the parsed value, with defaults filled in. On failure it throws
 * an {@link InvalidInputError} that lists every issue by path, rule and what
 * the schema expected there, and never includes a value from the input: safe
 * to log even when the input is client data. Unknown keys are issues
 * (`unrecognized-key`, shown as `*` under the path of their object: the key
 * itself is input), and so are sparse arrays (`sparse-array`).
 *
 * @param schema - the schema to validate against, e.g. `Clinician`
 * @param input - the untrusted value, usually parsed JSON
 * @param name - what the input is called in messages, e.g. `"clinician"`; a
 *   name that is not a plain label (a lower-case letter, then letters,
 *   digits, `_`, `.` or `-`) is replaced by `"input"`
 * @returns the parsed value
 * @throws {@link InvalidInputError} when the input breaks a rule of the
 *   schema, or (named `validate`) when `schema` is not a zod schema or `name`
 *   not a string
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
 * message;
 * // => "Invalid referrer: 1 issue: referrer.kind is not one of the allowed values (expected one of [therapist-other-specialty, therapist-same-specialty, gp, paediatrician, gynaecologist, psychiatrist, nutritionist, naturopath, school, lawyer, peer-group, case-study-group, other])"
 * ```
 */
export function validate<Schema extends z.ZodType>(schema: Schema, input: unknown, name: string): z.output<Schema> {
  const misuse: InputIssueDraft[] = [];
  if (!isSchema(schema)) misuse.push({ path: ["schema"], code: "invalid-type", expected: ExpectedText.schema });
  if (typeof name !== "string") misuse.push({ path: ["name"], code: "invalid-type", expected: ExpectedText.string });
  if (misuse.length > 0) throw new InvalidInputError("validate", misuse);
  // Most input is well formed: the schema's compiled reader reads it as zod would, faster, and refuses a hole.
  const read = readerFor(schema)(input);
  if (read !== NOT_READ) return read as z.output<Schema>;
  // A hole would otherwise be walked as a missing value at each empty index.
  const holes = findHoles(input, schema);
  if (holes.length > 0) throw new InvalidInputError(name, holes, FROM_SCHEMA);
  // What the reader leaves is parsed by zod without the message hook (a parse with one costs about a fifth
  // more), and only input that fails is parsed again with it, to name the issues.
  const valid = schema.safeParse(input);
  if (valid.success) return valid.data;
  const result = schema.safeParse(input, {
    error: (issue) => (ABSENT.has(issue.code ?? "") && issue.input === undefined ? MISSING : undefined),
  });
  if (result.success) return result.data;
  // The name is echoed in messages, so the error keeps it only when it is a plain label.
  throw new InvalidInputError(name, toInputIssues(schema, result.error.issues), FROM_SCHEMA);
}

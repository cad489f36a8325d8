import type * as z from "zod";
import { type InputIssueDraft, UNKNOWN_KEY } from "../../errors.js";
import { stepInto } from "./stepInto.js";

const MAX_DEPTH = 64;
const MAX_ISSUES = 20;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Whether an input holds a sparse array anywhere: a walk without the schema, so a whole input costs one pass. */
export function hasHole(value: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  // Own enumerable values, as a parse reads them; only objects and arrays are stepped into.
  const values: readonly unknown[] | undefined = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : undefined;
  if (values === undefined) return false;
  for (let index = 0; index < values.length; index++) {
    if (!(index in values)) return true;
    const element = values[index];
    if (typeof element === "object" && element !== null && hasHole(element, depth + 1)) return true;
  }
  return false;
}

/**
 * Every sparse array in an input (`[a, , b]`), by the path to its first
 * hole, so a hole is one clear issue rather than a missing value that code
 * walks past. Keys on the way that the schema does not define show as `*`.
 */
export function findHoles(input: unknown, schema: z.core.$ZodType): InputIssueDraft[] {
  // Most inputs have no hole: only then is the schema stepped through, to name the keys on the way.
  if (!hasHole(input, 0)) return [];
  const issues: InputIssueDraft[] = [];
  // One path, pushed and popped: copied only when an issue is found.
  const path: Array<string | number> = [];
  const visit = (value: unknown, at: z.core.$ZodType | undefined, depth: number): void => {
    if (depth > MAX_DEPTH || issues.length >= MAX_ISSUES) return;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        if (!(index in value)) return void issues.push({ path: [...path, index], code: "sparse-array" });
      }
      const element = value.length > 0 ? stepInto(at, 0).schema : undefined;
      for (let index = 0; index < value.length; index++) {
        path.push(index);
        visit(value[index], element, depth + 1);
        path.pop();
      }
    } else if (isPlainObject(value)) {
      for (const key of Object.keys(value)) {
        const step = stepInto(at, key);
        path.push(step.own ? key : UNKNOWN_KEY);
        visit(value[key], step.schema, depth + 1);
        path.pop();
      }
    }
  };
  visit(input, schema, 0);
  return issues;
}

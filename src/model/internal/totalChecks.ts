import type * as z from "zod";

/** The checks the library declares total: each returns an answer for any value of its schema's type, never throws, never waits. */
const declared = new WeakSet<object>();

/**
 * `schema`, with its checks declared total (see `isTotalCheck`). Only for
 * checks the library writes itself, whose code is plainly total (a
 * `Date.parse` and two comparisons): the compiled reader may then decide,
 * without running zod, that an option of a union surely refuses a value
 * (a date is not an instant), where a check that might throw would have
 * kept the choice in doubt and left the whole input to zod.
 */
export function declareTotal<Schema extends z.ZodType>(schema: Schema): Schema {
  for (const check of (schema._zod.def as { checks?: readonly object[] }).checks ?? []) declared.add(check);
  return schema;
}

/** Whether the library declared `check` total with `declareTotal`. */
export function isTotalCheck(check: object): boolean {
  return declared.has(check);
}

import type * as z from "zod";
import { repeatedIndexes } from "./repeatedIndexes.js";

/**
 * In a schema's `superRefine`: a `duplicate-id` issue at
 * `[...at, index, field]` for each item whose `field` repeats an earlier
 * item's (items without a key are passed over). Returns the keys seen, for
 * reference checks that follow.
 */
export function reportDuplicateIds<Item>(
  ctx: z.core.$RefinementCtx,
  items: readonly Item[],
  key: (item: Item) => string | undefined,
  at: readonly (string | number)[] = [],
  field = "id",
): Set<string> {
  for (const index of repeatedIndexes(items, key)) {
    ctx.addIssue({ code: "custom", message: "duplicate-id", path: [...at, index, field] });
  }
  const seen = new Set<string>();
  for (const item of items) {
    const value = key(item);
    if (value !== undefined) seen.add(value);
  }
  return seen;
}

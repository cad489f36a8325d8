import { ExpectedText, FROM_SCHEMA, InvalidInputError, type InputIssueDraft } from "../../errors.js";
import { Id } from "../../model/scalars.js";

const MAX_CANDIDATES = 1_000_000;

/**
 * The ids of `rankCandidates`' candidates: each an id, or a row with an
 * `id` (a database's other columns are ignored). Checked by hand rather
 * than by a schema, so importing the matcher stays small.
 */
export function candidateIds(input: unknown): string[] {
  const fail = (issue: InputIssueDraft): never => {
    throw new InvalidInputError("candidates", [issue], FROM_SCHEMA);
  };
  if (!Array.isArray(input)) return fail({ path: [], code: "invalid-type", expected: ExpectedText.array });
  if (input.length > MAX_CANDIDATES) return fail({ path: [], code: "too-big" });
  const ids: string[] = [];
  for (let index = 0; index < input.length; index += 1) {
    const item: unknown = input[index];
    const row = typeof item === "object" && item !== null;
    const id: unknown = row ? (item as { id?: unknown }).id : item;
    if (!Id.safeParse(id).success) fail({ path: row ? [index, "id"] : [index], code: "invalid-format", expected: ExpectedText.id });
    ids.push(id as string);
  }
  return ids;
}

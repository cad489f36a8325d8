import { type InputIssueDraft, InvalidInputError } from "../../errors.js";
import { builtInInstruments } from "../builtInInstruments.js";
import type { Instrument } from "../schemas.js";
import { compareText } from "../../model/internal/compareText.js";
import { repeatedIndexes } from "../../model/internal/repeatedIndexes.js";

const sortById = (instruments: readonly Instrument[]): Instrument[] => [...instruments].sort((a, b) => compareText(a.id, b.id));
let sortedBuiltIns: readonly Instrument[] | undefined;

/** The built-in instruments and the host's, sorted by id; the host's win on equal ids, and a host id may appear once. */
export function mergeInstruments(added: readonly Instrument[]): Instrument[] {
  // The usual call adds none: the built-in instruments (each frozen), sorted once, in a list of the call's own.
  if (added.length === 0) return [...(sortedBuiltIns ??= sortById(builtInInstruments))];
  const issues: InputIssueDraft[] = repeatedIndexes(added, (instrument) => instrument.id).map((index) => ({
    path: ["instruments", index, "id"],
    code: "duplicate-id",
  }));
  if (issues.length > 0) throw new InvalidInputError("options", issues);
  const byId = new Map(builtInInstruments.map((instrument) => [instrument.id, instrument]));
  for (const instrument of added) byId.set(instrument.id, instrument);
  return sortById([...byId.values()]);
}

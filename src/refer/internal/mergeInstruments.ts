import { type InputIssue, InvalidInputError } from "../../errors.js";
import { builtInInstruments } from "../builtInInstruments.js";
import type { Instrument } from "../schemas.js";
import { compareText } from "./compareText.js";

/** The built-in instruments and the host's, sorted by id; the host's win on equal ids, and a host id may appear once. */
export function mergeInstruments(added: readonly Instrument[]): Instrument[] {
  const issues: InputIssue[] = [];
  const byId = new Map(builtInInstruments.map((instrument) => [instrument.id, instrument]));
  const seen = new Set<string>();
  added.forEach((instrument, index) => {
    if (seen.has(instrument.id)) issues.push({ path: ["instruments", index, "id"], code: "duplicate-id" });
    seen.add(instrument.id);
    byId.set(instrument.id, instrument);
  });
  if (issues.length > 0) throw new InvalidInputError("options", issues);
  return [...byId.values()].sort((a, b) => compareText(a.id, b.id));
}

import { type CodeMapEntry, CodeMaps, type CodeMapsInput, defaultCodeMaps } from "../codeMaps.js";
import { validate } from "../../model/validate.js";
import { pairKey } from "../../model/internal/pairKey.js";

/** One list of a code map, compiled: exact codes by system, then the prefix entries in order. */
export interface CompiledMap {
  /** Whether any entry uses this system. */
  knows(system: string): boolean;
  /** The tag for a code, or undefined. */
  tagOf(system: string, code: string): string | undefined;
  /** The first entry per system that names the tag, for writing it out. */
  codingsOf(tag: string): readonly CodeMapEntry[];
}

function compile(entries: readonly CodeMapEntry[]): CompiledMap {
  const exact = new Map<string, string>();
  const prefixes: CodeMapEntry[] = [];
  const systems = new Set<string>();
  const outbound = new Map<string, CodeMapEntry[]>();
  for (const entry of entries) {
    systems.add(entry.system);
    const key = pairKey(entry.system, entry.code);
    if (entry.match === "prefix") prefixes.push(entry);
    else if (!exact.has(key)) exact.set(key, entry.tag);
    const written = outbound.get(entry.tag) ?? [];
    if (!written.some((other) => other.system === entry.system)) written.push(entry);
    outbound.set(entry.tag, written);
  }
  return {
    knows: (system) => systems.has(system),
    tagOf(system, code) {
      const hit = exact.get(pairKey(system, code));
      if (hit !== undefined) return hit;
      // Prefix entries are few (ICD-10-CM categories), so a scan is cheap; the longest prefix wins.
      let best: CodeMapEntry | undefined;
      for (const entry of prefixes) {
        if (entry.system === system && code.startsWith(entry.code) && (best === undefined || entry.code.length > best.code.length))
          best = entry;
      }
      return best?.tag;
    },
    codingsOf: (tag) => outbound.get(tag) ?? [],
  };
}

/** The host's code maps, validated, ahead of the defaults. */
export function compileCodeMaps(extension: CodeMapsInput | undefined): { problemAreas: CompiledMap; disciplines: CompiledMap } {
  const host = extension === undefined ? { problemAreas: [], disciplines: [] } : validate(CodeMaps, extension, "options.codeMaps");
  return {
    problemAreas: compile([...host.problemAreas, ...defaultCodeMaps.problemAreas]),
    disciplines: compile([...host.disciplines, ...defaultCodeMaps.disciplines]),
  };
}

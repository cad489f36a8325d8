import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * Every public function has a growth check, or a reason here why its cost
 * cannot grow with its input. A check counts when its title (of an `it` or
 * a `describe` in test/growth, or in the counted check of consent)
 * names the function as a word. A new export with neither fails this test.
 */
const ENTRY_POINTS = [
  "referwell",
  "referwell/refer",
  "referwell/match",
  "referwell/consent",
  "referwell/relationships",
  "referwell/cadence",
  "referwell/intake",
  "referwell/fhir",
];

const EXEMPT: Readonly<Record<string, string>> = {
  calendarDateOf: "one instant and one time zone: its input cannot grow",
  periodContains: "one period and one date",
  reliableChange: "one instrument and two scores",
  isReferwellError: "reads one mark of one value, never walks it",
  defineReferralRule: "one definition of three fields, frozen; the rule it defines is timed inside assessReferral",
  directoryTables: "its one input, a schema name, cannot grow",
  evaluateConsent:
    "one question of the consent asker, whose reads test/consent/growth.test.ts counts as consents, deny provisions, recipients and facts grow (timed, its ratio sits near the limit from caches, not work)",
};

const GROWTH_FILES = [
  ...readdirSync(new URL(".", import.meta.url))
    .filter((name) => name.endsWith(".test.ts"))
    .map((name) => new URL(name, import.meta.url)),
  new URL("../consent/growth.test.ts", import.meta.url),
];

/** The titles of every `it` and `describe` in the growth checks. */
const TITLES: readonly string[] = GROWTH_FILES.flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/\b(?:it|describe)(?:\.each\([^)]*\))?\(\s*"([^"]+)"/g)].map((match) => match[1] as string),
);

async function publicFunctions(): Promise<string[]> {
  const names = new Set<string>();
  for (const entry of ENTRY_POINTS) {
    const exports = (await import(entry)) as Record<string, unknown>;
    // Functions named in lower camel case: classes and schemas are not called as functions of input.
    for (const [name, value] of Object.entries(exports)) if (typeof value === "function" && /^[a-z]/.test(name)) names.add(name);
  }
  return [...names].sort();
}

describe("growth checks", () => {
  it("cover every public function, or say why its cost cannot grow", async () => {
    const functions = await publicFunctions();
    expect(functions.length).toBeGreaterThan(40);
    const named = (name: string) => TITLES.some((title) => new RegExp(`\\b${name}\\b`).test(title));
    expect(functions.filter((name) => !named(name) && EXEMPT[name] === undefined)).toEqual([]);
    // An exemption for a function that is checked after all, or no longer exported, is stale.
    expect(Object.keys(EXEMPT).filter((name) => named(name) || !functions.includes(name))).toEqual([]);
  });

  it("cover the matcher's methods", () => {
    for (const method of ["rank", "rankCandidates", "explain", "update", "unknownTags"])
      expect(TITLES.some((title) => new RegExp(`\\b${method}\\b`).test(title))).toBe(true);
  });
});

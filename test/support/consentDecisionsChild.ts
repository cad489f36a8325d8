/**
 * Run in a child process by test/consent/frozenDecisions.test.ts: with
 * `vandal`, first changes every exported object of every subpath that can be
 * changed (data deeply, and the public lists and maps of schemas), then, in
 * either mode, prints the decisions of a fixed battery of consent questions
 * as JSON. The parent compares the two runs.
 */
import * as z from "zod";
import * as root from "../../src/index.js";
import * as consent from "../../src/consent/index.js";

/** Tries every change careless host code could make to a value; what is frozen refuses (and throws, which is caught). */
function vandalize(value: unknown, seen = new Set<object>()): number {
  if (value === null || typeof value !== "object" || seen.has(value)) return 0;
  seen.add(value);
  let changed = 0;
  const attempt = (change: () => unknown): void => {
    try {
      change();
      changed += 1;
    } catch {
      // Frozen: the change is refused.
    }
  };
  if (value instanceof z.ZodType) {
    // A schema's definition is zod's own (changing an enum's entries changes what validates, which the
    // firewall test covers); what a host reaches for is its public list of values, a copy.
    const options = (value as unknown as { options?: unknown }).options;
    if (Array.isArray(options) && options.every((option) => typeof option === "string")) attempt(() => options.reverse().push("changed"));
    return changed;
  }
  for (const item of Object.values(value)) changed += vandalize(item, seen);
  if (Array.isArray(value)) {
    attempt(() => value.reverse());
    attempt(() => value.push({ code: "changed", authorization: "general" }));
  } else
    for (const key of Object.keys(value)) {
      const current = (value as Record<string, unknown>)[key];
      attempt(() => ((value as Record<string, unknown>)[key] = current === "general" ? "psychotherapy-note" : "general"));
    }
  attempt(() => Object.setPrototypeOf(value, { authorization: "general", confidentiality: "N" }));
  return changed;
}

const general: consent.ConsentInput = {
  id: "general",
  clientId: "cl-1",
  status: "active",
  kind: "general",
  signed: "2026-06-01",
  period: { start: "2026-06-01" },
  recipients: [{ referrerId: "ref-a" }],
  purposes: ["COC", "ETREAT"],
  categories: ["acknowledgement", "attendance", "diagnosis", "psychotherapy-note", "substance-use", "sud-counselling-note"],
  deny: [{ id: "no-diagnosis", categories: ["diagnosis"] }],
};
const part2: consent.ConsentInput = { ...general, id: "part2", kind: "sud-records", categories: ["substance-use"], deny: [] };
const facts = ["attendance", "diagnosis", "psychotherapy-note", "substance-use", "sud-counselling-note", "progress-summary"].map(
  (category, i) => ({
    id: `f${i}`,
    clientId: "cl-1",
    category,
    text: `Fact ${i}.`,
    recorded: "2026-11-20",
  }),
);

function battery(): unknown {
  const out: unknown[] = [];
  for (const category of [
    "acknowledgement",
    "attendance",
    "diagnosis",
    "psychotherapy-note",
    "substance-use",
    "sud-counselling-note",
    "risk",
  ])
    for (const at of ["2026-11-23", "2026-11-23T22:00:00Z"])
      out.push(
        consent.evaluateConsent([general, part2], { client: "cl-1", recipient: { referrerId: "ref-a" }, purpose: "COC", category, at }),
      );
  for (const template of [undefined, { id: "all", title: "All", categories: facts.map((f) => f.category) }])
    out.push(
      consent.composeUpdate({
        kind: template === undefined ? "progress" : "custom",
        ...(template === undefined ? {} : { template }),
        client: { id: "cl-1", displayName: "Jordan" },
        recipient: { referrerId: "ref-a", name: "Dr A", kind: "provider" },
        purpose: "COC",
        facts,
        consents: [general, part2],
        now: "2026-11-23",
      }),
    );
  out.push(
    consent.composeUpdate({
      kind: "custom",
      template: { id: "er", title: "Emergency", categories: ["attendance", "diagnosis", "psychotherapy-note"] },
      client: { id: "cl-1" },
      recipient: { referrerId: "ref-er", name: "ED", kind: "provider" },
      purpose: "ETREAT",
      emergency: true,
      facts,
      consents: [general],
      now: "2026-11-23",
    }),
  );
  return out;
}

const mode = process.argv[2];
let changed = 0;
// One set of what was changed: the root re-exports the subpaths' values, and changing one twice could undo it.
const seen = new Set<object>();
if (mode === "vandal") for (const module of [root, consent]) for (const value of Object.values(module)) changed += vandalize(value, seen);
process.stdout.write(JSON.stringify({ changed, decisions: battery() }));

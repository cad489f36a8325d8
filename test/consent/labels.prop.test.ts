import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  AuthorizationKind,
  type AuthorizationKind as Kind,
  composeUpdate,
  Confidentiality,
  type ConsentInput,
  DisclosureCategory,
  evaluateConsent,
  part2RedisclosureNotice,
  SensitivityCode,
} from "referwell/consent";
import { consentOf } from "../support/consentOf.js";

const RUNS = { numRuns: Number(process.env["CONSENT_RUNS"] ?? 2_000) };

/** A host category with any labels and any kind: most are mislabelled, which is the point. */
const anyCategory = fc.record(
  {
    code: fc.constant("host-x"),
    label: fc.constant("Host category"),
    confidentiality: fc.constantFrom(...Confidentiality.options),
    sensitivity: fc.subarray([...SensitivityCode.options], { maxLength: 4 }),
    part2: fc.boolean(),
    authorization: fc.constantFrom(...AuthorizationKind.options),
  },
  { requiredKeys: ["code", "label", "confidentiality", "sensitivity", "authorization"] },
);
type AnyCategory = typeof anyCategory extends fc.Arbitrary<infer T> ? T : never;

const NOTE_OR_PART2 = ["psychotherapy-note", "sud-records", "sud-counselling-note"];
const RANK = { N: 0, R: 1, V: 2 } as const;

/** The rule, restated from the consent guide: labels and kind agree, both ways; SUD counselling notes and Part 2 records are never N. */
function agrees(category: AnyCategory): boolean {
  const psythpn = category.sensitivity.includes("PSYTHPN");
  const part2 = category.part2 === true || category.sensitivity.includes("SUD") || category.sensitivity.includes("ETH");
  const kind = category.authorization;
  if (psythpn !== (kind === "psychotherapy-note")) return false;
  if (part2 !== (kind === "sud-records" || kind === "sud-counselling-note")) return false;
  const floor = kind === "psychotherapy-note" || kind === "sud-counselling-note" ? 2 : part2 ? 1 : 0;
  return RANK[category.confidentiality] >= floor;
}

const consent = (kind: Kind): ConsentInput => consentOf({ id: `c-${kind}`, kind, categories: ["acknowledgement", "host-x"] });

describe("safeguards follow the labels", () => {
  test.prop([anyCategory], RUNS)(
    "label/authorization agreement: a host category is accepted exactly when its labels and kind agree",
    (category) => {
      expect(DisclosureCategory.safeParse(category).success).toBe(agrees(category));
    },
  );

  test.prop([anyCategory.filter(agrees), fc.constantFrom(...AuthorizationKind.options)], RUNS)(
    "an accepted category is permitted only by a consent of the kind its labels need, and a Part 2 label always brings the regulation's notice",
    (category, kind) => {
      const needs = category.sensitivity.includes("PSYTHPN")
        ? "psychotherapy-note"
        : category.part2 === true || category.sensitivity.includes("SUD") || category.sensitivity.includes("ETH")
          ? category.authorization
          : "general";
      expect(NOTE_OR_PART2.includes(needs) || needs === "general").toBe(true);
      const options = { categories: [category] };
      const query = { client: "cl-1", recipient: { referrerId: "ref-a" }, purpose: "COC", category: "host-x", at: "2026-11-23" } as const;
      expect(evaluateConsent([consent(kind)], query, options).decision === "permit").toBe(kind === needs);
      const result = composeUpdate({
        kind: "custom",
        template: { id: "t", title: "Update", categories: ["host-x"] },
        client: { id: "cl-1" },
        recipient: { referrerId: "ref-a", name: "Dr A" },
        purpose: "COC",
        facts: [{ id: "f", clientId: "cl-1", category: "host-x", text: "A fact.", recorded: "2026-11-20" }],
        consents: [consent("general"), consent(kind)].filter((c, i, all) => all.findIndex((d) => d.id === c.id) === i),
        now: "2026-11-23",
        categories: [category],
      });
      expect(result.included.includes("f")).toBe(needs === "general" || kind === needs);
      if (!result.included.includes("f")) return;
      const part2 = needs === "sud-records" || needs === "sud-counselling-note";
      expect(result.update?.labels.part2Notice).toBe(part2 ? part2RedisclosureNotice : undefined);
      expect(result.disclosure?.part2).toBe(part2);
    },
  );
});

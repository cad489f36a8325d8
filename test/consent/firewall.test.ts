import * as z from "zod";
import { afterEach, describe, expect, it } from "vitest";
import {
  type ConsentInput,
  composeUpdate,
  defaultCategories,
  HostCategories,
  UpdateRequest,
  type UpdateRequestInput,
} from "referwell/consent";
import { consentOf } from "../support/consentOf.js";

// The note firewall reads defaultCategories at run time: no code outside the library may change what it reads.

const generalConsent: ConsentInput = consentOf({
  id: "general",
  period: { start: "2026-06-01", end: "2027-05-31" },
  categories: ["acknowledgement", "attendance", "psychotherapy-note", "sud-counselling-note"],
});

const notesRequest = (changes: Partial<UpdateRequestInput> = {}): UpdateRequestInput => ({
  kind: "custom",
  template: { id: "notes", title: "Clinical notes", categories: ["psychotherapy-note", "sud-counselling-note", "attendance"] },
  client: { id: "cl-1", displayName: "Jordan" },
  recipient: { referrerId: "ref-a", name: "Dr Mei Lin" },
  purpose: "COC",
  facts: [
    { id: "pn", clientId: "cl-1", category: "psychotherapy-note", text: "Session note.", recorded: "2026-11-20" },
    { id: "sc", clientId: "cl-1", category: "sud-counselling-note", text: "Counselling note.", recorded: "2026-11-20" },
    { id: "a", clientId: "cl-1", category: "attendance", text: "Attended.", recorded: "2026-11-20" },
  ],
  consents: [generalConsent],
  now: "2026-11-23",
  ...changes,
});

/** The firewall holds: a general consent that lists the notes discloses attendance only. */
function expectNotesWithheld(changes: Partial<UpdateRequestInput> = {}): void {
  const result = composeUpdate(notesRequest(changes));
  expect(result.included).toEqual(["a"]);
  expect(result.withheld.map(({ factId, reason }) => [factId, reason])).toEqual([
    ["pn", "needs-specific-authorization"],
    ["sc", "needs-specific-authorization"],
  ]);
}

/** Every way to change an object or array in place; each must throw (test files are ES modules, so strict mode). */
function everyMutation(target: object): (() => unknown)[] {
  const record = target as Record<string, unknown>;
  const keys = Object.keys(target);
  // A value the key does not hold: defining a frozen property with its own value is allowed, and changes nothing.
  const other = (key: string) => (record[key] === "general" ? "psychotherapy-note" : "general");
  return [
    () => (record["extra"] = "general"),
    () => Object.defineProperty(target, "extra", { value: "general" }),
    () => Object.setPrototypeOf(target, { authorization: "general" }),
    ...keys.map((key) => () => (record[key] = other(key))),
    ...keys.map((key) => () => delete record[key]),
    ...keys.map((key) => () => Object.defineProperty(target, key, { value: other(key) })),
    ...(Array.isArray(target)
      ? [() => target.push("general"), () => target.splice(0, 1), () => target.fill("general"), () => (target.length = 0)]
      : []),
  ];
}

function reachable(value: unknown, found: object[] = []): object[] {
  if (value === null || typeof value !== "object" || found.includes(value)) return found;
  found.push(value);
  for (const item of Object.values(value)) reachable(item, found);
  return found;
}

describe("the note firewall cannot be changed from outside", () => {
  it("every object and array in defaultCategories refuses every change, and the firewall holds after the attempts", () => {
    const before = JSON.stringify(defaultCategories);
    const objects = reachable(defaultCategories);
    expect(objects.length).toBe(1 + 2 * defaultCategories.length);
    for (const target of objects)
      for (const mutate of everyMutation(target)) expect(mutate, `${JSON.stringify(target)}: ${String(mutate)}`).toThrow(TypeError);
    expect(JSON.stringify(defaultCategories)).toBe(before);
    expectNotesWithheld();
  });

  describe("schemas are not frozen (zod 4 caches on them), yet changing one cannot open the firewall", () => {
    const original = UpdateRequest.shape.categories;
    afterEach(() => {
      UpdateRequest.shape.categories = original;
    });

    it("a host category that redefines a built-in code is refused", () => {
      const redefined: UpdateRequestInput["categories"] = [{ code: "psychotherapy-note", label: "Notes", confidentiality: "N" }];
      expect(HostCategories.safeParse(redefined).success).toBe(false);
      expect(() => composeUpdate(notesRequest({ categories: redefined }))).toThrow();
    });

    it("and if a changed schema lets one through, the built-in still decides", () => {
      // Bypasses the reserved-code check: zod reads `shape` at every parse.
      (UpdateRequest.shape as Record<string, z.ZodType>)["categories"] = z.array(z.any()).default([]);
      const redefined: UpdateRequestInput["categories"] = [
        { code: "psychotherapy-note", label: "Notes", confidentiality: "N", sensitivity: [], authorization: "general" },
        { code: "sud-counselling-note", label: "Notes", confidentiality: "N", sensitivity: [], authorization: "general" },
      ];
      expectNotesWithheld({ categories: redefined });
    });
  });
});

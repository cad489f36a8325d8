import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type ComposedUpdate, type Consent, composeUpdate, type UpdateRequest } from "referwell/consent";
import { denyProvision, shiftDate, TODAY, updateRequest } from "../arbitraries/consent.js";
import { deepFreeze } from "../support/deepFreeze.js";

const RUNS = { numRuns: Number(process.env["CONSENT_RUNS"] ?? 10_000) };
const TIMEOUT = 120_000;

describe("composeUpdate", { timeout: TIMEOUT }, () => {
  type Change = (consents: Consent[], pick: number, extra: Consent["deny"][number]) => Consent[] | undefined;
  const at = <T>(items: readonly T[], pick: number): number => pick % Math.max(1, items.length);
  const edit = (consents: Consent[], pick: number, change: (c: Consent) => Consent | undefined): Consent[] | undefined => {
    if (consents.length === 0) return undefined;
    const index = at(consents, pick);
    const changed = change(consents[index] as Consent);
    return changed === undefined ? undefined : consents.map((c, i) => (i === index ? changed : c));
  };
  const dropOne = <T>(items: readonly T[], pick: number): T[] | undefined =>
    items.length === 0 ? undefined : items.filter((_, i) => i !== at(items, pick));
  const yesterday = shiftDate(TODAY, -1);
  const changes: Record<string, Change> = {
    "adding a deny": (cs, pick, extra) => edit(cs, pick, (c) => ({ ...c, deny: [...c.deny, { ...extra, id: "added" }] })),
    "removing a permitted category": (cs, pick) =>
      edit(cs, pick, (c) => {
        const categories = dropOne(c.categories, pick >> 3);
        return categories === undefined ? undefined : { ...c, categories };
      }),
    // A consent that replaces another restricts too: removing it can bring the one it replaced back.
    "removing a consent with no deny provisions that replaces nothing": (cs, pick) =>
      cs[at(cs, pick)]?.deny.length === 0 && cs[at(cs, pick)]?.replaces.length === 0 ? dropOne(cs, pick) : undefined,
    revoking: (cs, pick) => edit(cs, pick, (c) => ({ ...c, status: "revoked" })),
    "narrowing purposes": (cs, pick) =>
      edit(cs, pick, (c) => {
        const purposes = dropOne(c.purposes, pick >> 3);
        return purposes === undefined ? undefined : { ...c, purposes };
      }),
    "narrowing recipients": (cs, pick) =>
      edit(cs, pick, (c) => {
        const recipients = dropOne(c.recipients, pick >> 3);
        return recipients === undefined ? undefined : { ...c, recipients };
      }),
    "moving now past the period": (cs, pick) =>
      // Only ever an earlier end: a period that already ended before yesterday keeps its end.
      edit(cs, pick, (c) => {
        const end = c.period.end !== undefined && c.period.end < yesterday ? c.period.end : yesterday;
        return { ...c, period: { start: c.period.start < end ? c.period.start : end, end } };
      }),
  };
  const disclosedAmount = (result: ComposedUpdate) => ({
    included: new Set(result.included),
    categories: new Set(result.disclosure?.categories ?? []),
    record: result.disclosure !== undefined,
  });

  test.prop([updateRequest, fc.constantFrom(...Object.keys(changes)), fc.nat(), denyProvision("added")], RUNS)(
    "4. monotonic: adding a deny, removing a permit, revoking, narrowing purposes or recipients, or moving now past the period never adds output",
    (request, name, pick, extra) => {
      const consents = (changes[name] as Change)(request.consents, pick, extra);
      fc.pre(consents !== undefined);
      const before = disclosedAmount(composeUpdate(request));
      const after = disclosedAmount(composeUpdate({ ...request, consents }));
      for (const id of after.included) expect(before.included.has(id)).toBe(true);
      for (const code of after.categories) expect(before.categories.has(code)).toBe(true);
      if (after.record) expect(before.record).toBe(true);
    },
  );

  test.prop([updateRequest], RUNS)("4. monotonic: moving now past the end of every consent's period discloses nothing", (request) => {
    const ends = request.consents.map((c) => c.period.end);
    fc.pre(ends.every((end) => end !== undefined));
    const later = shiftDate([TODAY, ...(ends as string[])].sort().at(-1) as string, 1);
    const result = composeUpdate({ ...request, now: later });
    expect([result.included, result.disclosure]).toEqual([[], undefined]);
  });

  const shuffled = <T>(items: readonly T[], keys: fc.Stream<number>): T[] =>
    items
      .map((item) => [keys.next().value, item] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, item]) => item);

  test.prop([updateRequest, fc.infiniteStream(fc.nat())], RUNS)(
    "5. order independence of consents, provisions and facts; byte-identical output for identical input",
    (request, keys) => {
      const frozen = deepFreeze(structuredClone(request));
      const before = JSON.stringify(frozen);
      const first = JSON.stringify(composeUpdate(frozen));
      expect(JSON.stringify(composeUpdate(frozen))).toBe(first);
      expect(JSON.stringify(frozen)).toBe(before);
      const reordered: UpdateRequest = {
        ...request,
        facts: shuffled(request.facts, keys),
        consents: shuffled(request.consents, keys).map((c) => ({
          ...c,
          recipients: shuffled(c.recipients, keys),
          purposes: shuffled(c.purposes, keys),
          categories: shuffled(c.categories, keys),
          lifts: shuffled(c.lifts, keys),
          deny: shuffled(c.deny, keys).map((d) => ({
            ...d,
            ...(d.categories === undefined ? {} : { categories: shuffled(d.categories, keys) }),
          })),
        })),
      };
      expect(JSON.stringify(composeUpdate(reordered))).toBe(first);
    },
  );
});

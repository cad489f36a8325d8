import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { Clinician, Directory, validate } from "referwell";
import { createMatcher, createMatcherAsync, type Matcher, type MatchRequestInput } from "referwell/match";
import { directoryIds } from "../../src/model/internal/directoryIds.js";
import { directoryInSteps } from "../../src/model/internal/directoryInSteps.js";
import { compileDirectory } from "../../src/match/internal/compileDirectory.js";
import { matcherOver } from "../../src/match/internal/matcherOver.js";
import { MatcherOptions } from "../../src/match/schemas.js";
import { anyCriteria, matchDirectory } from "../arbitraries/match.js";
import { syntheticClients, syntheticDirectory } from "../arbitraries/synthetic.js";

const NOW = "2026-11-23";
const RUNS = { numRuns: Number(process.env["MATCH_RUNS"] ?? 60) };

/** Everything a matcher answers about these requests, as JSON. */
function answers(matcher: Matcher, requests: MatchRequestInput[], ids: string[]): string {
  return JSON.stringify({
    size: matcher.size,
    unknownTags: matcher.unknownTags,
    requests: requests.map((request) => ({
      rank: matcher.rank(request, { now: NOW, limit: 1_000 }),
      passTo: matcher.rank({ ...request, practiceId: "prac-0", pointPersonId: ids[0] ?? "nobody" }, { now: NOW }).passTo,
      rankCandidates: matcher.rankCandidates(request, ids.slice(0, 40).reverse(), { now: NOW, limit: 1_000 }),
      explain: ids.slice(0, 20).map((id) => matcher.explain(request, id, { now: NOW })),
    })),
  });
}

/** The oracle: the directory validated whole, then compiled at once in id order. */
function wholeMatcher(directory: unknown): Matcher {
  const valid = validate(Directory, directory, "directory");
  return matcherOver(compileDirectory(valid, MatcherOptions.parse({})), directoryIds(valid));
}

/** What a call threw, or what it returned. */
async function thrown(call: () => unknown): Promise<unknown> {
  try {
    return await call();
  } catch (error) {
    return error;
  }
}

/** A directory in any order, now and then with a tag no vocabulary knows, so unknown tags and their paths are compared too. */
const shuffledDirectory = fc
  .tuple(
    fc.oneof(
      matchDirectory(12),
      fc.integer({ min: 0, max: 1_300 }).map((count) => syntheticDirectory({ seed: count, clinicians: count })),
    ),
    fc.infiniteStream(fc.nat()),
    fc.boolean(),
  )
  .map(([directory, keys, unknown]): Directory => {
    const clinicians = directory.clinicians
      .map((clinician) => [keys.next().value as number, clinician] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, clinician], index) =>
        unknown && index % 7 === 0 ? { ...clinician, modalities: [...clinician.modalities, "zqx-modality"] } : clinician,
      );
    return { ...directory, clinicians };
  });

const requests = fc.array(
  fc.oneof(
    anyCriteria.map((criteria): MatchRequestInput => ({ criteria })),
    fc.integer({ min: 0, max: 50 }).map((seed): MatchRequestInput => ({ client: syntheticClients({ seed, count: 1 })[0] as never })),
  ),
  { minLength: 1, maxLength: 3 },
);

describe("createMatcherAsync", () => {
  test.prop([shuffledDirectory, requests, fc.constantFrom(0, 1, 10)], RUNS)(
    "resolves to a matcher that answers as createMatcher's does, and as one compiled whole in id order, however the work is sliced",
    async (directory, asked, sliceMilliseconds) => {
      const ids = directory.clinicians.map((clinician) => clinician.id);
      const sliced = await createMatcherAsync(directory, {}, { sliceMilliseconds });
      const oracle = wholeMatcher(directory);
      const expected = answers(oracle, asked, ids);
      expect(answers(sliced, asked, ids)).toBe(expected);
      expect(answers(createMatcher(directory), asked, ids)).toBe(expected);
      // Places are reused by update in any order: still the same answers afterwards.
      const changes = { remove: ids.filter((_, index) => index % 3 === 0), upsert: directory.clinicians.slice(1, 3).reverse() };
      sliced.update(changes);
      oracle.update(changes);
      expect(answers(sliced, asked, ids)).toBe(answers(oracle, asked, ids));
    },
  );

  /** Ways to break a valid directory: each a change createMatcher refuses. */
  const breaks: Record<string, (directory: Directory) => unknown> = {
    "a clinician's field": (d) => ({
      ...d,
      clinicians: d.clinicians.map((c, i) => (i === d.clinicians.length - 1 ? { ...c, acceptingNewClients: "ZQXSECRET" } : c)),
    }),
    "a repeated clinician id": (d) => ({ ...d, clinicians: [...d.clinicians, d.clinicians[0]] }),
    "a practice no one lists": (d) => ({ ...d, clinicians: d.clinicians.map((c, i) => (i === 3 ? { ...c, practiceId: "ZQXSECRET" } : c)) }),
    "a repeated practice": (d) => ({ ...d, practices: [...d.practices, d.practices[0]] }),
    "a repeated payer": (d) => ({ ...d, payers: [...d.payers, d.payers[0]] }),
    "a broken payer": (d) => ({ ...d, payers: [...d.payers, { id: "p-x", name: "" }] }),
    "a broken regulation": (d) => ({
      ...d,
      regulations: [{ jurisdiction: "US-OR", discipline: "psychologist", licenceRequired: "ZQXSECRET" }],
    }),
    "regulations that are no list": (d) => ({ ...d, regulations: { ZQXSECRET: 1 } }),
    "payers that are no list": (d) => ({ ...d, payers: "ZQXSECRET" }),
    // `null` is no list, though `??` would take it for an absent one.
    "regulations that are null": (d) => ({ ...d, regulations: null }),
    "payers that are null": (d) => ({ ...d, payers: null }),
    "practices that are null": (d) => ({ ...d, practices: null }),
    "a broken practice": (d) => ({ ...d, practices: [{ ...d.practices[0], id: " " }, ...d.practices.slice(1)] }),
    "an unknown key": (d) => ({ ...d, ZQXSECRET: 1 }),
    "clinicians that are no list": (d) => ({ ...d, clinicians: {} }),
    "no directory at all": () => "ZQXSECRET",
    "an issue in the lists and beside them": (d) => ({
      ...d,
      payers: [...d.payers, d.payers[0]],
      clinicians: [...d.clinicians, { id: "x" }],
    }),
  };

  it.each(Object.keys(breaks))("rejects %s with the error validating the directory whole throws, as createMatcher does", async (name) => {
    const directory = syntheticDirectory({ seed: 3, clinicians: 200 });
    expect(directory.practices.length).toBeGreaterThan(1);
    expect(directory.payers.length).toBeGreaterThan(1);
    const broken = (breaks[name] as (d: Directory) => unknown)(directory) as Directory;
    const expected = await thrown(() => validate(Directory, broken, "directory"));
    expect(expected).toBeInstanceOf(Error);
    for (const actual of [
      await thrown(() => createMatcher(broken)),
      await thrown(() => createMatcherAsync(broken, {}, { sliceMilliseconds: 0 })),
    ]) {
      expect(actual).toBeInstanceOf(Error);
      expect(String(actual)).toBe(String(expected));
      expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
      expect(String(actual)).not.toMatch(/ZQXSECRET/);
    }
  });

  it("compiles a directory read differently a second time as validating it whole reads it", async () => {
    const directory = syntheticDirectory({ seed: 4, clinicians: 150 });
    /** The directory with one clinician whose field is malformed for its first `malformedReads` reads only. */
    const flickering = (malformedReads: number) => {
      let reads = 0;
      const clinicians = directory.clinicians.map((clinician, index) =>
        index !== 5
          ? clinician
          : Object.defineProperty({ ...clinician }, "acceptingNewClients", {
              enumerable: true,
              get: () => ((reads += 1) <= malformedReads ? "no" : !clinician.acceptingNewClients),
            }),
      );
      return { ...directory, clinicians };
    };
    // How often validating a chunk reads a malformed field before it gives up: the steps find the chunk malformed, validating whole does not.
    const always = flickering(Infinity).clinicians[5];
    let probeReads = 0;
    const probe = Object.defineProperty({ ...always }, "acceptingNewClients", { enumerable: true, get: () => ((probeReads += 1), "no") });
    expect(() => validate(z.array(Clinician), [probe], "directory")).toThrow();
    const asked = syntheticClients({ seed: 6, count: 3 }).map((client): MatchRequestInput => ({ client }));
    const ids = directory.clinicians.map((clinician) => clinician.id);
    const settled = {
      ...directory,
      clinicians: directory.clinicians.map((c, i) => (i === 5 ? { ...c, acceptingNewClients: !c.acceptingNewClients } : c)),
    };
    const expected = answers(wholeMatcher(settled), asked, ids);
    expect(expected).not.toBe(answers(wholeMatcher(directory), asked, ids));
    expect(answers(createMatcher(flickering(probeReads)), asked, ids)).toBe(expected);
    expect(answers(await createMatcherAsync(flickering(probeReads), {}, { sliceMilliseconds: 0 }), asked, ids)).toBe(expected);
  });

  it("reads a directory that is not a plain object of enumerable fields exactly as validating it whole does", async () => {
    const { clinicians, ...rest } = syntheticDirectory({ seed: 3, clinicians: 20 });
    const hidden = { ...rest };
    Object.defineProperty(hidden, "clinicians", { enumerable: false, value: clinicians });
    const inputs: unknown[] = [
      Object.assign(Object.create({ clinicians }) as object, rest),
      hidden,
      Object.assign(Object.create({ junk: 1 }) as object, rest, { clinicians }),
      new Proxy({ ...rest, clinicians }, {}),
    ];
    for (const input of inputs) {
      const expected = await thrown(() => wholeMatcher(input).size);
      expect(String(await thrown(() => createMatcher(input as Directory).size))).toBe(String(expected));
      expect(String(await thrown(async () => (await createMatcherAsync(input as Directory)).size))).toBe(String(expected));
    }
  });

  it("reads each list by its elements, as validation does, never through a slice of the list's own", async () => {
    const directory = syntheticDirectory({ seed: 3, clinicians: 20 });
    const valid = directory.clinicians[0] as Clinician;
    const lying = (list: readonly unknown[], slice: unknown) => Object.assign([...list], { slice });
    const inputs: unknown[] = [
      { ...directory, clinicians: lying([{ id: "bad", name: "ZQXSECRET" }], () => [valid]) },
      { ...directory, payers: lying([{ id: "p-bad" }], () => directory.payers) },
      { ...directory, clinicians: lying(directory.clinicians, 0) },
      { ...directory, practices: lying(directory.practices, () => []) },
    ];
    for (const input of inputs) {
      const expected = await thrown(() => wholeMatcher(input).size);
      for (const actual of [
        await thrown(() => createMatcher(input as Directory).size),
        await thrown(async () => (await createMatcherAsync(input as Directory)).size),
      ]) {
        expect(String(actual)).toBe(String(expected));
        expect(String(actual)).not.toMatch(/ZQXSECRET|TypeError/);
      }
    }
  });

  it("rejects when its signal fires during the last slice", async () => {
    const stop = new AbortController();
    const directory = syntheticDirectory({ seed: 5, clinicians: 5 });
    // The last clinician's name is read in the last slice, which fires the signal.
    const last = Object.defineProperty({ ...(directory.clinicians[4] as Clinician) }, "name", {
      enumerable: true,
      get: () => {
        stop.abort(new Error("late"));
        return "Last";
      },
    });
    const clinicians = [...directory.clinicians.slice(0, 4), last];
    await expect(createMatcherAsync({ ...directory, clinicians }, {}, { sliceMilliseconds: 1_000, signal: stop.signal })).rejects.toThrow(
      "late",
    );
  });

  it("rejects malformed options and slicing as createMatcher does, naming the path, a malformed directory first", async () => {
    const directory = syntheticDirectory({ seed: 3, clinicians: 10 });
    for (const make of [createMatcher, createMatcherAsync]) {
      expect(String(await thrown(() => make(directory, { margin: 2 })))).toMatch(/options\.margin/);
      expect(String(await thrown(() => make({ ...directory, clinicians: [{ id: "x" } as never] }, { margin: 2 })))).toMatch(
        /directory\.clinicians\[0\]/,
      );
      // A repeated clinician id is the directory's error too, though with these options nothing is compiled to find it by.
      const repeated = { ...directory, clinicians: [...directory.clinicians, directory.clinicians[0]] } as Directory;
      const expected = String(await thrown(() => validate(Directory, repeated, "directory")));
      expect(expected).toMatch(/directory\.clinicians/);
      expect(String(await thrown(() => make(repeated, { margin: 2 })))).toBe(expected);
    }
    await expect(createMatcherAsync(directory, {}, { sliceMilliseconds: -1 })).rejects.toThrow(/slicing\.sliceMilliseconds/);
    await expect(createMatcherAsync(directory, {}, { signal: { fired: true } as never })).rejects.toThrow(/slicing\.signal.*AbortSignal/);
  });

  it("gives the event loop turns while it validates a directory whose options are malformed", async () => {
    const directory = syntheticDirectory({ seed: 5, clinicians: 2_000 });
    let turns = 0;
    const ticker = setInterval(() => (turns += 1), 0);
    await expect(createMatcherAsync(directory, { margin: 2 }, { sliceMilliseconds: 0 })).rejects.toThrow(/options\.margin/);
    clearInterval(ticker);
    expect(turns).toBeGreaterThan(2);
  });

  it("gives the event loop turns while it works, and stops when its signal fires", async () => {
    const directory = syntheticDirectory({ seed: 5, clinicians: 2_000 });
    let turns = 0;
    const ticker = setInterval(() => (turns += 1), 0);
    await createMatcherAsync(directory, {}, { sliceMilliseconds: 0 });
    clearInterval(ticker);
    expect(turns).toBeGreaterThan(2);

    const stop = new AbortController();
    setImmediate(() => stop.abort(new Error("stopped")));
    await expect(createMatcherAsync(directory, {}, { sliceMilliseconds: 0, signal: stop.signal })).rejects.toThrow("stopped");
    const stopped = new AbortController();
    stopped.abort(new Error("already stopped"));
    await expect(createMatcherAsync(directory, {}, { signal: stopped.signal })).rejects.toThrow("already stopped");
  });

  it("validates a directory a chunk of clinicians, practices, payers and regulations at a time, to the value validate gives", () => {
    let reads = 0;
    /** A copy of an item that counts each time validation reads one of its fields. */
    const counted = <Item extends object>(item: Item, key: keyof Item & string): Item =>
      Object.defineProperty({ ...item }, key, {
        enumerable: true,
        get: () => {
          reads += 1;
          return item[key];
        },
      });
    const base = syntheticDirectory({ seed: 3, clinicians: 700 });
    const payers = [...base.payers, ...Array.from({ length: 3_000 }, (_, i) => ({ id: `payer-${i}`, name: `Payer ${i}` }))];
    const regulations = Array.from({ length: 2_000 }, (_, i) => ({
      jurisdiction: `US-${["CA", "OR", "WA", "NY"][i % 4]}`,
      discipline: `discipline-${i}`,
      licenceRequired: i % 2 === 0,
      source: "A statute",
    }));
    for (const withRegulations of [true, false]) {
      const plain = { ...base, payers, ...(withRegulations ? { regulations } : {}) };
      const input = {
        ...plain,
        clinicians: base.clinicians.map((clinician) => counted(clinician, "name")),
        practices: base.practices.map((practice) => counted(practice, "name")),
        payers: payers.map((payer) => counted(payer, "id")),
        ...(withRegulations ? { regulations: regulations.map((regulation) => counted(regulation, "discipline")) } : {}),
      };
      reads = 0;
      const readsAtSteps: number[] = [];
      const steps = directoryInSteps(input);
      let shell: Directory | undefined;
      const clinicians: unknown[] = [];
      let step = steps.next();
      for (; step.done !== true; step = steps.next()) {
        readsAtSteps.push(reads);
        if (step.value.kind === "shell") shell = step.value.directory;
        if (step.value.kind === "clinicians") {
          expect(step.value.from).toBe(clinicians.length);
          clinicians.push(...step.value.clinicians);
        }
      }
      // Every step was given: nothing is to be validated whole.
      expect(step.value).toBe("complete");
      readsAtSteps.push(reads);
      expect(reads).toBe(base.clinicians.length + base.practices.length + payers.length + (withRegulations ? regulations.length : 0));
      // Between two steps, validation reads at most one chunk of items.
      const longest = Math.max(...readsAtSteps.map((count, i) => count - (readsAtSteps[i - 1] ?? 0)));
      expect(longest).toBeLessThanOrEqual(64);
      // All of validate's value but the practices, whose ids alone compiling needs.
      expect(shell?.practices).toEqual([]);
      expect(JSON.stringify({ ...shell, clinicians })).toBe(JSON.stringify({ ...validate(Directory, plain, "directory"), practices: [] }));
    }
  });
});

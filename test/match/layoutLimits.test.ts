import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type ClinicianInput, type DirectoryInput, isReferwellError } from "referwell";
import { createMatcher, createMatcherAsync, type Matcher } from "referwell/match";
import { validate } from "../../src/model/validate.js";
import { FROM_SCHEMA, InvalidInputError } from "../../src/errors.js";
import { Clinician } from "../../src/model/clinician.js";
import { mostSegmentEntries } from "../../src/match/internal/mostSegmentEntries.js";
import { CODE_LIMIT, POOL_LIMIT } from "../../src/match/internal/matcherLimits.js";
import { compileDirectory } from "../../src/match/internal/compileDirectory.js";
import { Directory } from "../../src/model/directory.js";
import { MatcherChanges, MatcherOptions } from "../../src/match/schemas.js";
import { updateDirectory } from "../../src/match/internal/updateDirectory.js";
import { directoryIds } from "../../src/model/internal/directoryIds.js";
import { type ClinicianCodes, holdsCode } from "../../src/match/internal/clinicianCodes.js";

/**
 * The limits of a matcher's layout, lowered for this file so a directory of
 * some hundreds of clinicians reaches them: the real ones (2³² − 1 numbers,
 * 2²⁴ codes) would take gigabytes. Each test sets its own.
 */
const limits = vi.hoisted(() => ({ clinicians: 1_000_000, pool: 2 ** 32 - 1, codes: 2 ** 23 }));
vi.mock("../../src/match/internal/matcherLimits.js", () => ({
  get CLINICIAN_LIMIT() {
    return limits.clinicians;
  },
  get POOL_LIMIT() {
    return limits.pool;
  },
  get CODE_LIMIT() {
    return limits.codes;
  },
}));

/** What the issues expect, with the limits this file set. */
const expected = {
  clinicians: () => `at most ${limits.clinicians} clinicians`,
  pool: () => `at most ${limits.pool} packed numbers in all clinicians' lists`,
  codes: () => `at most ${limits.codes} different codes in all clinicians' lists`,
};

/** The segment header: one end per list (see clinicianCodes). */
const HEADER = 14;
const NOW = { now: "2026-11-23" };
const where = { criteria: { location: { jurisdiction: "US-OR" } } };

/** A clinician with `tags` problem areas of its own (no other clinician's), and nothing else that varies. */
function clinician(id: number, tags = 2): ClinicianInput {
  return {
    id: `clin-${id}`,
    name: "Clinician",
    discipline: "psychologist",
    licensure: { licenses: [{ jurisdiction: "US-OR" }] },
    problemAreas: Array.from({ length: tags }, (_, tag) => `area ${id} ${tag}`),
    populations: ["adults"],
    languages: ["en"],
    telehealth: true,
    availability: { timeZone: "America/Los_Angeles", slots: [{ day: "mon", start: "09:00", end: "12:00" }] },
    acceptingNewClients: true,
    capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
  };
}

const directoryOf = (count: number, tags = 2): DirectoryInput => ({
  clinicians: Array.from({ length: count }, (_, id) => clinician(id, tags)),
});

/** What a segment reserves before it is written: its header and its lists at their longest. */
const reserved = (input: ClinicianInput): number => HEADER + mostSegmentEntries(validate(Clinician, input, "clinician"));
/** What a segment takes once written: less than it reserved (no fee, so the fees' five numbers go unused). */
const written = (input: ClinicianInput): number =>
  compileDirectory(validate(Directory, { clinicians: [input] }, "directory"), validate(MatcherOptions, {}, "options")).codes.used;

/** A clinician whose segment, written, takes all it reserved: a fee with a floor, and adults (so older adults too). */
const filled = (id: number): ClinicianInput => ({
  ...clinician(id),
  fee: { currency: "USD", minorUnits: 15_000 },
  slidingScaleFloor: { currency: "USD", minorUnits: 5_000 },
});

/** What a matcher answers: its size, and its ranking of one request, in full. */
const answers = (matcher: Matcher) => ({ size: matcher.size, ranking: JSON.stringify(matcher.rank(where, NOW)) });

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

const POOL_LIMIT_REAL = 2 ** 32 - 1;
const CODE_LIMIT_REAL = 2 ** 23;
afterEach(() => {
  limits.clinicians = 1_000_000;
  limits.pool = POOL_LIMIT_REAL;
  limits.codes = CODE_LIMIT_REAL;
});

describe("a directory past what a matcher's layout holds", () => {
  it("is refused with a typed error at directory.clinicians, too-big, naming the pool's limit and no value", () => {
    const count = 300;
    // One number short of what the clinicians' segments take once written.
    expect(written(clinician(0))).toBeLessThan(reserved(clinician(0)));
    limits.pool = count * written(clinician(0)) - 1;
    limits.codes = CODE_LIMIT_REAL;
    const error = refusal(() => createMatcher(directoryOf(count)));
    expect(isReferwellError(error, "invalid-input")).toBe(true);
    expect((error as { issues: unknown }).issues).toEqual([{ path: ["clinicians"], code: "too-big", expected: expected.pool() }]);
    expect((error as Error).message).toBe(
      `Invalid directory: 1 issue: directory.clinicians is too large, too long or has too many items (expected ${expected.pool()})`,
    );
  });

  it("compiles when every segment fits, and so does the pool's guess from the first clinicians of how much the rest need", () => {
    const count = 1_000;
    // Exactly room for the last segment as reserved after the others as written: the pool's guess of 3% more than
    // the first clinicians hold, for the rest, would pass the limit.
    limits.pool = (count - 1) * written(clinician(0)) + reserved(clinician(0));
    limits.codes = CODE_LIMIT_REAL;
    const matcher = createMatcher(directoryOf(count));
    expect(matcher.size).toBe(count);
    expect(matcher.rank(where, NOW).eligibleCount).toBe(count);
  });

  it("is refused when its clinicians hold more different codes than a matcher numbers, each code named nowhere in the error", () => {
    // Two problem areas of its own per clinician, and the codes every clinician shares (adults, older adults, en, the payer-less lists).
    limits.pool = POOL_LIMIT_REAL;
    limits.codes = 200;
    const error = refusal(() => createMatcher(directoryOf(120)));
    expect((error as { issues: unknown }).issues).toEqual([{ path: ["clinicians"], code: "too-big", expected: expected.codes() }]);
    expect(JSON.stringify(error)).not.toMatch(/area/);
    expect((error as Error).message).not.toMatch(/area/);
    // At the limit exactly, the same kind of directory compiles; one code more is refused.
    const ninety = directoryOf(90);
    const codes = 2 * 90 + 3;
    limits.codes = codes + 1;
    expect(() => createMatcher(ninety)).not.toThrow();
    const oneMore: DirectoryInput = { clinicians: [...ninety.clinicians, clinician(90, 1)] };
    expect(createMatcher(oneMore).size).toBe(91);
    limits.codes = codes;
    expect(createMatcher(ninety).size).toBe(90);
    expect(refusal(() => createMatcher(oneMore))).toMatchObject({ issues: [{ path: ["clinicians"], code: "too-big" }] });
  });

  it("rejects the same from createMatcherAsync", async () => {
    limits.pool = 299 * written(clinician(0));
    limits.codes = CODE_LIMIT_REAL;
    await expect(createMatcherAsync(directoryOf(300))).rejects.toMatchObject({
      code: "invalid-input",
      issues: [{ path: ["clinicians"], code: "too-big", expected: expected.pool() }],
    });
  });
});

describe("a change that could take a matcher past its layout", () => {
  it("is refused whole at changes.upsert before anything changes, and one that fits is applied", () => {
    limits.codes = CODE_LIMIT_REAL;
    limits.pool = 100 * written(clinician(0)) + 10 * reserved(clinician(0));
    const matcher = createMatcher(directoryOf(100));
    const before = answers(matcher);
    // Ten more fit as reserved; twenty do not, though the first ten of them would.
    const twenty = Array.from({ length: 20 }, (_, i) => clinician(100 + i));
    const error = refusal(() => matcher.update({ upsert: twenty, remove: ["clin-0"] }));
    expect((error as { issues: unknown }).issues).toEqual([{ path: ["upsert"], code: "too-big", expected: expected.pool() }]);
    expect(answers(matcher)).toEqual(before);
    matcher.update({ upsert: twenty.slice(0, 10) });
    expect(matcher.size).toBe(110);
  });

  it("never makes the pool longer than the limit, though below it an update leaves a quarter more room than it needs", () => {
    limits.codes = CODE_LIMIT_REAL;
    limits.pool = 100 * written(clinician(0)) + 10 * reserved(clinician(0));
    const directory = validate(Directory, directoryOf(100), "directory");
    const compiled = compileDirectory(directory, validate(MatcherOptions, {}, "options"));
    const changes = validate(MatcherChanges, { upsert: Array.from({ length: 10 }, (_, i) => clinician(100 + i)) }, "changes");
    updateDirectory(compiled, changes, directoryIds(directory));
    expect(compiled.clinicians.length).toBe(110);
    expect(compiled.codes.pool.length).toBeLessThanOrEqual(limits.pool);
  });

  it("is refused one clinician past the pool's room exactly, counting each new segment's header, and applied at it", () => {
    limits.codes = CODE_LIMIT_REAL;
    expect(written(filled(0))).toBe(reserved(filled(0)));
    const room = reserved(filled(0));
    limits.pool = 100 * room + 10 * room;
    const matcher = createMatcher({ clinicians: Array.from({ length: 100 }, (_, i) => filled(i)) });
    const before = answers(matcher);
    const eleven = Array.from({ length: 11 }, (_, i) => filled(100 + i));
    expect(refusal(() => matcher.update({ upsert: eleven }))).toMatchObject({ issues: [{ path: ["upsert"], code: "too-big" }] });
    expect(answers(matcher)).toEqual(before);
    matcher.update({ upsert: eleven.slice(0, 10) });
    expect(matcher.size).toBe(110);
  });

  it("is refused when the codes it could add might pass the limit, and the matcher answers as before", () => {
    limits.pool = POOL_LIMIT_REAL;
    const matcher = createMatcher(directoryOf(50));
    // The codes a matcher of 50 holds (two problem areas each, and adults, older adults and en), and room for one more
    // clinician's lists whatever codes they hold.
    const held = 50 * 2 + 3;
    limits.codes = held + mostSegmentEntries(validate(Clinician, clinician(0), "clinician"));
    const before = answers(matcher);
    const error = refusal(() => matcher.update({ upsert: [clinician(50), clinician(51)] }));
    expect((error as { issues: unknown }).issues).toEqual([{ path: ["upsert"], code: "too-big", expected: expected.codes() }]);
    expect(answers(matcher)).toEqual(before);
    matcher.update({ upsert: [clinician(50)] });
    expect(matcher.size).toBe(51);
  });
});

describe("any sequence of changes under lowered limits", () => {
  it("either applies each change whole, answering as a fresh matcher of the changed directory, or refuses it whole at changes.upsert and changes nothing", () => {
    const change = fc.record({
      upsert: fc.array(fc.record({ id: fc.integer({ min: 0, max: 40 }), tags: fc.integer({ min: 0, max: 6 }) }), { maxLength: 12 }),
      remove: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(change, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 30 }),
        (start, changes, poolRoom, codeRoom) => {
          limits.pool = POOL_LIMIT_REAL;
          limits.codes = CODE_LIMIT_REAL;
          const held = new Map<string, ClinicianInput>(Array.from({ length: start }, (_, id) => [`clin-${id}`, clinician(id)] as const));
          const matcher = createMatcher({ clinicians: [...held.values()] });
          // Room for only a few more numbers and codes than the first directory takes.
          limits.pool = start * written(clinician(0)) + poolRoom;
          limits.codes = 2 * start + 3 + codeRoom;
          for (const { upsert, remove } of changes) {
            const records = upsert.map(({ id, tags }) => clinician(id, tags));
            // Each id once, and none both upserted and removed: a change that names one twice is refused for that, not for the layout.
            const unique = [...new Map(records.map((record) => [record.id, record])).values()];
            const removeIds = [...new Set(remove.map((id) => `clin-${id}`))].filter((id) => !unique.some((record) => record.id === id));
            const before = answers(matcher);
            let refused: unknown;
            try {
              matcher.update({ upsert: unique, remove: removeIds });
            } catch (error) {
              refused = error;
            }
            if (refused !== undefined) {
              expect(isReferwellError(refused, "invalid-input")).toBe(true);
              expect(
                (refused as { issues: Array<{ path: unknown; code: string }> }).issues.every((issue) => issue.code === "too-big"),
              ).toBe(true);
              expect((refused as { issues: Array<{ path: unknown }> }).issues.map((issue) => issue.path)).toContainEqual(["upsert"]);
              expect(answers(matcher)).toEqual(before);
              continue;
            }
            for (const id of removeIds) held.delete(id);
            for (const record of unique) held.set(record.id, record);
            const [pool, codes] = [limits.pool, limits.codes];
            [limits.pool, limits.codes] = [POOL_LIMIT_REAL, CODE_LIMIT_REAL];
            const fresh = answers(createMatcher({ clinicians: [...held.values()] }));
            [limits.pool, limits.codes] = [pool, codes];
            expect(matcher.size).toBe(held.size);
            expect(answers(matcher).ranking).toEqual(fresh.ranking);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("a pool past 2³¹ numbers", () => {
  it("is searched by halving without its positions wrapping", () => {
    // A pool read through a stand-in: one clinician's segment starting at 2³¹, its problem areas a sorted set of
    // 40 codes (numbers 0, 2, 4, …), so a lookup halves it; nothing of 8 GB is made.
    const start = 2 ** 31;
    const ends = [14, ...Array.from({ length: 13 }, () => 54)];
    const pool = new Proxy({} as Int32Array, {
      get: (_, key) => {
        const at = Number(key) - start;
        return at < 14 ? ends[at] : 2 * (at - 14);
      },
    });
    const numbers = new Map(Array.from({ length: 80 }, (_, n) => [`code-${n}`, n]));
    const table = { pool, starts: Uint32Array.of(start), numbers } as unknown as ClinicianCodes;
    expect(holdsCode(table, 0, "problemAreas", "code-38")).toBe(true);
    expect(holdsCode(table, 0, "problemAreas", "code-0")).toBe(true);
    expect(holdsCode(table, 0, "problemAreas", "code-78")).toBe(true);
    expect(holdsCode(table, 0, "problemAreas", "code-39")).toBe(false);
    expect(holdsCode(table, 0, "populations", "code-38")).toBe(false);
  });
});

describe("a change that would take a directory past its most clinicians", () => {
  it("is refused at changes.upsert, as many as it removes counted off, and the matcher answers as before", () => {
    const matcher = createMatcher(directoryOf(10));
    limits.clinicians = 11;
    const before = answers(matcher);
    const error = refusal(() => matcher.update({ upsert: [clinician(10), clinician(11)] }));
    expect((error as { issues: unknown }).issues).toEqual([{ path: ["upsert"], code: "too-big", expected: expected.clinicians() }]);
    expect(answers(matcher)).toEqual(before);
    // One removed makes room for two added, and a replaced one takes none.
    matcher.update({ upsert: [clinician(10), clinician(11), clinician(3)], remove: ["clin-0", "clin-99"] });
    expect(matcher.size).toBe(11);
  });
});

describe("the limits as the library states them", () => {
  it("are the ones the matching guide gives, and their wordings reach the caller from the library's checks alone", async () => {
    const real = await vi.importActual<{ CLINICIAN_LIMIT: number; POOL_LIMIT: number; CODE_LIMIT: number }>(
      "../../src/match/internal/matcherLimits.js",
    );
    expect([real.CLINICIAN_LIMIT, real.POOL_LIMIT, real.CODE_LIMIT]).toEqual([1_000_000, 4_294_967_295, 8_388_608]);
    for (const text of [expected.clinicians(), expected.pool(), expected.codes()]) {
      const issue = { path: ["clinicians"], code: "too-big" as const, expected: text };
      expect(new InvalidInputError("directory", [issue], FROM_SCHEMA).issues[0]?.expected).toBe(text);
      // From a caller, the same words are not the library's: the rule's own wording stands in for them.
      expect(new InvalidInputError("directory", [issue]).issues[0]?.expected).toBe("a smaller value");
    }
    // The mocked module reads the limits each test set.
    limits.pool = 7;
    expect(POOL_LIMIT).toBe(7);
    expect(CODE_LIMIT).toBe(CODE_LIMIT_REAL);
  });
});

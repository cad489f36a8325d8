import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { type Clinician, InvalidInputError, type MatchCriteria } from "referwell";
import { createMatcher, type Matcher, type MatchRequestInput } from "referwell/match";
import { anyCriteria, COMPACTS, matchClinician, openClinician } from "../arbitraries/match.js";

const NOW = "2026-11-23";
const IDS = Array.from({ length: 10 }, (_, i) => `c${i}`);

/** A clinician, now and then with a modality no vocabulary knows, so the directory's unknown tags and their paths are compared too. */
const clinicianArb = (id: string) =>
  fc
    .tuple(fc.oneof({ weight: 2, arbitrary: openClinician(id) }, { weight: 1, arbitrary: matchClinician(id) }), fc.boolean())
    .map(([clinician, unknown]) => (unknown ? { ...clinician, modalities: [...clinician.modalities, "zqx-modality"] } : clinician));

/** A directory of some of the ids, each once. */
const directoryArb: fc.Arbitrary<Clinician[]> = fc
  .subarray(IDS, { minLength: 0, maxLength: 8 })
  .chain((ids) => fc.tuple(...ids.map(clinicianArb)).map((clinicians): Clinician[] => clinicians));

/** One call's changes: records for some ids (new or held) and other ids to remove, some of them not held. */
const changesArb = fc.shuffledSubarray(IDS, { minLength: 0, maxLength: 6 }).chain((ids) =>
  fc.tuple(fc.integer({ min: 0, max: ids.length }), ...ids.map(clinicianArb)).map(([split, ...records]) => ({
    upsert: records.slice(0, split),
    remove: records.slice(split).map((record) => record.id),
  })),
);

/** Requests of every kind; some weigh the size of the clinician's practice, some come from a practice with a point person. */
const requestArb: fc.Arbitrary<MatchRequestInput> = fc.record({
  criteria: fc
    .tuple(anyCriteria, fc.boolean())
    .map(([criteria, partner]): MatchCriteria =>
      partner ? { ...criteria, prefer: { ...criteria.prefer, partner: { maxPracticeClinicians: 2 } } } : criteria,
    ),
  practiceId: fc.constantFrom(undefined, "p1"),
  pointPersonId: fc.constantFrom(undefined, "c1", "c4"),
});

/** The directory as changes leave it: a replaced clinician keeps its place, an added one comes last, a removed one goes. */
function applied(clinicians: Clinician[], batches: { upsert: Clinician[]; remove: string[] }[]): Clinician[] {
  const order = new Map(clinicians.map((clinician) => [clinician.id, clinician]));
  for (const { upsert, remove } of batches) {
    for (const id of remove) order.delete(id);
    for (const clinician of upsert) order.set(clinician.id, clinician);
  }
  return [...order.values()];
}

/** Everything a matcher answers about these requests, as JSON. */
function answers(matcher: Matcher, requests: MatchRequestInput[]): string {
  return JSON.stringify({
    size: matcher.size,
    unknownTags: matcher.unknownTags,
    requests: requests.map((request) => ({
      rank: matcher.rank(request, { now: NOW, limit: 100 }),
      candidates: matcher.rankCandidates(request, IDS, { now: NOW, limit: 100 }),
      explain: IDS.map((id) => matcher.explain(request, id, { now: NOW })),
    })),
  });
}

describe("Matcher.update", () => {
  test.prop([directoryArb, fc.array(changesArb, { minLength: 1, maxLength: 4 }), fc.array(requestArb, { minLength: 1, maxLength: 3 })])(
    "answers as a matcher made from the changed directory does",
    (clinicians, batches, requests) => {
      const matcher = createMatcher({ clinicians, compacts: COMPACTS });
      for (const changes of batches) matcher.update(changes);
      const fresh = createMatcher({ clinicians: applied(clinicians, batches), compacts: COMPACTS });
      expect(answers(matcher, requests)).toBe(answers(fresh, requests));
    },
  );

  test.prop([directoryArb, changesArb, fc.array(requestArb, { minLength: 1, maxLength: 2 })])(
    "a refused change leaves the matcher as it was",
    (clinicians, changes, requests) => {
      const matcher = createMatcher({ clinicians, compacts: COMPACTS });
      const before = answers(matcher, requests);
      const dangling = { ...clinicianArbSample(), licensure: { licenses: [], compacts: [{ compactId: "no-such-compact" }] } };
      expect(() => matcher.update({ upsert: [...changes.upsert, dangling], remove: changes.remove })).toThrow(InvalidInputError);
      expect(answers(matcher, requests)).toBe(before);
    },
  );

  it("names the place of a refused change, never its value", () => {
    const matcher = createMatcher({ clinicians: [], compacts: COMPACTS });
    const record = { ...clinicianArbSample(), licensure: { licenses: [], compacts: [{ compactId: "ZQXSECRET1" }] } };
    let thrown: unknown;
    try {
      matcher.update({ upsert: [record], remove: ["c9", "c9"] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInputError);
    expect((thrown as InvalidInputError).issues.map((issue) => [issue.path.join("."), issue.code])).toEqual([["remove.1", "duplicate-id"]]);
    expect(() => matcher.update({ upsert: [record] })).toThrow(/changes\.upsert\[0\]\.licensure\.compacts\[0\]\.compactId/);
    expect(JSON.stringify(thrown)).not.toMatch(/ZQXSECRET1/);
  });
});

/** A plain valid clinician, outside the generated ids. */
function clinicianArbSample(): Clinician {
  return fc.sample(matchClinician("x-extra"), { numRuns: 1, seed: 3 })[0] as Clinician;
}

/** Compile-time contract of `referwell/match`: typed inputs, and mistakes that do not compile. */
import { describe, expectTypeOf, test } from "vitest";
import type { ClinicianInput, DirectoryInput } from "referwell";
import type { ReferralAssessment } from "referwell/refer";
import {
  assignReferrals,
  type AssignmentOptionsInput,
  type AssignmentResult,
  createMatcher,
  type MatcherOptionsInput,
  type MatchExplanation,
  type MatchRequestInput,
  type RankOptionsInput,
  type RankResult,
  type ReferralInput,
  scoreMatch,
  type ScoreMatchOptionsInput,
  type UnknownTag,
} from "referwell/match";

const clinician: ClinicianInput = {
  id: "ana",
  name: "Ana",
  discipline: "psychologist",
  licensure: { licenses: [{ jurisdiction: "US-OR" }] },
  populations: ["adults"],
  languages: ["en"],
  availability: { timeZone: "America/Los_Angeles", slots: [] },
  acceptingNewClients: true,
  capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
};
const request: MatchRequestInput = { criteria: { location: { jurisdiction: "US-OR" } } };
const options: RankOptionsInput = { now: "2026-11-23" };
const matcher = createMatcher({ clinicians: [clinician] });

describe("referwell/match", () => {
  test("parameters are the schemas' input types, results the output types", () => {
    expectTypeOf(createMatcher).parameters.toEqualTypeOf<[DirectoryInput, MatcherOptionsInput?]>();
    expectTypeOf(matcher.rank).parameters.toEqualTypeOf<[MatchRequestInput, RankOptionsInput]>();
    expectTypeOf(matcher.rank).returns.toEqualTypeOf<RankResult>();
    expectTypeOf(matcher.explain).parameters.toEqualTypeOf<[MatchRequestInput, string, RankOptionsInput]>();
    expectTypeOf(scoreMatch).parameters.toEqualTypeOf<[MatchRequestInput, ClinicianInput, ScoreMatchOptionsInput]>();
    expectTypeOf(scoreMatch).returns.toEqualTypeOf<MatchExplanation>();
    expectTypeOf(assignReferrals).parameters.toEqualTypeOf<[readonly ReferralInput[], readonly ClinicianInput[], AssignmentOptionsInput]>();
    expectTypeOf(assignReferrals).returns.toEqualTypeOf<AssignmentResult>();
  });

  test("results report unknown tags by path and list only", () => {
    expectTypeOf<RankResult["unknownTags"]>().toEqualTypeOf<readonly UnknownTag[]>();
    expectTypeOf<MatchExplanation["unknownTags"]>().toEqualTypeOf<readonly UnknownTag[]>();
    expectTypeOf<AssignmentResult["unknownTags"]>().toEqualTypeOf<readonly UnknownTag[]>();
    expectTypeOf(matcher.unknownTags).toEqualTypeOf<readonly UnknownTag[]>();
    expectTypeOf<UnknownTag>().toEqualTypeOf<{
      path: (string | number)[];
      list: "problemAreas" | "modalities" | "populations" | "disciplines" | "languages";
    }>();
  });

  test("a referral assessment's criteria and options go to the matcher as they are", () => {
    const assessment = {} as ReferralAssessment;
    expectTypeOf(matcher.rank).toBeCallableWith(
      { criteria: assessment.criteria },
      { now: "2026-11-23", recommendation: assessment.options },
    );
  });

  test("a misspelled option key does not compile", () => {
    // @ts-expect-error: `limt` is no option of a ranking
    matcher.rank(request, { now: "2026-11-23", limt: 3 });
    // @ts-expect-error: `wieghts` is no option of a matcher
    createMatcher({ clinicians: [clinician] }, { wieghts: { needs: 1 } });
    // @ts-expect-error: `nedds` is no weight
    createMatcher({ clinicians: [clinician] }, { weights: { nedds: 1 } });
    // @ts-expect-error: `compact` is no option of scoreMatch
    scoreMatch(request, clinician, { now: "2026-11-23", compact: [] });
    // @ts-expect-error: a criteria key misspelled
    matcher.rank({ critera: { location: { jurisdiction: "US-OR" } } }, options);
  });

  test("swapped or wrong arguments do not compile", () => {
    // @ts-expect-error: options first, request second
    matcher.rank(options, request);
    // @ts-expect-error: the clinician id is the second argument of explain
    matcher.explain(request, options, "ana");
    // @ts-expect-error: clinician and request swapped
    scoreMatch(clinician, request, { now: "2026-11-23" });
    // @ts-expect-error: clinicians and referrals swapped
    assignReferrals([clinician], [{ id: "r1", ...request }], { now: "2026-11-23" });
    // @ts-expect-error: a matcher takes a directory, not a bare list of clinicians
    createMatcher([clinician]);
    // @ts-expect-error: `now` is required
    matcher.rank(request, {});
    // @ts-expect-error: an enum value outside the schema's
    matcher.rank({ criteria: { location: { jurisdiction: "US-OR" }, urgency: "whenever" } }, options);
  });
});

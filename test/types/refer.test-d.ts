/** Compile-time contract of `referwell/refer`: typed inputs, and mistakes that do not compile. */
import { describe, expectTypeOf, test } from "vitest";
import {
  assessPanelExit,
  type AssessPanelExitOptions,
  assessReferral,
  type AssessReferralOptions,
  createRuleContext,
  type PanelExitInput,
  type PanelExitResult,
  type ReferralAssessment,
  type ReferralCaseInput,
  type RuleContextOptions,
  type UnknownTag,
} from "referwell/refer";

const input: ReferralCaseInput = {
  client: { id: "cl-01", ageGroup: "adult", residence: { jurisdiction: "US-OR" }, needs: { problemAreas: ["depression"] } },
  clinician: {
    id: "clin-ana",
    name: "Ana",
    discipline: "psychologist",
    licensure: { licenses: [{ jurisdiction: "US-OR" }] },
    populations: ["adults"],
    languages: ["en"],
    availability: { timeZone: "America/Los_Angeles", slots: [] },
    acceptingNewClients: true,
    capacity: { caseloadMax: 25, caseloadCurrent: 20, weeklyNewClientLimit: 2 },
  },
};
const exit: PanelExitInput = { date: "2027-01-01", practiceId: "harbour", clinicians: [], clients: [], episodes: [] };

describe("referwell/refer", () => {
  test("parameters are the schemas' input types, results the output types", () => {
    expectTypeOf(assessReferral).parameters.toEqualTypeOf<[ReferralCaseInput, AssessReferralOptions]>();
    expectTypeOf(assessReferral).returns.toEqualTypeOf<ReferralAssessment>();
    expectTypeOf(createRuleContext).parameters.toEqualTypeOf<[ReferralCaseInput, RuleContextOptions]>();
    expectTypeOf(assessPanelExit).parameters.toEqualTypeOf<[PanelExitInput, AssessPanelExitOptions]>();
    expectTypeOf(assessPanelExit).returns.toEqualTypeOf<PanelExitResult>();
    expectTypeOf<ReferralAssessment["unknownTags"]>().toEqualTypeOf<UnknownTag[]>();
  });

  test("a misspelled option key does not compile", () => {
    // @ts-expect-error: `polcy` is no option
    assessReferral(input, { now: "2026-11-23", polcy: {} });
    // @ts-expect-error: `lookAhead` is no policy key (`lookAheadDays` is)
    assessReferral(input, { now: "2026-11-23", policy: { lookAhead: 30 } });
    // @ts-expect-error: `instrument` is no option
    createRuleContext(input, { now: "2026-11-23", instrument: [] });
    // @ts-expect-error: `clinicanIds` misspelled
    assessPanelExit({ ...exit, clinicanIds: ["clin-ana"] }, { now: "2026-11-23" });
  });

  test("swapped or wrong arguments do not compile", () => {
    // @ts-expect-error: options first, case second
    assessReferral({ now: "2026-11-23" }, input);
    // @ts-expect-error: a panel exit is not a referral case
    assessReferral(exit, { now: "2026-11-23" });
    // @ts-expect-error: a referral case is not a panel exit
    assessPanelExit(input, { now: "2026-11-23" });
    // @ts-expect-error: an age group outside the schema's
    assessReferral({ ...input, client: { ...input.client, ageGroup: "teen" } }, { now: "2026-11-23" });
  });
});

import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { createVocabulary, type MatchCriteria, normalizeTag } from "referwell";
import { createMatcher, HardConstraint, type RankedOption } from "referwell/match";
import { anyCriteria as matchCriteria, matchCriteria as strictCriteria, matchDirectory, openCriteria } from "../arbitraries/match.js";
import { hostile, hostileJson } from "../arbitraries/hostile.js";
import { hardConstraintViolations } from "../support/hardConstraintOracle.js";
import { deepFreeze } from "../support/deepFreeze.js";
import { expectNoLeak } from "../support/noLeak.js";
import { untyped } from "../support/untyped.js";

const NOW = "2026-11-23T09:00:00-08:00";
const ALL = { now: NOW, limit: 10_000 };

describe("matcher.rank", () => {
  test.prop([matchDirectory(), matchCriteria, fc.infiniteStream(fc.nat())])(
    "order independence: any order of the directory gives the same ranking",
    (directory, criteria, seeds) => {
      const shuffled = { ...directory, clinicians: [...directory.clinicians].sort(() => (seeds.next().value % 3) - 1) };
      const a = createMatcher(directory).rank({ criteria }, ALL);
      const b = createMatcher(shuffled).rank({ criteria }, ALL);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    },
  );

  test.prop([matchDirectory(), matchCriteria])(
    "determinism: the same frozen input gives byte-identical output and is not mutated",
    (directory, criteria) => {
      const before = JSON.stringify([directory, criteria]);
      deepFreeze(directory);
      deepFreeze(criteria);
      const a = JSON.stringify(createMatcher(directory).rank({ criteria }, ALL));
      const b = JSON.stringify(createMatcher(directory).rank({ criteria }, ALL));
      expect(b).toBe(a);
      expect(JSON.stringify([directory, criteria])).toBe(before);
    },
  );

  test.prop([matchDirectory(), matchCriteria])(
    "soundness: no option violates a hard constraint (checked by an independent oracle)",
    (directory, criteria) => {
      const result = createMatcher(directory).rank({ criteria }, ALL);
      const byId = new Map(directory.clinicians.map((c) => [c.id, c]));
      for (const option of result.options) {
        const clinician = byId.get(option.clinicianId);
        if (clinician === undefined) throw new Error("unknown option");
        expect(hardConstraintViolations(criteria, clinician, directory.compacts, result.startDate)).toEqual([]);
      }
    },
  );

  test.prop([matchDirectory(), matchCriteria])(
    "completeness: every clinician left out fails at least one constraint, which the oracle agrees with",
    (directory, criteria) => {
      const matcher = createMatcher(directory);
      const result = matcher.rank({ criteria }, ALL);
      const chosen = new Set(result.options.map((o) => o.clinicianId));
      expect(result.eligibleCount).toBe(chosen.size);
      for (const clinician of directory.clinicians) {
        const explanation = matcher.explain({ criteria }, clinician.id, { now: NOW });
        const oracle = hardConstraintViolations(criteria, clinician, directory.compacts, result.startDate);
        if (chosen.has(clinician.id)) {
          expect(explanation.failures).toEqual([]);
        } else {
          expect(explanation.failures.length).toBeGreaterThan(0);
          expect([...new Set(explanation.failures.map((f) => f.constraint))].sort()).toEqual([...new Set(oracle)].sort());
          for (const failure of explanation.failures) expect(HardConstraint.options).toContain(failure.constraint);
        }
      }
    },
  );

  test.prop([matchDirectory(), matchCriteria])(
    "explained scores: parts sum to the score, weights to 1, everything in [0, 1], best first",
    (directory, criteria) => {
      const { options } = createMatcher(directory).rank({ criteria }, ALL);
      for (const option of options) {
        expect(option.score).toBeGreaterThanOrEqual(0);
        expect(option.score).toBeLessThanOrEqual(1);
        expect(option.parts.reduce((sum, part) => sum + part.contribution, 0)).toBeCloseTo(option.score, 12);
        expect(option.parts.reduce((sum, part) => sum + part.weight, 0)).toBeCloseTo(1, 12);
        for (const part of option.parts) {
          expect(part.fit).toBeGreaterThanOrEqual(0);
          expect(part.fit).toBeLessThanOrEqual(1);
          expect(part.contribution).toBeCloseTo(part.weight * part.fit, 15);
        }
      }
      for (let i = 1; i < options.length; i += 1) expect((options[i - 1]?.score ?? 0) >= (options[i]?.score ?? 0)).toBe(true);
    },
  );

  test.prop([matchDirectory(), matchCriteria, fc.nat(), fc.nat()])(
    "monotone needs: adding a need the clinician treats, and is not rated ineffective with, never lowers its score",
    (directory, criteria, pick, at) => {
      const matcher = createMatcher(directory);
      const { options } = matcher.rank({ criteria }, ALL);
      fc.pre(options.length > 0);
      const option = options[pick % options.length];
      const clinician = directory.clinicians.find((c) => c.id === option?.clinicianId);
      if (option === undefined || clinician === undefined) throw new Error("unknown option");
      // An ineffective rating on a need lowers the score by design (the outcome veto), so such needs are left out here.
      const vetoed = new Set(
        (clinician.outcomes ?? []).filter((o) => o.rating === "ineffective" && o.cases >= 15).map((o) => o.problemArea),
      );
      const treated = clinician.problemAreas.filter((area) => !vetoed.has(area));
      fc.pre(treated.length > 0);
      const need = treated[pick % treated.length] as string;
      const needs = [...criteria.prefer.problemAreas];
      needs.splice(at % (needs.length + 1), 0, need);
      const more: MatchCriteria = { ...criteria, prefer: { ...criteria.prefer, problemAreas: needs } };
      const after = matcher.explain({ criteria: more }, clinician.id, { now: NOW });
      expect(after.eligible).toBe(true);
      expect(after.option?.score ?? -1).toBeGreaterThanOrEqual(option.score - 1e-12);
    },
  );

  const tighten: ((c: MatchCriteria, pick: number) => MatchCriteria)[] = [
    (c, pick) => ({
      ...c,
      require: { ...c.require, populations: [...c.require.populations, ["adults", "adolescents", "couples"][pick % 3] as string] },
    }),
    (c, pick) => ({
      ...c,
      require: { ...c.require, problemAreas: [...c.require.problemAreas, ["depression", "trauma", "ocd"][pick % 3] as string] },
    }),
    (c, pick) => ({ ...c, require: { ...c.require, modalities: [...c.require.modalities, ["cbt", "emdr"][pick % 2] as string] } }),
    (c, pick) => ({ ...c, require: { ...c.require, languages: [...c.require.languages, ["en", "es"][pick % 2] as string] } }),
    (c, pick) => ({
      ...c,
      require: { ...c.require, excludeClinicianIds: [...c.require.excludeClinicianIds, `c${String(pick % 12).padStart(2, "0")}`] },
    }),
    (c) => ({ ...c, require: { ...c.require, excludePracticeIds: [...c.require.excludePracticeIds, "p2"] } }),
    // Disciplines are any-of: dropping one of several tightens; an empty list means any discipline.
    (c, pick) => ({
      ...c,
      require: {
        ...c.require,
        disciplines:
          c.require.disciplines.length > 1
            ? c.require.disciplines.slice(1)
            : c.require.disciplines.length === 1
              ? c.require.disciplines
              : [["psychologist", "counselor"][pick % 2] as string],
      },
    }),
    (c, pick) => ({
      ...c,
      require: { ...c.require, levelOfCare: c.require.levelOfCare ?? (["outpatient", "intensive-outpatient"] as const)[pick % 2] },
    }),
    (c, pick) => ({ ...c, require: { ...c.require, maxWaitDays: Math.min(c.require.maxWaitDays ?? 365, pick % 60) } }),
    (c, pick) => ({
      ...c,
      require: { ...c.require, travelRadiusKm: Math.max(1, Math.min(c.require.travelRadiusKm ?? 40, (pick % 40) + 1)) },
    }),
    (c, pick) => ({
      ...c,
      require: {
        ...c.require,
        modes: c.require.modes.length > 1 ? [c.require.modes[pick % 2] as "in-person" | "telehealth"] : c.require.modes,
      },
    }),
    (c) => ({
      ...c,
      require: {
        ...c.require,
        payment:
          c.require.payment === undefined
            ? { payers: [], maxSelfPay: { currency: "USD", minorUnits: 12000 } }
            : c.require.payment.payers.length > 1 || c.require.payment.maxSelfPay !== undefined
              ? {
                  payers: c.require.payment.payers.slice(1),
                  ...(c.require.payment.maxSelfPay ? { maxSelfPay: c.require.payment.maxSelfPay } : {}),
                }
              : c.require.payment,
      },
    }),
  ];

  test.prop([matchDirectory(), matchCriteria])(
    "identity preferences: soft ones never change who is eligible; musts only remove clinicians",
    (directory, criteria) => {
      const matcher = createMatcher(directory);
      const { populations: _p, cultures: _c, faiths: _f, clinicianAge: _a, interpreter: _i, must: _m, ...plain } = criteria.prefer;
      const ids = (prefer: MatchCriteria["prefer"]) =>
        matcher
          .rank({ criteria: { ...criteria, prefer } }, ALL)
          .options.map((o) => o.clinicianId)
          .sort();
      const without = ids(plain);
      const { must: _must, ...soft } = criteria.prefer;
      expect(ids(soft)).toEqual(without);
      const withMust = ids(criteria.prefer);
      for (const id of withMust) expect(without).toContain(id);
    },
  );

  const partnerAsked = fc.record(
    { maxPracticeClinicians: fc.integer({ min: 1, max: 12 }), busyIn: fc.subarray(["depression", "anxiety", "trauma"], { minLength: 1 }) },
    { requiredKeys: [] },
  );
  test.prop([matchDirectory(), matchCriteria, partnerAsked])(
    "a partner preference never changes who is eligible, and its fit is the practice size and caseload the directory gives",
    (directory, criteria, partner) => {
      const matcher = createMatcher(directory);
      const plain = matcher.rank({ criteria }, ALL).options;
      const asked = matcher.rank({ criteria: { ...criteria, prefer: { ...criteria.prefer, partner } } }, ALL).options;
      expect(asked.map((o) => o.clinicianId).sort()).toEqual(plain.map((o) => o.clinicianId).sort());
      for (const option of asked) {
        const source = directory.clinicians.find((c) => c.id === option.clinicianId);
        if (source === undefined) throw new Error("an option outside the directory");
        const size = directory.clinicians.filter((c) => c.practiceId !== undefined && c.practiceId === source.practiceId).length || 1;
        const parts: number[] = [];
        if (partner.maxPracticeClinicians !== undefined) parts.push(size <= partner.maxPracticeClinicians ? 1 : 0);
        if (partner.busyIn !== undefined) {
          const treats = partner.busyIn.every((area) => source.problemAreas.includes(area));
          parts.push(treats ? Math.min(1, source.capacity.caseloadCurrent / source.capacity.caseloadMax) : 0);
        }
        const part = option.parts.find((p) => p.criterion === "partner");
        if (parts.length === 0) expect(part).toBeUndefined();
        else expect(part?.fit).toBeCloseTo(parts.reduce((a, b) => a + b, 0) / parts.length, 12);
      }
    },
  );

  const vocabulary = createVocabulary();
  // Open criteria, some with every preference soft, so most draws have options to check.
  const softCriteria = fc
    .tuple(openCriteria, fc.boolean())
    .map(([criteria, soft]) => (soft ? { ...criteria, prefer: { ...criteria.prefer, must: [] } } : criteria));
  test.prop([matchDirectory(), softCriteria])(
    "needs, outcomes, modality, language, gender and who the clinician is: each part's fit and reason are what the clinician's record gives",
    (directory, criteria) => {
      const { prefer } = criteria;
      const needs = prefer.problemAreas;
      const part = (option: RankedOption, criterion: string) => option.parts.find((p) => p.criterion === criterion);
      const { options } = createMatcher(directory).rank({ criteria }, ALL);
      fc.pre(options.length > 0);
      for (const option of options) {
        const source = directory.clinicians.find((c) => c.id === option.clinicianId);
        if (source === undefined) throw new Error("an option outside the directory");
        // Needs: the primary counts twice, every other once.
        const treats = needs.map((need) => source.problemAreas.includes(need));
        const weightOf = (position: number) => (position === 0 ? 2 : 1);
        const met = treats.reduce((sum, treated, position) => sum + (treated ? weightOf(position) : 0), 0);
        const total = needs.reduce((sum, _, position) => sum + weightOf(position), 0);
        expect(part(option, "needs")?.fit).toBeCloseTo(needs.length === 0 ? 1 : met / total, 12);
        if (needs.length > 0 && treats.every(Boolean)) expect(part(option, "needs")?.reason).toMatch(/^Treats every need: /);
        if (needs.length > 0 && !treats.some(Boolean)) expect(part(option, "needs")?.reason).toMatch(/^Treats none of the needs /);
        // Outcomes: the worst rating of each need among those on at least 15 cases counts; an ineffective one zeroes the part.
        const counted = needs.flatMap((need) => {
          const ratings = (source.outcomes ?? []).filter((o) => o.problemArea === need && o.cases >= 15).map((o) => o.rating);
          const worst = (["ineffective", "neutral", "effective"] as const).find((rating) => ratings.includes(rating));
          return worst === undefined ? [] : [worst];
        });
        const ineffective = counted.includes("ineffective");
        const outcomes = part(option, "outcomes");
        if (outcomes !== undefined) {
          expect(outcomes.fit).toBe(needs.length === 0 || ineffective ? 0 : counted.includes("effective") ? 1 : 0.5);
          if (needs.length === 0) expect(outcomes.reason).toBe("No needs were given to weigh outcomes against.");
          else if (counted.length === 0) expect(outcomes.reason).toBe("No measured outcomes for these needs.");
          else {
            expect(outcomes.reason).toMatch(/^Measured outcomes: /);
            expect(outcomes.reason.split(" cases)").length - 1).toBe(counted.length);
            expect(outcomes.reason.endsWith("An ineffective rating on one of the client's needs outweighs any effective one.")).toBe(
              ineffective,
            );
          }
        }
        // Modality: the share of the preferred modalities offered.
        const offered = prefer.modalities.filter((modality) => source.modalities.includes(modality)).length;
        expect(part(option, "modality")?.fit).toBe(prefer.modalities.length === 0 ? 1 : offered / prefer.modalities.length);
        if (prefer.modalities.length > 0)
          expect(part(option, "modality")?.reason === "Offers none of the preferred modalities.").toBe(offered === 0);
        // Language: one preferred language spoken is enough.
        const spoken = prefer.languages.filter((language) => source.languages.includes(language));
        expect(part(option, "language")?.fit).toBe(prefer.languages.length === 0 || spoken.length > 0 ? 1 : 0);
        if (spoken.length > 0) expect(part(option, "language")?.reason).toBe(`Works in ${spoken.join(" and ")}.`);
        // Gender.
        const genderMet = source.gender !== undefined && prefer.clinicianGenders.includes(source.gender);
        expect(part(option, "gender")?.fit).toBe(prefer.clinicianGenders.length === 0 || genderMet ? 1 : 0);
        // Who the clinician is: the share of the preferences asked for, not made a must, that the record meets.
        const canonical = (list: "populations" | "cultures" | "faiths", tags: readonly string[]) =>
          tags.map((tag) => (list === "populations" ? vocabulary.canonical(list, tag) : normalizeTag(tag)));
        const populations = canonical("populations", source.populations);
        if (populations.includes("adults")) populations.push("older-adults");
        const age = source.birthYear === undefined ? undefined : Number(criteria.startDate?.slice(0, 4)) - source.birthYear;
        const range = prefer.clinicianAge;
        const meets = {
          populations: canonical("populations", prefer.populations ?? []).every((code) => populations.includes(code)),
          cultures: canonical("cultures", prefer.cultures ?? []).every((code) =>
            canonical("cultures", source.cultures ?? []).includes(code),
          ),
          faiths: canonical("faiths", prefer.faiths ?? []).every((code) => canonical("faiths", source.faiths ?? []).includes(code)),
          clinicianAge:
            range === undefined ||
            (age !== undefined && (range.min === undefined || age >= range.min) && (range.max === undefined || age <= range.max)),
          interpreter: prefer.interpreter === undefined || source.worksWithInterpreters === true,
        };
        const asked = (["populations", "cultures", "faiths", "clinicianAge", "interpreter"] as const).filter(
          (preference) =>
            !(prefer.must ?? []).includes(preference) &&
            (preference === "clinicianAge"
              ? range !== undefined
              : preference === "interpreter"
                ? prefer.interpreter !== undefined
                : (prefer[preference] ?? []).length > 0),
        );
        const identity = part(option, "identity");
        // Nothing asked, or only as musts: the part does not count.
        if (asked.length === 0) expect(identity).toBeUndefined();
        else {
          expect(identity?.fit).toBe(asked.filter((preference) => meets[preference]).length / asked.length);
          expect(identity?.reason.startsWith("Meets ")).toBe(asked.every((preference) => meets[preference]));
        }
      }
    },
  );

  const URGENCIES = [undefined, "routine", "soon", "urgent"] as const;
  const cap = fc.record({ days: fc.integer({ min: 0, max: 60 }), count: fc.constantFrom("calendar" as const, "business" as const) });
  // Caps drawn at random, in any order: a host may set an urgent cap above the soon one.
  const waits = fc.record({ urgent: cap, soon: cap, routine: fc.option(cap, { nil: undefined }) });
  test.prop([matchDirectory(), matchCriteria, fc.nat({ max: 3 }), fc.nat({ max: 3 }), fc.option(waits, { nil: undefined })])(
    "wait cap monotone in urgency: a more urgent request never has an option a less urgent one lacks",
    (directory, criteria, a, b, urgencyWaits) => {
      const [low, high] = [URGENCIES[Math.min(a, b)], URGENCIES[Math.max(a, b)]];
      const matcher = createMatcher(directory, urgencyWaits === undefined ? {} : { urgencyWaits });
      const at = (urgency: (typeof URGENCIES)[number]) => {
        const { urgency: _, ...rest } = criteria;
        return matcher.rank({ criteria: urgency === undefined ? rest : { ...rest, urgency } }, ALL).options;
      };
      const before = new Set(at(low).map((o) => o.clinicianId));
      for (const option of at(high)) expect(before.has(option.clinicianId)).toBe(true);
    },
  );

  test.prop([matchDirectory(), matchCriteria, fc.nat({ max: tighten.length - 1 }), fc.nat()])(
    "monotone constraints: adding a hard constraint never adds an option",
    (directory, criteria, which, pick) => {
      const matcher = createMatcher(directory);
      const before = new Set(matcher.rank({ criteria }, ALL).options.map((o) => o.clinicianId));
      const tighter = (tighten[which] as (c: MatchCriteria, p: number) => MatchCriteria)(criteria, pick);
      for (const option of matcher.rank({ criteria: tighter }, ALL).options) expect(before.has(option.clinicianId)).toBe(true);
    },
  );

  test.prop([matchDirectory(), matchCriteria])(
    "recommendation: one option only when it leads by the margin, else a choice of at least two",
    (directory, criteria) => {
      const { options, recommendation } = createMatcher(directory).rank({ criteria }, ALL);
      if (options.length === 0) expect(recommendation.kind).toBe("none");
      else if (recommendation.kind === "single") {
        expect(recommendation.clinicianIds).toEqual([options[0]?.clinicianId]);
        if (options.length > 1) expect((options[0]?.score ?? 0) - (options[1]?.score ?? 0)).toBeGreaterThanOrEqual(0.1 - 1e-9);
      } else {
        expect(recommendation.kind).toBe("choice");
        if (recommendation.kind !== "choice") return;
        expect((options[0]?.score ?? 0) - (options[1]?.score ?? 0)).toBeLessThan(0.1 - 1e-9);
        expect(recommendation.clinicianIds.length).toBeGreaterThanOrEqual(2);
        expect(new Set(recommendation.clinicianIds).size).toBe(recommendation.clinicianIds.length);
      }
    },
  );
});

describe("no leak", () => {
  test.prop([hostile(matchDirectory(4))])("a hostile directory gives a matcher or an InvalidInputError without input text", (input) => {
    expectNoLeak(() => createMatcher(untyped(input)));
  });
  test.prop([hostile(strictCriteria.map((criteria) => ({ criteria }))), hostileJson(["now", "limit"])])(
    "a hostile request or options give a result or an InvalidInputError without input text",
    (request, options) => {
      const matcher = createMatcher({ clinicians: [] });
      expectNoLeak(() => matcher.rank(untyped(request), { now: NOW }));
      expectNoLeak(() => matcher.rank({ criteria: { location: { jurisdiction: "US-OR" } } }, untyped(options)));
    },
  );
});

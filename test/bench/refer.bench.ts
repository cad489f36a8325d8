/**
 * The nine built-in referral rules over 10,000 synthetic cases, against the
 * same nine rules written for json-rules-engine, in one run.
 *
 * Both sides read the same rule contexts, built before timing (the case
 * validated, its lists sorted, and the facts derived from it once: measured
 * progress, the loss of in-network cover). json-rules-engine computes its
 * dynamic facts from a context and evaluates the rules' JSON conditions into
 * events; referwell's rules also write each finding's evidence, texts,
 * criteria and alternatives. Before timing, the setup checks that both reach
 * the same codes and urgencies on every case. A third entry times
 * assessReferral end to end from raw JSON (validation and context, rules,
 * criteria, preparation), against the same json-rules-engine figure.
 * cases/s = hz × 10,000; the durations are reported, never asserted.
 *
 * referwell is timed as it ships: the built package (`npm run bench` builds
 * it), loaded by Node itself as json-rules-engine is (see vitest.config.ts).
 * Each entry holds only its own input and starts from a collected heap: the
 * rule engines' 10,000 contexts are built before each of their timed cycles
 * and dropped after, so the end-to-end entry, which holds only the raw
 * cases, does not pay the collector for them.
 */
import { Engine, type RuleProperties } from "json-rules-engine";
import { bench, describe } from "vitest";
import type { ReferralCaseInput, RuleContext } from "referwell/refer";
import { SYNTHETIC_NOW, syntheticReferralCases } from "../arbitraries/synthetic.js";

// The built package: the sources, as the test runner serves them, reach each other's functions through getters.
const shipped = <T>(entry: string): Promise<T> => import(new URL(`../../dist/${entry}`, import.meta.url).href) as Promise<T>;
const { checkLicensure, createVocabulary, residenceOn } = await shipped<typeof import("referwell")>("index.js");
const { assessReferral, builtInRules, createRuleContext } = await shipped<typeof import("referwell/refer")>("refer/index.js");

const CASES = 10_000;
const vocabulary = createVocabulary();
const cases = JSON.parse(JSON.stringify(syntheticReferralCases({ seed: 2026, count: CASES }))) as ReferralCaseInput[];
const buildContexts = (): RuleContext[] => cases.map((input) => createRuleContext(input, { now: SYNTHETIC_NOW, vocabulary }));
/** The rule engines' input, held only while one of them is timed. */
let contexts: RuleContext[] = [];
/** Each entry starts from a collected heap, so none pays for the garbage of the one before. */
const collect = () => (globalThis as { gc?: () => void }).gc?.();
const holdContexts = {
  setup: () => {
    contexts = buildContexts();
    collect();
  },
  teardown: () => void (contexts = []),
};

// ---- The same nine rules for json-rules-engine: derived facts in code, decisions as JSON conditions.

type Facts = { context: RuleContext };
const fromContext =
  <T>(compute: (context: RuleContext) => T) =>
  async (_params: unknown, almanac: { factValue<V>(id: string): Promise<V> }) =>
    compute(await almanac.factValue<RuleContext>("context"));

/** SRS scores one per day, same-day scores averaged, as the alliance rule reads them. */
const srsDays = (c: RuleContext): number[] => {
  const days = new Map<string, number[]>();
  for (const { date, score } of c.series("SRS")) days.set(date, [...(days.get(date) ?? []), score]);
  return [...days.values()].map((scores) =>
    scores.length === 1 ? (scores[0] as number) : scores.reduce((a, b) => a + b, 0) / scores.length,
  );
};

/** Outcome instruments with no reliable change once due, still a case, and no progress made on the pair they belong to. */
const stalled = (c: RuleContext) => {
  const { minimumSessions, minimumWeeks } = c.policy.progress;
  const paired = c.pairedProgress;
  const pairMoved = (id: string) =>
    paired !== undefined && (paired.reliableImprovement || paired.recovery) && (id === paired.depression || id === paired.anxiety);
  return c.progress.filter(
    (s) =>
      s.classification === "no-reliable-change" &&
      (s.sessions >= minimumSessions || s.weeks >= minimumWeeks) &&
      (s.caseness?.latest ?? true) &&
      !pairMoved(s.instrument),
  );
};

/** The latest two measured days both in the instrument's severe range. */
const staysSevere = (c: RuleContext, id: string): boolean => {
  const severe = c.instrument(id)?.severe;
  if (severe === undefined) return false;
  const days = new Map<string, number[]>();
  for (const { date, score } of c.series(id)) days.set(date, [...(days.get(date) ?? []), score]);
  const lastTwo = [...days.values()].slice(-2).map((scores) => scores.reduce((a, b) => a + b, 0) / scores.length);
  return lastTwo.length === 2 && lastTwo.every((score) => score >= severe);
};

const clinical = (direction: string, score: number, cutoff: number) =>
  direction === "higher-is-better" ? score < cutoff : score >= cutoff;

function createEngine(): Engine {
  const engine = new Engine([], { replaceFactsInEventParams: true, allowUndefinedFacts: false });
  const facts: Record<string, (context: RuleContext) => unknown> = {
    allianceScoresCounted: (c) => srsDays(c).length,
    allianceLatestConcerns: (c) =>
      srsDays(c)
        .slice(-c.policy.alliance.lowScoresInARow)
        .filter((score) => clinical("higher-is-better", score, 36)).length,
    sessionsCounted: (c) => c.sessions.length,
    latestExhausted: (c) => c.sessions.slice(-c.policy.alliance.exhaustedSessionsInARow).filter((s) => s.clinicianExhausted).length,
    lowScoresInARow: (c) => c.policy.alliance.lowScoresInARow,
    exhaustedSessionsInARow: (c) => c.policy.alliance.exhaustedSessionsInARow,
    clinicianAreas: (c) => c.clinician.problemAreas.length,
    // A need that is a risk (suicidal thoughts, self-harm) is never by itself outside scope.
    primaryTreated: (c) => {
      const primary = c.client.needs.problemAreas[0] as string;
      const code = c.vocabulary.canonical("problemAreas", primary);
      return c.treats(primary) || c.policy.safety.riskNeeds.some((tag) => c.vocabulary.canonical("problemAreas", tag) === code);
    },
    unofferedModalities: (c) => {
      const wanted = c.client.preferences.modalities;
      return wanted.length > 0 && c.clinician.modalities.length > 0 && !wanted.some((m) => c.offers(m)) ? wanted.length : 0;
    },
    openDisagreements: (c) => c.disagreements.length,
    lossCauses: (c) => [
      ...(c.networkLoss?.coverageEnded.length ? ["coverage"] : []),
      ...(c.networkLoss?.panelEnded.length ? ["panel"] : []),
    ],
    lossUrgency: (c) => {
      const loss = c.networkLoss;
      return loss === undefined ? "routine" : loss.urgency;
    },
    hardship: (c) => c.hardshipReported !== undefined,
    inNetworkNow: (c) => c.inNetworkOn(c.now).length > 0,
    lossKnown: (c) => c.networkLoss !== undefined || c.networkGap !== undefined,
    maxSelfPay: (c) => c.client.maxSelfPay?.minorUnits ?? null,
    fee: (c) =>
      c.clinician.fee === undefined || c.clinician.fee.currency !== c.client.maxSelfPay?.currency ? null : c.clinician.fee.minorUnits,
    movesToRefer: (c) => movesToRefer(c).length,
    moveUrgency: (c) => (movesToRefer(c)[0] === undefined ? "routine" : c.urgencyOf(movesToRefer(c)[0] as string)),
    treatingConflicts: (c) =>
      c.client.conflicts.filter(
        (conflict) => conflict.clinicianId === c.clinician.id && (conflict.declared === undefined || conflict.declared <= c.now),
      ).length,
    deteriorated: (c) => c.progress.filter((s) => s.classification === "deteriorated" && (s.caseness?.latest ?? true)).length,
    stalled: (c) => stalled(c).length,
    stalledUrgency: (c) => (stalled(c).some((s) => staysSevere(c, s.instrument)) ? "soon" : "routine"),
  };
  for (const [id, compute] of Object.entries(facts)) engine.addFact(id, fromContext(compute));

  const rules: RuleProperties[] = [
    {
      name: "alliance",
      conditions: {
        any: [
          {
            all: [
              { fact: "allianceScoresCounted", operator: "greaterThanInclusive", value: { fact: "lowScoresInARow" } },
              { fact: "allianceLatestConcerns", operator: "equal", value: { fact: "lowScoresInARow" } },
            ],
          },
          {
            all: [
              { fact: "sessionsCounted", operator: "greaterThanInclusive", value: { fact: "exhaustedSessionsInARow" } },
              { fact: "latestExhausted", operator: "equal", value: { fact: "exhaustedSessionsInARow" } },
            ],
          },
        ],
      },
      event: { type: "alliance", params: { urgency: "soon" } },
    },
    {
      name: "outside-scope",
      conditions: {
        all: [
          { fact: "clinicianAreas", operator: "greaterThan", value: 0 },
          { fact: "primaryTreated", operator: "equal", value: false },
        ],
      },
      event: { type: "outside-scope", params: { urgency: "soon" } },
    },
    {
      name: "treatment-disagreement",
      conditions: {
        any: [
          { fact: "unofferedModalities", operator: "greaterThan", value: 0 },
          { fact: "openDisagreements", operator: "greaterThan", value: 0 },
        ],
      },
      event: { type: "treatment-disagreement", params: { urgency: "routine" } },
    },
    {
      name: "leaving-panel",
      conditions: { all: [{ fact: "lossCauses", operator: "contains", value: "panel" }] },
      event: { type: "leaving-panel", params: { urgency: { fact: "lossUrgency" } } },
    },
    {
      name: "insurance-changed",
      conditions: { all: [{ fact: "lossCauses", operator: "contains", value: "coverage" }] },
      event: { type: "insurance-changed", params: { urgency: { fact: "lossUrgency" } } },
    },
    {
      name: "cannot-afford",
      conditions: {
        any: [
          { fact: "hardship", operator: "equal", value: true },
          {
            all: [
              { fact: "inNetworkNow", operator: "equal", value: false },
              { fact: "lossKnown", operator: "equal", value: false },
              { fact: "maxSelfPay", operator: "notEqual", value: null },
              { fact: "fee", operator: "notEqual", value: null },
              { fact: "maxSelfPay", operator: "lessThan", value: { fact: "fee" } },
            ],
          },
        ],
      },
      event: { type: "cannot-afford", params: { urgency: "soon" } },
    },
    {
      name: "moving",
      conditions: { all: [{ fact: "movesToRefer", operator: "greaterThan", value: 0 }] },
      event: { type: "moving", params: { urgency: { fact: "moveUrgency" } } },
    },
    {
      name: "impartiality",
      conditions: { all: [{ fact: "treatingConflicts", operator: "greaterThan", value: 0 }] },
      event: { type: "impartiality", params: { urgency: "soon" } },
    },
    {
      name: "deterioration",
      conditions: { all: [{ fact: "deteriorated", operator: "greaterThan", value: 0 }] },
      event: { type: "deterioration", params: { urgency: "urgent" } },
    },
    {
      name: "no-progress",
      conditions: { all: [{ fact: "stalled", operator: "greaterThan", value: 0 }] },
      event: { type: "no-progress", params: { urgency: { fact: "stalledUrgency" } } },
    },
  ];
  for (const rule of rules) engine.addRule(rule);
  return engine;
}

const dayBefore = (date: string) => new Date(Date.parse(date) - 86_400_000).toISOString().slice(0, 10);

/** The dates of moves to another jurisdiction that need a referral: coming ones, and past ones the clinician cannot follow. */
function movesToRefer(c: RuleContext): string[] {
  const from = c.episodeStart ?? c.now;
  return [...new Set(c.client.plannedMoves.map((move) => move.date))]
    .filter((date) => date >= from && date <= c.horizon)
    .sort()
    .filter((date) => {
      const to = residenceOn(c.client, date).jurisdiction;
      if (to === residenceOn(c.client, dayBefore(date)).jurisdiction) return false;
      // A move the clinician can follow, in a way the client attends, is no referral.
      const on = date >= c.now ? date : c.now;
      const mode = c.client.preferences.mode;
      const byVideo =
        mode !== "in-person" &&
        c.clinician.telehealth &&
        checkLicensure(c.clinician, { jurisdiction: to, mode: "telehealth", on }, c.compacts).authorized;
      const inPerson =
        mode !== "telehealth" &&
        c.clinician.locations.some((location) => location.jurisdiction === to) &&
        checkLicensure(c.clinician, { jurisdiction: to, mode: "in-person", on }, c.compacts).authorized;
      return !byVideo && !inPerson;
    });
}

const engine = createEngine();
const URGENCIES = ["routine", "soon", "urgent"];
/** Each code found, with its highest urgency: what both sides must agree on. */
const decided = (found: ReadonlyArray<{ code: string; urgency: string }>): string => {
  const top = new Map<string, string>();
  for (const { code, urgency } of found) {
    if (URGENCIES.indexOf(urgency) >= URGENCIES.indexOf(top.get(code) ?? "routine")) top.set(code, urgency);
  }
  return [...top]
    .map(([code, urgency]) => `${code}:${urgency}`)
    .sort()
    .join(" ");
};
const theirs = async (context: RuleContext) =>
  decided(
    (await engine.run({ context } satisfies Facts)).events.map((event) => ({
      code: event.type,
      urgency: String(event.params?.["urgency"]),
    })),
  );
const ours = (context: RuleContext) =>
  decided(
    builtInRules.flatMap((rule) => {
      const outcome = rule.evaluate(context);
      return "findings" in outcome ? outcome.findings.map((finding) => ({ code: finding.code, urgency: finding.urgency })) : [];
    }),
  );

// Both sides must agree on every case (codes and urgencies) before either is timed. A hundred contexts at a
// time: held all at once, they would teach the engine to place every later context's objects in its old
// generation at once, and the end-to-end entry would pay a major collection for what a host never holds.
for (let start = 0; start < CASES; start += 100) {
  for (const [offset, input] of cases.slice(start, start + 100).entries()) {
    const context = createRuleContext(input, { now: SYNTHETIC_NOW, vocabulary });
    const [mine, other] = [ours(context), await theirs(context)];
    if (mine !== other) throw new Error(`case ${start + offset}: referwell found [${mine}], json-rules-engine [${other}]`);
  }
}

describe(`nine referral rules over ${CASES.toLocaleString("en")} synthetic cases`, () => {
  bench(
    "referwell assessReferral end to end, from raw JSON",
    () => {
      for (const input of cases) assessReferral(input, { now: SYNTHETIC_NOW, vocabulary });
    },
    { time: 0, iterations: 8, warmupIterations: 3, setup: collect },
  );
  bench(
    "json-rules-engine, the same nine rules (baseline)",
    async () => {
      for (const context of contexts) await engine.run({ context });
    },
    { time: 0, iterations: 8, warmupIterations: 3, ...holdContexts },
  );
  bench(
    "referwell built-in rules",
    () => {
      for (const context of contexts) for (const rule of builtInRules) rule.evaluate(context);
    },
    { time: 0, iterations: 30, warmupIterations: 3, ...holdContexts },
  );
});

import { bench, describe } from "vitest";
import { calendarDateOf, criteriaFromClient, Directory, validate } from "referwell";
import { createMatcher, createMatcherAsync } from "referwell/match";
import { compileDirectory } from "../../src/match/internal/compileDirectory.js";
import { evaluateConstraints } from "../../src/match/internal/evaluateConstraints.js";
import { prepareQuery } from "../../src/match/internal/prepareQuery.js";
import { MatcherOptions } from "../../src/match/schemas.js";
import { scoreOption } from "../../src/match/internal/scoreOption.js";
import { syntheticClients, syntheticDirectory } from "../arbitraries/synthetic.js";
import { NOW } from "./assignmentFixture.js";

const directory = JSON.parse(JSON.stringify(syntheticDirectory({ seed: 1, clinicians: 10_000 })));
const requests = syntheticClients({ seed: 2, count: 50 }).map((client) => ({
  criteria: criteriaFromClient(client, { startDate: calendarDateOf(NOW) }),
}));
const matcher = createMatcher(directory);
let next = 0;
const request = () => requests[next++ % requests.length];

// The same work in 10 ms slices, each followed by a turn of the event loop: the price of not holding the thread.
describe("compile a 10,000-clinician directory", () => {
  bench("createMatcher", () => {
    createMatcher(directory);
  });
  bench("createMatcherAsync, 10 ms slices", async () => {
    await createMatcherAsync(directory);
  });
});

// The baseline does what a matcher without compilation would: validate, score everyone, sort, on every query.
describe("rank one request against 10,000 clinicians", () => {
  bench("naive: validate, score everyone, sort (baseline)", () => {
    const compiled = compileDirectory(validate(Directory, directory, "directory"), MatcherOptions.parse({}));
    const { criteria } = request() as (typeof requests)[number];
    const query = prepareQuery(compiled, criteria, criteria.startDate ?? NOW, undefined);
    const options = [];
    for (const clinician of compiled.clinicians) {
      if (clinician === undefined) continue;
      const constraints = evaluateConstraints(compiled, clinician, query, "first");
      if (constraints.failed === undefined) options.push(scoreOption(compiled, clinician, query, constraints));
    }
    options.sort((a, b) => b.score - a.score);
  });
  // The fair baseline: compiled once like the matcher, the same checks and scores, but no index: every clinician is looked at.
  const compiledOnce = compileDirectory(validate(Directory, directory, "directory"), MatcherOptions.parse({}));
  bench("fair: compiled once, no index, same checks (baseline)", () => {
    const { criteria } = request() as (typeof requests)[number];
    const query = prepareQuery(compiledOnce, criteria, criteria.startDate ?? NOW, undefined);
    const options = [];
    for (const clinician of compiledOnce.clinicians) {
      if (clinician === undefined) continue;
      const constraints = evaluateConstraints(compiledOnce, clinician, query, "first");
      if (constraints.failed === undefined) options.push(scoreOption(compiledOnce, clinician, query, constraints));
    }
    options.sort((a, b) => b.score - a.score);
  });
  bench("matcher.rank", () => {
    matcher.rank(request() as (typeof requests)[number], { now: NOW });
  });
});

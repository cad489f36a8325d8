import fc from "fast-check";

// CI pins the seed so that a failure replays; locally every run explores new cases.
// fast-check prints the seed and path of any counterexample, so a local failure replays too
// with FC_SEED=<seed>.
const pinned = process.env["FC_SEED"] ?? (process.env["CI"] ? "20261122" : undefined);
const seed = pinned === undefined ? Math.floor(Math.random() * 0x7fffffff) : Number(pinned);
const numRuns = process.env["FC_RUNS"] === undefined ? undefined : Number(process.env["FC_RUNS"]);

fc.configureGlobal({ seed, ...(numRuns === undefined ? {} : { numRuns }) });

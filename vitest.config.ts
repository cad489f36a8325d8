import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = fileURLToPath(new URL("./src/", import.meta.url));
const dist = fileURLToPath(new URL("./dist/", import.meta.url));

export default defineConfig({
  resolve: {
    // Tests import the package by its name, as users do, but run against the sources.
    alias: [
      { find: /^referwell$/, replacement: `${src}index.ts` },
      { find: /^referwell\/(refer|match|consent|relationships|cadence|intake|fhir)$/, replacement: `${src}$1/index.ts` },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    // The compile-time contract: `*.test-d.ts` files are type-checked, not run, and a type error fails the suite.
    typecheck: {
      enabled: true,
      include: ["test/types/**/*.test-d.ts"],
      tsconfig: "./tsconfig.typecheck.json",
      // The sources are type-checked by `npm run typecheck` against the zod in the lockfile; here only the type
      // tests decide, so the run against the oldest zod the peer range allows checks them too.
      ignoreSourceErrors: true,
    },
    setupFiles: ["test/setup.ts"],
    // Growth checks collect garbage between timed runs, so one run does not pay for the last.
    execArgv: ["--expose-gc"],
    // Generous: the large synthetic-data tests must not fail on a busy machine; no test asserts a duration.
    testTimeout: 60_000,
    // The same for set-up hooks, such as starting an in-process database.
    hookTimeout: 60_000,
    benchmark: { include: ["test/bench/**/*.bench.ts"] },
    // The built package, which a benchmark may time as it ships, is loaded by Node itself, as users load it.
    server: { deps: { external: [new RegExp(dist.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))] } },
  },
});

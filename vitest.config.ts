import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

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
    setupFiles: ["test/setup.ts"],
    // Growth checks collect garbage between timed runs, so one run does not pay for the last.
    execArgv: ["--expose-gc"],
    // Generous: the large synthetic-data tests must not fail on a busy machine; no test asserts a duration.
    testTimeout: 60_000,
    // The same for set-up hooks, such as starting an in-process database.
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "test/growth/**"],
          // The compile-time contract: `*.test-d.ts` files are type-checked, not run, and a type error fails the suite.
          typecheck: {
            enabled: true,
            include: ["test/types/**/*.test-d.ts"],
            tsconfig: "./tsconfig.typecheck.json",
            // The sources are type-checked by `npm run typecheck` against the zod in the lockfile; here only the type
            // tests decide, so the run against the oldest zod the peer range allows checks them too.
            ignoreSourceErrors: true,
          },
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Growth checks compare timings at n and 8n, so they run one file at a time after everything else: a test
        // running beside them on the other core would slow one size and not the other.
        extends: true,
        test: {
          name: "growth",
          include: ["test/growth/**/*.test.ts"],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          // The benchmarks run once, with the other project.
          benchmark: { exclude: ["test/bench/**"] },
        },
      },
    ],
    benchmark: { include: ["test/bench/**/*.bench.ts"] },
    // The built package, which a benchmark may time as it ships, is loaded by Node itself, as users load it.
    server: { deps: { external: [new RegExp(dist.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))] } },
  },
});

import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = fileURLToPath(new URL("./src/", import.meta.url));

export default defineConfig({
  resolve: {
    // Tests import the package by its name, as users do, but run against the sources.
    alias: [
      { find: /^referwell$/, replacement: `${src}index.ts` },
      { find: /^referwell\/(refer|match|consent|relationships|cadence)$/, replacement: `${src}$1/index.ts` },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    // Generous: the large synthetic-data tests must not fail on a busy machine; no test asserts a duration.
    testTimeout: 60_000,
    benchmark: { include: ["test/bench/**/*.bench.ts"] },
  },
});

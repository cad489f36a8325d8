import { defineConfig } from "tsup";

// One entry per public subpath; `package.json#exports` mirrors this list.
export const entries = ["index", "refer/index", "match/index", "consent/index", "relationships/index", "cadence/index"];

export default defineConfig({
  entry: Object.fromEntries(entries.map((name) => [name, `src/${name}.ts`])),
  format: ["esm", "cjs"],
  dts: true,
  splitting: true,
  treeshake: true,
  sourcemap: false,
  clean: true,
  target: "es2022",
  platform: "neutral",
  external: ["zod", /^date-fns/, /^@date-fns\/tz/],
});

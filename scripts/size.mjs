// Bundle size of each public entry as an app would ship it: bundled with
// esbuild from the built ESM, minified, zod (a peer) left out, then gzipped.
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

// Budgets in gzipped bytes; the build fails when an entry outgrows its budget.
const BUDGETS = { "referwell/match": 15 * 1024 };

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const rows = [];
for (const [subpath, conditions] of Object.entries(pkg.exports)) {
  if (typeof conditions === "string") continue;
  const result = await build({
    entryPoints: [conditions.import.default],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    external: ["zod"],
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  rows.push({ entry: subpath === "." ? pkg.name : `${pkg.name}/${subpath.slice(2)}`, minified: code.length, gzip: gzipSync(code).length });
}
let over = false;
for (const row of rows) {
  const budget = BUDGETS[row.entry];
  const verdict = budget === undefined ? "" : row.gzip <= budget ? `  (budget ${budget} B: ok)` : `  (budget ${budget} B: OVER)`;
  over ||= budget !== undefined && row.gzip > budget;
  console.log(`${row.entry.padEnd(26)} ${String(row.minified).padStart(8)} B min ${String(row.gzip).padStart(8)} B min+gz${verdict}`);
}
if (over) process.exit(1);

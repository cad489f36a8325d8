// Runs every example against the built package, as a user would: `referwell`
// resolves through package.json#exports to dist/. Also loads every subpath
// through both require() and import, so both builds are exercised.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const subpaths = Object.keys(pkg.exports).filter((key) => key !== "./package.json");
const require = createRequire(import.meta.url);

for (const subpath of subpaths) {
  const specifier = subpath === "." ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
  const cjs = require(specifier);
  const esm = await import(specifier);
  const names = (module) =>
    Object.keys(module)
      .filter((key) => key !== "default" && key !== "module.exports")
      .sort();
  if (JSON.stringify(names(cjs)) !== JSON.stringify(names(esm))) {
    console.error(`${specifier}: the CommonJS and ESM builds export different names`);
    process.exit(1);
  }
  console.log(`ok ${specifier} (${names(esm).length} exports, CJS and ESM agree)`);
}

const examples = readdirSync(new URL("../examples/", import.meta.url))
  .filter((file) => file.endsWith(".ts"))
  .sort();
for (const file of examples) {
  const run = spawnSync("npx", ["tsx", "--tsconfig", "examples/tsconfig.run.json", `examples/${file}`], {
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
  });
  if (run.status !== 0) {
    process.stdout.write(run.stdout ?? "");
    console.error(`examples/${file} failed (exit ${run.status})`);
    process.exit(1);
  }
  console.log(`ok examples/${file} (${run.stdout.split("\n").length} lines of output)`);
}

import { readFile } from "node:fs/promises";
import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";
import ts from "typescript";

// One entry per public subpath; `package.json#exports` mirrors this list.
export const entries = [
  "index",
  "refer/index",
  "match/index",
  "consent/index",
  "relationships/index",
  "cadence/index",
  "intake/index",
  "fhir/index",
];

/**
 * Marks as pure every call and `new` that a top-level `const` makes while
 * the module loads (building a schema or a constant), nested ones included,
 * but none inside a function. Bundlers keep a call they cannot prove free of
 * side effects even when nothing uses its result, so without the mark an app
 * that imports one function ships every schema of the modules it touches.
 */
export function markPureCalls(source: string): string {
  const file = ts.createSourceFile("module.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const positions = new Set<number>();
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) positions.add(node.getStart(file));
    ts.forEachChild(node, visit);
  };
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const declaration of statement.declarationList.declarations) if (declaration.initializer) visit(declaration.initializer);
  }
  let marked = source;
  for (const at of [...positions].sort((a, b) => b - a)) marked = `${marked.slice(0, at)}/* @__PURE__ */ ${marked.slice(at)}`;
  return marked;
}

const annotatePure: Plugin = {
  name: "annotate-pure",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async ({ path }) => ({
      contents: markPureCalls(await readFile(path, "utf8")),
      loader: "ts",
    }));
  },
};

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
  external: ["zod", /^date-fns/, /^@date-fns\/tz/, /^@medplum\//],
  esbuildPlugins: [annotatePure],
});

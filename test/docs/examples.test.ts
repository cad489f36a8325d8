import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { documentedExports, instrument, listFiles, markdownExamples } from "./collectExamples.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const outDir = join(root, "test/.examples");

// Public values: what the entry points export at run time. Internal modules need no examples.
const entries = await Promise.all([
  import("referwell"),
  import("referwell/refer"),
  import("referwell/match"),
  import("referwell/consent"),
  import("referwell/relationships"),
  import("referwell/cadence"),
  import("referwell/intake"),
  import("referwell/fhir"),
]);
const publicNames = new Set(entries.flatMap((entry) => Object.keys(entry)));
const exported = listFiles(join(root, "src"), ".ts")
  .flatMap((file) => documentedExports(file, root))
  .filter((entry) => publicNames.has(entry.name));
// The generated reference (HTML in docs/api, Markdown for the site in docs/reference) repeats the TSDoc tested above.
const markdown = [
  join(root, "README.md"),
  ...listFiles(join(root, "docs"), ".md").filter((f) => !f.includes("/api/") && !f.includes("/reference/")),
];

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const prelude = `import { expect as __vexpect } from "vitest";
export const __checks = { count: 0 };
const __expect = (actual: unknown, expected: unknown): void => {
  __vexpect(actual).toStrictEqual(expected);
  __checks.count += 1;
};
`;

async function run(name: string, code: string): Promise<void> {
  const example = instrument(name, code);
  expect(example.checks, `${name} has no "// =>" check`).toBeGreaterThan(0);
  // A marker after anything but an expression statement (`const a = f(); // => 3`) would be silently skipped.
  expect(example.checks, `${name} has a "// =>" marker that is not on an expression statement`).toBe(example.markers);
  const path = join(outDir, `${name.replace(/[^A-Za-z0-9]+/g, "_")}.ts`);
  // Imports must come first; the prelude follows them.
  const lines = example.code.split("\n");
  const lastImport = lines.reduce((last, line, index) => (/^import .* from /.test(line) ? index : last), -1);
  const body = [...lines.slice(0, lastImport + 1), prelude, ...lines.slice(lastImport + 1)].join("\n");
  writeFileSync(path, body);
  const module = (await import(/* @vite-ignore */ path)) as { __checks: { count: number } };
  // Every check ran: none hid in a branch that was not taken.
  expect(module.__checks.count).toBe(example.checks);
}

describe("every public value has TSDoc with a runnable @example", () => {
  it("finds every public value in the sources", () => {
    expect(new Set(exported.map((entry) => entry.name))).toEqual(publicNames);
  });

  it.each(exported.map((entry) => [`${entry.file}#${entry.name}`, entry] as const))("%s", async (label, entry) => {
    expect(entry.documented, `${label} has no TSDoc`).toBe(true);
    expect(entry.examples.length, `${label} has no @example`).toBeGreaterThan(0);
    for (const [index, code] of entry.examples.entries()) await run(`${label}#${index}`, code);
  });
});

describe("the ts examples of the guides run", () => {
  const pages: [string, string][] = markdown.flatMap((file) =>
    markdownExamples(file).map((code, index): [string, string] => [`${file.slice(root.length)}#${index}`, code]),
  );
  for (const [label, code] of pages) it(label, () => run(label, code));
});

describe("the examples type-check as written", () => {
  it("compiles every example with the project's strict settings", () => {
    const rawDir = join(outDir, "raw");
    mkdirSync(rawDir, { recursive: true });
    const sources = [
      ...exported.flatMap((entry) => entry.examples.map((code, index) => [`${entry.file}#${entry.name}#${index}`, code] as const)),
      ...markdown.flatMap((file) => markdownExamples(file).map((code, index) => [`${file.slice(root.length)}#${index}`, code] as const)),
    ];
    const files = sources.map(([name, code]) => {
      const path = join(rawDir, `${name.replace(/[^A-Za-z0-9]+/g, "_")}.ts`);
      writeFileSync(path, `${code}\nexport {};\n`);
      return path;
    });
    const program = ts.createProgram(files, {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      // Node types too: a guide may read a file of sample data, as a host reads its own.
      types: ["node"],
      baseUrl: root,
      paths: { referwell: ["./src/index.ts"], "referwell/*": ["./src/*/index.ts"] },
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => diagnostic.file !== undefined && diagnostic.file.fileName.startsWith(rawDir))
      .map(
        (diagnostic) =>
          `${diagnostic.file?.fileName.slice(rawDir.length + 1)}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`,
      );
    expect(problems).toEqual([]);
  }, 60_000);
});

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../../src/", import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const imports = (file: string): string[] =>
  [...readFileSync(file, "utf8").matchAll(/^import\s[^;]*?from\s+"([^"]+)";/gms)].map((match) => match[0]);

describe("the core stays FHIR-free", () => {
  it("nothing outside src/fhir imports it or a FHIR package", () => {
    const offenders = files(src)
      .filter((file) => !relative(src, file).startsWith("fhir"))
      .flatMap((file) =>
        imports(file)
          .filter((line) => /fhir\/|@medplum/.test(line))
          .map((line) => `${relative(src, file)}: ${line}`),
      );
    expect(offenders).toEqual([]);
  });

  it("src/fhir imports FHIR types only as types, so an app pays nothing for them at run time", () => {
    const runtime = files(join(src, "fhir")).flatMap((file) =>
      imports(file)
        .filter((line) => line.includes("@medplum") && !line.startsWith("import type"))
        .map((line) => `${relative(src, file)}: ${line}`),
    );
    expect(runtime).toEqual([]);
  });
});

import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const child = fileURLToPath(new URL("../support/consentDecisionsChild.ts", import.meta.url));

/** Runs the battery in a fresh process, so changing the exports there cannot touch this one. */
function run(mode: "clean" | "vandal"): { changed: number; decisions: unknown } {
  const result = spawnSync(process.execPath, ["--import", "tsx", child, mode], { encoding: "utf8", timeout: 60_000 });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout) as { changed: number; decisions: unknown };
}

describe("no exported value the consent engine reads can be changed at run time", () => {
  it("after every exported object of every subpath is changed wherever it can be, in a child process, the decisions are the same", () => {
    const clean = run("clean");
    const vandal = run("vandal");
    // The attempt is real: schemas' public lists (an enum's options, say) do change.
    expect(vandal.changed).toBeGreaterThan(20);
    expect(vandal.decisions).toEqual(clean.decisions);
  });
});

/// <reference lib="webworker" />
import { transform } from "sucrase";
import { instrument } from "./instrument.js";
import { deepEqual, show } from "./compare.js";

/** What the page asks: run this code. */
export interface RunRequest {
  readonly code: string;
}

/** One `// =>` line's result. */
export interface CheckResult {
  readonly expression: string;
  readonly expected: string;
  readonly actual: string;
  readonly ok: boolean;
}

/** What the worker answers. */
export interface RunResult {
  readonly checks: readonly CheckResult[];
  readonly error?: string;
  readonly unplaced: number;
}

// Each subpath is its own chunk, loaded when an example imports it, as an app's bundler would.
const loaders: Record<string, () => Promise<unknown>> = {
  zod: () => import("zod"),
  referwell: () => import("referwell"),
  "referwell/cadence": () => import("referwell/cadence"),
  "referwell/consent": () => import("referwell/consent"),
  "referwell/fhir": () => import("referwell/fhir"),
  "referwell/intake": () => import("referwell/intake"),
  "referwell/match": () => import("referwell/match"),
  "referwell/refer": () => import("referwell/refer"),
  "referwell/relationships": () => import("referwell/relationships"),
};
const modules: Record<string, unknown> = {};

// The sample practice, for examples that read it as a host reads its own files.
const samples: Record<string, () => Promise<unknown>> = {
  "examples/data/fhir-bundle.json": () => import("../../../examples/data/fhir-bundle.json"),
};

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const issues = (error as { issues?: unknown }).issues;
    let text = `${error.name}${typeof code === "string" ? ` [${code}]` : ""}: ${error.message}`;
    if (Array.isArray(issues)) text += `\nissues: ${show(issues)}`;
    return text;
  }
  return `thrown: ${show(error)}`;
}

async function run(source: string): Promise<RunResult> {
  const { code, checks, unplaced } = instrument(source);
  const results: CheckResult[] = [];
  const files: Record<string, string> = {};
  for (const [path, load] of Object.entries(samples)) {
    if (source.includes(path)) {
      const loaded = (await load()) as { default: unknown };
      files[path] = JSON.stringify(loaded.default);
    }
  }
  modules["node:fs"] = {
    readFileSync: (path: string) => {
      const text = files[path];
      if (text === undefined) throw new Error(`This page has no file ${path}`);
      return text;
    },
  };
  const check = (index: number, actual: () => unknown, expected: () => unknown): void => {
    const want = checks[index];
    if (want === undefined) return;
    let value: unknown;
    try {
      value = actual();
    } catch (error) {
      results.push({ ...want, actual: describeError(error), ok: false });
      return;
    }
    results.push({ ...want, actual: show(value), ok: deepEqual(value, expected()) });
  };
  try {
    const js = transform(code, { transforms: ["typescript", "imports"], production: true }).code;
    // Type-only imports are gone by now; load what the code still requires.
    for (const [, name] of js.matchAll(/require\(['"]([^'"]+)['"]\)/g)) {
      const load = name === undefined ? undefined : loaders[name];
      if (name !== undefined && load !== undefined && modules[name] === undefined) modules[name] = await load();
    }
    const require = (name: string): unknown => {
      const found = modules[name];
      if (found === undefined) throw new Error(`This page cannot import ${name}`);
      return found;
    };
    const body = new Function("require", "exports", "__check", js) as (...args: unknown[]) => void;
    body(require, {}, check);
  } catch (error) {
    return { checks: results, error: describeError(error), unplaced };
  }
  return { checks: results, unplaced };
}

self.onmessage = (event: MessageEvent<RunRequest>) => {
  void run(event.data.code).then((result) => self.postMessage(result));
};

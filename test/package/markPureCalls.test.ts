import { describe, expect, it } from "vitest";
import { markPureCalls } from "../../tsup.config.js";

const PURE = "/* @__PURE__ */ ";

describe("the build marks the calls a module makes while it loads as pure", () => {
  it("marks a top-level const's calls, nested ones included", () => {
    expect(markPureCalls("export const A = z.object({ a: z.string() }).max(2);")).toBe(
      `export const A = ${PURE}z.object({ a: ${PURE}z.string() }).max(2);`,
    );
    expect(markPureCalls("const seen = new Set(codes.map(code));")).toBe(`const seen = ${PURE}new Set(${PURE}codes.map(code));`);
  });

  it("leaves calls inside functions alone: a pure mark there would drop a call made for its effect", () => {
    const source = "export const A = z.object({}).superRefine((value, ctx) => { ctx.addIssue(issue(value)); });";
    expect(markPureCalls(source)).toBe(`export const A = ${PURE}${source.slice("export const A = ".length)}`);
    expect(markPureCalls("export function f() { const x = g(); return x; }")).toBe("export function f() { const x = g(); return x; }");
  });

  it("leaves statements and let alone", () => {
    expect(markPureCalls("register(A);\nlet b = make();")).toBe("register(A);\nlet b = make();");
  });
});

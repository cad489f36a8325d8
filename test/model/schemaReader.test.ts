import { describe, expect, it, vi } from "vitest";
import * as z from "zod";
import { NOT_READ, readerFor } from "../../src/model/internal/schemaReader.js";
import { validate } from "../../src/model/validate.js";
import { Now } from "../../src/model/now.js";
import { declareTotal } from "../../src/model/internal/totalChecks.js";

/** What the reader makes of a value: zod's own output, or nothing (left to zod). */
function agrees(schema: z.ZodType, value: unknown): "read" | "left" {
  const out = readerFor(schema)(value);
  if (out === NOT_READ) return "left";
  const parsed = schema.safeParse(value);
  expect(parsed.success).toBe(true);
  expect(out).toStrictEqual(parsed.data);
  return "read";
}

describe("the compiled reader", () => {
  it("reads a length near a bound as the installed zod counts it (code points in newer releases, units in older)", () => {
    const values = ["", "a", "ab", "abc", "abcd", "😀", "😀😀", "😀😀😀", "😀😀😀😀", "a😀", "é".normalize("NFD")];
    const schemas = [z.string().min(2), z.string().max(3), z.string().min(2).max(3), z.array(z.string()).min(2).max(3)];
    for (const schema of schemas) {
      for (const value of values) {
        const input = schema instanceof z.ZodArray ? Array.from(value) : value;
        const zodAccepts = schema.safeParse(input).success;
        const answer = agrees(schema, input);
        // Whatever zod accepts well inside the bounds is read; nothing it refuses is.
        if (!zodAccepts) expect(answer).toBe("left");
      }
    }
    expect(readerFor(z.string().min(2).max(3))("abc")).toBe("abc");
    expect(readerFor(z.string().max(3))("abcd")).toBe(NOT_READ);
  });

  it("takes a later option of a union only when zod surely refuses every earlier one", () => {
    const schema = z.union([z.object({ a: z.string() }), z.strictObject({ a: z.string(), b: z.number() })]);
    // zod takes the first option and drops `b`: the reader leaves the value to zod rather than read it by the second.
    expect(agrees(schema, { a: "x", b: 1 })).toBe("left");
    expect(validate(schema, { a: "x", b: 1 }, "input")).toStrictEqual({ a: "x" });
    const interval = z.union([z.number().int(), z.strictObject({ days: z.number() }), z.strictObject({ weeks: z.number() })]);
    expect(agrees(interval, { weeks: 2 })).toBe("read");
  });

  it("rules out a string option by a plain rule it breaks, when its other rules are declared total", () => {
    // `now` is an instant or a date: a date breaks the instant's format, and the instant's year rule cannot throw.
    expect(agrees(Now, "2026-11-23")).toBe("read");
    expect(agrees(Now, "2026-11-23T09:00:00-08:00")).toBe("read");
    expect(readerFor(Now)("23/11/2026")).toBe(NOT_READ);
    expect(readerFor(Now)("9999-12-31T23:00:00-05:00")).toBe(NOT_READ);
    // A rule of unknown code might throw, and zod would throw with it: the option stays in doubt, so zod decides.
    const startsWithA = z.string().regex(/^a/);
    const unknownRule = z.union([startsWithA.refine((text) => text.length > 0), z.string()]);
    expect(agrees(unknownRule, "b")).toBe("left");
    const declaredRule = z.union([declareTotal(startsWithA.refine((text) => text.length > 0)), z.string()]);
    expect(agrees(declaredRule, "b")).toBe("read");
    expect(agrees(declaredRule, "a")).toBe("read");
  });

  it("reads plain data only, and each value once", () => {
    const schema = z.strictObject({ name: z.string() });
    class Named {
      name = "x";
    }
    expect(agrees(schema, new Named())).toBe("left");
    expect(agrees(z.strictObject({}), new Date(0))).toBe("left");
    const bare = Object.assign(Object.create(null) as object, { name: "x" });
    expect(agrees(schema, bare)).toBe("read");
    let reads = 0;
    const counted = Object.defineProperty({}, "name", {
      enumerable: true,
      get: () => {
        reads++;
        return "x";
      },
    });
    expect(validate(schema, counted, "input")).toStrictEqual({ name: "x" });
    expect(reads).toBe(1);
  });

  it("leaves to zod a key it does not name, in every kind of object", () => {
    for (const schema of [z.strictObject({ a: z.string() }), z.object({ a: z.string() }), z.looseObject({ a: z.string() })]) {
      expect(agrees(schema, { a: "x", b: 1 })).toBe("left");
      expect(agrees(schema, JSON.parse('{"a":"x","__proto__":{"b":1}}'))).toBe("left");
      expect(agrees(schema, { a: "x" })).toBe("read");
    }
  });

  it("fills defaults afresh, rewrites as zod's checks do, and freezes what zod freezes", () => {
    const schema = z.strictObject({
      list: z.array(z.string()).default(() => []),
      name: z.string().trim(),
      fixed: z.array(z.number()).readonly(),
    });
    const first = readerFor(schema)({ name: "  x ", fixed: [1] }) as { list: string[]; name: string; fixed: number[] };
    const second = readerFor(schema)({ name: "y", fixed: [] }) as { list: string[] };
    expect(first).toStrictEqual(schema.parse({ name: "  x ", fixed: [1] }));
    expect(first.name).toBe("x");
    expect(first.list).not.toBe(second.list);
    expect(Object.isFrozen(first.fixed)).toBe(true);
  });

  it("lends zod's checks a payload that a passed read gives back emptied, never one in use or refused", () => {
    interface Named {
      name: string;
      inner?: unknown;
    }
    const payloads: { value: unknown; issues: unknown[] }[] = [];
    let nested: unknown;
    const Outer: z.ZodType<Named> = z.strictObject({ name: z.string(), inner: z.unknown().optional() }).check((payload) => {
      payloads.push(payload as never);
      const { name, inner } = payload.value as Named;
      // A check that reads with the same reader while its own payload is lent out.
      if (inner !== undefined) nested = readerFor(Outer)(inner);
      if (name === "bad") payload.issues.push({ code: "custom", message: "bad", input: payload.value, path: [] });
    });
    const read = readerFor(Outer);
    expect(read({ name: "a" })).toStrictEqual({ name: "a" });
    // Given back without the value it carried.
    expect(payloads[0]?.value).toBeUndefined();
    expect(read({ name: "b" })).toStrictEqual({ name: "b" });
    expect(payloads[1]).toBe(payloads[0]);
    // The outer read holds the spare: the nested one gets its own, and neither sees the other's value.
    expect(read({ name: "c", inner: { name: "d" } })).toStrictEqual({ name: "c", inner: { name: "d" } });
    expect(nested).toStrictEqual({ name: "d" });
    expect(payloads[2]).toBe(payloads[0]);
    expect(payloads[3]).not.toBe(payloads[2]);
    // A refused payload keeps its issues, and is never lent again.
    expect(read({ name: "bad" })).toBe(NOT_READ);
    const refused = payloads.at(-1);
    expect(refused?.issues).toHaveLength(1);
    expect(read({ name: "e" })).toStrictEqual({ name: "e" });
    expect(payloads.at(-1)).not.toBe(refused);
    expect(payloads.at(-1)?.issues).toHaveLength(0);
  });

  it("never lends again a payload a check may still write to later", async () => {
    const payloads: object[] = [];
    let answer: (() => void) | undefined;
    const Later = z.strictObject({ name: z.string() }).check((payload) => {
      payloads.push(payload);
      // A check that answers later: its payload, no issue in it yet, stays the check's.
      if ((payload.value as { name: string }).name === "later") return new Promise<void>((resolve) => (answer = resolve));
    });
    const read = readerFor(Later);
    expect(read({ name: "a" })).toStrictEqual({ name: "a" });
    expect(read({ name: "later" })).toBe(NOT_READ);
    const waiting = payloads.at(-1);
    expect(read({ name: "b" })).toStrictEqual({ name: "b" });
    expect(payloads.at(-1)).not.toBe(waiting);
    answer?.();
    await Promise.resolve();
  });
  it("leaves to zod the kinds of schema it does not know, and rules that answer later", async () => {
    const schemas: Array<[z.ZodType, unknown]> = [
      [z.string().transform((text) => text.length), "abc"],
      [z.record(z.string(), z.number()), { a: 1 }],
      [z.tuple([z.string(), z.number()]), ["a", 1]],
      [z.string().pipe(z.string().min(1)), "a"],
      [z.coerce.number(), "1"],
    ];
    for (const [schema, value] of schemas) {
      expect(readerFor(schema)(value)).toBe(NOT_READ);
      expect(validate(schema, value, "input")).toStrictEqual(schema.parse(value));
    }
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    const later = z.string().refine(() => Promise.reject(new Error("later")));
    expect(readerFor(later)("a")).toBe(NOT_READ);
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off("unhandledRejection", unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });

  it("agrees with zod where its releases read differently: exact optionals, checks on absent or empty values, an option it cannot rule out", () => {
    // Later zod 4 releases only.
    const exact = (z.string() as { exactOptional?: () => z.ZodType }).exactOptional?.();
    if (exact !== undefined) {
      expect(agrees(z.object({ a: exact }), { a: undefined })).toBe("left");
      expect(agrees(z.object({ a: exact }), {})).toBe("left");
    }
    agrees(
      z
        .string()
        .optional()
        .check(z.minLength(2) as never),
      undefined,
    );
    agrees(
      z.object({
        a: z
          .string()
          .optional()
          .check(z.minLength(2) as never),
      }),
      { a: undefined },
    );
    agrees(
      z
        .string()
        .nullable()
        .check(z.maxLength(2) as never),
      null,
    );
    expect(
      agrees(
        z.object({
          a: z
            .string()
            .optional()
            .overwrite((v) => v ?? "x"),
        }),
        {},
      ),
    ).toBe("left");
    // An option whose fields include a check that answers later is never ruled out: zod parses it, and throws.
    const later = z.union([z.object({ a: z.string(), b: z.string().refine(async () => true) }), z.any()]);
    expect(readerFor(later)({ a: 1, b: "x" })).toBe(NOT_READ);
    // A strict option is ruled out by its own keys only, as the oldest zod 4 releases look for unknown keys.
    const strict = z.union([z.strictObject({ a: z.string(), b: z.string().default("d") }), z.unknown()]);
    expect(agrees(strict, Object.assign(Object.create({ extra: 1 }) as object, { a: "x" }))).toBe("left");
  });

  it("leaves to zod a recursive value that meets an object twice, and a check or input that throws", () => {
    interface Tree {
      n: string;
      kids: Tree[];
    }
    const Tree: z.ZodType<Tree> = z.lazy(() => z.object({ n: z.string(), kids: z.array(Tree) }));
    const cyclic: Tree = { n: "r", kids: [] };
    cyclic.kids.push(cyclic);
    expect(readerFor(Tree)(cyclic)).toBe(NOT_READ);
    const leaf = { n: "l", kids: [] };
    expect(readerFor(Tree)({ n: "r", kids: [leaf, leaf] })).toBe(NOT_READ);
    expect(
      agrees(Tree, {
        n: "r",
        kids: [
          { n: "a", kids: [] },
          { n: "b", kids: [] },
        ],
      }),
    ).toBe("read");
    const throwing = z.array(
      z.string().refine((text) => {
        if (text === "b") throw new Error("host check");
        return true;
      }),
    );
    expect(readerFor(throwing.max(1))(["a", "b"])).toBe(NOT_READ);
    const getter = Object.defineProperty({}, "a", {
      enumerable: true,
      get: () => {
        throw new Error("getter");
      },
    });
    expect(readerFor(z.object({ a: z.unknown() }))(getter)).toBe(NOT_READ);
  });

  it("reads nothing while zod is told to run without generated code, even after a first read", () => {
    const schema = z.object({ a: z.string() });
    expect(readerFor(schema)({ a: "x" })).toStrictEqual({ a: "x" });
    z.config({ jitless: true });
    try {
      expect(readerFor(schema)({ a: "x" })).toBe(NOT_READ);
      expect(validate(schema, { a: "x" }, "input")).toStrictEqual({ a: "x" });
    } finally {
      z.config({ jitless: false });
    }
  });

  it("reads nothing where zod is told to run without generated code", async () => {
    vi.resetModules();
    const fresh = await import("zod");
    fresh.config({ jitless: true });
    try {
      const reader = await import("../../src/model/internal/schemaReader.js");
      expect(reader.readerFor(fresh.string())("a")).toBe(reader.NOT_READ);
    } finally {
      fresh.config({ jitless: false });
      vi.resetModules();
    }
  });
});

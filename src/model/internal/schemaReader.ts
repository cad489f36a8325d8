import * as z from "zod";
import { hasHole } from "./findHoles.js";
import { isTotalCheck } from "./totalChecks.js";

/**
 * A schema compiled once into a plain reader of well-formed input.
 *
 * zod walks a value through a general machine: a payload object and an
 * issue list at every node, whatever the input. Most input a host passes is
 * well formed, and for it only the walk is needed. A reader is generated
 * code, one small function per node of the schema (as zod generates its
 * object parsers, and only where zod's configuration and the runtime allow
 * it; elsewhere there is no reader and zod parses everything). It walks the schema
 * the way zod does and builds the same output: a fresh copy, keys in the
 * schema's order, defaults filled in, each value read once. A rule whose
 * meaning is plain (a type, a pattern, a bound, a safe integer) is tested
 * directly; any other rule, or a case a rule's meaning could differ on
 * between zod releases (a string's length near a bound, counted in code
 * points by newer releases), is zod's own check, run as zod runs it.
 * Whenever a reader cannot be sure (a rule broken, a kind of schema it does
 * not know, an input that is not plain data, a check or a value that throws,
 * an object met twice by a recursive part) it answers {@link NOT_READ} and
 * the caller lets zod parse, so errors always come from zod.
 *
 * Three things differ from zod by design, none in what is accepted: an
 * object the input shares between two places (outside recursive parts) is
 * two equal copies in the output; input whose getters or proxies answer
 * differently each time they are read is read once per value, so the output
 * is what was read and checked, which may not be what zod's own reads would
 * have seen; and the payload zod's checks are given is lent again once every
 * check has passed, so a check that keeps it past its own run finds it
 * empty or carrying another value.
 */
export type Reader = (value: unknown) => unknown;

/** The answer of a reader that leaves the value to zod. */
export const NOT_READ: unique symbol = Symbol("not-read");

interface Payload {
  value: unknown;
  issues: unknown[];
}
interface CheckDefinition {
  check?: string;
  when?: (payload: Payload) => boolean;
  minimum?: number;
  maximum?: number;
  value?: unknown;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}
interface Check {
  _zod: { def: CheckDefinition; check: (payload: Payload) => unknown };
}
interface Definition {
  type: string;
  checks?: Check[];
  coerce?: boolean;
  shape?: Record<string, Node>;
  catchall?: Node;
  element?: Node;
  options?: Node[];
  discriminator?: string;
  unionFallback?: boolean;
  inclusive?: boolean;
  innerType?: Node;
  defaultValue?: unknown;
  getter?: () => Node;
}
interface Node {
  _zod: { def: Definition; traits?: Set<string>; values?: Set<unknown>; optin?: string; innerType?: Node };
}
/** A test of one value: true when it passes, false when it fails, undefined when zod's own check must say. */
type Test = (value: unknown) => boolean | undefined;

const compiled = new WeakMap<object, Reader>();
const never: Reader = () => NOT_READ;

/** The `when` zod gives its length checks (none in early releases): only a check with it, or none, has the plain meaning. */
const LENGTH_WHEN = (z.string().min(1) as unknown as Node)._zod.def.checks?.[0]?._zod.def.when;
/** String formats whose check is their pattern alone, in every zod 4 release. */
const PATTERN_FORMATS = new Set(["regex", "date", "datetime", "time"]);

/**
 * Whether code may be generated: not while zod is told to run without
 * (`jitless`, read at every call), nor where the runtime forbids it (a strict
 * CSP, probed once).
 */
let evaluates: boolean | undefined;
function canGenerate(): boolean {
  if (z.config().jitless === true) return false;
  if (evaluates === undefined) {
    try {
      evaluates = typeof new Function("return 1") === "function";
    } catch {
      evaluates = false;
    }
  }
  return evaluates;
}

/**
 * One generated function: `body` reads `value`, and sees each of `constants`
 * by its name, and what `preamble` declares beside it. Only names and text
 * referwell writes go into the code (keys and tags as JSON literals); every
 * other value is passed in.
 */
function generate(constants: Record<string, unknown>, body: string, preamble = ""): Reader {
  const names = Object.keys(constants);
  try {
    const make = new Function(...names, `"use strict";\n${preamble}\nreturn function read(value) {\n${body}\n};`) as (
      ...values: unknown[]
    ) => Reader;
    return make(...names.map((name) => constants[name]));
  } catch {
    // Code that cannot be generated leaves the value to zod: a reader is only ever a shortcut.
    return never;
  }
}

/** The reader of a schema, compiled on first use and kept for as long as the schema lives; one that leaves every value to zod where code cannot be generated. */
export function readerFor(schema: z.ZodType): Reader {
  if (!canGenerate()) return never;
  const reader = readerOf(schema as unknown as Node);
  return (value) => {
    reading++;
    try {
      return reader(value);
    } catch {
      // A check that throws, or input that throws when read: zod's parse decides what that means.
      return NOT_READ;
    } finally {
      if (--reading === 0) session = undefined;
    }
  };
}

/**
 * The objects a recursive (lazy) part of the schema has met in the current
 * read. Meeting one again (a cycle, or a part shared between two places) is
 * left to zod, which follows the same object to the same result.
 */
let session: Set<object> | undefined;
/** How many reads are under way (a check may validate something itself); the session ends with the outermost. */
let reading = 0;

function readerOf(node: Node): Reader {
  let reader = compiled.get(node);
  if (reader === undefined) {
    // Set before compiling, so a schema that contains itself reads through this entry.
    let inner: Reader = never;
    compiled.set(node, (value) => inner(value));
    inner = withChecks(node, compile(node));
    reader = inner;
    compiled.set(node, reader);
  }
  return reader;
}

/** The checks zod runs on a node's output, in zod's order: the node itself when it is a check (a string format), then its own. */
function checksOf(node: Node): Check[] {
  const own = node._zod.def.checks ?? [];
  return node._zod.traits?.has("$ZodCheck") === true ? [node as unknown as Check, ...own] : own;
}

/** zod's own check, run as zod runs it, on a payload that carries the value (a check may rewrite it: trim, lower case). */
function zodCheck(check: Check): (payload: Payload) => boolean {
  return (payload) => {
    const when = check._zod.def.when;
    if (when !== undefined && !when(payload)) return true;
    const outcome = check._zod.check(payload);
    if (outcome instanceof Promise) {
      // An asynchronous rule is zod's to refuse; its promise must not reject unheard.
      outcome.catch(() => undefined);
      return false;
    }
    return payload.issues.length === 0;
  };
}

/** A direct test for a check whose meaning is plain, or undefined. */
function plainTest(check: Check): Test | undefined {
  const def = check._zod.def;
  const lengthWhen = def.when === undefined || def.when === LENGTH_WHEN;
  if (def.check === "min_length" && lengthWhen && typeof def.minimum === "number") {
    const minimum = def.minimum;
    // A code point is one or two units: fewer units than the bound never reach it, twice as many always do.
    return (value) => {
      if (Array.isArray(value)) return value.length >= minimum;
      if (typeof value !== "string") return undefined;
      return value.length < minimum ? false : value.length >= 2 * minimum ? true : undefined;
    };
  }
  if (def.check === "max_length" && lengthWhen && typeof def.maximum === "number") {
    const maximum = def.maximum;
    return (value) =>
      Array.isArray(value) ? value.length <= maximum : typeof value !== "string" || value.length > maximum ? undefined : true;
  }
  if (def.when !== undefined) return undefined;
  if (def.check === "string_format" && PATTERN_FORMATS.has(def.format ?? "") && def.pattern instanceof RegExp) {
    const pattern = def.pattern;
    return (value) => {
      pattern.lastIndex = 0;
      return pattern.test(value as string);
    };
  }
  return numberTest(def);
}

function numberTest(def: CheckDefinition): Test | undefined {
  const bound = def.value;
  if (def.check === "greater_than" && typeof bound === "number") {
    return def.inclusive === true ? (value) => (value as number) >= bound : (value) => (value as number) > bound;
  }
  if (def.check === "less_than" && typeof bound === "number") {
    return def.inclusive === true ? (value) => (value as number) <= bound : (value) => (value as number) < bound;
  }
  if (def.check === "number_format" && def.format === "safeint") return (value) => Number.isSafeInteger(value);
  return undefined;
}

/**
 * A payload for zod's checks: the reader's spare one when it has it, else a
 * new one. A payload that every check passed (its issues empty: a refusal
 * returns before) becomes the spare, emptied of its value (a reader holds no
 * input once it has read it), so a value that passes costs no payload. One
 * lent to an outer read of the same reader (a check may validate something
 * itself) is not the spare meanwhile; one a check refused, left to a later
 * answer, or lost to a throw is never lent again, only replaced.
 */
const TAKE_PAYLOAD = `if (payload === undefined) {
  if (spare === undefined) payload = { value: read, issues: [] };
  else { payload = spare; spare = undefined; payload.value = read; }
}`;
const RETURN_PAYLOAD = `if (payload === undefined) return read;
const out = payload.value;
payload.value = undefined;
spare = payload;
return out;`;

/**
 * The node's reader, then its checks in order. A check with a plain test is
 * tested directly until the first check zod must run; from there on the
 * value travels in a payload, as in zod, and every later check is zod's.
 */
function withChecks(node: Node, base: Reader): Reader {
  const checks = checksOf(node);
  if (checks.length === 0 || base === never) return base;
  const constants: Record<string, unknown> = { NOT_READ, base };
  const lines = ["const read = base(value);", "if (read === NOT_READ) return NOT_READ;", "let payload;", "let passed;"];
  checks.forEach((check, index) => {
    const test = plainTest(check);
    constants[`run${index}`] = zodCheck(check);
    const run = `if (!run${index}(payload)) return NOT_READ;`;
    if (test === undefined) {
      lines.push(TAKE_PAYLOAD, run);
      return;
    }
    constants[`test${index}`] = test;
    lines.push(
      `passed = payload === undefined ? test${index}(read) : undefined;`,
      `if (passed === false) return NOT_READ;`,
      `if (passed === undefined) { ${TAKE_PAYLOAD} ${run} }`,
    );
  });
  lines.push(RETURN_PAYLOAD);
  return generate(constants, lines.join("\n"), "let spare;");
}

/** What a value of each primitive kind is, as zod's parse tests it (a number is finite). */
const PRIMITIVE: ReadonlyMap<string, string> = new Map([
  ["string", `typeof value === "string"`],
  ["boolean", `typeof value === "boolean"`],
  ["number", `typeof value === "number" && Number.isFinite(value)`],
  ["null", `value === null`],
]);

function compile(node: Node): Reader {
  const def = node._zod.def;
  if (def.coerce === true) return never;
  const primitive = PRIMITIVE.get(def.type);
  if (primitive !== undefined) return generate({ NOT_READ }, `return ${primitive} ? value : NOT_READ;`);
  switch (def.type) {
    case "unknown":
    case "any":
      // Passed on as it is, as zod does; a hole inside is validate's to report.
      return generate({ NOT_READ, hasHole }, "return hasHole(value, 0) ? NOT_READ : value;");
    case "literal":
    case "enum":
      return node._zod.values === undefined
        ? never
        : generate({ NOT_READ, values: node._zod.values }, "return values.has(value) ? value : NOT_READ;");
    case "array":
      return def.element === undefined ? never : arrayReader(readerOf(def.element));
    case "object":
      return objectReader(def);
    case "union":
      return def.discriminator === undefined ? unionReader(def) : discriminatedReader(def);
    default:
      return wrapperReader(node);
  }
}

function wrapperReader(node: Node): Reader {
  const def = node._zod.def;
  const inner = def.innerType;
  if (def.type === "lazy") return lazyReader(node);
  // `exactOptional` shares `optional`'s type name but hands absence to the inner schema.
  if (node._zod.traits?.has("$ZodExactOptional") === true) return never;
  // Absence is left as it is by `optional` only when the inner schema has no rung of its own for it.
  if (inner === undefined || (def.type === "optional" && inner._zod.optin !== undefined)) return never;
  const constants = { NOT_READ, def, inner: readerOf(inner) };
  switch (def.type) {
    case "optional":
      return generate(constants, "return value === undefined ? undefined : inner(value);");
    case "nullable":
      return generate(constants, "return value === null ? null : inner(value);");
    case "default":
      // An inner value that is itself absent gets the default in zod; that rare case is left to it.
      return generate(
        constants,
        "if (value === undefined) return def.defaultValue;\nconst read = inner(value);\nreturn read === undefined ? NOT_READ : read;",
      );
    case "prefault":
      return generate(constants, "return inner(value === undefined ? def.defaultValue : value);");
    case "readonly":
      return generate(constants, "const read = inner(value);\nreturn read === NOT_READ ? NOT_READ : Object.freeze(read);");
    default:
      return never;
  }
}

function lazyReader(node: Node): Reader {
  let inner: Reader | undefined;
  return (value) => {
    if (typeof value === "object" && value !== null) {
      session ??= new Set();
      if (session.has(value)) return NOT_READ;
      session.add(value);
    }
    inner ??= readerOf(node._zod.innerType ?? (node._zod.def.getter?.() as Node));
    return inner(value);
  };
}

function arrayReader(element: Reader): Reader {
  // A hole is reported by validate before any parse; a reader never walks past one.
  return generate(
    { NOT_READ, element },
    `if (!Array.isArray(value)) return NOT_READ;
const length = value.length;
const out = new Array(length);
for (let index = 0; index < length; index++) {
  if (!(index in value)) return NOT_READ;
  const read = element(value[index]);
  if (read === NOT_READ) return NOT_READ;
  out[index] = read;
}
return out;`,
  );
}

/** Plain data only: an object whose prototype is `Object.prototype` or none. */
const PLAIN = `if (typeof value !== "object" || value === null || Array.isArray(value)) return NOT_READ;
const prototype = Object.getPrototypeOf(value);
if (prototype !== Object.prototype && prototype !== null) return NOT_READ;`;

/** The statement of an object's constructor that gives up: `new` then gives the reader's own FAILED, and the reader answers NOT_READ. */
const GIVE_UP = "return FAILED;";

/** What a key does when the input has no such key: left out, filled with a default, or left to zod. */
function absentCode(node: Node, target: string, reader: string): string {
  const def = node._zod.def;
  if (def.type === "default" || def.type === "prefault") {
    return `{ read = ${reader}(undefined); if (read === NOT_READ) ${GIVE_UP} ${target} = read; }`;
  }
  const plainOptional = def.type === "optional" && node._zod.traits?.has("$ZodExactOptional") !== true;
  if (plainOptional && def.innerType?._zod.optin === undefined && checksOf(node).length === 0) return "{}";
  return GIVE_UP;
}

/** A key as a property of `this`: by name when it is a plain identifier, so the engine counts it among the object's fields. */
const thisField = (name: string): string => (/^[A-Za-z_$][\w$]*$/.test(name) ? `this.${name}` : `this[${JSON.stringify(name)}]`);

function objectReader(def: Definition): Reader {
  const shape = def.shape;
  if (shape === undefined || Object.getOwnPropertySymbols(shape).length > 0 || Object.hasOwn(shape, "__proto__")) return never;
  const keys = Object.keys(shape);
  const constants: Record<string, unknown> = { NOT_READ };
  const fields = keys.map((name, index) => {
    const node = shape[name] as Node;
    const key = JSON.stringify(name);
    const target = thisField(name);
    constants[`field${index}`] = readerOf(node);
    return `if (${key} in value) { read = field${index}(value[${key}]); if (read === NOT_READ) ${GIVE_UP} ${target} = read; }
else ${absentCode(node, target, `field${index}`)}`;
  });
  // A key the schema does not name is an issue (strict), dropped (strip) or kept (loose): each is zod's to handle.
  const named = keys.map((name) => `case ${JSON.stringify(name)}:`).join(" ");
  // The copy is built by a constructor whose prototype is Object's, so it is a plain object, keys in the schema's
  // order, as a literal would be; but the engine gives it room for every field at once, where an empty literal
  // grows a separate store of properties a few at a time, leaving each smaller store behind as garbage.
  // It is named Object, which is what a debugger says built a literal. A field refused, the constructor stops there
  // and gives FAILED instead of the copy (an object a constructor returns replaces it): no state is shared, so a
  // check that reads with the same reader meanwhile changes nothing.
  return generate(
    constants,
    `${PLAIN}
for (const key in value) ${keys.length === 0 ? "return NOT_READ;" : `switch (key) { ${named} break; default: return NOT_READ; }`}
const out = new Copy(value);
return out === FAILED ? NOT_READ : out;`,
    `const FAILED = {};
const Copy = function Object(value) {
let read;
${fields.join("\n")}
};
Copy.prototype = Object.prototype;`,
  );
}

/** A tag that a `case` label can name exactly: a string, a finite number or a boolean. */
const isLabel = (tag: unknown): boolean =>
  typeof tag === "string" || typeof tag === "boolean" || (typeof tag === "number" && Number.isFinite(tag));

function discriminatedReader(def: Definition): Reader {
  const key = JSON.stringify(def.discriminator);
  const constants: Record<string, unknown> = { NOT_READ };
  const seen = new Set<unknown>();
  const cases: string[] = [];
  for (const [index, option] of (def.options ?? []).entries()) {
    const tag = option._zod.def.shape?.[def.discriminator as string]?._zod;
    if (tag === undefined || tag.values === undefined || tag.optin !== undefined) return never;
    for (const value of tag.values) {
      if (seen.has(value) || !isLabel(value) || Object.is(value, -0)) return never;
      seen.add(value);
    }
    constants[`option${index}`] = readerOf(option);
    cases.push(`${[...tag.values].map((value) => `case ${JSON.stringify(value)}:`).join(" ")} return option${index}(value);`);
  }
  return generate(constants, `${PLAIN}\nswitch (value[${key}]) {\n${cases.join("\n")}\ndefault: return NOT_READ;\n}`);
}

/** Whether zod's parse of a value with this schema certainly fails: the value is of another kind, or not one of its values. */
function surelyRefuses(node: Node): (value: unknown) => boolean {
  // zod parses every field of an option it refuses: a check that could throw or answer later keeps the option in doubt.
  if (!isSimple(node)) return () => false;
  const def = node._zod.def;
  const values = node._zod.values;
  if ((def.type === "literal" || def.type === "enum") && values !== undefined) return (value) => !values.has(value);
  if (def.type === "string" && def.coerce !== true) {
    // Every check is plain or total, so zod runs them all to the end: one plain test that fails is a refusal.
    const tests = checksOf(node).flatMap((check) => plainTest(check) ?? []);
    return (value) => typeof value !== "string" || tests.some((test) => test(value) === false);
  }
  if ((def.type === "number" || def.type === "boolean") && def.coerce !== true) {
    return (value) => typeof value !== def.type;
  }
  if (def.type === "null") return (value) => value !== null;
  if (def.type === "array") return (value) => !Array.isArray(value);
  if (def.type === "object") return objectRefuses(def);
  return () => false;
}

/**
 * A strict object surely refuses a key it does not name; any object surely
 * refuses a value a field surely refuses (`undefined` for an absent key).
 */
function objectRefuses(def: Definition): (value: unknown) => boolean {
  const shape = def.shape ?? {};
  const strict = def.catchall?._zod.def.type === "never";
  let fields: ReadonlyArray<readonly [string, (value: unknown) => boolean]> | undefined;
  return (value) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return true;
    // Own keys only: the oldest zod 4 releases look for unknown keys among them alone.
    if (strict) for (const key of Object.keys(value)) if (!Object.hasOwn(shape, key)) return true;
    // Built on first use: a schema may contain itself.
    fields ??= Object.keys(shape).map((key) => [key, surelyRefuses(shape[key] as Node)] as const);
    return fields.some(([key, refuses]) => refuses(key in value ? (value as Record<string, unknown>)[key] : undefined));
  };
}

/** Schemas made only of parts whose every check has a plain test or is declared total, so parsing them never throws nor waits. */
const simple = new WeakMap<object, boolean>();
function isSimple(node: Node): boolean {
  const known = simple.get(node);
  if (known !== undefined) return known;
  // A schema met again while it is being judged (a recursive one) is not simple.
  simple.set(node, false);
  const def = node._zod.def;
  const parts = [def.element, def.innerType, def.catchall, ...(def.options ?? []), ...Object.values(def.shape ?? {})];
  const answer =
    def.type !== "lazy" &&
    checksOf(node).every((check) => plainTest(check) !== undefined || isTotalCheck(check)) &&
    parts.every((part) => part === undefined || isSimple(part));
  simple.set(node, answer);
  return answer;
}

function unionReader(def: Definition): Reader {
  const options = def.options ?? [];
  if (def.inclusive === false || options.length === 0) return never;
  const constants: Record<string, unknown> = { NOT_READ };
  // zod takes the first option that accepts; a later option may answer only when every earlier one surely refuses.
  const steps = options.map((option, index) => {
    constants[`option${index}`] = readerOf(option);
    constants[`refuses${index}`] = surelyRefuses(option);
    return `read = option${index}(value); if (read !== NOT_READ) return read; if (!refuses${index}(value)) return NOT_READ;`;
  });
  return generate(constants, `let read;\n${steps.join("\n")}\nreturn NOT_READ;`);
}

/**
 * Hostile inputs for the no-leak properties: valid values whose strings are
 * swapped for marker strings and whose structure is broken in random ways,
 * and arbitrary JSON built from markers and real schema keys.
 */
import fc from "fast-check";

/** A string no template of ours contains, so finding one in an error means it leaked. */
export const marker = fc.stringMatching(/^[A-Z0-9]{6}$/).map((s) => `ZQX${s}`);

/** A number no schema of ours states (918 then six digits), so finding one in an error means it leaked. */
export const numberMarker = fc.integer({ min: 0, max: 999_999 }).map((n) => 918_000_000 + n);

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

type Path = (string | number)[];

function paths(value: Json, prefix: Path = []): Path[] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(value.flatMap((item, index) => paths(item, [...prefix, index])));
  if (value !== null && typeof value === "object") {
    return here.concat(Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key])));
  }
  return here;
}

function replaceStrings(value: Json, next: () => string): Json {
  if (typeof value === "string") return next();
  if (Array.isArray(value)) return value.map((item) => replaceStrings(item, next));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceStrings(item, next)]));
  }
  return value;
}

function replaceNumbers(value: Json, next: () => number): Json {
  if (typeof value === "number") return next();
  if (Array.isArray(value)) return value.map((item) => replaceNumbers(item, next));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceNumbers(item, next)]));
  }
  return value;
}

/** Every object gets one more key, a marker: keys an input names but no schema defines. */
function addMarkerKeys(value: Json, next: () => string): Json {
  if (Array.isArray(value)) return value.map((item) => addMarkerKeys(item, next));
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([key, item]) => [key, addMarkerKeys(item, next)] as const);
    return Object.fromEntries([...entries, [next(), next()]]);
  }
  return value;
}

type Mutation = (container: Json, key: string | number | undefined, mark: string) => Json;

const mutations: Mutation[] = [
  // Replace the value at the path.
  (_value, _key, mark) => mark,
  () => 12.5,
  () => -1,
  () => null,
  () => true,
  (_value, _key, mark) => [mark, 3],
  (_value, _key, mark) => ({ [mark]: mark }),
  () => 1e308,
];

function setAt(root: Json, path: Path, replace: (current: Json) => Json | undefined): Json {
  if (path.length === 0) return replace(root) ?? null;
  const [head, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(root)) {
    const copy = [...root];
    const next = setAt(copy[head as number] ?? null, rest, replace);
    copy[head as number] = next;
    return copy;
  }
  if (root !== null && typeof root === "object") {
    const copy: { [key: string]: Json } = { ...root };
    if (rest.length === 0) {
      const replaced = replace(copy[head as string] ?? null);
      if (replaced === undefined) delete copy[head as string];
      else copy[head as string] = replaced;
      return copy;
    }
    copy[head as string] = setAt(copy[head as string] ?? null, rest, replace);
    return copy;
  }
  return root;
}

/**
 * A valid value made hostile: some or all strings, numbers and keys become
 * markers, then a few random paths are deleted, retyped, or given marker keys
 * and values.
 */
export function hostile<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<Json> {
  return fc
    .record({
      value: valid,
      markAll: fc.boolean(),
      markNumbers: fc.boolean(),
      markKeys: fc.boolean(),
      marks: fc.array(marker, { minLength: 1, maxLength: 64 }),
      numbers: fc.array(numberMarker, { minLength: 1, maxLength: 16 }),
      edits: fc.array(fc.record({ at: fc.nat(), how: fc.nat({ max: mutations.length + 1 }) }), { maxLength: 4 }),
    })
    .map(({ value, markAll, markNumbers, markKeys, marks, numbers, edits }) => {
      let counter = 0;
      const nextMark = (): string => marks[counter++ % marks.length] as string;
      const nextNumber = (): number => numbers[counter++ % numbers.length] as number;
      let out = JSON.parse(JSON.stringify(value)) as Json;
      if (markAll) out = replaceStrings(out, nextMark);
      if (markNumbers) out = replaceNumbers(out, nextNumber);
      if (markKeys) out = addMarkerKeys(out, nextMark);
      for (const edit of edits) {
        const all = paths(out);
        const path = all[edit.at % all.length] as Path;
        const mark = nextMark();
        if (edit.how === mutations.length) {
          out = setAt(out, path, () => undefined); // delete
        } else if (edit.how === mutations.length + 1) {
          out = setAt(out, path, (current) =>
            current !== null && typeof current === "object" && !Array.isArray(current) ? { ...current, [mark]: mark } : current,
          );
        } else {
          out = setAt(out, path, (current) => (mutations[edit.how] as Mutation)(current, undefined, mark));
        }
      }
      return out;
    });
}

/** Arbitrary JSON from markers, numbers and the given real keys, so parsing goes deep. */
export function hostileJson(keys: readonly string[]): fc.Arbitrary<Json> {
  const key = fc.oneof(fc.constantFrom(...keys), marker);
  return fc.letrec<{ json: Json }>((tie) => ({
    json: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      marker,
      numberMarker,
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("json"), { maxLength: 4 }),
      fc.dictionary(key, tie("json"), { maxKeys: 6 }),
    ),
  })).json;
}

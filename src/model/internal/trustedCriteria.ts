import type * as z from "zod";
import { MatchCriteria, MatchPreferences, MatchRequirements } from "../criteria.js";
import { validate } from "../validate.js";
import { unwrapSchema } from "./unwrapSchema.js";

type Shape = Record<string, z.core.$ZodType>;
type Draft = Record<string, unknown>;

/** Each key of an object schema in order, with its default (a fresh copy is made per use) and, for a list, its longest length. */
function fieldsOf(shape: Shape): ReadonlyArray<{ key: string; fallback?: () => unknown; maximum?: number }> {
  return Object.entries(shape).map(([key, schema]) => {
    const def = schema._zod.def as { type: string; defaultValue?: unknown };
    const inner = unwrapSchema(schema)?._zod.def as {
      type: string;
      checks?: Array<{ _zod: { def: { check: string; maximum?: number } } }>;
    };
    const maximum =
      inner.type === "array" ? inner.checks?.find((check) => check._zod.def.check === "max_length")?._zod.def.maximum : undefined;
    // Read once; a list default is copied on each use, so no two results share one.
    const value = def.type === "default" ? def.defaultValue : undefined;
    const fallback = def.type !== "default" ? undefined : () => (Array.isArray(value) ? [...(value as unknown[])] : value);
    return { key, ...(fallback === undefined ? {} : { fallback }), ...(maximum === undefined ? {} : { maximum }) };
  });
}

const TOP = fieldsOf(MatchCriteria.shape);
const REQUIRE = fieldsOf(MatchRequirements.shape);
const PREFER = fieldsOf(MatchPreferences.shape);

/** The draft's fields in the schema's order, defaults filled in; whether every list is within its limit. */
function complete(fields: ReturnType<typeof fieldsOf>, draft: Draft): { value: Draft; fits: boolean } {
  const value: Draft = {};
  let fits = true;
  for (const { key, fallback, maximum } of fields) {
    const given = draft[key] ?? fallback?.();
    if (given === undefined) continue;
    value[key] = given;
    if (maximum !== undefined && Array.isArray(given) && given.length > maximum) fits = false;
  }
  return { value, fits };
}

/**
 * Criteria built inside the library from values already validated (a
 * client, a finding's additions), completed as parsing would complete them
 * — every field the schema defines, in its order, defaults filled — without
 * parsing them again. A list that grew past its limit by a union is the one
 * thing such a build can get wrong; then the draft is validated after all,
 * so the caller gets the same error a parse gives.
 */
export function trustedCriteria(draft: { readonly require: Draft; readonly prefer: Draft } & Draft): MatchCriteria {
  const require = complete(REQUIRE, draft.require);
  const prefer = complete(PREFER, draft.prefer);
  const top = complete(TOP, { ...draft, require: require.value, prefer: prefer.value });
  if (!require.fits || !prefer.fits || !top.fits) return validate(MatchCriteria, draft, "criteria");
  return top.value as MatchCriteria;
}

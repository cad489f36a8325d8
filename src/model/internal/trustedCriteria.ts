import type * as z from "zod";
import { MatchCriteria, MatchPreferences, MatchRequirements } from "../criteria.js";
import type { Urgency } from "../enums.js";
import { validate } from "../validate.js";
import { unwrapSchema } from "./unwrapSchema.js";

type Shape = Record<string, z.core.$ZodType>;
type Draft = Record<string, unknown>;

/** Criteria whose parts are valid, some defaults left out and fields in any order. */
export type CriteriaDraft = { readonly require: Draft; readonly prefer: Draft } & Draft;

/** A key of an object schema, with its default (a fresh copy is made per use) and, for a list, its longest length. */
interface Field {
  readonly key: string;
  readonly fallback: (() => unknown) | undefined;
  readonly maximum: number | undefined;
}

/** Each key of an object schema in order, as a `Field`. */
function fieldsOf(shape: Shape): readonly Field[] {
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
    // One shape for every field, so the loops that read them stay fast.
    return { key, fallback, maximum };
  });
}

const TOP = fieldsOf(MatchCriteria.shape);
const REQUIRE = fieldsOf(MatchRequirements.shape);
const PREFER = fieldsOf(MatchPreferences.shape);

/** The fields that replace a draft's: what a caller adds to the criteria a client gives, without copying them first. */
export interface CriteriaChanges {
  readonly urgency?: Urgency;
  readonly require?: Draft;
  readonly prefer?: Draft;
}

/** The fields of `draft` (or of `changes`, which win) in the schema's order, defaults filled in; whether every list is within its limit. */
function complete(fields: readonly Field[], draft: Draft, changes: Draft | undefined): { value: Draft; fits: boolean } {
  const value: Draft = {};
  let fits = true;
  for (const { key, fallback, maximum } of fields) {
    const given = changes?.[key] ?? draft[key] ?? fallback?.();
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
 * parsing them again. `changes` replace the draft's fields, so a caller
 * adding to a draft need not copy it first. A list that grew past its limit
 * by a union is the one thing such a build can get wrong; then the criteria
 * are validated after all, so the caller gets the same error a parse gives.
 */
export function trustedCriteria(draft: CriteriaDraft, changes?: CriteriaChanges): MatchCriteria {
  const require = complete(REQUIRE, draft.require, changes?.require);
  const prefer = complete(PREFER, draft.prefer, changes?.prefer);
  const top = complete(TOP, draft, { urgency: changes?.urgency, require: require.value, prefer: prefer.value });
  if (require.fits && prefer.fits && top.fits) return top.value as MatchCriteria;
  const merged = {
    ...draft,
    ...(changes?.urgency === undefined ? {} : { urgency: changes.urgency }),
    require: { ...draft.require, ...changes?.require },
    prefer: { ...draft.prefer, ...changes?.prefer },
  };
  return validate(MatchCriteria, merged, "criteria");
}

import type * as z from "zod";
import { unwrapSchema } from "./unwrapSchema.js";

/** One step down a path: the schema found there, and whether the segment is the schema's own (a key it defines, or an index). */
export interface Step {
  readonly schema: z.core.$ZodType | undefined;
  readonly own: boolean;
}

const NOWHERE: Step = { schema: undefined, own: false };

interface Def {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  catchall?: z.core.$ZodType;
  element?: z.core.$ZodType;
  items?: z.core.$ZodType[];
  rest?: z.core.$ZodType | null;
  valueType?: z.core.$ZodType;
  options?: z.core.$ZodType[];
  left?: z.core.$ZodType;
  right?: z.core.$ZodType;
}

/**
 * Follows one path segment from a schema. A key is the schema's own only
 * when an object shape defines it; record keys and unknown keys come from
 * the input, so they are not.
 */
export function stepInto(schema: z.core.$ZodType | undefined, segment: PropertyKey, depth = 0): Step {
  const inner = unwrapSchema(schema);
  if (inner === undefined || depth > 8) return NOWHERE;
  const def = inner._zod.def as Def;
  switch (def.type) {
    case "object":
      if (typeof segment === "string" && def.shape !== undefined && Object.hasOwn(def.shape, segment))
        return { schema: def.shape[segment], own: true };
      return { schema: def.catchall, own: false };
    case "array":
      return typeof segment === "number" ? { schema: def.element, own: true } : NOWHERE;
    case "tuple":
      return typeof segment === "number" ? { schema: def.items?.[segment] ?? def.rest ?? undefined, own: true } : NOWHERE;
    case "record":
      return { schema: def.valueType, own: false };
    case "union":
      for (const option of def.options ?? []) {
        const step = stepInto(option, segment, depth + 1);
        if (step.own) return step;
      }
      return NOWHERE;
    case "intersection": {
      const left = stepInto(def.left, segment, depth + 1);
      return left.own ? left : stepInto(def.right, segment, depth + 1);
    }
    default:
      return NOWHERE;
  }
}

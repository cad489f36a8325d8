import type * as z from "zod";

type Def = { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType; getter?: () => z.core.$ZodType };

/**
 * The schema under the wrappers that change neither the shape nor the keys
 * of a value (optional, default, pipe, lazy…), as the input side sees it.
 */
export function unwrapSchema(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = schema;
  // Bounded: a lazy schema can refer to itself.
  for (let depth = 0; current !== undefined && depth < 32; depth++) {
    const def = current._zod.def as Def;
    if (def.innerType !== undefined) current = def.innerType;
    else if (def.type === "pipe" && def.in !== undefined) current = def.in;
    else if (def.type === "lazy" && def.getter !== undefined) current = def.getter();
    else return current;
  }
  return current;
}

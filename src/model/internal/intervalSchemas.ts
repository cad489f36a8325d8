import * as z from "zod";

/**
 * An interval as practitioners say it: `{ days }`, `{ weeks }` or calendar
 * `{ months }` (31 January + 1 month is 28 or 29 February, as date-fns
 * `addMonths` has it); a bare number is a number of days. At least a day:
 * how often something recurs.
 */
export const Interval = z.union([
  z.number().int().min(1).max(3_650),
  z.strictObject({ days: z.number().int().min(1).max(3_650) }),
  z.strictObject({ weeks: z.number().int().min(1).max(520) }),
  z.strictObject({ months: z.number().int().min(1).max(120) }),
]);

/** An {@link Interval} that may be nothing (`0`, `{ days: 0 }`: the same day): how long after an event something falls due. */
export const Delay = z.union([
  z.number().int().min(0).max(365),
  z.strictObject({ days: z.number().int().min(0).max(365) }),
  z.strictObject({ weeks: z.number().int().min(0).max(52) }),
  z.strictObject({ months: z.number().int().min(0).max(12) }),
]);

/** A schema's default as a fresh copy per parse, so no two results share one object. */
export const withDefault = <Schema extends typeof Interval | typeof Delay>(schema: Schema, value: z.input<Schema>) =>
  schema.default(() => (typeof value === "number" ? value : { ...value }) as never);

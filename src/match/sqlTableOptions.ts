import * as z from "zod";
import { ExpectedText } from "../errors.js";

/**
 * Where the directory's tables live, for {@link directoryTables} and
 * {@link filterToSql}: `schema`, a lower-case SQL identifier of up to 63
 * letters, digits and underscores (it is written into the SQL, so nothing
 * else is accepted); the search path when left out.
 *
 * @example
 * ```ts
 * import { SqlTableOptions } from "referwell/match";
 *
 * SqlTableOptions.safeParse({ schema: "directory" }).success; // => true
 * SqlTableOptions.safeParse({ schema: "x; DROP TABLE y" }).success; // => false
 * ```
 */
export const SqlTableOptions = z.strictObject({
  schema: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, { error: ExpectedText.sqlIdentifier })
    .optional(),
});
/** {@link SqlTableOptions} as a caller writes them. */
export type SqlTableOptionsInput = z.input<typeof SqlTableOptions>;

/** The tables of the layout, by their name without the `referwell_` prefix. */
export type SqlTable =
  | "clinicians"
  | "licences"
  | "privileges"
  | "privilege_days"
  | "networks"
  | "offices"
  | "ineffective_outcomes"
  | "compacts"
  | "compact_members"
  | "regulations"
  | "payers_refusing_associates";

/** A table's name as the SQL writes it: prefixed, and qualified by the schema when one is given. */
export const tableNamer =
  (schema: string | undefined) =>
  (table: SqlTable): string =>
    `${schema === undefined ? "" : `${schema}.`}referwell_${table}`;

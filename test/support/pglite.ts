/**
 * A real PostgreSQL for the pushdown tests: PGlite (PostgreSQL compiled to
 * WebAssembly, in process) by default, or a server when REFERWELL_PG_URL is
 * set (see docs/scale.md). Both run the same SQL: the layout of
 * `directoryTables`, filled with `directoryRows`.
 */
import { PGlite } from "@electric-sql/pglite";
import { type DirectoryRows, directoryTables } from "referwell/match";

export interface Database {
  query(text: string, values?: readonly unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  exec(text: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Opens the database and creates the tables in a schema of its own, empty. */
export async function openDatabase(schema = "referwell_test"): Promise<Database> {
  const url = process.env["REFERWELL_PG_URL"];
  let db: Database;
  if (url === undefined) {
    const lite = new PGlite();
    db = {
      query: async (text, values) => ({ rows: (await lite.query<Record<string, unknown>>(text, values as unknown[])).rows }),
      exec: (text) => lite.exec(text),
      close: () => lite.close(),
    };
  } else {
    // A server, through the `pg` driver (a dev dependency), loaded only here.
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    db = {
      query: async (text, values) => ({ rows: (await client.query<Record<string, unknown>>(text, values as unknown[])).rows }),
      exec: (text) => client.query(text),
      close: () => client.end(),
    };
  }
  await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema};`);
  await db.exec(directoryTables({ schema }));
  return db;
}

/** Replaces the tables' rows with a directory's: one insert per table, the rows as a JSON parameter. */
export async function loadRows(db: Database, rows: DirectoryRows, schema = "referwell_test"): Promise<void> {
  const tables = Object.keys(rows) as (keyof DirectoryRows)[];
  await db.exec(`TRUNCATE ${tables.map((table) => `${schema}.referwell_${table}`).join(", ")};`);
  for (const table of tables) {
    const name = `${schema}.referwell_${table}`;
    for (let start = 0; start < rows[table].length; start += 20_000) {
      const batch = rows[table].slice(start, start + 20_000);
      await db.query(`INSERT INTO ${name} SELECT * FROM json_populate_recordset(NULL::${name}, $1::json)`, [JSON.stringify(batch)]);
    }
  }
}

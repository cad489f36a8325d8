/**
 * The database filters, referwell ranks: a synthetic directory in PGlite
 * (PostgreSQL in WebAssembly, on disk in a temporary folder), each request's
 * hard constraints run as SQL and the candidates ranked, against the
 * in-memory matcher's `rank` on the same directory in the same run.
 *
 * Sizes come from REFERWELL_PUSHDOWN_SIZES (default 100000; the scale guide
 * reports 100000,1000000). Load time, table and index sizes, the filter's
 * latency per request (p50, p99), candidates returned and the plan of a
 * typical query are printed before the benchmarks.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { bench, describe } from "vitest";
import { calendarDateOf, criteriaFromClient } from "referwell";
import { createMatcher, directoryRows, directoryTables, filterToSql, hardConstraintFilter } from "referwell/match";
import { syntheticClients, syntheticDirectory } from "../arbitraries/synthetic.js";
import { NOW } from "./assignmentFixture.js";

const SIZES = (process.env["REFERWELL_PUSHDOWN_SIZES"] ?? "100000").split(",").map(Number);
const requests = syntheticClients({ seed: 2, count: 50 }).map((client) => ({
  criteria: criteriaFromClient(client, { startDate: calendarDateOf(NOW) }),
}));

const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;

async function setUp(size: number) {
  const directory = syntheticDirectory({ seed: 1, clinicians: size });
  let started = performance.now();
  const rows = directoryRows(directory);
  const rowsTime = seconds(started);
  const folder = mkdtempSync(join(tmpdir(), "referwell-pushdown-"));
  const db = new PGlite(folder);
  const ddl = directoryTables();
  const indexesAt = ddl.indexOf("CREATE INDEX");
  await db.exec(ddl.slice(0, indexesAt));
  started = performance.now();
  // Tables first, indexes after: the usual way to bulk-load.
  for (const [table, list] of Object.entries(rows)) {
    for (let from = 0; from < list.length; from += 50_000) {
      const batch = JSON.stringify(list.slice(from, from + 50_000));
      await db.query(`INSERT INTO referwell_${table} SELECT * FROM json_populate_recordset(NULL::referwell_${table}, $1::json)`, [batch]);
    }
  }
  const loadTime = seconds(started);
  started = performance.now();
  await db.exec(ddl.slice(indexesAt));
  await db.exec("ANALYZE");
  const indexTime = seconds(started);
  const sizes = await db.query<{ table: string; rows: string; table_mb: string; index_mb: string }>(
    `SELECT c.relname AS table, c.reltuples::bigint AS rows, round(pg_table_size(c.oid) / 1e6, 1) AS table_mb,
            round(pg_indexes_size(c.oid) / 1e6, 1) AS index_mb
       FROM pg_class c WHERE c.relkind = 'r' AND c.relname LIKE 'referwell_%' ORDER BY c.relname`,
  );
  started = performance.now();
  const matcher = createMatcher(directory);
  const compileTime = seconds(started);

  // The filter alone, per request, and what it returns.
  const latencies: number[] = [];
  let candidates = 0;
  for (const request of requests) {
    const { text, values } = filterToSql(hardConstraintFilter(request, { now: NOW }));
    const at = performance.now();
    candidates += (await db.query(text, [...values])).rows.length;
    latencies.push(performance.now() - at);
  }
  latencies.sort((a, b) => a - b);
  const typical = filterToSql(hardConstraintFilter(requests[0] as (typeof requests)[number], { now: NOW }));
  const plan = await db.query<{ "QUERY PLAN": string }>(`EXPLAIN ${typical.text}`, [...typical.values]);

  console.log(
    [
      `\n${size.toLocaleString("en")} clinicians in PGlite: rows built in ${rowsTime} s, loaded in ${loadTime} s, indexed and analysed in ${indexTime} s; matcher compiled in ${compileTime} s`,
      ...sizes.rows.map((row) => `  ${row.table}: ${row.rows} rows, table ${row.table_mb} MB, indexes ${row.index_mb} MB`),
      `  filter over ${requests.length} requests: p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms; ${(candidates / requests.length).toFixed(1)} candidates per request`,
      "  plan of a typical request (first lines):",
      ...plan.rows.slice(0, 16).map((row) => `    ${row["QUERY PLAN"]}`),
    ].join("\n"),
  );
  return { db, matcher, folder };
}

// One size at a time: set up before its benchmarks and released after, so a large size's heap never slows a small one's.
for (const size of SIZES) {
  let state: Awaited<ReturnType<typeof setUp>> | undefined;
  let next = 0;
  const request = () => requests[next++ % requests.length] as (typeof requests)[number];
  describe(`rank one request against ${size.toLocaleString("en")} clinicians`, () => {
    bench(
      "in memory: matcher.rank (baseline)",
      () => {
        state?.matcher.rank(request(), { now: NOW });
      },
      {
        time: 3_000,
        setup: async () => {
          state ??= await setUp(size);
        },
      },
    );
    bench(
      "pushed down: SQL filter in PGlite, then matcher.rankCandidates",
      async () => {
        const { db, matcher } = state as NonNullable<typeof state>;
        const current = request();
        const { text, values } = filterToSql(hardConstraintFilter(current, { now: NOW }));
        const { rows } = await db.query<{ id: string }>(text, [...values]);
        matcher.rankCandidates(current, rows, { now: NOW });
      },
      {
        time: 3_000,
        // Released after the last benchmark of the size.
        teardown: async (_task, mode) => {
          if (mode !== "run" || state === undefined) return;
          await state.db.close();
          rmSync(state.folder, { recursive: true, force: true });
          state = undefined;
        },
      },
    );
  });
}

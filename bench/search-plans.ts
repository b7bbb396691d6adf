// Evidence for the search fix: the same search written the app's way and the ways recommended in
// bench/README.md, each under EXPLAIN ANALYZE, with the planner's row estimate beside the actual rows.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type postgres from 'postgres';
import { ListProjectsQuery } from '../src/contracts/projects.ts';
import { queryTokens, toTsquery } from '../src/domain/search-tokens.ts';
import type { Database } from '../src/server/db/connect.ts';
import { listProjects } from '../src/server/features/projects/service.ts';
import { type Actor, escapeLike } from '../src/server/platform/access.ts';
import {
  type BenchDatabaseKind,
  benchProjectCount,
  OUT_DIR,
  openEmbeddedBench,
  openServerBench,
} from './lib/databases.ts';
import { tracingDb } from './lib/explain.ts';
import { ms, table } from './lib/measure.ts';

const QUERIES = ['智能制造', '半导', '鲤城', '智能'];
const REPEATS = 3;
const admin: Actor = {
  id: '00000000-0000-4000-8000-00000000b001',
  username: 'bench-admin',
  displayName: 'bench admin',
  role: 'admin',
  regionCode: '000000',
  scopePrefix: '',
  organizationId: null,
  locale: 'zh-CN',
};

interface Variant {
  name: string;
  sql: string;
  params: postgres.ParameterOrJSON<never>[];
  /** Planner settings for this statement only (SET LOCAL), to show the cost of the plan it did not pick. */
  settings?: string[];
}

const JOINED = `select page.*, r.name_zh as region_name, i.name_zh as industry_name from page
  join regions r on r.code = page.region_code join industries i on i.code = page.industry_code
  order by page.updated_at desc, page.id desc`;

function variants(q: string, appSql: string, appParams: postgres.ParameterOrJSON<never>[]): Variant[] {
  const normalized = q.normalize('NFKC').toLowerCase();
  const tsquery = toTsquery(queryTokens(normalized));
  const like = `%${escapeLike(normalized)}%`;
  const pageWith = (where: string) =>
    `with page as materialized (select * from projects where ${where}
      order by updated_at desc, id desc limit 51) ${JOINED}`;
  const both = `search_tokens @@ to_tsquery('simple', $1) and search_text like $2`;
  const list: Variant[] = [
    { name: 'app: join, then sort and limit', sql: appSql, params: appParams },
    { name: 'page first, then join', sql: pageWith(both), params: [tsquery, like] },
    {
      name: 'page first, walk updated_at (forced)',
      sql: pageWith(both),
      params: [tsquery, like],
      settings: ['enable_bitmapscan = off', 'enable_seqscan = off', 'max_parallel_workers_per_gather = 0'],
    },
  ];
  if (queryTokens(normalized).length === 1) {
    list.push({
      name: 'page first, one token, no LIKE',
      sql: pageWith(`search_tokens @@ to_tsquery('simple', $1)`),
      params: [tsquery],
    });
  }
  return list;
}

interface PlanFigure {
  query: string;
  variant: string;
  estimatedRows: number;
  actualRows: number;
  executionMs: number;
  plan: string;
}

// The first plan line that scans projects carries the planner's estimate and the actual row count.
function scanRows(plan: string): { estimated: number; actual: number } {
  const line = plan.split('\n').find((text) => / on projects\b/.test(text)) ?? '';
  const match = /rows=(\d+) width=\d+\) \(actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(line);
  return { estimated: Number(match?.[1] ?? Number.NaN), actual: Number(match?.[2] ?? Number.NaN) };
}

async function explain(database: Database, variant: Variant): Promise<{ ms: number; plan: string }> {
  const times: number[] = [];
  let plan = '';
  for (let i = 0; i < REPEATS; i++) {
    const rows = await database.sql.begin(async (tx) => {
      for (const setting of variant.settings ?? []) await tx.unsafe(`set local ${setting}`);
      return tx.unsafe<{ 'QUERY PLAN': string }[]>(
        `explain (analyze, buffers) ${variant.sql}`,
        variant.params,
      );
    });
    plan = rows.map((row) => row['QUERY PLAN']).join('\n');
    times.push(Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN));
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] ?? Number.NaN, plan };
}

const ANALYZE_DRAWS = 8;

interface EstimateSpread {
  query: string;
  actualRows: number;
  /** Planner estimates after each of ANALYZE_DRAWS fresh ANALYZE runs. */
  like: number[];
  tokens: number[];
  both: number[];
}

async function topEstimate(database: Database, sql: string, params: postgres.ParameterOrJSON<never>[]) {
  const rows = await database.sql.unsafe<{ 'QUERY PLAN': string }[]>(`explain ${sql}`, params);
  return Number(/rows=(\d+)/.exec(rows[0]?.['QUERY PLAN'] ?? '')?.[1] ?? Number.NaN);
}

/**
 * ANALYZE samples 30,000 rows and keeps a 100-entry histogram; a LIKE '%xx%' estimate is the share of
 * those 100 entries that match, so it jumps between draws. Measures that spread (and leaves the last draw).
 */
async function estimateSpread(database: Database): Promise<EstimateSpread[]> {
  const spreads: EstimateSpread[] = [];
  for (const q of QUERIES) {
    const normalized = q.normalize('NFKC').toLowerCase();
    const tsquery = toTsquery(queryTokens(normalized));
    const like = `%${escapeLike(normalized)}%`;
    const [count] = await database.sql<{ n: number }[]>`select count(*)::int as n from projects
      where search_tokens @@ to_tsquery('simple', ${tsquery}) and search_text like ${like}`;
    spreads.push({ query: q, actualRows: count?.n ?? 0, like: [], tokens: [], both: [] });
  }
  for (let draw = 0; draw < ANALYZE_DRAWS; draw++) {
    await database.sql`analyze projects`;
    for (const spread of spreads) {
      const normalized = spread.query.normalize('NFKC').toLowerCase();
      const tsquery = toTsquery(queryTokens(normalized));
      const like = `%${escapeLike(normalized)}%`;
      const match = `search_tokens @@ to_tsquery('simple', $1)`;
      spread.like.push(
        await topEstimate(database, 'select 1 from projects where search_text like $1', [like]),
      );
      spread.tokens.push(await topEstimate(database, `select 1 from projects where ${match}`, [tsquery]));
      spread.both.push(
        await topEstimate(database, `select 1 from projects where ${match} and search_text like $2`, [
          tsquery,
          like,
        ]),
      );
    }
  }
  return spreads;
}

const range = (values: number[]) => `${Math.min(...values)}–${Math.max(...values)}`;

async function plansOn(kind: BenchDatabaseKind, log: (line: string) => void) {
  const projects = benchProjectCount();
  const { database } =
    kind === 'embedded'
      ? await openEmbeddedBench(projects, log)
      : await openServerBench(projects, log, { reuse: true });
  const figures: PlanFigure[] = [];
  let spreads: EstimateSpread[] = [];
  try {
    for (const q of QUERIES) {
      const { db, captured } = tracingDb(database);
      await listProjects(db, admin, ListProjectsQuery.parse({ q }));
      const main = captured[0];
      if (!main) throw new Error('listProjects sent no statement');
      const params = main.params.map((value) =>
        typeof value === 'string' || typeof value === 'number' ? value : String(value),
      );
      for (const variant of variants(q, main.sql, params)) {
        const { ms: executionMs, plan } = await explain(database, variant);
        const rows = scanRows(plan);
        figures.push({
          query: q,
          variant: variant.name,
          estimatedRows: rows.estimated,
          actualRows: rows.actual,
          executionMs,
          plan,
        });
      }
    }
    spreads = await estimateSpread(database);
  } finally {
    await database.close();
  }
  log(
    `\n${kind} database, ${projects.toLocaleString('en-US')} projects: search plans (median of ${REPEATS})`,
  );
  log(
    table(
      ['query', 'variant', 'est. rows', 'actual rows', 'sql ms'],
      figures.map((f) => [
        f.query,
        f.variant,
        String(f.estimatedRows),
        String(f.actualRows),
        ms(f.executionMs),
      ]),
    ),
  );
  log(`\nrow estimates over ${ANALYZE_DRAWS} fresh ANALYZE runs (min–max) against the actual rows`);
  log(
    table(
      ['query', 'actual rows', "LIKE '%q%'", 'tokens @@', 'both (what the app asks)'],
      spreads.map((s) => [s.query, String(s.actualRows), range(s.like), range(s.tokens), range(s.both)]),
    ),
  );
  const file = path.join(OUT_DIR, `search-plans-${kind}.json`);
  await writeFile(file, `${JSON.stringify({ figures, spreads }, null, 2)}\n`);
  log(`wrote ${file}`);
  return { figures, spreads };
}

/** Runs on the databases named in BENCH_DATABASES (default both). */
export async function benchSearchPlans(log: (line: string) => void = console.log) {
  const kinds = (process.env.BENCH_DATABASES ?? 'embedded,server')
    .split(',')
    .map((kind) => kind.trim())
    .filter((kind): kind is BenchDatabaseKind => kind === 'embedded' || kind === 'server');
  for (const kind of kinds) await plansOn(kind, log);
}

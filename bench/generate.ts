// Generates a realistic project library (default 1,000,000 projects) with a bulk `unnest` insert.

import type postgres from 'postgres';
import type { Database } from '../src/server/db/connect.ts';
import { seedReference } from '../src/server/db/seed-reference.ts';
import {
  type InvestorBatch,
  investorRows,
  ORGANIZATION_COLUMNS,
  type OrganizationBatch,
  organizationRows,
} from './lib/organization-rows.ts';
import {
  PROJECT_COLUMNS,
  type ProjectBatch,
  type ProjectColumn,
  projectBatches,
} from './lib/project-rows.ts';
import { createRandom } from './lib/random.ts';

export interface GenerateOptions {
  /** Projects to add; default 1,000,000. */
  count?: number;
  /** PRNG seed: the same seed writes the same rows. */
  seed?: number;
  /** Rows per insert statement; default 10,000. */
  batchSize?: number;
  /** Organizations to create as investors; default 20,000. */
  organizations?: number;
  /** Share of projects with investors; default 5%. */
  investorShare?: number;
  log?: (line: string) => void;
}

export interface GenerateResult {
  projects: number;
  organizations: number;
  investorLinks: number;
  seconds: number;
}

const PROJECT_TYPES: Partial<Record<ProjectColumn, string>> = {
  id: 'uuid',
  investment_amount: 'bigint',
  usd_rate: 'numeric',
  investment_yuan: 'bigint',
  expected_output_yuan: 'bigint',
  is_key: 'boolean',
  is_major: 'boolean',
  stage_changed_on: 'date',
  signed_on: 'date',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

type Columns = Record<string, (string | null)[]>;

/** `insert into <table> (...) select <casts> from unnest($1::text[], …) as t(...)` for one batch. */
function insertUnnest(
  sql: postgres.Sql,
  table: string,
  columns: readonly string[],
  rows: Columns,
  expression: (column: string) => string,
) {
  const arrays = columns.map((column) => sql`${sql.array(rows[column] ?? [], 25)}::text[]`);
  const list = arrays.reduce((joined, array) => sql`${joined}, ${array}`);
  const select = columns.map(expression).join(', ');
  return sql`insert into ${sql(table)} (${sql(columns as string[])})
    select ${sql.unsafe(select)} from unnest(${list}) as t (${sql(columns as string[])})`;
}

function projectExpression(column: string): string {
  if (column === 'search_tokens') return `to_tsvector('simple', t.search_tokens)`;
  const type = PROJECT_TYPES[column as ProjectColumn];
  return type ? `t.${column}::${type}` : `t.${column}`;
}

async function insertOrganizations(sql: postgres.Sql, rows: OrganizationBatch, batchSize: number) {
  const total = rows.id.length;
  for (let start = 0; start < total; start += batchSize) {
    const slice: Columns = {};
    for (const column of ORGANIZATION_COLUMNS) slice[column] = rows[column].slice(start, start + batchSize);
    await insertUnnest(sql, 'organizations', ORGANIZATION_COLUMNS, slice, (column) =>
      column === 'id'
        ? 't.id::uuid'
        : column === 'search_tokens'
          ? `to_tsvector('simple', t.search_tokens)`
          : `t.${column}`,
    );
  }
}

async function insertBatch(sql: postgres.Sql, projects: ProjectBatch, investors: InvestorBatch) {
  await insertUnnest(sql, 'projects', PROJECT_COLUMNS, projects, projectExpression);
  if (investors.project_id.length === 0) return;
  await insertUnnest(
    sql,
    'project_investors',
    ['project_id', 'organization_id', 'role', 'position'],
    { ...investors },
    (column) =>
      column === 'position' ? 't.position::integer' : column === 'role' ? 't.role' : `t.${column}::uuid`,
  );
}

const formatCount = (n: number) => n.toLocaleString('en-US');

/**
 * Adds `count` projects spread over real counties and parks (Fujian first), real GB/T 4754 classes, all
 * eight stages, log-normal amounts, and investors for about 5% of them; then runs ANALYZE.
 */
export async function generateProjects(
  database: Database,
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  const count = options.count ?? 1_000_000;
  const batchSize = options.batchSize ?? 10_000;
  const log = options.log ?? ((line: string) => console.log(line));
  const seed = options.seed ?? 20_240_601;
  // One stream per kind of row, so the rows do not depend on the batch size.
  const projectRandom = createRandom(seed);
  const investorRandom = createRandom(seed + 1);
  const { sql } = database;
  const started = performance.now();
  await seedReference(database);
  const [existing] = await sql<{ n: number }[]>`select count(*)::int as n from projects`;

  const organizations = organizationRows(createRandom(seed + 2), options.organizations ?? 20_000);
  await insertOrganizations(sql, organizations, 5_000);
  log(`  ${formatCount(organizations.id.length)} organizations in ${seconds(started)} s`);

  const batches = projectBatches(projectRandom, existing?.n ?? 0);
  let written = 0;
  let links = 0;
  let nextReport = count / 10;
  // Generating the next batch overlaps with the database writing the previous one.
  let pending: Promise<void> | null = null;
  while (written < count) {
    const size = Math.min(batchSize, count - written);
    const projects = batches.next(size);
    const investors = investorRows(
      investorRandom,
      projects.id,
      organizations.id,
      options.investorShare ?? 0.05,
    );
    if (pending) await pending;
    pending = insertBatch(sql, projects, investors);
    written += size;
    links += investors.project_id.length;
    if (written >= nextReport || written === count) {
      const elapsed = (performance.now() - started) / 1000;
      log(
        `  ${formatCount(written)} / ${formatCount(count)} projects queued, ${elapsed.toFixed(1)} s, ` +
          `${formatCount(Math.round(written / elapsed))} rows/s`,
      );
      nextReport += count / 10;
    }
  }
  if (pending) await pending;
  const analyzeStarted = performance.now();
  // Every table, reference data included: PGlite has no autovacuum to do it later.
  await sql`analyze`;
  log(`  analyze ${seconds(analyzeStarted)} s`);
  const total = (performance.now() - started) / 1000;
  log(
    `  generated ${formatCount(count)} projects, ${formatCount(organizations.id.length)} organizations, ` +
      `${formatCount(links)} investor links in ${total.toFixed(1)} s`,
  );
  return { projects: count, organizations: organizations.id.length, investorLinks: links, seconds: total };
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

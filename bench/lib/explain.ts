// Captures the SQL a service runs and replays it under EXPLAIN ANALYZE, for evidence on a slow query.

import { drizzle } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import type { Database, Db } from '../../src/server/db/connect.ts';
import * as schema from '../../src/server/db/schema.ts';

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

export interface ExplainedQuery {
  sql: string;
  params: unknown[];
  /** Execution Time reported by EXPLAIN ANALYZE, in milliseconds. */
  executionMs: number;
  plan: string;
}

/** A Drizzle client on the same connection that records every statement it sends. */
export function tracingDb(database: Database): { db: Db; captured: CapturedQuery[] } {
  const captured: CapturedQuery[] = [];
  const db = drizzle(database.sql, {
    schema,
    logger: { logQuery: (sql, params) => captured.push({ sql, params }) },
  });
  return { db, captured };
}

type Parameter = postgres.ParameterOrJSON<never>;

function driverValue(value: unknown): Parameter {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/** Runs EXPLAIN (ANALYZE, BUFFERS) for one captured statement. */
export async function explainQuery(database: Database, query: CapturedQuery): Promise<ExplainedQuery> {
  const rows = await database.sql.unsafe<{ 'QUERY PLAN': string }[]>(
    `explain (analyze, buffers) ${query.sql}`,
    query.params.map(driverValue),
  );
  const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
  const time = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1];
  return { sql: query.sql, params: query.params, executionMs: time ? Number(time) : Number.NaN, plan };
}

/** Runs `task` once through a tracing client and explains the slowest statement it sent. */
export async function explainSlowest(
  database: Database,
  task: (db: Db) => Promise<unknown>,
): Promise<ExplainedQuery | null> {
  const { db, captured } = tracingDb(database);
  await task(db);
  let slowest: ExplainedQuery | null = null;
  for (const query of captured) {
    const explained = await explainQuery(database, query);
    if (!slowest || explained.executionMs > slowest.executionMs) slowest = explained;
  }
  return slowest;
}

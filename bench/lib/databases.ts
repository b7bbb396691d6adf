// The two bench databases: embedded PGlite in bench/out/embedded (kept between runs) and a server database.

import { rm } from 'node:fs/promises';
import path from 'node:path';
import postgres from 'postgres';
import { type Database, openDatabase } from '../../src/server/db/connect.ts';
import { generateProjects } from '../generate.ts';

export type BenchDatabaseKind = 'embedded' | 'server';

export const OUT_DIR = path.join(import.meta.dirname, '..', 'out');
export const EMBEDDED_DIR = path.join(OUT_DIR, 'embedded');
export const SEED = 20_240_601;

/** How many projects the benches use: BENCH_PROJECTS, default 1,000,000. */
export function benchProjectCount(): number {
  const text = process.env.BENCH_PROJECTS;
  const count = text ? Number(text.replace(/[_,]/g, '')) : 1_000_000;
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`BENCH_PROJECTS is not a count: ${text}`);
  return count;
}

/** The server database the benches own (dropped and recreated per run). */
export function serverUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/luodi_bench';
}

// A comment on the projects table says what was generated, so a data folder is reused only when it matches.
function marker(count: number): string {
  return `luodi-bench v${GENERATOR_VERSION} projects=${count} seed=${SEED}`;
}

/** Bump when generate.ts writes different rows for the same seed, so old data folders are rebuilt. */
// 3: search tokens hold single Han characters too.
const GENERATOR_VERSION = 3;

/** A cheap fingerprint of the generated rows: equal on both databases when they hold the same data. */
export async function dataFingerprint(database: Database): Promise<string> {
  const [row] = await database.sql<{ fingerprint: string }[]>`
    select concat_ws('/', count(*), sum(investment_yuan), sum(length(search_text)),
      count(*) filter (where signed_on is not null)) as fingerprint from projects`;
  return row?.fingerprint ?? '';
}

async function readMarker(database: Database): Promise<string | null> {
  const [row] = await database.sql<{ comment: string | null }[]>`
    select obj_description('projects'::regclass, 'pg_class') as comment`;
  return row?.comment ?? null;
}

async function fill(database: Database, count: number, log: (line: string) => void): Promise<number> {
  log(`generating ${count.toLocaleString('en-US')} projects on the ${database.kind} database`);
  const result = await generateProjects(database, {
    count,
    seed: SEED,
    batchSize: database.kind === 'embedded' ? 5_000 : 10_000,
    log,
  });
  await database.sql.unsafe(`comment on table projects is '${marker(count)}'`);
  return result.seconds;
}

export interface OpenedBench {
  database: Database;
  /** Seconds spent generating in this run, or null when the data was already there. */
  generatedSeconds: number | null;
}

/** Opens the embedded database in bench/out/embedded, generating the projects unless they are there. */
export async function openEmbeddedBench(count: number, log: (line: string) => void): Promise<OpenedBench> {
  let database = await openDatabase({ databaseUrl: null, dataDir: EMBEDDED_DIR });
  if ((await readMarker(database)) === marker(count)) {
    log(`embedded: reusing ${EMBEDDED_DIR} (${count.toLocaleString('en-US')} projects)`);
    return { database, generatedSeconds: null };
  }
  const [row] = await database.sql<{ n: number }[]>`select count(*)::int as n from projects`;
  if ((row?.n ?? 0) > 0) {
    log(`embedded: ${EMBEDDED_DIR} holds other data; starting it again`);
    await database.close();
    await rm(EMBEDDED_DIR, { recursive: true, force: true });
    database = await openDatabase({ databaseUrl: null, dataDir: EMBEDDED_DIR });
  }
  return { database, generatedSeconds: await fill(database, count, log) };
}

/**
 * Drops and recreates the server database, then generates the projects. With `reuse` (or
 * BENCH_REUSE_SERVER=1) a database that already holds the same generated data is kept.
 */
export async function openServerBench(
  count: number,
  log: (line: string) => void,
  options: { reuse?: boolean } = {},
): Promise<OpenedBench> {
  const url = new URL(serverUrl());
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe bench database name: ${name}`);
  if (options.reuse || process.env.BENCH_REUSE_SERVER === '1') {
    try {
      const database = await openDatabase({ databaseUrl: url.toString(), dataDir: null });
      if ((await readMarker(database)) === marker(count)) {
        log(`server: reusing database ${name} (${count.toLocaleString('en-US')} projects)`);
        return { database, generatedSeconds: null };
      }
      await database.close();
    } catch {
      // no such database yet: create it below
    }
  }
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: null });
  return { database, generatedSeconds: await fill(database, count, log) };
}

import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema.ts';

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or an open transaction: services take this so callers choose the boundary. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  /** The raw postgres-js client, for SQL that Drizzle does not express well (unnest imports, LISTEN). */
  sql: postgres.Sql;
  kind: 'embedded' | 'server';
  /** Connection options, so another client (a listener, a benchmark) can reach the same database. */
  connection: { host: string; port: number; database: string; user: string };
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL server URL; null starts the embedded database. */
  databaseUrl: string | null;
  /** Embedded only: the data folder, or null for an in-memory database (tests). */
  dataDir: string | null;
  /** Pool size on a server. */
  maxConnections?: number;
  /**
   * Server only: the longest one statement of the pool may run, in ms (PGlite does not enforce it). Set for the
   * serving app as a second line behind bounded queries; migrations use their own client and are not limited.
   */
  statementTimeoutMs?: number;
}

const migrationsFolder = path.join(import.meta.dirname, 'migrations');

/** Opens the embedded database or a server, and brings its schema up to date. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  const database = options.databaseUrl
    ? openServer(options.databaseUrl, options.maxConnections ?? 10, options.statementTimeoutMs)
    : await openEmbedded(options.dataDir);
  try {
    await migrateDatabase(database, options.databaseUrl);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

function openServer(url: string, max: number, statementTimeoutMs: number | undefined): Database {
  const sql = postgres(url, {
    max,
    onnotice: () => {},
    ...(statementTimeoutMs ? { connection: { statement_timeout: statementTimeoutMs } } : {}),
  });
  const parsed = new URL(url);
  return {
    db: drizzle(sql, { schema }),
    sql,
    kind: 'server',
    connection: {
      host: parsed.hostname,
      port: Number(parsed.port || 5432),
      database: decodeURIComponent(parsed.pathname.slice(1)),
      user: decodeURIComponent(parsed.username || 'postgres'),
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

async function openEmbedded(dataDir: string | null): Promise<Database> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const worker = new Worker(new URL('./embedded-worker.js', import.meta.url), {
    workerData: {
      dataDir: dataDir ? path.join(dataDir, 'pg') : null,
      host: '127.0.0.1',
      port: 0,
      maxConnections: 8,
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: { type: string; port?: number; message?: string }) => {
      if (message.type === 'ready' && message.port) resolve(message.port);
      else reject(new Error(`embedded database failed to start: ${message.message ?? message.type}`));
    });
  });
  // PGlite is one backend: a single pooled connection keeps extended-protocol messages from interleaving.
  const sql = postgres({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    onnotice: () => {},
  });
  return {
    db: drizzle(sql, { schema }),
    sql,
    kind: 'embedded',
    connection: { host: '127.0.0.1', port, database: 'postgres', user: 'postgres' },
    close: async () => {
      await sql.end({ timeout: 5 });
      const stopped = new Promise<void>((resolve) => worker.once('message', () => resolve()));
      worker.postMessage({ type: 'stop' });
      await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 5000))]);
      await worker.terminate();
    },
  };
}

/** Applies pending migrations; an advisory lock keeps two instances starting together from racing. */
export async function migrateDatabase(database: Database, databaseUrl: string | null): Promise<void> {
  // The lock is per session, so it needs a client with exactly one connection.
  const client = databaseUrl ? postgres(databaseUrl, { max: 1, onnotice: () => {} }) : database.sql;
  try {
    await client`select pg_advisory_lock(727274)`;
    try {
      await migrate(drizzle(client, { schema }), { migrationsFolder });
    } finally {
      await client`select pg_advisory_unlock(727274)`;
    }
  } finally {
    if (client !== database.sql) await client.end({ timeout: 5 });
  }
}

/** True when the embedded data folder already holds a database. */
export function hasEmbeddedData(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'pg', 'PG_VERSION'));
}

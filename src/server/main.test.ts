import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';
import { openDatabase } from './db/connect.ts';
import { STOP_GRACE_MS, startServer } from './main.ts';
import { openTestDatabase } from './testing/database.ts';

const isServer = Boolean(process.env.DATABASE_URL);

/** A GET whose bytes have all been written to the server; `ended` settles however it ends. */
function requestSent(url: string): { sent: Promise<void>; ended: Promise<void> } {
  const request = http.get(url);
  const sent = new Promise<void>((resolve) => request.on('finish', () => resolve()));
  const ended = new Promise<void>((resolve) => {
    request.on('response', (response) => response.resume().on('close', () => resolve()));
    request.on('error', () => resolve());
  });
  return { sent, ended };
}
const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe.runIf(!isServer)('stopping the server', () => {
  it('stops within its grace period while a request waits on a stuck database', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'luodi-stop-'));
    folders.push(dataDir);
    const server = await startServer(
      readConfig({ PORT: '0', HOST: '127.0.0.1', LUODI_DATA_DIR: dataDir, LUODI_DEMO: '0' }),
      { logger: false },
    );
    // The embedded database has one connection: a long statement on it holds every request behind it.
    const stuck = server.database.sql`select pg_sleep(120)`.catch(() => 'ended');
    const waiting = requestSent(`${server.url}/api/screen/events/00000000-0000-4000-8000-000000000000`);
    await waiting.sent;
    // A later request answered from memory means the server has taken up the earlier one, now waiting.
    expect((await fetch(`${server.url}/api/docs/json`)).status).toBe(200);
    const started = Date.now();
    await server.stop();
    expect(Date.now() - started).toBeLessThan(STOP_GRACE_MS + 15_000);
    await Promise.all([stuck, waiting.ended]);
  }, 60_000);
});

describe.runIf(isServer)('statement timeout', () => {
  it('ends a statement of the serving pool that runs longer than the timeout', async () => {
    const test = await openTestDatabase();
    const { host, port, database, user } = test.connection;
    const limited = await openDatabase({
      databaseUrl: `postgres://${user}@${host}:${port}/${database}`,
      dataDir: null,
      maxConnections: 1,
      statementTimeoutMs: 300,
    });
    try {
      await expect(limited.sql`select pg_sleep(5)`).rejects.toMatchObject({ code: '57014' });
      const [row] = await limited.sql<{ n: number }[]>`select 1 as n`;
      expect(row?.n).toBe(1);
    } finally {
      await limited.close();
      await test.close();
    }
  });
});

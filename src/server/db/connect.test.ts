import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { startTestApp } from '../testing/app.ts';
import { openTestDatabase } from '../testing/database.ts';
import { openDatabase } from './connect.ts';
import { seedReference } from './seed-reference.ts';

const isServer = Boolean(process.env.DATABASE_URL);
const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe.runIf(!isServer)('embedded database', () => {
  it('keeps data written before a restart', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'luodi-restart-'));
    folders.push(dataDir);
    const first = await openDatabase({ databaseUrl: null, dataDir });
    await seedReference(first);
    await first.sql`insert into organizations (name_zh, name_key, type, region_code, search_text, search_tokens)
      values ('重启测试有限公司', '重启测试', 'private', '350100', '重启测试有限公司', to_tsvector('simple', '重启 启测 测试'))`;
    await first.close();

    const second = await openDatabase({ databaseUrl: null, dataDir });
    const rows = await second.sql<{ name_zh: string }[]>`select name_zh from organizations`;
    const [regions] = await second.sql<{ n: number }[]>`select count(*)::int as n from regions`;
    await second.close();
    expect(rows.map((row) => row.name_zh)).toEqual(['重启测试有限公司']);
    expect(regions?.n).toBeGreaterThan(3000);
  });

  it('applies migrations once: opening twice leaves one row per migration', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'luodi-migrate-'));
    folders.push(dataDir);
    await (await openDatabase({ databaseUrl: null, dataDir })).close();
    const again = await openDatabase({ databaseUrl: null, dataDir });
    const [row] = await again.sql<
      { n: number }[]
    >`select count(*)::int as n from drizzle.__drizzle_migrations`;
    await again.close();
    expect(row?.n).toBeGreaterThan(0);
  });
});

describe.runIf(isServer)('PostgreSQL server', () => {
  it('two app instances on one database serve the same data', async () => {
    const t = await startTestApp();
    try {
      const second = await buildApp({ database: t.database });
      const officer = await t.user('officer', '350100');
      const created = await t.call(officer, 'POST', '/api/organizations', {
        nameZh: '双实例测试有限公司',
        type: 'private',
      });
      expect(created.statusCode).toBe(201);
      const read = await second.inject({
        method: 'GET',
        url: `/api/organizations/${created.json().id}`,
        headers: { authorization: `Bearer ${officer.token}` },
      });
      expect(read.json().nameZh).toBe('双实例测试有限公司');
      await second.close();
    } finally {
      await t.close();
    }
  });
});

describe('reference data', () => {
  it('loads once and is skipped when unchanged', async () => {
    const database = await openTestDatabase();
    try {
      const [before] = await database.sql<{ n: number }[]>`select count(*)::int as n from regions`;
      await seedReference(database);
      const [after] = await database.sql<{ n: number }[]>`select count(*)::int as n from regions`;
      expect(after?.n).toBe(before?.n);
      const [fuzhou] = await database.sql<
        { scope_prefix: string; parent_code: string }[]
      >`select scope_prefix, parent_code from regions where code = '350100'`;
      expect(fuzhou).toEqual({ scope_prefix: '3501', parent_code: '350000' });
      const [classes] = await database.sql<
        { n: number }[]
      >`select count(*)::int as n from industries where level = 4`;
      expect(classes?.n).toBeGreaterThan(1300);
    } finally {
      await database.close();
    }
  });
});

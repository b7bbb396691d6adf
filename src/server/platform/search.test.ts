import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageIds } from '../features/projects/page.ts';
import { startTestApp, type TestContext, type TestUser } from '../testing/app.ts';
import { reindexSearchIfNeeded, SEARCH_TOKENS_VERSION } from './search-reindex.ts';

let t: TestContext;
let officer: TestUser;
const names = [
  '鲸鱼湾海洋牧场项目',
  '低温银浆项目',
  '银浆回收项目',
  '温州银行浆料中心',
  '智能制造产业园',
  '智能装备制造基地',
  'LED显示屏模组项目',
  '数字经济产业园',
];

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.user('officer', '350100');
  for (const [index, nameZh] of names.entries()) {
    const response = await t.call(officer, 'POST', '/api/projects', {
      nameZh,
      regionCode: '350102',
      industryCode: '6513',
      categoryCode: 'digital_industry',
      source: 'event',
      investment: `${index + 1}亿`,
    });
    expect(response.statusCode).toBe(201);
  }
});
afterAll(() => t.close());

const search = async (q: string) =>
  (
    (await t.call(officer, 'GET', `/api/projects?q=${encodeURIComponent(q)}&limit=200`)).json().items as {
      nameZh: string;
    }[]
  )
    .map((p) => p.nameZh)
    .sort();

describe('Chinese search', () => {
  it.each([
    ['鲸', ['鲸鱼湾海洋牧场项目']],
    ['银浆', ['低温银浆项目', '银浆回收项目']],
    ['低温银浆', ['低温银浆项目']],
    ['智能制造', ['智能制造产业园']],
    ['智能 制造', ['智能制造产业园', '智能装备制造基地']],
    ['led', ['LED显示屏模组项目']],
    ['ＬＥＤ显示', ['LED显示屏模组项目']],
    ['浆料', ['温州银行浆料中心']],
    ['，', []],
  ])('%s finds %j', async (q, expected) => {
    expect(await search(q)).toEqual([...expected].sort());
  });

  it('gives the same pages whether the hits lie inside the search window or beyond it', async () => {
    const filters = [sql`true`];
    for (const q of ['项目', '银浆', '产业园', '鲸']) {
      const everything = await pageIds(
        t.database.db,
        filters,
        { q, sort: 'investment', order: 'desc' },
        100,
        100_000,
      );
      for (const window of [1, 2, 3, 8]) {
        expect(
          await pageIds(t.database.db, filters, { q, sort: 'investment', order: 'desc' }, 2, window),
        ).toEqual(everything.slice(0, 2));
      }
    }
  });
});

describe('search index rebuild', () => {
  it('rebuilds vectors written by an older tokenizer, so one-character queries find them', async () => {
    await t.database.sql`update projects set search_tokens = to_tsvector('simple', '鲸鱼 鱼湾')`;
    await t.database.sql`update reference_versions set version = 'old' where dataset = 'search_tokens'`;
    expect(await search('鲸')).toEqual([]);
    expect(await reindexSearchIfNeeded(t.database)).toBeGreaterThanOrEqual(names.length);
    expect(await search('鲸')).toEqual(['鲸鱼湾海洋牧场项目']);
    const [row] = await t.database.sql<
      { version: string }[]
    >`select version from reference_versions where dataset = 'search_tokens'`;
    expect(row?.version).toBe(SEARCH_TOKENS_VERSION);
    expect(await reindexSearchIfNeeded(t.database)).toBe(0);
  });
});

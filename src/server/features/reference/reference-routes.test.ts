import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../testing/app.ts';

let t: TestContext;
let officer: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  officer = await t.user('officer', '350500');
});
afterAll(() => t.close());

describe('reference routes', () => {
  it('starts the region tree at the user’s home region', async () => {
    const top = (await t.call(officer, 'GET', '/api/reference/regions')).json().items;
    expect(top).toEqual([
      expect.objectContaining({ code: '350500', nameZh: '泉州市', level: 'city', hasChildren: true }),
    ]);
    const parks = (await t.call(officer, 'GET', '/api/reference/regions?parent=350505')).json().items;
    expect(parks).toEqual([
      expect.objectContaining({ level: 'park', parentCode: '350505', hasChildren: false }),
    ]);
  });

  it('lists industries level by level and finds them by code or name', async () => {
    const sections = (await t.call(officer, 'GET', '/api/reference/industries')).json().items;
    expect(sections).toHaveLength(20);
    const byCode = (await t.call(officer, 'GET', '/api/reference/industries?q=6513')).json().items;
    expect(byCode).toEqual([expect.objectContaining({ code: '6513', nameZh: '应用软件开发', level: 4 })]);
    const byName = (
      await t.call(officer, 'GET', `/api/reference/industries?q=${encodeURIComponent('软件开发')}`)
    ).json().items;
    expect(byName.map((i: { code: string }) => i.code)).toEqual(
      expect.arrayContaining(['651', '6511', '6512', '6513']),
    );
    const tooLong = await t.call(officer, 'GET', `/api/reference/industries?q=${'x'.repeat(60)}`);
    expect(tooLong.statusCode).toBe(400);
  });

  it('serves the code lists and stages in both languages', async () => {
    const categories = (await t.call(officer, 'GET', '/api/reference/project-categories')).json().items;
    expect(categories.map((c: { code: string }) => c.code)).toEqual([
      'digital_industry',
      'digital_transformation',
      'new_infrastructure',
      'regional_hq',
      'other',
    ]);
    const stages = (await t.call(officer, 'GET', '/api/reference/stages')).json().items;
    expect(stages[4]).toEqual({ code: 'construction', nameZh: '开工', nameEn: expect.any(String) });
  });
});

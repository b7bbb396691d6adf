import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../testing/app.ts';

let t: TestContext;
let fuzhou: TestUser;
let quanzhou: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  fuzhou = await t.user('officer', '350100');
  quanzhou = await t.user('officer', '350500');
});
afterAll(() => t.close());

const create = (user: TestUser, body: Record<string, unknown>) =>
  t.call(user, 'POST', '/api/organizations', body);

describe('organizations', () => {
  it('creates an organization with a valid credit code and reads it back', async () => {
    const response = await create(fuzhou, {
      nameZh: '厦门光莆电子股份有限公司',
      nameEn: 'Xiamen Guangpu Electronics',
      usci: '91350100m000100y43',
      type: 'private',
      origin: '350200',
    });
    expect(response.statusCode).toBe(201);
    const organization = response.json();
    expect(organization).toMatchObject({
      usci: '91350100M000100Y43',
      type: 'private',
      region: { code: '350100' },
      version: 1,
      originName: { zh: '厦门市', en: 'Xiamen' },
    });
    const read = await t.call(fuzhou, 'GET', `/api/organizations/${organization.id}`);
    expect(read.json().nameZh).toBe('厦门光莆电子股份有限公司');
  });

  it('rejects a credit code with a wrong check character, saying which character is expected', async () => {
    const response = await create(fuzhou, {
      nameZh: '某某科技有限公司',
      usci: '91350100M000100Y44',
      type: 'private',
    });
    expect(response.statusCode).toBe(400);
    const detail = response.json().error.details[0];
    expect(detail).toMatchObject({ field: 'usci', code: 'usci.check' });
    expect(detail.zh).toContain('3');
  });

  it('names the regionCode field when the keeping region does not exist', async () => {
    const response = await create(fuzhou, {
      nameZh: '无地区有限公司',
      type: 'private',
      regionCode: '999999',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({ field: 'regionCode', code: 'region.unknown' });
  });

  it('refuses a second live organization with the same credit code (409)', async () => {
    const response = await create(fuzhou, {
      nameZh: '另一个名字有限公司',
      usci: '91350100M000100Y43',
      type: 'private',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details[0].field).toBe('usci');
  });

  it('rejects unknown types, too-short names and unknown fields of the wrong type', async () => {
    const response = await create(fuzhou, { nameZh: 'x', type: 'startup' });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.nameZh', 'body.type']));
  });

  it('searches Chinese names by two characters and lists page by page', async () => {
    for (const name of ['福建汉特云智能科技有限公司', '北京洛必德科技有限公司', '北京布科思科技有限公司']) {
      expect((await create(fuzhou, { nameZh: name, type: 'private' })).statusCode).toBe(201);
    }
    const search = await t.call(fuzhou, 'GET', `/api/organizations?q=${encodeURIComponent('洛必')}`);
    expect(search.json().items.map((o: { nameZh: string }) => o.nameZh)).toEqual(['北京洛必德科技有限公司']);
    const first = await t.call(fuzhou, 'GET', '/api/organizations?limit=2');
    const page1 = first.json();
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).toBeTruthy();
    const second = await t.call(fuzhou, 'GET', `/api/organizations?limit=2&cursor=${page1.nextCursor}`);
    const ids = new Set([...page1.items, ...second.json().items].map((o: { id: string }) => o.id));
    expect(ids.size).toBe(page1.items.length + second.json().items.length);
    const bad = await t.call(fuzhou, 'GET', '/api/organizations?cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].code).toBe('cursor.invalid');
  });

  it('updates with the current version and refuses a stale one with 409', async () => {
    const created = (
      await create(fuzhou, { nameZh: '福州物联网开放实验室有限公司', type: 'local_soe' })
    ).json();
    const updated = await t.call(fuzhou, 'PATCH', `/api/organizations/${created.id}`, {
      nameEn: 'Fuzhou IoT Open Lab',
      version: 1,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().version).toBe(2);
    const stale = await t.call(fuzhou, 'PATCH', `/api/organizations/${created.id}`, {
      nameEn: 'Overwrite',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
  });

  it('finds duplicates by credit code and by near-identical name, and merges them moving every reference', async () => {
    const kept = (
      await create(fuzhou, {
        nameZh: '宽腾（北京）医疗器械有限公司',
        usci: '91110000600037341L',
        type: 'private',
      })
    ).json();
    const dup = (
      await create(fuzhou, {
        nameZh: '宽腾(北京)医疗器械有限责任公司',
        type: 'private',
        nameEn: 'Kuanteng Medical',
      })
    ).json();
    const check = await t.call(fuzhou, 'POST', '/api/organizations/duplicate-check', {
      nameZh: '宽腾北京医疗器械有限公司',
    });
    const found = check.json().items.map((c: { organization: { id: string } }) => c.organization.id);
    expect(found).toEqual(expect.arrayContaining([kept.id, dup.id]));
    const byUsci = await t.call(fuzhou, 'POST', '/api/organizations/duplicate-check', {
      nameZh: '完全不同的名字',
      usci: '91110000600037341L',
    });
    expect(byUsci.json().items[0]).toMatchObject({ organization: { id: kept.id }, reasons: ['same_usci'] });

    const project = await t.call(fuzhou, 'POST', '/api/projects', {
      nameZh: '医疗机器人研发基地',
      regionCode: '350102',
      industryCode: '3584',
      categoryCode: 'digital_industry',
      investment: '1.2亿',
      source: 'event',
      investors: [{ organizationId: dup.id, role: 'lead_investor' }],
    });
    expect(project.statusCode).toBe(201);

    const merge = await t.call(fuzhou, 'POST', `/api/organizations/${kept.id}/merge`, { sourceId: dup.id });
    expect(merge.statusCode).toBe(200);
    expect(merge.json().moved.projects).toBe(1);
    expect(merge.json().organization.nameEn).toBe('Kuanteng Medical');
    const investors = (await t.call(fuzhou, 'GET', `/api/projects/${project.json().id}`)).json().investors;
    expect(investors.map((i: { organizationId: string }) => i.organizationId)).toEqual([kept.id]);
    expect((await t.call(fuzhou, 'GET', `/api/organizations/${dup.id}`)).statusCode).toBe(404);
    const self = await t.call(fuzhou, 'POST', `/api/organizations/${kept.id}/merge`, { sourceId: kept.id });
    expect(self.statusCode).toBe(400);
  });

  it('keeps an organization of another city invisible and unchangeable', async () => {
    const theirs = (await create(quanzhou, { nameZh: '泉州市鑫昕信息技术有限公司', type: 'private' })).json();
    expect((await t.call(fuzhou, 'GET', `/api/organizations/${theirs.id}`)).statusCode).toBe(404);
    expect(
      (await t.call(fuzhou, 'PATCH', `/api/organizations/${theirs.id}`, { nameEn: 'x', version: 1 }))
        .statusCode,
    ).toBe(404);
    const list = (await t.call(fuzhou, 'GET', `/api/organizations?q=${encodeURIComponent('鑫昕')}`)).json();
    expect(list.items).toHaveLength(0);
    const filter = await t.call(fuzhou, 'GET', '/api/organizations?region=350500');
    expect(filter.statusCode).toBe(403);
  });
});

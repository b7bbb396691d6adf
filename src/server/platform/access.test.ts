import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../testing/app.ts';

// Two cities of one province, a city of another province, and who may see what.
let t: TestContext;
let fuzhouOfficer: TestUser;
let quanzhouOfficer: TestUser;
let fujianLeader: TestUser;
let hebeiOfficer: TestUser;
let enterprise: TestUser;
let fuzhouProject: { id: string; version: number };
let quanzhouProject: { id: string; version: number };
let quanzhouOrg: { id: string; version: number };

const names = (response: { json(): { items: { nameZh: string }[] } }) =>
  response.json().items.map((item) => item.nameZh);

async function excelNames(user: TestUser): Promise<string[]> {
  const response = await t.call(user, 'GET', '/api/projects/export.xlsx');
  expect(response.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const result: string[] = [];
  sheet?.eachRow((row, index) => {
    if (index > 1) result.push(String(row.getCell(2).value));
  });
  return result;
}

beforeAll(async () => {
  t = await startTestApp();
  fuzhouOfficer = await t.user('officer', '350100');
  quanzhouOfficer = await t.user('officer', '350500');
  fujianLeader = await t.user('leader', '350000');
  hebeiOfficer = await t.user('officer', '130100');
  const investor = (
    await t.call(quanzhouOfficer, 'POST', '/api/organizations', {
      nameZh: '百宏聚纤科技实业有限公司',
      type: 'private',
    })
  ).json();
  quanzhouOrg = investor;
  const common = { industryCode: '2653', categoryCode: 'other', source: 'event', investment: '138亿' };
  fuzhouProject = (
    await t.call(fuzhouOfficer, 'POST', '/api/projects', {
      ...common,
      nameZh: '福州数字经济产业园',
      regionCode: '350102',
    })
  ).json();
  quanzhouProject = (
    await t.call(quanzhouOfficer, 'POST', '/api/projects', {
      ...common,
      nameZh: '泉港百宏化工新材料项目',
      regionCode: '350505',
      investors: [{ organizationId: investor.id, role: 'lead_investor' }],
    })
  ).json();
  enterprise = await t.user('enterprise', '350500', { organizationId: investor.id });
});
afterAll(() => t.close());

describe('region scope', () => {
  it('an officer of one city cannot read, list, search, count, export or change another city’s project', async () => {
    expect((await t.call(fuzhouOfficer, 'GET', `/api/projects/${quanzhouProject.id}`)).statusCode).toBe(404);
    expect(
      (await t.call(fuzhouOfficer, 'GET', `/api/projects/${quanzhouProject.id}/timeline`)).statusCode,
    ).toBe(404);
    expect(names(await t.call(fuzhouOfficer, 'GET', '/api/projects'))).toEqual(['福州数字经济产业园']);
    expect(
      names(await t.call(fuzhouOfficer, 'GET', `/api/projects?q=${encodeURIComponent('百宏')}`)),
    ).toEqual([]);
    expect((await t.call(fuzhouOfficer, 'GET', '/api/projects/count')).json().count).toBe(1);
    expect((await t.call(fuzhouOfficer, 'GET', '/api/projects?region=350500')).statusCode).toBe(403);
    expect((await t.call(fuzhouOfficer, 'GET', '/api/projects/count?region=350505')).statusCode).toBe(403);
    expect(await excelNames(fuzhouOfficer)).toEqual(['福州数字经济产业园']);
    const patch = await t.call(fuzhouOfficer, 'PATCH', `/api/projects/${quanzhouProject.id}`, {
      nameZh: '改名',
      version: quanzhouProject.version,
    });
    expect(patch.statusCode).toBe(404);
    const move = await t.call(fuzhouOfficer, 'POST', `/api/projects/${quanzhouProject.id}/stage`, {
      to: 'negotiating',
      on: '2024-01-01',
      version: quanzhouProject.version,
    });
    expect(move.statusCode).toBe(404);
    const audit = await t.call(fuzhouOfficer, 'GET', `/api/audit?entity=project&id=${quanzhouProject.id}`);
    expect(audit.json().items).toEqual([]);
    // Nothing changed underneath.
    expect(
      (await t.call(quanzhouOfficer, 'GET', `/api/projects/${quanzhouProject.id}`)).json(),
    ).toMatchObject({ nameZh: '泉港百宏化工新材料项目', stage: 'lead', version: 1 });
  });

  it('an officer of one city cannot read, list, search or change another city’s organization', async () => {
    expect((await t.call(fuzhouOfficer, 'GET', `/api/organizations/${quanzhouOrg.id}`)).statusCode).toBe(404);
    expect(
      names(await t.call(fuzhouOfficer, 'GET', `/api/organizations?q=${encodeURIComponent('百宏')}`)),
    ).toEqual([]);
    expect(
      (
        await t.call(fuzhouOfficer, 'PATCH', `/api/organizations/${quanzhouOrg.id}`, {
          nameEn: 'x',
          version: quanzhouOrg.version,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.call(fuzhouOfficer, 'GET', `/api/organizations/${quanzhouOrg.id}/duplicates`)).statusCode,
    ).toBe(404);
    const check = await t.call(fuzhouOfficer, 'POST', '/api/organizations/duplicate-check', {
      nameZh: '百宏聚纤科技实业有限公司',
    });
    expect(check.json().items).toEqual([]);
  });

  it('an officer of another province sees none of it', async () => {
    expect(names(await t.call(hebeiOfficer, 'GET', '/api/projects'))).toEqual([]);
    expect((await t.call(hebeiOfficer, 'GET', '/api/projects/count')).json()).toMatchObject({
      count: 0,
      investmentYuan: 0,
    });
    expect((await t.call(hebeiOfficer, 'GET', '/api/reference/regions?parent=350000')).statusCode).toBe(404);
  });

  it('a provincial leader sees every city of the province, and may not change anything', async () => {
    expect(names(await t.call(fujianLeader, 'GET', '/api/projects?sort=name&order=asc')).sort()).toEqual(
      ['泉港百宏化工新材料项目', '福州数字经济产业园'].sort(),
    );
    expect((await t.call(fujianLeader, 'GET', '/api/projects/count')).json()).toMatchObject({
      count: 2,
      investmentYuan: 27_600_000_000,
    });
    expect((await t.call(fujianLeader, 'GET', `/api/projects/${quanzhouProject.id}`)).statusCode).toBe(200);
    expect((await t.call(fujianLeader, 'GET', '/api/projects?region=350500')).json().items).toHaveLength(1);
    const patch = await t.call(fujianLeader, 'PATCH', `/api/projects/${fuzhouProject.id}`, {
      nameZh: '改名',
      version: fuzhouProject.version,
    });
    expect(patch.statusCode).toBe(403);
    const cities = (await t.call(fujianLeader, 'GET', '/api/reference/regions?parent=350000')).json().items;
    expect(cities.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['350100', '350500']));
    expect(cities.every((c: { hasChildren: boolean }) => c.hasChildren)).toBe(true);
    const districts = (await t.call(fujianLeader, 'GET', '/api/reference/regions?parent=350500')).json()
      .items;
    expect(districts.find((d: { code: string }) => d.code === '350502')).toMatchObject({
      nameZh: '鲤城区',
      hasChildren: false,
    });
  });

  it('an enterprise user sees only the projects its organization invests in', async () => {
    expect(names(await t.call(enterprise, 'GET', '/api/projects'))).toEqual(['泉港百宏化工新材料项目']);
    expect((await t.call(enterprise, 'GET', `/api/projects/${fuzhouProject.id}`)).statusCode).toBe(404);
    expect((await t.call(enterprise, 'GET', '/api/projects/count')).json().count).toBe(1);
    expect(await excelNames(enterprise)).toEqual(['泉港百宏化工新材料项目']);
    expect((await t.call(enterprise, 'GET', `/api/organizations/${quanzhouOrg.id}`)).statusCode).toBe(200);
    const write = await t.call(enterprise, 'POST', '/api/projects', {
      nameZh: '自建项目',
      regionCode: '350505',
      industryCode: '2653',
      categoryCode: 'other',
      source: 'event',
      investment: '1亿',
    });
    expect(write.statusCode).toBe(403);
  });

  it('an anonymous caller gets 401 on every data route', async () => {
    for (const url of [
      '/api/projects',
      '/api/projects/count',
      '/api/projects/export.xlsx',
      `/api/projects/${fuzhouProject.id}`,
      '/api/organizations',
      '/api/reference/regions',
    ]) {
      const response = await t.call(null, 'GET', url);
      expect(response.statusCode, url).toBe(401);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../testing/app.ts';

// A 409 for a value already in use names the record holding it only to someone who may read that record.
let t: TestContext;
let quanzhou: TestUser;
let fuzhou: TestUser;
let province: TestUser;
const USCI = '91350100M000100Y43';
const NATIONAL_CODE = '2603-141124-89-05-346948';
let organization: { id: string; nameZh: string };
let project: { id: string; code: string; nameZh: string };

const projectBody = (extra: Record<string, string>) => ({
  nameZh: '另一个项目',
  investment: '1亿元',
  industryCode: '6513',
  categoryCode: 'digital_industry',
  source: 'event',
  ...extra,
});

beforeAll(async () => {
  t = await startTestApp();
  quanzhou = await t.user('officer', '350500');
  fuzhou = await t.user('officer', '350100');
  province = await t.user('officer', '350000');
  const org = await t.call(quanzhou, 'POST', '/api/organizations', {
    nameZh: '泉州保密机械有限公司',
    type: 'private',
    usci: USCI,
  });
  expect(org.statusCode, org.body).toBe(201);
  organization = org.json();
  const created = await t.call(
    quanzhou,
    'POST',
    '/api/projects',
    projectBody({ nameZh: '泉州保密项目', regionCode: '350502', nationalCode: NATIONAL_CODE }),
  );
  expect(created.statusCode, created.body).toBe(201);
  project = created.json();
});
afterAll(() => t.close());

/** The 409 says the value is taken and names nothing of the record holding it. */
function expectUnnamed(body: string, hidden: string[]) {
  for (const text of hidden) expect(body).not.toContain(text);
}

describe('conflicts on values another region holds', () => {
  it('says a credit code is taken without naming the other region’s organization', async () => {
    const created = await t.call(fuzhou, 'POST', '/api/organizations', {
      nameZh: '福州某公司',
      type: 'private',
      usci: USCI,
    });
    expect(created.statusCode).toBe(409);
    expect(created.json().error).toMatchObject({ code: 'organization.usci_exists' });
    expect(created.json().error.details[0]).toMatchObject({ field: 'usci' });
    expect(created.json().error.zh).toContain('已被其他单位使用');
    expectUnnamed(created.body, [organization.nameZh, organization.id]);

    const own = await t.call(fuzhou, 'POST', '/api/organizations', {
      nameZh: '福州自有公司',
      type: 'private',
    });
    const updated = await t.call(fuzhou, 'PATCH', `/api/organizations/${own.json().id}`, {
      usci: USCI,
      version: own.json().version,
    });
    expect(updated.statusCode).toBe(409);
    expectUnnamed(updated.body, [organization.nameZh, organization.id]);
  });

  it('names the organization to someone who may read it', async () => {
    const created = await t.call(province, 'POST', '/api/organizations', {
      nameZh: '省里某公司',
      type: 'private',
      usci: USCI,
    });
    expect(created.statusCode).toBe(409);
    expect(created.body).toContain(organization.nameZh);
    expect(created.json().error.details[0].zh).toContain(organization.id);
  });

  it('says a project code or national code is taken without naming the other region’s project', async () => {
    const sameCode = await t.call(fuzhou, 'POST', '/api/projects', {
      ...projectBody({ regionCode: '350102' }),
      code: project.code,
    });
    expect(sameCode.statusCode).toBe(409);
    expect(sameCode.json().error.details[0]).toMatchObject({ code: 'project.code_exists', field: 'code' });
    expectUnnamed(sameCode.body, [project.nameZh, project.id]);

    const sameNational = await t.call(
      fuzhou,
      'POST',
      '/api/projects',
      projectBody({ regionCode: '350102', nationalCode: NATIONAL_CODE }),
    );
    expect(sameNational.statusCode).toBe(409);
    expect(sameNational.json().error.details[0]).toMatchObject({ field: 'nationalCode' });
    expectUnnamed(sameNational.body, [project.code, project.nameZh, project.id]);

    const seen = await t.call(
      province,
      'POST',
      '/api/projects',
      projectBody({ regionCode: '350102', nationalCode: NATIONAL_CODE }),
    );
    expect(seen.statusCode).toBe(409);
    expect(seen.body).toContain(project.code);
  });
});

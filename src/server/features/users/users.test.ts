import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../testing/app.ts';

// Every reference a user record holds (region, role, organization) must lie inside the creating admin's scope.
let t: TestContext;
let fuzhouAdmin: TestUser;
let fuzhouOfficer: TestUser;
let quanzhouOfficer: TestUser;
let fuzhouOrg: { id: string };
let quanzhouOrg: { id: string };

let counter = 0;
function newUser(fields: Record<string, unknown>) {
  counter += 1;
  return {
    username: `made-${counter}`,
    displayName: '新用户',
    password: 'a-long-password',
    role: 'enterprise',
    regionCode: '350100',
    ...fields,
  };
}

async function userCount(): Promise<number> {
  const [row] = await t.database.sql<{ n: string }[]>`select count(*) as n from users`;
  return Number(row?.n);
}

beforeAll(async () => {
  t = await startTestApp();
  fuzhouAdmin = await t.user('admin', '350100');
  fuzhouOfficer = await t.user('officer', '350100');
  quanzhouOfficer = await t.user('officer', '350500');
  fuzhouOrg = (
    await t.call(fuzhouOfficer, 'POST', '/api/organizations', {
      nameZh: '福州本地科技有限公司',
      type: 'private',
    })
  ).json();
  quanzhouOrg = (
    await t.call(quanzhouOfficer, 'POST', '/api/organizations', {
      nameZh: '泉州外地科技有限公司',
      type: 'private',
    })
  ).json();
});
afterAll(() => t.close());

describe('creating users within the admin’s scope', () => {
  it('binds an enterprise user to an organization the admin’s region keeps', async () => {
    const created = await t.call(
      fuzhouAdmin,
      'POST',
      '/api/users',
      newUser({ organizationId: fuzhouOrg.id }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ role: 'enterprise', organizationId: fuzhouOrg.id });
  });

  it('refuses another region’s organization as if it did not exist, and creates nothing', async () => {
    const before = await userCount();
    const created = await t.call(
      fuzhouAdmin,
      'POST',
      '/api/users',
      newUser({ organizationId: quanzhouOrg.id }),
    );
    expect(created.statusCode).toBe(400);
    expect(created.json().error.details[0]).toMatchObject({
      code: 'organization.unknown',
      field: 'organizationId',
    });
    expect(created.body).not.toContain('泉州外地');
    expect(await userCount()).toBe(before);
  });

  it.each([
    ['a province admin', { role: 'admin', regionCode: '350000' }],
    ['an admin of another city', { role: 'admin', regionCode: '350500' }],
    ['an officer of another city', { role: 'officer', regionCode: '350500' }],
    ['a user of the whole country', { role: 'leader', regionCode: '000000' }],
  ])('refuses %s', async (_what, fields) => {
    const before = await userCount();
    const created = await t.call(fuzhouAdmin, 'POST', '/api/users', newUser(fields));
    expect([400, 403]).toContain(created.statusCode);
    expect(await userCount()).toBe(before);
  });

  it('lets only admins create or list users', async () => {
    const created = await t.call(fuzhouOfficer, 'POST', '/api/users', newUser({ role: 'officer' }));
    expect(created.statusCode).toBe(403);
    expect((await t.call(fuzhouOfficer, 'GET', '/api/users')).statusCode).toBe(403);
    const listed = (await t.call(fuzhouAdmin, 'GET', '/api/users')).json<{
      items: { regionCode: string }[];
    }>();
    expect(listed.items.every((user) => user.regionCode.startsWith('3501'))).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../testing/app.ts';

// A file follows what it is attached to: evidence is read with its project, a loose file by its uploader.
let t: TestContext;
let officer: TestUser;
let colleague: TestUser;
let investorUser: TestUser;
let outsiderUser: TestUser;
let quanzhou: TestUser;
let project: { id: string; version: number };

function upload(user: TestUser, name: string) {
  return t
    .upload(user, '/api/files', {
      name,
      type: 'application/pdf',
      content: Buffer.from(`%PDF-1.4\n% ${name}\n`),
    })
    .then((response) => {
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string }>().id;
    });
}

async function status(user: TestUser, fileId: string): Promise<number> {
  return (await t.call(user, 'GET', `/api/files/${fileId}`)).statusCode;
}

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.user('officer', '350100');
  colleague = await t.user('officer', '350100');
  quanzhou = await t.user('officer', '350500');
  const organization = async (nameZh: string) =>
    (await t.call(officer, 'POST', '/api/organizations', { nameZh, type: 'private' })).json<{ id: string }>();
  const investor = await organization('福州投资方科技有限公司');
  const outsider = await organization('福州旁观者科技有限公司');
  investorUser = await t.user('enterprise', '350100', { organizationId: investor.id });
  outsiderUser = await t.user('enterprise', '350100', { organizationId: outsider.id });
  const created = await t.call(officer, 'POST', '/api/projects', {
    nameZh: '证明文件测试项目',
    regionCode: '350102',
    industryCode: '6513',
    categoryCode: 'digital_industry',
    source: 'event',
    investment: '1亿',
    stageOn: '2024-01-02',
    investors: [{ organizationId: investor.id, role: 'lead_investor' }],
  });
  expect(created.statusCode, created.body).toBe(201);
  project = created.json();
});
afterAll(() => t.close());

describe('who may read a file', () => {
  it('evidence is read by whoever reads its project, and by no other enterprise of the region', async () => {
    const fileId = await upload(officer, '合同.pdf');
    const moved = await t.call(officer, 'POST', `/api/projects/${project.id}/stage`, {
      to: 'signed',
      on: '2024-05-24',
      evidence: [{ fileId, kind: 'agreement' }],
      version: project.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await status(officer, fileId)).toBe(200);
    expect(await status(colleague, fileId)).toBe(200);
    expect(await status(investorUser, fileId)).toBe(200);
    expect(await status(outsiderUser, fileId)).toBe(404);
    expect(await status(quanzhou, fileId)).toBe(404);
  });

  it('a file attached to nothing is its uploader’s alone, and only the uploader may attach it', async () => {
    const fileId = await upload(officer, '营业执照.pdf');
    expect(await status(officer, fileId)).toBe(200);
    expect(await status(colleague, fileId)).toBe(404);
    expect(await status(outsiderUser, fileId)).toBe(404);
    const current = (await t.call(officer, 'GET', `/api/projects/${project.id}`)).json<{ version: number }>();
    const borrowed = await t.call(colleague, 'POST', `/api/projects/${project.id}/stage`, {
      to: 'registered',
      on: '2024-06-01',
      evidence: [{ fileId, kind: 'business_license' }],
      version: current.version,
    });
    expect(borrowed.statusCode).toBe(400);
    expect(borrowed.json().error.details[0]).toMatchObject({ code: 'file.unknown', field: 'evidence' });
  });
});

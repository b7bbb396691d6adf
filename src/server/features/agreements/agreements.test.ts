import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../testing/app.ts';

let t: TestContext;
let officer: TestUser;
let quanzhou: TestUser;
let enterpriseUser: TestUser;
let group: string;
let kuanteng: string;
let robots: { id: string };

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.user('officer', '350100');
  quanzhou = await t.user('officer', '350500');
  group = (
    await t.call(officer, 'POST', '/api/organizations', {
      nameZh: '福州市振兴乡村集团有限公司',
      type: 'local_soe',
    })
  ).json().id;
  kuanteng = (
    await t.call(officer, 'POST', '/api/organizations', {
      nameZh: '宽腾（北京）医疗器械有限公司',
      type: 'private',
    })
  ).json().id;
  robots = (
    await t.call(officer, 'POST', '/api/projects', {
      nameZh: '医疗机器人项目',
      investment: '1.2亿',
      regionCode: '350102',
      industryCode: '3584',
      categoryCode: 'digital_industry',
      source: 'event',
    })
  ).json();
  enterpriseUser = await t.user('enterprise', '350100', { organizationId: kuanteng });
});
afterAll(() => t.close());

const draft = () => ({
  typeCode: 'strategic_cooperation',
  titleZh: '战略合作协议',
  titleEn: 'Strategic cooperation agreement',
  amount: '1.2亿',
  signingOrder: 'sequential',
  parties: [
    { organizationId: group, signers: [{ name: '吴正颜', title: '董事长' }] },
    { organizationId: kuanteng, signers: [{ name: '张三', title: '总经理', email: 'zhang@example.com' }] },
  ],
  projectIds: [robots.id],
});

describe('agreements', () => {
  it('drafts an agreement with parties, signers in order, projects and an exact amount', async () => {
    const response = await t.call(officer, 'POST', '/api/agreements', draft());
    expect(response.statusCode, response.body).toBe(201);
    const agreement = response.json();
    expect(agreement).toMatchObject({
      status: 'draft',
      signingOrder: 'sequential',
      amount: { yuan: 120_000_000, displayZh: '1.20亿元' },
    });
    expect(
      agreement.parties.map((p: { signers: { name: string; position: number }[] }) =>
        p.signers.map((s) => [s.name, s.position]),
      ),
    ).toEqual([[['吴正颜', 0]], [['张三', 1]]]);
    expect(agreement.projects.map((p: { id: string }) => p.id)).toEqual([robots.id]);
  });

  it.each([
    [{ parties: [{ organizationId: 'x', signers: [] }] }, 'body.parties'],
    [{ typeCode: 'handshake' }, 'typeCode'],
    [{ amount: '很多钱' }, 'amount'],
    [{ amount: '9000万亿' }, 'amount'],
    [{ amount: '3000万美元' }, 'amount'],
    [{ expiresOn: '2001-01-01' }, 'expiresOn'],
    [{ projectIds: ['7f0c1a52-0000-4000-8000-000000000000'] }, 'projectIds'],
    [{ eventId: '7f0c1a52-0000-4000-8000-000000000000' }, 'eventId'],
    [{ signingOrder: 'random' }, 'body.signingOrder'],
  ])('rejects %o on %s and writes nothing', async (patch, field) => {
    const before = (await t.call(officer, 'GET', '/api/agreements')).json().items.length;
    const response = await t.call(officer, 'POST', '/api/agreements', { ...draft(), ...patch });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect((await t.call(officer, 'GET', '/api/agreements')).json().items.length).toBe(before);
  });

  it('refuses the same party twice', async () => {
    const body = draft();
    const response = await t.call(officer, 'POST', '/api/agreements', {
      ...body,
      parties: [body.parties[0], body.parties[0]],
    });
    expect(response.json().error.details[0].code).toBe('agreement.party_twice');
  });

  it('edits a draft, freezes it when sent, and voids it with a reason', async () => {
    const created = (await t.call(officer, 'POST', '/api/agreements', draft())).json();
    const edited = await t.call(officer, 'PATCH', `/api/agreements/${created.id}`, {
      titleZh: '战略合作框架协议',
      version: created.version,
    });
    expect(edited.json()).toMatchObject({ titleZh: '战略合作框架协议', version: 2 });
    expect(
      (await t.call(officer, 'PATCH', `/api/agreements/${created.id}`, { titleZh: '旧版本', version: 1 }))
        .statusCode,
    ).toBe(409);
    const sent = await t.call(officer, 'POST', `/api/agreements/${created.id}/send`, { version: 2 });
    expect(sent.json()).toMatchObject({ status: 'signing', version: 3 });
    const frozen = await t.call(officer, 'PATCH', `/api/agreements/${created.id}`, {
      titleZh: '再改',
      version: 3,
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.code).toBe('agreement.not_draft');
    expect(
      (await t.call(officer, 'POST', `/api/agreements/${created.id}/void`, { reason: '', version: 3 }))
        .statusCode,
    ).toBe(400);
    const voided = await t.call(officer, 'POST', `/api/agreements/${created.id}/void`, {
      reason: '合作方调整',
      version: 3,
    });
    expect(voided.json()).toMatchObject({ status: 'voided', voidReason: '合作方调整' });
    const again = await t.call(officer, 'POST', `/api/agreements/${created.id}/void`, {
      reason: '再次作废',
      version: 4,
    });
    expect(again.json().error.code).toBe('agreement.not_voidable');
  });

  it('keeps a signer’s contact on file when an edit leaves it out, and replaces it when given', async () => {
    const created = (await t.call(officer, 'POST', '/api/agreements', draft())).json();
    const withoutContacts = draft().parties.map((party) => ({
      organizationId: party.organizationId,
      signers: party.signers.map(({ name, title }) => ({ name, title })),
    }));
    const edited = await t.call(officer, 'PATCH', `/api/agreements/${created.id}`, {
      parties: withoutContacts,
      version: created.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().parties[1].signers[0].contact).toBe('z***@example.com');
    const cleared = await t.call(officer, 'PATCH', `/api/agreements/${created.id}`, {
      parties: withoutContacts.map((party, index) =>
        index === 1 ? { ...party, signers: [{ name: '张三', email: null }] } : party,
      ),
      version: edited.json().version,
    });
    expect(cleared.json().parties[1].signers[0].contact).toBeNull();
  });

  it('shows an enterprise its own agreements only and keeps other cities out', async () => {
    const mine = (await t.call(officer, 'POST', '/api/agreements', draft())).json();
    const other = (
      await t.call(officer, 'POST', '/api/organizations', {
        nameZh: '福建汉特云智能科技有限公司',
        type: 'private',
      })
    ).json();
    const body = draft();
    const notMine = (
      await t.call(officer, 'POST', '/api/agreements', {
        ...body,
        parties: [body.parties[0], { organizationId: other.id, signers: [{ name: '李四' }] }],
      })
    ).json();
    expect((await t.call(enterpriseUser, 'GET', `/api/agreements/${mine.id}`)).statusCode).toBe(200);
    expect((await t.call(enterpriseUser, 'GET', `/api/agreements/${notMine.id}`)).statusCode).toBe(404);
    expect(
      (await t.call(enterpriseUser, 'PATCH', `/api/agreements/${mine.id}`, { titleZh: '企业改', version: 1 }))
        .statusCode,
    ).toBe(403);
    expect((await t.call(quanzhou, 'GET', `/api/agreements/${mine.id}`)).statusCode).toBe(404);
    expect((await t.call(quanzhou, 'GET', '/api/agreements')).json().items).toEqual([]);
  });
});

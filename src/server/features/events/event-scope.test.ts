import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../testing/app.ts';

// What an event shows follows the agreements list: run sheet, totals and parts hold only what the actor may see.
let t: TestContext;
let province: TestUser;
let fuzhou: TestUser;
let quanzhou: TestUser;
let company: TestUser;
let eventId: string;
let partId: string;
const ids: Record<'own' | 'confidential' | 'quanzhou', string> = { own: '', confidential: '', quanzhou: '' };

async function organization(nameZh: string): Promise<string> {
  const response = await t.call(fuzhou, 'POST', '/api/organizations', { nameZh, type: 'private' });
  return response.json().id;
}

async function project(user: TestUser, nameZh: string, regionCode: string): Promise<string> {
  const response = await t.call(user, 'POST', '/api/projects', {
    nameZh,
    investment: '1亿元',
    regionCode,
    industryCode: '6513',
    categoryCode: 'digital_industry',
    source: 'event',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

/** Written directly, as the demo loader does; the signing flow is not what this file is about. */
async function agreement(input: {
  title: string;
  status: 'draft' | 'completed';
  regionCode: string;
  partyId: string;
  projectId: string;
}): Promise<string> {
  const signedOn = input.status === 'completed' ? '2024-05-20' : null;
  const [row] = await t.database.sql<{ id: string }[]>`
    insert into agreements (event_id, type_code, title_zh, status, signed_on, region_code)
    values (${eventId}, 'investment', ${input.title}, ${input.status}, ${signedOn}, ${input.regionCode})
    returning id`;
  const id = row?.id ?? '';
  await t.database.sql`insert into agreement_parties (agreement_id, organization_id, position)
    values (${id}, ${input.partyId}, 1)`;
  await t.database
    .sql`insert into agreement_projects (agreement_id, project_id) values (${id}, ${input.projectId})`;
  return id;
}

beforeAll(async () => {
  t = await startTestApp();
  province = await t.user('officer', '350000');
  fuzhou = await t.user('officer', '350100');
  quanzhou = await t.user('officer', '350500');
  const ours = await organization('甲数字科技有限公司');
  const theirs = await organization('乙智能制造有限公司');
  company = await t.user('enterprise', '350100', { organizationId: ours });
  const event = await t.call(fuzhou, 'POST', '/api/events', {
    kind: 'signing_ceremony',
    nameZh: '福州签约仪式',
    startsOn: '2024-05-20',
    endsOn: '2024-05-20',
  });
  eventId = event.json().id;
  const part = await t.call(province, 'POST', '/api/events', {
    kind: 'signing_ceremony',
    nameZh: '泉州分会场',
    regionCode: '350500',
    parentId: eventId,
    startsOn: '2024-05-20',
    endsOn: '2024-05-20',
  });
  expect(part.statusCode, part.body).toBe(201);
  partId = part.json().id;
  ids.own = await agreement({
    title: '甲公司投资协议',
    status: 'completed',
    regionCode: '350100',
    partyId: ours,
    projectId: await project(fuzhou, '甲公司项目', '350102'),
  });
  ids.confidential = await agreement({
    title: '乙公司协议（草稿，保密）',
    status: 'draft',
    regionCode: '350100',
    partyId: theirs,
    projectId: await project(fuzhou, '乙公司项目', '350102'),
  });
  ids.quanzhou = await agreement({
    title: '泉州投资协议',
    status: 'completed',
    regionCode: '350500',
    partyId: theirs,
    projectId: await project(quanzhou, '泉州项目', '350502'),
  });
  const runSheet = await t.call(province, 'PUT', `/api/events/${eventId}/run-sheet`, {
    slots: Object.values(ids).map((agreementId, index) => ({
      agreementId,
      startsAt: `2024-05-20T0${index + 1}:00:00+08:00`,
    })),
  });
  expect(runSheet.statusCode, runSheet.body).toBe(200);
});
afterAll(() => t.close());

type Shown = { runSheet: { agreementId: string }[]; totals: { agreements: number; projects: number } };

async function shown(user: TestUser) {
  const event = await t.call(user, 'GET', `/api/events/${eventId}`);
  expect(event.statusCode, event.body).toBe(200);
  const body = event.json() as Shown & { children: { id: string }[] };
  const list = await t.call(user, 'GET', `/api/agreements?eventId=${eventId}&limit=100`);
  return {
    runSheet: body.runSheet.map((slot) => slot.agreementId).sort(),
    listed: (list.json().items as { id: string }[]).map((item) => item.id).sort(),
    totals: body.totals,
    children: body.children.map((child) => child.id),
  };
}

describe('what an event shows', () => {
  it('shows an enterprise user only its own agreements, in the run sheet and in the totals', async () => {
    const seen = await shown(company);
    expect(seen.runSheet).toEqual([ids.own]);
    expect(seen.listed).toEqual([ids.own]);
    expect(seen.totals).toMatchObject({ agreements: 1, projects: 1, investmentYuan: 100_000_000 });
    expect(seen.children).toEqual([]);
  });

  it('shows a city officer its own city’s agreements and parts, not another city’s', async () => {
    const seen = await shown(fuzhou);
    expect(seen.runSheet).toEqual([ids.own, ids.confidential].sort());
    expect(seen.runSheet).toEqual(seen.listed);
    expect(seen.totals).toMatchObject({ agreements: 2, projects: 2 });
    expect(seen.children).toEqual([]);
  });

  it('shows the province every agreement and part', async () => {
    const seen = await shown(province);
    expect(seen.runSheet).toEqual(Object.values(ids).sort());
    expect(seen.totals).toMatchObject({ agreements: 3, projects: 3 });
    expect(seen.children).toEqual([partId]);
  });

  it('keeps an agreement the actor cannot see out of their run sheet, and theirs out of its slot', async () => {
    const refused = await t.call(fuzhou, 'PUT', `/api/events/${eventId}/run-sheet`, {
      slots: [{ agreementId: ids.quanzhou, startsAt: '2024-05-20T09:00:00+08:00' }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0]).toMatchObject({ field: 'slots', code: 'slot.agreement_unknown' });
    const replaced = await t.call(fuzhou, 'PUT', `/api/events/${eventId}/run-sheet`, {
      slots: [{ agreementId: ids.own, startsAt: '2024-05-20T09:00:00+08:00' }],
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect((await shown(province)).runSheet).toEqual([ids.own, ids.quanzhou].sort());
  });

  it('puts only signed agreements on the public screen, never a draft', async () => {
    await t.database.sql`update agreements set signed_on = '2024-05-20' where id = ${ids.confidential}`;
    const screen = await t.call(null, 'GET', `/api/screen/events/${eventId}`);
    expect(screen.statusCode, screen.body).toBe(200);
    const body = screen.json();
    expect(body.totals).toMatchObject({ agreements: 2, pending: 0 });
    expect(body.signings.map((s: { agreementId: string }) => s.agreementId).sort()).toEqual(
      [ids.own, ids.quanzhou].sort(),
    );
    expect(screen.body).not.toContain('保密');
  });
});

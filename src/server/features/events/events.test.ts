import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../testing/app.ts';

let t: TestContext;
let organizer: TestUser;
let quanzhou: TestUser;
let leader: TestUser;
const orgs: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  organizer = await t.user('organizer', '350100');
  quanzhou = await t.user('officer', '350500');
  leader = await t.user('leader', '350000');
  for (const [key, nameZh, type] of [
    ['committee', '数字中国建设峰会组委会', 'government'],
    ['commerce', '福州市商务局', 'government'],
    ['group', '福州市振兴乡村集团有限公司', 'local_soe'],
    ['kuanteng', '宽腾（北京）医疗器械有限公司', 'private'],
  ] as const) {
    const response = await t.call(organizer, 'POST', '/api/organizations', { nameZh, type });
    orgs[key] = response.json().id;
  }
});
afterAll(() => t.close());

const summit = () => ({
  kind: 'summit',
  nameZh: '第五届数字中国建设峰会',
  nameEn: '5th Digital China Summit',
  startsOn: '2022-07-23',
  endsOn: '2022-07-26',
  organizations: [
    { organizationId: orgs.committee, role: 'organizer' },
    { organizationId: orgs.commerce, role: 'co_organizer' },
    { organizationId: orgs.group, role: 'host' },
  ],
  venues: [
    { kind: 'main', nameZh: '福州海峡国际会展中心', regionCode: '350105' },
    { kind: 'branch', nameZh: '4号馆活动区' },
    { kind: 'online', nameZh: '云签约会场', onlineUrl: 'https://meet.example.org/dcs' },
  ],
});

/** Agreements come with the signing capability; here they are written directly, as the demo loader does. */
async function signAgreement(eventId: string, typeCode: string, projectIds: string[]) {
  const [agreement] = await t.database.sql<{ id: string }[]>`
    insert into agreements (event_id, type_code, title_zh, status, signed_on, region_code)
    values (${eventId}, ${typeCode}, ${`协议 ${typeCode}`}, 'completed', '2022-07-24', '350100') returning id`;
  for (const projectId of projectIds)
    await t.database
      .sql`insert into agreement_projects (agreement_id, project_id) values (${agreement?.id ?? ''}, ${projectId})`;
  return agreement?.id ?? '';
}

async function project(nameZh: string, investment: string): Promise<string> {
  const officer = await t.user('officer', '350100');
  const response = await t.call(officer, 'POST', '/api/projects', {
    nameZh,
    investment,
    regionCode: '350102',
    industryCode: '6513',
    categoryCode: 'digital_industry',
    source: 'event',
  });
  return response.json().id;
}

describe('events', () => {
  it('creates a summit with organizer, co-organizer, host and its venues', async () => {
    const response = await t.call(organizer, 'POST', '/api/events', summit());
    expect(response.statusCode, response.body).toBe(201);
    const event = response.json();
    expect(event.organizations.map((o: { role: string }) => o.role)).toEqual([
      'co_organizer',
      'host',
      'organizer',
    ]);
    expect(event.venues.map((v: { kind: string }) => v.kind)).toEqual(['main', 'branch', 'online']);
    expect(event.totals).toMatchObject({ agreements: 0, projects: 0, investmentYuan: 0 });
  });

  it.each([
    [{ endsOn: '2022-07-01' }, 'endsOn'],
    [{ venues: [{ kind: 'online', nameZh: '线上' }] }, 'venues.0.onlineUrl'],
    [
      { venues: [{ kind: 'online', nameZh: '线上', onlineUrl: 'http://insecure.example' }] },
      'body.venues.0.onlineUrl',
    ],
    [{ venues: [{ kind: 'main', nameZh: '会场', regionCode: '999999' }] }, 'venues.0.regionCode'],
    [
      { organizations: [{ organizationId: '7f0c1a52-0000-4000-8000-000000000000', role: 'organizer' }] },
      'organizations',
    ],
    [{ kind: 'party' }, 'body.kind'],
    [{ startsOn: '2022-02-30' }, 'body.startsOn'],
  ])('rejects %o on %s and writes nothing', async (patch, field) => {
    const before = (await t.call(organizer, 'GET', '/api/events')).json().items.length;
    const response = await t.call(organizer, 'POST', '/api/events', { ...summit(), ...patch });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect((await t.call(organizer, 'GET', '/api/events')).json().items.length).toBe(before);
  });

  it('counts what was signed at the event and its parts, each project once', async () => {
    const parent = (await t.call(organizer, 'POST', '/api/events', summit())).json();
    const ceremony = (
      await t.call(organizer, 'POST', '/api/events', {
        kind: 'signing_ceremony',
        nameZh: '第二届数字产品博览会签约仪式',
        startsOn: '2022-07-24',
        endsOn: '2022-07-24',
        parentId: parent.id,
      })
    ).json();
    const robots = await project('机器人项目', '1.2亿');
    const ocean = await project('智慧海洋项目', '2.04亿');
    await signAgreement(ceremony.id, 'strategic_cooperation', [robots]);
    await signAgreement(ceremony.id, 'key_project_signing', [robots, ocean]);
    const read = (await t.call(organizer, 'GET', `/api/events/${parent.id}`)).json();
    expect(read.children.map((c: { nameZh: string }) => c.nameZh)).toEqual(['第二届数字产品博览会签约仪式']);
    expect(read.totals).toMatchObject({
      agreements: 2,
      projects: 2,
      investmentYuan: 324_000_000,
      displayZh: '3.24亿元',
    });
    expect(read.totals.byType).toEqual([
      { typeCode: 'key_project_signing', count: 1 },
      { typeCode: 'strategic_cooperation', count: 1 },
    ]);
  });

  it('keeps an agenda within the event’s dates and a run sheet of its own agreements', async () => {
    const event = (await t.call(organizer, 'POST', '/api/events', summit())).json();
    const agenda = await t.call(organizer, 'PUT', `/api/events/${event.id}/agenda`, {
      items: [
        {
          startsAt: '2022-07-23T09:00:00+08:00',
          endsAt: '2022-07-23T10:30:00+08:00',
          titleZh: '开幕式',
          titleEn: 'Opening',
          venue: 0,
        },
        {
          startsAt: '2022-07-24T09:00:00+08:00',
          endsAt: '2022-07-24T11:00:00+08:00',
          titleZh: '项目集中签约',
          venue: 1,
        },
      ],
    });
    expect(agenda.statusCode, agenda.body).toBe(200);
    expect(agenda.json().agenda.map((a: { titleZh: string }) => a.titleZh)).toEqual([
      '开幕式',
      '项目集中签约',
    ]);
    const outside = await t.call(organizer, 'PUT', `/api/events/${event.id}/agenda`, {
      items: [
        { startsAt: '2022-08-01T09:00:00+08:00', endsAt: '2022-08-01T10:00:00+08:00', titleZh: '晚了' },
      ],
    });
    expect(outside.json().error.details[0]).toMatchObject({
      code: 'agenda.outside',
      field: 'items.0.startsAt',
    });
    const backwards = await t.call(organizer, 'PUT', `/api/events/${event.id}/agenda`, {
      items: [
        { startsAt: '2022-07-23T10:00:00+08:00', endsAt: '2022-07-23T09:00:00+08:00', titleZh: '倒序' },
      ],
    });
    expect(backwards.json().error.details[0].code).toBe('agenda.order');
    const noVenue = await t.call(organizer, 'PUT', `/api/events/${event.id}/agenda`, {
      items: [
        {
          startsAt: '2022-07-23T09:00:00+08:00',
          endsAt: '2022-07-23T10:00:00+08:00',
          titleZh: '无会场',
          venue: 9,
        },
      ],
    });
    expect(noVenue.json().error.details[0].code).toBe('venue.unknown');
    expect((await t.call(organizer, 'GET', `/api/events/${event.id}`)).json().agenda).toHaveLength(2);

    const mine = await signAgreement(event.id, 'regional_cooperation', [
      await project('区域合作项目', '5000万'),
    ]);
    const other = (
      await t.call(organizer, 'POST', '/api/events', { ...summit(), nameZh: '另一场活动' })
    ).json();
    const theirs = await signAgreement(other.id, 'regional_cooperation', []);
    const sheet = await t.call(organizer, 'PUT', `/api/events/${event.id}/run-sheet`, {
      slots: [{ agreementId: mine, startsAt: '2022-07-24T09:30:00+08:00', venue: 1 }],
    });
    expect(sheet.statusCode).toBe(200);
    expect(sheet.json().runSheet[0]).toMatchObject({
      agreementId: mine,
      typeCode: 'regional_cooperation',
      status: 'completed',
    });
    const stranger = await t.call(organizer, 'PUT', `/api/events/${event.id}/run-sheet`, {
      slots: [{ agreementId: theirs, startsAt: '2022-07-24T09:30:00+08:00' }],
    });
    expect(stranger.json().error.details[0].code).toBe('slot.agreement_unknown');
  });

  it('updates with the current version, refuses a stale one, and keeps other regions out', async () => {
    const event = (await t.call(organizer, 'POST', '/api/events', summit())).json();
    const updated = await t.call(organizer, 'PATCH', `/api/events/${event.id}`, {
      nameEn: '5th Digital China Summit (Fuzhou)',
      version: event.version,
    });
    expect(updated.json()).toMatchObject({ version: 2, nameEn: '5th Digital China Summit (Fuzhou)' });
    expect(
      (await t.call(organizer, 'PATCH', `/api/events/${event.id}`, { nameEn: 'x', version: 1 })).statusCode,
    ).toBe(409);
    expect((await t.call(quanzhou, 'GET', `/api/events/${event.id}`)).statusCode).toBe(404);
    expect(
      (await t.call(quanzhou, 'PATCH', `/api/events/${event.id}`, { nameEn: 'x', version: 2 })).statusCode,
    ).toBe(404);
    expect((await t.call(quanzhou, 'GET', '/api/events')).json().items).toEqual([]);
    expect((await t.call(leader, 'GET', `/api/events/${event.id}`)).statusCode).toBe(200);
    expect(
      (await t.call(leader, 'PATCH', `/api/events/${event.id}`, { nameEn: 'x', version: 2 })).statusCode,
    ).toBe(403);
  });
});

import type { Database } from '../db/connect.ts';
import type { TestContext, TestUser } from './app.ts';
import type { Fixtures, Sender } from './route-examples.ts';

/**
 * Tables a refused request may still change, left out of the before/after checksum: sessions (last seen),
 * the sign-in counters (an attempt counts before its outcome) and the audit log.
 */
export const CHANGED_BY_REFUSALS = ['sessions', 'sign_in_accounts', 'sign_in_addresses', 'audit_log'];

/** One checksum per table of the public schema (but the ones above): a refused request must change none. */
export async function tableChecksum(database: Database): Promise<Record<string, string>> {
  const tables = await database.sql<{ name: string }[]>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
    order by table_name`;
  const names = tables.map((row) => row.name).filter((name) => !CHANGED_BY_REFUSALS.includes(name));
  const query = names
    .map(
      (name) =>
        `select '${name}' as name, md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as sum from "${name}" t`,
    )
    .join(' union all ');
  const rows = await database.sql.unsafe<{ name: string; sum: string }[]>(query);
  return Object.fromEntries(rows.map((row) => [row.name, row.sum]));
}

async function created(t: TestContext, user: TestUser, url: string, body: unknown): Promise<{ id: string }> {
  const response = await t.call(user, 'POST', url, body);
  if (response.statusCode !== 201 && response.statusCode !== 200)
    throw new Error(`fixture ${url}: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string }>();
}

/** The records and users the route examples refer to. */
export async function createFixtures(
  t: TestContext,
): Promise<{ fixtures: Fixtures; senders: Record<Exclude<Sender, 'anonymous'>, TestUser> }> {
  const officer = await t.user('officer', '350100');
  const admin = await t.user('admin', '350100');
  const spare = await t.user('officer', '350100');
  const organization = (name: string) =>
    created(t, officer, '/api/organizations', { nameZh: name, type: 'private' });
  const [group, partner, duplicate] = [
    await organization('福州市振兴乡村集团有限公司'),
    await organization('宽腾（北京）医疗器械有限公司'),
    await organization('宽腾北京医疗器械公司'),
  ];
  const project = await created(t, officer, '/api/projects', {
    nameZh: '医疗机器人项目',
    investment: '1.2亿',
    regionCode: '350102',
    industryCode: '3584',
    categoryCode: 'digital_industry',
    source: 'event',
  });
  const event = await created(t, officer, '/api/events', {
    kind: 'summit',
    nameZh: '数字中国建设峰会',
    startsOn: '2026-05-18',
    endsOn: '2026-05-19',
    venues: [{ kind: 'main', nameZh: '主会场' }],
  });
  const agreement = () =>
    created(t, officer, '/api/agreements', {
      eventId: event.id,
      typeCode: 'strategic_cooperation',
      titleZh: '战略合作协议',
      parties: [
        { organizationId: group.id, signers: [{ name: '吴正颜' }] },
        { organizationId: partner.id, signers: [{ name: '张三', email: 'zhang@example.com' }] },
      ],
      projectIds: [project.id],
    });
  const [main, toVoid, toSend] = [await agreement(), await agreement(), await agreement()];
  const view = (await t.call(officer, 'GET', `/api/agreements/${main.id}`)).json<{
    parties: { signers: { id: string }[] }[];
  }>();
  const webhook = () => created(t, admin, '/api/webhooks', { url: 'https://93.184.216.34/luodi' });
  const [hook, hookToDelete] = [await webhook(), await webhook()];
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const upload = await t.upload(officer, '/api/files', {
    name: 'minutes.png',
    type: 'image/png',
    content: png,
  });
  if (upload.statusCode !== 201) throw new Error(`fixture file: ${upload.statusCode} ${upload.body}`);
  const signerId = view.parties[0]?.signers[0]?.id;
  if (!signerId) throw new Error('fixture agreement has no signer');
  return {
    senders: { officer, admin, spare },
    fixtures: {
      organizationId: group.id,
      otherOrganizationId: partner.id,
      mergeSourceId: duplicate.id,
      projectId: project.id,
      eventId: event.id,
      agreementId: main.id,
      voidAgreementId: toVoid.id,
      sendAgreementId: toSend.id,
      signerId,
      webhookId: hook.id,
      deleteWebhookId: hookToDelete.id,
      fileId: upload.json<{ id: string }>().id,
      spareUsername: spare.username,
    },
  };
}

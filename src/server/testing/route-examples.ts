/**
 * One valid request per route, for the generated bad-input tests (src/server/bad-input.test.ts): each probe
 * changes one field of these, so the error it gets belongs to that field. A new route needs an entry here.
 */

/** Records made before the run; routes that change or remove their record get one of their own. */
export interface Fixtures {
  organizationId: string;
  otherOrganizationId: string;
  mergeSourceId: string;
  projectId: string;
  eventId: string;
  agreementId: string;
  voidAgreementId: string;
  sendAgreementId: string;
  signerId: string;
  webhookId: string;
  deleteWebhookId: string;
  fileId: string;
  spareUsername: string;
}

/** Who sends it: the officer by default; admin routes as an admin; sign-in and sign-out as a spare user. */
export type Sender = 'officer' | 'admin' | 'spare' | 'anonymous';

export interface RouteExample {
  as?: Sender;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Why the body is not probed (an upload is a file, not JSON). */
  bodyIsFile?: string;
}

const TOKEN = 'Abcdefghijklmnopqrstuvwxyz0123456789_-AB';
const UPLOAD = 'a multipart upload; its checks are in the files and signing tests';
const NO_SUCH_ID = '7f0c1a52-0000-4000-8000-000000000000';
const id = (value: string) => ({ id: value });

const projectBody = (f: Fixtures) => ({
  code: 'FZ-BAD-INPUT-1',
  nationalCode: '2603-141124-89-05-346948',
  nameZh: '生成测试项目',
  nameEn: 'Generated test project',
  descriptionZh: '说明',
  regionCode: '350102',
  industryCode: '3584',
  categoryCode: 'digital_industry',
  investment: '1.2亿元',
  expectedOutput: 50_000_000,
  source: 'event',
  isKey: true,
  stage: 'negotiating',
  stageOn: '2026-05-18',
  investors: [{ organizationId: f.organizationId, role: 'lead_investor' }],
});

const eventBody = (f: Fixtures) => ({
  kind: 'summit',
  nameZh: '生成测试峰会',
  nameEn: 'Generated summit',
  startsOn: '2026-05-18',
  endsOn: '2026-05-19',
  isOnline: false,
  organizations: [{ organizationId: f.organizationId, role: 'host' }],
  venues: [{ kind: 'main', nameZh: '主会场', regionCode: '350102', address: '福州市鼓楼区' }],
});

const agreementBody = (f: Fixtures) => ({
  typeCode: 'strategic_cooperation',
  titleZh: '生成测试协议',
  titleEn: 'Generated agreement',
  amount: '1.2亿',
  signingOrder: 'sequential',
  expiresOn: '2026-12-31',
  parties: [
    {
      organizationId: f.organizationId,
      signers: [{ name: '吴正颜', title: '董事长', mobile: '+86 138 0000 0000' }],
    },
    { organizationId: f.otherOrganizationId, signers: [{ name: '张三', email: 'zhang@example.com' }] },
  ],
  projectIds: [f.projectId],
});

const listQuery = { limit: '20', q: '项目' };
const projectFilter = {
  q: '项目',
  region: '350100',
  industry: '35',
  stage: 'lead,negotiating',
  source: 'event',
  from: '2020-01-01',
  to: '2030-12-31',
  isKey: 'true',
  minInvestment: '1000万',
};

export const ROUTE_EXAMPLES: Record<string, (f: Fixtures) => RouteExample> = {
  'GET /api/health': () => ({}),
  'POST /api/auth/sign-in': (f) => ({
    as: 'anonymous',
    body: { username: f.spareUsername, password: 'wrong-password' },
  }),
  'POST /api/auth/sign-out': () => ({ as: 'spare' }),
  'GET /api/auth/me': () => ({}),
  'GET /api/auth/session': () => ({}),
  'GET /api/auth/demo': () => ({ as: 'anonymous' }),
  'GET /api/reference/regions': () => ({ query: { parent: '3501' } }),
  'GET /api/reference/industries': () => ({ query: { parent: '35', level: '2', q: '设备' } }),
  'GET /api/reference/digital-economy': () => ({}),
  'GET /api/reference/stages': () => ({}),
  'GET /api/reference/investor-types': () => ({}),
  'GET /api/reference/project-categories': () => ({}),
  'GET /api/reference/agreement-types': () => ({}),
  'GET /api/users': () => ({ as: 'admin' }),
  'POST /api/users': (f) => ({
    as: 'admin',
    body: {
      username: 'generated.user',
      displayName: '生成用户',
      password: 'a-long-password',
      role: 'enterprise',
      regionCode: '350100',
      organizationId: f.organizationId,
      locale: 'en-US',
    },
  }),
  'GET /api/organizations': () => ({ query: { ...listQuery, type: 'private,local_soe', region: '350100' } }),
  'POST /api/organizations': () => ({
    body: {
      nameZh: '生成测试有限公司',
      nameEn: 'Generated Co',
      usci: '91350100M000100Y43',
      type: 'private',
      origin: '350100',
      regionCode: '350100',
    },
  }),
  'POST /api/organizations/duplicate-check': (f) => ({
    body: { nameZh: '福州市振兴乡村集团', usci: '91350100M000100Y43', excludeId: f.organizationId },
  }),
  'GET /api/organizations/:id': (f) => ({ params: id(f.organizationId) }),
  'PATCH /api/organizations/:id': (f) => ({
    params: id(f.organizationId),
    body: { nameEn: 'Fuzhou Rural Revitalization Group', origin: '350100', version: 1 },
  }),
  'GET /api/organizations/:id/duplicates': (f) => ({ params: id(f.organizationId) }),
  'POST /api/organizations/:id/merge': (f) => ({
    params: id(f.otherOrganizationId),
    body: { sourceId: f.mergeSourceId },
  }),
  'GET /api/projects': () => ({ query: { ...projectFilter, limit: '20', sort: 'investment', order: 'asc' } }),
  'GET /api/projects/count': () => ({ query: projectFilter }),
  'GET /api/projects/summary': () => ({}),
  'GET /api/projects/export.xlsx': () => ({ query: projectFilter }),
  'POST /api/projects': (f) => ({ body: projectBody(f) }),
  'GET /api/projects/:id': (f) => ({ params: id(f.projectId) }),
  'PATCH /api/projects/:id': (f) => {
    const { code: _code, stage: _stage, stageOn: _stageOn, ...body } = projectBody(f);
    return { params: id(f.projectId), body: { ...body, usdRate: null, version: 1 } };
  },
  'POST /api/projects/:id/stage': (f) => ({
    params: id(f.projectId),
    body: {
      to: 'negotiating',
      on: '2026-05-18',
      note: '洽谈中',
      evidence: [{ fileId: f.fileId, kind: 'agreement' }],
      version: 1,
    },
  }),
  'GET /api/projects/:id/timeline': (f) => ({ params: id(f.projectId) }),
  'GET /api/events': () => ({
    query: { ...listQuery, kind: 'summit', from: '2026-01-01', to: '2026-12-31', isTopLevel: 'true' },
  }),
  'POST /api/events': (f) => ({ body: eventBody(f) }),
  'GET /api/events/:id': (f) => ({ params: id(f.eventId) }),
  'PATCH /api/events/:id': (f) => ({ params: id(f.eventId), body: { ...eventBody(f), version: 1 } }),
  'PUT /api/events/:id/agenda': (f) => ({
    params: id(f.eventId),
    body: {
      items: [
        {
          startsAt: '2026-05-18T09:00:00+08:00',
          endsAt: '2026-05-18T10:00:00+08:00',
          titleZh: '开幕式',
          venue: 0,
        },
      ],
    },
  }),
  'PUT /api/events/:id/run-sheet': (f) => ({
    params: id(f.eventId),
    body: { slots: [{ agreementId: f.agreementId, startsAt: '2026-05-18T10:00:00+08:00', venue: 0 }] },
  }),
  'GET /api/agreements': (f) => ({
    query: { limit: '20', eventId: f.eventId, status: 'draft', typeCode: 'strategic_cooperation' },
  }),
  'POST /api/agreements': (f) => ({ body: agreementBody(f) }),
  'GET /api/agreements/:id': (f) => ({ params: id(f.agreementId) }),
  'PATCH /api/agreements/:id': (f) => ({
    params: id(f.agreementId),
    body: { ...agreementBody(f), version: 1 },
  }),
  'POST /api/agreements/:id/void': (f) => ({
    params: id(f.voidAgreementId),
    body: { reason: '双方协商取消', version: 1 },
  }),
  'POST /api/agreements/:id/send': (f) => ({ params: id(f.sendAgreementId), body: { version: 1 } }),
  'GET /api/agreements/:id/document.pdf': (f) => ({ params: id(f.agreementId), query: { revision: '1' } }),
  'POST /api/agreements/:id/document': (f) => ({ params: id(f.agreementId), bodyIsFile: UPLOAD }),
  'POST /api/agreements/:id/signers/:signerId/link': (f) => ({
    params: { id: f.agreementId, signerId: f.signerId },
  }),
  'POST /api/agreements/:id/signers/:signerId/onsite': (f) => ({
    params: { id: f.agreementId, signerId: f.signerId },
    body: { signature: { kind: 'typed', text: '吴正颜' } },
  }),
  'GET /api/agreements/:id/audit': (f) => ({ params: id(f.agreementId) }),
  'GET /api/signing/ca.pem': () => ({ as: 'anonymous' }),
  'GET /api/sign/:token': () => ({ as: 'anonymous', params: { token: TOKEN } }),
  'GET /api/sign/:token/document.pdf': () => ({ as: 'anonymous', params: { token: TOKEN } }),
  'POST /api/sign/:token/code': () => ({ as: 'anonymous', params: { token: TOKEN } }),
  'POST /api/sign/:token/verify': () => ({
    as: 'anonymous',
    params: { token: TOKEN },
    body: { code: '123456' },
  }),
  'POST /api/sign/:token/sign': () => ({
    as: 'anonymous',
    params: { token: TOKEN },
    body: { signature: { kind: 'typed', text: '张三' } },
  }),
  'POST /api/sign/:token/decline': () => ({
    as: 'anonymous',
    params: { token: TOKEN },
    body: { reason: '条款需要再议' },
  }),
  'POST /api/verify': () => ({ as: 'anonymous', query: { lang: 'en' }, bodyIsFile: UPLOAD }),
  'POST /api/files': () => ({ bodyIsFile: UPLOAD }),
  'GET /api/files/:id': (f) => ({ params: id(f.fileId) }),
  'GET /api/audit': (f) => ({ as: 'admin', query: { entity: 'project', id: f.projectId, limit: '50' } }),
  'GET /api/screen/events/:id': (f) => ({ as: 'anonymous', params: id(f.eventId) }),
  // A live stream never ends: an event that does not exist keeps every probe a finite answer.
  'GET /api/screen/events/:id/stream': () => ({ as: 'anonymous', params: id(NO_SUCH_ID) }),
  'GET /api/screen/map': () => ({ as: 'anonymous' }),
  'GET /api/screen/maps/:key': () => ({ as: 'anonymous', params: { key: '350000' } }),
  'GET /api/webhooks': () => ({ as: 'admin' }),
  'POST /api/webhooks': () => ({
    as: 'admin',
    body: { url: 'https://93.184.216.34/luodi', eventTypes: ['agreement.signed'], regionCode: '350100' },
  }),
  'DELETE /api/webhooks/:id': (f) => ({ as: 'admin', params: id(f.deleteWebhookId) }),
  'GET /api/webhooks/:id/deliveries': (f) => ({ as: 'admin', params: id(f.webhookId) }),
  // A test call would go out to the network: a webhook that does not exist keeps the run offline.
  'POST /api/webhooks/:id/test': () => ({ as: 'admin', params: id(NO_SUCH_ID) }),
};

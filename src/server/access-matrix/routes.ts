import ExcelJS from 'exceljs';
import { multipartFile } from '../testing/multipart.ts';
import {
  type Answer,
  both,
  list,
  type ProbeContext,
  type Rule,
  readOne,
  references,
  writeOne,
} from './probes.ts';
import { CITIES, type CityKey, drawnSignature, tinyPdf, type WorldRecord } from './world.ts';

// What every route of the API does with scope. A route missing here fails the matrix: say what it should do.

const other = (ctx: ProbeContext): CityKey => (ctx.actor.city === 'A' ? 'B' : 'A');
const first = (records: WorldRecord[]) => records[0]?.id ?? '00000000-0000-4000-8000-000000000000';
const own = (ctx: ProbeContext, kind: WorldRecord['kind']) => first(ctx.own(kind));
/** The actor's first own record of a kind, to write to with a reference to another scope. */
const mine = (ctx: ProbeContext, kind: WorldRecord['kind']) => {
  const record = ctx.own(kind)[0];
  return { url: ctx.path.replace('{id}', record?.id ?? first([])), version: record?.version ?? 1 };
};
const foreign = (ctx: ProbeContext, kind: WorldRecord['kind']) => first(ctx.forbidden(kind));
const version = (record: WorldRecord) => ({ version: record.version });

/** Rows of the first sheet after the header, as one string per row. */
export async function sheetRows(answer: Answer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(answer.rawPayload as unknown as ArrayBuffer);
  const rows: string[] = [];
  workbook.worksheets[0]?.eachRow((row, index) => {
    if (index > 1) rows.push(JSON.stringify(row.values));
  });
  return rows;
}

const projectBody = (ctx: ProbeContext, fields: Record<string, unknown>) => ({
  nameZh: '矩阵越权新项目',
  regionCode: CITIES[ctx.actor.city].district,
  industryCode: '6513',
  categoryCode: 'digital_industry',
  source: 'event',
  investment: '1亿',
  ...fields,
});

const agreementBody = (ctx: ProbeContext, fields: Record<string, unknown>) => ({
  typeCode: 'strategic_cooperation',
  titleZh: '矩阵越权新协议',
  parties: [
    { organizationId: own(ctx, 'organization'), signers: [{ name: '甲' }] },
    { organizationId: first(ctx.own('organization').slice(1)), signers: [{ name: '乙' }] },
  ],
  ...fields,
});

export const ROUTES: Record<string, Rule> = {
  'POST /api/auth/sign-in': { kind: 'unscoped', why: 'public: signs a user in' },
  'POST /api/auth/sign-out': { kind: 'unscoped', why: 'ends only the caller’s own session' },
  'GET /api/auth/me': list(),
  'GET /api/auth/session': list(),
  'GET /api/auth/demo': { kind: 'unscoped', why: 'public: the demo sign-in, if any' },

  'GET /api/reference/regions': list(() => ['', '?parent=350000']),
  'GET /api/reference/industries': list(),
  'GET /api/reference/digital-economy': list(),
  'GET /api/reference/investor-types': list(),
  'GET /api/reference/project-categories': list(),
  'GET /api/reference/agreement-types': list(),
  'GET /api/reference/stages': list(),

  'GET /api/users': list(),
  'POST /api/users': references((ctx) => [
    {
      body: {
        username: 'matrix-bound-elsewhere',
        displayName: '越权',
        password: 'a-long-password',
        role: 'enterprise',
        regionCode: CITIES[ctx.actor.city].code,
        organizationId: foreign(ctx, 'organization'),
      },
    },
    {
      body: {
        username: 'matrix-other-city',
        displayName: '越权',
        password: 'a-long-password',
        role: 'admin',
        regionCode: CITIES[other(ctx)].code,
      },
    },
    {
      body: {
        username: 'matrix-province',
        displayName: '越权',
        password: 'a-long-password',
        role: 'admin',
        regionCode: '350000',
      },
    },
  ]),

  'GET /api/organizations': list(() => ['', `?q=${encodeURIComponent('矩阵')}`]),
  'POST /api/organizations': references((ctx) => [
    { body: { nameZh: '矩阵越权新单位', type: 'private', regionCode: CITIES[other(ctx)].code } },
  ]),
  'POST /api/organizations/duplicate-check': {
    kind: 'probes',
    probes: (ctx) =>
      ctx.forbidden('organization').map((r) => ({
        method: 'POST',
        url: ctx.path,
        body: { nameZh: r.texts[0] },
        expect: 'shown',
        isWrite: false,
      })),
  },
  'GET /api/organizations/{id}': readOne('organization'),
  'PATCH /api/organizations/{id}': writeOne('organization', (r) => ({
    nameZh: '矩阵越权改名',
    ...version(r),
  })),
  'GET /api/organizations/{id}/duplicates': readOne('organization'),
  'POST /api/organizations/{id}/merge': both(
    writeOne('organization', (_r, ctx) => ({ sourceId: own(ctx, 'organization') })),
    references((ctx) =>
      ctx
        .forbidden('organization')
        .map((r) => ({ url: mine(ctx, 'organization').url, body: { sourceId: r.id } })),
    ),
  ),

  'GET /api/projects': list((ctx) => [
    '',
    `?q=${encodeURIComponent('矩阵')}`,
    `?region=${CITIES[other(ctx)].code}`,
    '?stage=signed',
  ]),
  'POST /api/projects': references((ctx) => [
    { body: projectBody(ctx, { regionCode: CITIES[other(ctx)].district }) },
    ...ctx.forbidden('organization').map((r) => ({
      body: projectBody(ctx, { investors: [{ organizationId: r.id, role: 'lead_investor' }] }),
    })),
  ]),
  'GET /api/projects/count': {
    kind: 'probes',
    probes: (ctx) => [
      {
        method: 'GET',
        url: ctx.path,
        expect: 'shown',
        isWrite: false,
        count: { kind: 'project', read: (answer) => (answer.json() as { count: number }).count },
      },
    ],
  },
  'GET /api/projects/summary': list(),
  'GET /api/projects/export.xlsx': {
    kind: 'probes',
    probes: (ctx) => [
      {
        method: 'GET',
        url: ctx.path,
        expect: 'shown',
        isWrite: false,
        count: { kind: 'project', read: async (answer) => (await sheetRows(answer)).length },
      },
    ],
  },
  'GET /api/projects/{id}': readOne('project'),
  'PATCH /api/projects/{id}': both(
    writeOne('project', (r) => ({ nameZh: '矩阵越权改名', ...version(r) })),
    references((ctx) =>
      ctx.forbidden('organization').map((r) => ({
        url: mine(ctx, 'project').url,
        body: {
          investors: [{ organizationId: r.id, role: 'co_investor' }],
          version: mine(ctx, 'project').version,
        },
      })),
    ),
  ),
  'POST /api/projects/{id}/stage': both(
    writeOne('project', (r) => ({ to: 'dropped', on: '2024-06-01', reason: '矩阵越权', ...version(r) })),
    references((ctx) =>
      ctx.forbidden('file').map((r) => ({
        url: mine(ctx, 'project').url,
        body: {
          to: 'dropped',
          on: '2024-06-01',
          reason: '矩阵越权',
          evidence: [{ fileId: r.id, kind: 'agreement' }],
          version: mine(ctx, 'project').version,
        },
      })),
    ),
  ),
  'GET /api/projects/{id}/timeline': readOne('project'),

  'GET /api/events': list(),
  'POST /api/events': references((ctx) => [
    { body: eventBody({ regionCode: CITIES[other(ctx)].code }) },
    { body: eventBody({ parentId: foreign(ctx, 'event') }) },
    ...ctx
      .forbidden('organization')
      .map((r) => ({ body: eventBody({ organizations: [{ organizationId: r.id, role: 'host' }] }) })),
  ]),
  'GET /api/events/{id}': readOne('event'),
  'PATCH /api/events/{id}': both(
    writeOne('event', (r) => ({ nameZh: '矩阵越权改名', ...version(r) })),
    references((ctx) => [
      {
        url: mine(ctx, 'event').url,
        body: { parentId: foreign(ctx, 'event'), version: mine(ctx, 'event').version },
      },
    ]),
  ),
  'PUT /api/events/{id}/agenda': writeOne('event', () => ({ items: [] })),
  'PUT /api/events/{id}/run-sheet': both(
    writeOne('event', () => ({ slots: [] })),
    references((ctx) =>
      ctx.forbidden('agreement').map((r) => ({
        url: mine(ctx, 'event').url,
        body: { slots: [{ agreementId: r.id, startsAt: '2024-06-01T09:00:00+08:00' }] },
      })),
    ),
  ),

  'GET /api/agreements': list(() => ['', '?status=draft']),
  'POST /api/agreements': references((ctx) => [
    { body: agreementBody(ctx, { regionCode: CITIES[other(ctx)].code }) },
    { body: agreementBody(ctx, { eventId: foreign(ctx, 'event') }) },
    ...ctx.forbidden('project').map((r) => ({ body: agreementBody(ctx, { projectIds: [r.id] }) })),
    ...ctx.forbidden('organization').map((r) => ({
      body: agreementBody(ctx, {
        parties: [
          { organizationId: own(ctx, 'organization'), signers: [{ name: '甲' }] },
          { organizationId: r.id, signers: [{ name: '乙' }] },
        ],
      }),
    })),
  ]),
  'GET /api/agreements/{id}': readOne('agreement'),
  'PATCH /api/agreements/{id}': writeOne('agreement', (r) => ({ titleZh: '矩阵越权改名', ...version(r) })),
  'POST /api/agreements/{id}/void': writeOne('agreement', (r) => ({ reason: '矩阵越权作废', ...version(r) })),
  'POST /api/agreements/{id}/send': writeOne('agreement', (r) => version(r)),
  'GET /api/agreements/{id}/document.pdf': readOne('agreement'),
  'POST /api/agreements/{id}/document': writeOne('agreement', () => undefined, {
    multipart: () => multipartFile({ name: '越权.pdf', type: 'application/pdf', content: tinyPdf('越权') }),
  }),
  'POST /api/agreements/{id}/signers/{signerId}/link': writeOne('signer', () => undefined),
  'POST /api/agreements/{id}/signers/{signerId}/onsite': writeOne('signer', () => drawnSignature()),
  'GET /api/agreements/{id}/audit': readOne('agreement'),

  'GET /api/signing/ca.pem': { kind: 'unscoped', why: 'public: the deployment CA certificate' },
  'GET /api/sign/{token}': { kind: 'unscoped', why: 'a signing link: the token is the capability' },
  'GET /api/sign/{token}/document.pdf': {
    kind: 'unscoped',
    why: 'a signing link: the token is the capability',
  },
  'POST /api/sign/{token}/code': { kind: 'unscoped', why: 'a signing link: the token is the capability' },
  'POST /api/sign/{token}/verify': { kind: 'unscoped', why: 'a signing link: the token is the capability' },
  'POST /api/sign/{token}/sign': { kind: 'unscoped', why: 'a signing link: the token is the capability' },
  'POST /api/sign/{token}/decline': { kind: 'unscoped', why: 'a signing link: the token is the capability' },
  'POST /api/verify': { kind: 'unscoped', why: 'public: whoever holds a signed PDF may verify it' },

  'POST /api/files': { kind: 'unscoped', why: 'an upload belongs to its uploader until attached' },
  'GET /api/files/{id}': readOne('file'),

  'GET /api/audit': list((ctx) =>
    (['project', 'organization', 'user'] as const).flatMap((entity) =>
      ctx.forbidden(entity).map((r) => `?entity=${entity}&id=${r.id}`),
    ),
  ),

  'GET /api/screen/events/{id}': {
    kind: 'unscoped',
    why: 'public: the ceremony screen shows signed figures',
  },
  'GET /api/screen/events/{id}/stream': { kind: 'unscoped', why: 'public: the ceremony screen' },
  'GET /api/screen/map': { kind: 'unscoped', why: 'public: the map the screen draws' },
  'GET /api/screen/maps/{key}': { kind: 'unscoped', why: 'public: a map the screen draws' },

  'GET /api/webhooks': list(),
  'POST /api/webhooks': references((ctx) => [
    { body: { url: 'https://hooks.example.com/matrix', regionCode: CITIES[other(ctx)].code } },
  ]),
  'DELETE /api/webhooks/{id}': writeOne('webhook', () => undefined),
  'GET /api/webhooks/{id}/deliveries': readOne('webhook'),
  'POST /api/webhooks/{id}/test': writeOne('webhook', () => undefined),
};

function eventBody(fields: Record<string, unknown>) {
  return {
    kind: 'promotion',
    nameZh: '矩阵越权新活动',
    startsOn: '2024-07-01',
    endsOn: '2024-07-02',
    ...fields,
  };
}

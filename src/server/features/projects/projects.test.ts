import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../../domain/china-today.ts';
import { startTestApp, type TestContext, type TestUser } from '../../testing/app.ts';

let t: TestContext;
let officer: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.user('officer', '350100');
});
afterAll(() => t.close());

const base = {
  regionCode: '350102',
  industryCode: '6513',
  categoryCode: 'digital_industry',
  source: 'event',
};

async function createProject(body: Record<string, unknown>) {
  const response = await t.call(officer, 'POST', '/api/projects', { ...base, ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function uploadPdf(name: string): Promise<string> {
  const response = await t.upload(officer, '/api/files', {
    name,
    type: 'application/pdf',
    content: Buffer.from('%PDF-1.4\n% test evidence\n'),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

describe('creating projects', () => {
  it('accepts an amount typed as 3.24亿 and stores exact yuan', async () => {
    const project = await createProject({ nameZh: '智慧海洋信息化实训基地', investment: '3.24亿' });
    expect(project.investment).toMatchObject({
      amount: 324_000_000,
      currency: 'CNY',
      qualifier: 'exact',
      yuan: 324_000_000,
      displayZh: '3.24亿元',
    });
    expect(project.stage).toBe('lead');
    expect(project.code).toMatch(/^P\d{10}$/);
    expect(project.region).toMatchObject({ code: '350102', nameZh: '鼓楼区' });
  });

  it('keeps qualifiers and full-width input: 超3000万元, ３．２４亿元', async () => {
    expect(
      (await createProject({ nameZh: '光纤光缆扩产项目', investment: '超3000万元' })).investment,
    ).toMatchObject({ amount: 30_000_000, qualifier: 'at_least' });
    expect(
      (await createProject({ nameZh: '前端感知设备项目', investment: '３．２４亿元' })).investment.amount,
    ).toBe(324_000_000);
  });

  it('converts a US dollar amount at the recorded rate and refuses one without a rate', async () => {
    const project = await createProject({
      nameZh: '外资智能制造项目',
      investment: '3000万美元',
      usdRate: '7.1000',
    });
    expect(project.investment).toMatchObject({
      amount: 30_000_000,
      currency: 'USD',
      usdRate: '7.100000',
      yuan: 213_000_000,
    });
    const missing = await t.call(officer, 'POST', '/api/projects', {
      ...base,
      nameZh: '缺汇率项目',
      investment: '3000万美元',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('usdRate');
  });

  it.each([
    [{ investment: '数亿' }, 'investment'],
    [{ investment: '3.24亿亿' }, 'investment'],
    [{ investment: '9000万亿元' }, 'investment'],
    [{ investment: 9_007_199_254_740_991 }, 'body.investment'],
    [{ expectedOutput: '101万亿' }, 'expectedOutput'],
    [{ investment: -5 }, 'body.investment'],
    [{ regionCode: '999999' }, 'regionCode'],
    [{ regionCode: '350100' }, 'regionCode'],
    [{ industryCode: '9999' }, 'industryCode'],
    [{ categoryCode: 'space' }, 'categoryCode'],
    [{ nationalCode: '2603-141124-89-05-346940' }, 'nationalCode'],
    [{ stage: 'signed' }, 'body.stage'],
    [{ stageOn: '2199-01-01' }, 'stageOn'],
    [{ stageOn: '2024-02-30' }, 'body.stageOn'],
  ])('rejects %o with 400 on %s and writes nothing', async (patch, field) => {
    const before = (await t.call(officer, 'GET', '/api/projects/count')).json().count;
    const response = await t.call(officer, 'POST', '/api/projects', {
      ...base,
      nameZh: '坏输入项目',
      investment: '1亿',
      ...patch,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect((await t.call(officer, 'GET', '/api/projects/count')).json().count).toBe(before);
  });

  it('refuses a landing region outside the officer’s city with 403', async () => {
    const response = await t.call(officer, 'POST', '/api/projects', {
      ...base,
      nameZh: '越界项目',
      investment: '1亿',
      regionCode: '350502',
    });
    expect(response.statusCode).toBe(403);
  });

  it('accepts a valid national project code and refuses it twice', async () => {
    const project = await createProject({
      nameZh: '有赋码的项目',
      investment: '2亿',
      nationalCode: '2603-141124-89-05-346948',
    });
    expect(project.nationalCode).toBe('2603-141124-89-05-346948');
    const again = await t.call(officer, 'POST', '/api/projects', {
      ...base,
      nameZh: '重复赋码',
      investment: '2亿',
      nationalCode: '260314112489053469 48'.replace(' ', ''),
    });
    expect(again.statusCode).toBe(409);
  });
});

describe('finding projects', () => {
  it('finds a project by a two-character Chinese search, and not by scattered characters', async () => {
    await createProject({ nameZh: '千吨级低温银浆项目', investment: '5亿' });
    const hit = await t.call(officer, 'GET', `/api/projects?q=${encodeURIComponent('银浆')}`);
    expect(hit.json().items.map((p: { nameZh: string }) => p.nameZh)).toEqual(['千吨级低温银浆项目']);
    const scattered = await t.call(officer, 'GET', `/api/projects?q=${encodeURIComponent('低浆')}`);
    expect(scattered.json().items).toHaveLength(0);
    const byRegion = await t.call(officer, 'GET', `/api/projects?q=${encodeURIComponent('鼓楼')}&limit=200`);
    expect(byRegion.json().items.length).toBeGreaterThan(1);
  });

  it('filters by size band, amount text, stage and flags, and sorts by investment', async () => {
    await createProject({
      nameZh: '百亿级化工新材料项目',
      investment: '138亿',
      isKey: true,
      industryCode: '2614',
    });
    const big = (await t.call(officer, 'GET', '/api/projects?band=ge50yi')).json().items;
    expect(big.map((p: { nameZh: string }) => p.nameZh)).toEqual(['百亿级化工新材料项目']);
    const between = (
      await t.call(
        officer,
        'GET',
        `/api/projects?minInvestment=${encodeURIComponent('3亿')}&maxInvestment=${encodeURIComponent('5亿')}&sort=investment&order=asc`,
      )
    ).json().items;
    expect(between.map((p: { investment: { yuan: number } }) => p.investment.yuan)).toEqual(
      [...between.map((p: { investment: { yuan: number } }) => p.investment.yuan)].sort((a, b) => a - b),
    );
    expect(
      between.every(
        (p: { investment: { yuan: number } }) =>
          p.investment.yuan >= 300_000_000 && p.investment.yuan <= 500_000_000,
      ),
    ).toBe(true);
    expect((await t.call(officer, 'GET', '/api/projects?isKey=true')).json().items).toHaveLength(1);
    expect(
      (await t.call(officer, 'GET', '/api/projects?industry=C'))
        .json()
        .items.map((p: { nameZh: string }) => p.nameZh),
    ).toContain('百亿级化工新材料项目');
    expect(
      (await t.call(officer, 'GET', '/api/projects?industry=I'))
        .json()
        .items.map((p: { nameZh: string }) => p.nameZh),
    ).not.toContain('百亿级化工新材料项目');
    const bad = await t.call(officer, 'GET', '/api/projects?stage=flying');
    expect(bad.statusCode).toBe(400);
    const badAmount = await t.call(
      officer,
      'GET',
      `/api/projects?minInvestment=${encodeURIComponent('lots')}`,
    );
    expect(badAmount.json().error.details[0].field).toBe('querystring.minInvestment');
  });

  it('walks every page of a sorted list exactly once', async () => {
    const all = (await t.call(officer, 'GET', '/api/projects?limit=200&sort=investment'))
      .json()
      .items.map((p: { id: string }) => p.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await t.call(
          officer,
          'GET',
          `/api/projects?limit=3&sort=investment${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json();
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('counts and sums the filtered projects, each project once', async () => {
    const count = (await t.call(officer, 'GET', '/api/projects/count?band=ge50yi')).json();
    expect(count).toMatchObject({ count: 1, investmentYuan: 13_800_000_000, displayZh: '138.00亿元' });
  });

  it('exports the filtered list to a real Excel file', async () => {
    const response = await t.call(officer, 'GET', '/api/projects/export.xlsx?band=ge50yi');
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(2);
    expect(sheet?.getRow(2).getCell(2).value).toBe('百亿级化工新材料项目');
    expect(sheet?.getRow(2).getCell(7).value).toBe(13_800_000_000);
  });
});

describe('stage moves', () => {
  it('moves lead → signed → registered with evidence and shows it on the timeline', async () => {
    const project = await createProject({
      nameZh: '机器人产业园项目',
      investment: '2亿',
      stageOn: '2024-03-01',
    });
    const signed = await t.call(officer, 'POST', `/api/projects/${project.id}/stage`, {
      to: 'signed',
      on: '2024-05-24',
      evidence: [{ fileId: await uploadPdf('合同.pdf'), kind: 'agreement' }],
      version: project.version,
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ stage: 'signed', signedOn: '2024-05-24' });
    const noLicense = await t.call(officer, 'POST', `/api/projects/${project.id}/stage`, {
      to: 'registered',
      on: '2024-06-01',
      version: signed.json().version,
    });
    expect(noLicense.statusCode).toBe(422);
    expect(noLicense.json().error.details[0]).toMatchObject({ code: 'stage.evidence', field: 'evidence' });
    const skip = await t.call(officer, 'POST', `/api/projects/${project.id}/stage`, {
      to: 'construction',
      on: '2024-06-01',
      evidence: [{ fileId: await uploadPdf('permit.pdf'), kind: 'construction_permit' }],
      version: signed.json().version,
    });
    expect(skip.json().error.details[0].code).toBe('stage.skip');
    const early = await t.call(officer, 'POST', `/api/projects/${project.id}/stage`, {
      to: 'registered',
      on: '2024-05-01',
      evidence: [{ fileId: await uploadPdf('licence.pdf'), kind: 'business_license' }],
      version: signed.json().version,
    });
    expect(early.json().error.details[0].code).toBe('stage.before_previous');
    const registered = await t.call(officer, 'POST', `/api/projects/${project.id}/stage`, {
      to: 'registered',
      on: '2024-06-01',
      evidence: [{ fileId: await uploadPdf('营业执照.pdf'), kind: 'business_license' }],
      version: signed.json().version,
    });
    expect(registered.statusCode).toBe(200);
    const timeline = (await t.call(officer, 'GET', `/api/projects/${project.id}/timeline`)).json().items;
    const stages = timeline.filter((e: { kind: string }) => e.kind === 'stage');
    expect(stages.map((e: { toStage: string }) => e.toStage)).toEqual(['registered', 'signed', 'lead']);
    expect(stages[0].evidence[0]).toMatchObject({ kind: 'business_license', name: '营业执照.pdf' });
  });

  it('refuses a stale version, a future date, a drop without reason and a move out of dropped', async () => {
    const project = await createProject({ nameZh: '终止测试项目', investment: '1亿' });
    const stale = await t.call(officer, 'POST', `/api/projects/${project.id}/stage`, {
      to: 'negotiating',
      on: '2024-01-01',
      version: project.version + 5,
    });
    expect(stale.statusCode).toBe(409);
    const future = await t.call(officer, 'POST', `/api/projects/${project.id}/stage`, {
      to: 'negotiating',
      on: '2199-01-01',
      version: project.version,
    });
    expect(future.json().error.details[0].code).toBe('stage.future');
    const noReason = await t.call(officer, 'POST', `/api/projects/${project.id}/stage`, {
      to: 'dropped',
      on: chinaToday(),
      version: project.version,
    });
    expect(noReason.json().error.details[0]).toMatchObject({
      code: 'stage.reason_required',
      field: 'reason',
    });
    const dropped = await t.call(officer, 'POST', `/api/projects/${project.id}/stage`, {
      to: 'dropped',
      on: chinaToday(),
      reason: '企业投资计划调整',
      version: project.version,
    });
    expect(dropped.json()).toMatchObject({ stage: 'dropped', droppedReason: '企业投资计划调整' });
    const revive = await t.call(officer, 'POST', `/api/projects/${project.id}/stage`, {
      to: 'negotiating',
      on: chinaToday(),
      version: dropped.json().version,
    });
    expect(revive.json().error.details[0].code).toBe('stage.final');
  });

  it('records field changes in the audit log with before and after', async () => {
    const project = await createProject({ nameZh: '审计测试项目', investment: '1亿' });
    const updated = await t.call(officer, 'PATCH', `/api/projects/${project.id}`, {
      investment: '1.5亿',
      isMajor: true,
      version: project.version,
    });
    expect(updated.statusCode).toBe(200);
    const timeline = (await t.call(officer, 'GET', `/api/projects/${project.id}/timeline`)).json().items;
    const update = timeline.find((e: { action: string | null }) => e.action === 'update');
    expect(update.actor.id).toBe(officer.id);
    const fields = update.changes.map((c: { field: string }) => c.field);
    expect(fields).toEqual(expect.arrayContaining(['investment', 'isMajor']));
  });
});

describe('pipeline summary', () => {
  it('sums projects and investment by stage, lists this month’s moves and stalled projects', async () => {
    const response = await t.call(officer, 'GET', '/api/projects/summary');
    expect(response.statusCode, response.body).toBe(200);
    const summary = response.json();
    const total = (await t.call(officer, 'GET', '/api/projects/count')).json();
    const counted = summary.byStage.reduce((sum: number, s: { count: number }) => sum + s.count, 0);
    const invested = summary.byStage.reduce(
      (sum: number, s: { investmentYuan: number }) => sum + s.investmentYuan,
      0,
    );
    expect(counted).toBe(total.count);
    expect(invested).toBe(total.investmentYuan);
    expect(summary.byStage.map((s: { stage: string }) => s.stage)).toEqual([
      'lead',
      'negotiating',
      'signed',
      'registered',
      'construction',
      'production',
      'full_output',
      'dropped',
    ]);
    // The project signed on 2024-05-24 and registered on 2024-06-01 has waited far longer than 180 days to start.
    expect(
      summary.attention.map((a: { nameZh: string; reason: string }) => [a.nameZh, a.reason]),
    ).toContainEqual(['机器人产业园项目', 'registered_not_started']);
    expect(summary.monthChanges.some((c: { toStage: string }) => c.toStage === 'dropped')).toBe(true);
  });
});

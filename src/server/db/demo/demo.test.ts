import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateUsci } from '../../../domain/usci.ts';
import { openTestDatabase } from '../../testing/database.ts';
import type { Database } from '../connect.ts';
import { buildDemoData } from './build.ts';
import { signedAtEvents, signedTotals } from './figure-queries.ts';
import { type DemoSummary, hasDemoData, loadDemo, SEED_FIGURES } from './index.ts';
import { assertReferenceCovers, demoContext, readReference } from './reference.ts';

let database: Database;
let summary: DemoSummary;

beforeAll(async () => {
  database = await openTestDatabase();
  const started = performance.now();
  summary = await loadDemo(database);
  console.info(`loadDemo: ${Math.round(performance.now() - started)} ms, ${summary.projects} projects`);
}, 120_000);
afterAll(() => database?.close());

async function rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]> {
  const result = await database.db.execute<T>(query);
  return [...result] as T[];
}

async function one<T extends Record<string, unknown>>(query: SQL): Promise<T> {
  const [row] = await rows<T>(query);
  if (!row) throw new Error('no row');
  return row;
}

const signedAt = signedAtEvents;
const totals = (eventNames: readonly string[]) => signedTotals(database.db, eventNames);

const summitNames = (ordinals: readonly number[]) =>
  SEED_FIGURES.digitalChinaSummits.summits.filter((s) => ordinals.includes(s.ordinal)).map((s) => s.nameZh);

describe('seeds/000 Fuzhou expo signing ceremony', () => {
  const figures = SEED_FIGURES.fuzhouExpo2022;

  it('has 28 agreements, 13 strategic, 8 regional and 7 key-project signings, for 3.24亿元', async () => {
    const byType = await rows<{
      type_code: string;
      n: number;
    }>(sql`select a.type_code, count(*)::int as n from agreements a
      join events e on e.id = a.event_id where e.name_zh = ${figures.eventNameZh} group by a.type_code`);
    expect(Object.fromEntries(byType.map((r) => [r.type_code, r.n]))).toEqual(figures.agreementsByType);
    expect(await totals([figures.eventNameZh])).toEqual({ projects: 28, investmentYuan: 324_000_000 });
  });

  it('signed every project on 2022-07-24 and none has fallen back or been dropped', async () => {
    const result = await rows<{ signed_on: string; stage: string }>(sql`${signedAt([figures.eventNameZh])}
      select p.signed_on, p.stage from projects p where p.id in (select id from signed)`);
    expect(new Set(result.map((r) => r.signed_on))).toEqual(new Set(['2022-07-24']));
    expect(
      result.every((r) =>
        ['signed', 'registered', 'construction', 'production', 'full_output'].includes(r.stage),
      ),
    ).toBe(true);
  });

  it('is a part of the 5th Digital China Summit, with its parties as the article names them', async () => {
    const row = await one<{ parent: string }>(
      sql`select p.name_zh as parent from events e join events p on p.id = e.parent_id where e.name_zh = ${figures.eventNameZh}`,
    );
    expect(row.parent).toBe('第五届数字中国建设峰会');
    const parties = await rows<{
      name_zh: string;
    }>(sql`select distinct o.name_zh from agreement_parties ap join organizations o on o.id = ap.organization_id
      join agreements a on a.id = ap.agreement_id join events e on e.id = a.event_id where e.name_zh = ${figures.eventNameZh}`);
    const names = parties.map((p) => p.name_zh);
    expect(names).toEqual(
      expect.arrayContaining([
        '福州市振兴乡村集团有限公司',
        '宽腾（北京）医疗器械有限公司',
        '中麾（福建）科技有限公司',
        '福建水产研究所',
        '北京凌云智能科技有限公司',
      ]),
    );
    expect(names).toHaveLength(35);
  });
});

describe('seeds/001 and 004 Digital China Summits', () => {
  const { summits, firstFour, firstSix, seventh } = SEED_FIGURES.digitalChinaSummits;

  it('reproduces each summit and the running totals: 1,412 projects over 1万亿 by 2021, nearly 2,600 over 1.6万亿 by 2023', async () => {
    for (const summit of summits) {
      expect(await totals([summit.nameZh]), summit.nameZh).toEqual({
        projects: summit.projects,
        investmentYuan: summit.investmentYuan,
      });
    }
    const four = await totals(summitNames(firstFour.ordinals));
    expect(four).toEqual({ projects: firstFour.projects, investmentYuan: firstFour.investmentYuan });
    expect(four.projects).toBeGreaterThan(1400);
    expect(four.investmentYuan).toBeGreaterThan(1_000_000_000_000);
    const six = await totals(summitNames(firstSix.ordinals));
    expect(six).toEqual({ projects: firstSix.projects, investmentYuan: firstSix.investmentYuan });
    expect(six.projects).toBeLessThan(2600);
    expect(six.investmentYuan).toBeGreaterThan(1_600_000_000_000);
    expect(await totals(summitNames([seventh.ordinal]))).toEqual({
      projects: 421,
      investmentYuan: 203_000_000_000,
    });
  });

  it('names the six bodies that held the 5th summit', async () => {
    const organizers = await rows<{
      name_zh: string;
    }>(sql`select o.name_zh from event_organizations eo join organizations o on o.id = eo.organization_id
      join events e on e.id = eo.event_id where e.name_zh = '第五届数字中国建设峰会' and eo.role = 'organizer'`);
    expect(organizers.map((o) => o.name_zh).sort()).toEqual(
      [
        '国家互联网信息办公室',
        '国家发展和改革委员会',
        '科学技术部',
        '工业和信息化部',
        '国务院国有资产监督管理委员会',
        '福建省人民政府',
      ].sort(),
    );
  });
});

describe('seeds/002 Quanzhou cloud signing', () => {
  const figures = SEED_FIGURES.quanzhouCloudSigning2022;

  it('has 380 projects over 3000亿, 39 at the main venue over 1000亿, 6 of them over 50亿, 百宏 the largest at 138亿', async () => {
    const all = await totals([figures.eventNameZh]);
    expect(all).toEqual({ projects: 380, investmentYuan: figures.investmentYuan });
    expect(all.investmentYuan).toBeGreaterThan(300_000_000_000);
    const main = await totals([figures.mainVenue.eventNameZh]);
    expect(main).toEqual({ projects: 39, investmentYuan: figures.mainVenue.investmentYuan });
    expect(main.investmentYuan).toBeGreaterThan(100_000_000_000);
    const over = await one<{ main: number; all: number }>(sql`select
      (select count(*)::int from (${signedAt([figures.mainVenue.eventNameZh])} select * from signed) s where investment_yuan > 5000000000) as main,
      (select count(*)::int from (${signedAt([figures.eventNameZh])} select * from signed) s where investment_yuan > 5000000000) as all`);
    expect(over).toEqual({ main: 6, all: 6 });
    const largest = await one<{
      name_zh: string;
      yuan: string;
      region_code: string;
    }>(sql`${signedAt([figures.eventNameZh])}
      select name_zh, investment_yuan::text as yuan, region_code from signed order by investment_yuan desc limit 1`);
    expect(largest).toEqual({ name_zh: '百宏化工新材料项目', yuan: '13800000000', region_code: '350505001' });
  });

  it('keeps the named projects with their places and the 20 cloud negotiations of the development zone', async () => {
    const named = await rows<{
      name_zh: string;
      region_code: string;
      expected_output_yuan: string | null;
    }>(sql`select name_zh, region_code, expected_output_yuan::text
      from projects where name_zh in ('千吨级低温银浆项目', '腾云硬科技半导体产业园项目', '安溪海佳智能显示产业园项目', '汉氏联合干细胞产业转化基地项目', '储能应急保障电源中心项目')`);
    expect(Object.fromEntries(named.map((p) => [p.name_zh, p.region_code]))).toEqual({
      千吨级低温银浆项目: '350502',
      腾云硬科技半导体产业园项目: '350583001',
      安溪海佳智能显示产业园项目: '350524',
      汉氏联合干细胞产业转化基地项目: '350503',
      储能应急保障电源中心项目: '350521001',
    });
    expect(named.find((p) => p.name_zh === '安溪海佳智能显示产业园项目')?.expected_output_yuan).toBe(
      '8000000000',
    );
    const zone = await one<{
      n: number;
      named: number;
    }>(sql`select count(*)::int as n, count(*) filter (where name_zh = '零趣食品品牌运营总部项目')::int as named
      from projects p where region_code = ${figures.developmentZoneNegotiating.regionCode} and stage = 'negotiating' and source = 'cloud_negotiation'
      and exists (select 1 from stage_changes s where s.project_id = p.id and s.to_stage = 'negotiating' and s.occurred_on <= ${figures.date})`);
    expect(zone).toEqual({ n: 20, named: 1 });
  });
});

describe('seeds/003 Hebei–Shenzhen matchmaking', () => {
  const figures = SEED_FIGURES.hebeiShenzhen2021;

  it('has one organizer, three co-organizers, two hosts and its signings in Hebei', async () => {
    const roles = await rows<{
      role: string;
      n: number;
    }>(sql`select eo.role, count(*)::int as n from event_organizations eo
      join events e on e.id = eo.event_id where e.name_zh = ${figures.eventNameZh} group by eo.role`);
    expect(Object.fromEntries(roles.map((r) => [r.role, r.n]))).toEqual(figures.organizers);
    expect(await totals([figures.eventNameZh])).toEqual({
      projects: figures.projects,
      investmentYuan: figures.investmentYuan,
    });
    const outside = await one<{ n: number }>(
      sql`${signedAt([figures.eventNameZh])} select count(*)::int as n from signed where region_code not like '13%'`,
    );
    expect(outside.n).toBe(0);
  });
});

describe('seeds/004 Fujian digital economy conference 2024', () => {
  const figures = SEED_FIGURES.fujianDigitalEconomy2024;

  it('signed 50 projects for 319亿元, over 90% of it to digital industry', async () => {
    expect(await totals([figures.eventNameZh])).toEqual({ projects: 50, investmentYuan: 31_900_000_000 });
    const byCategory = await rows<{
      category_code: string;
      projects: number;
      yuan: string;
    }>(sql`${signedAt([figures.eventNameZh])}
      select category_code, count(*)::int as projects, sum(investment_yuan)::text as yuan from signed group by category_code`);
    expect(
      Object.fromEntries(
        byCategory.map((r) => [r.category_code, { projects: r.projects, investmentYuan: Number(r.yuan) }]),
      ),
    ).toEqual(figures.byCategory);
    expect(figures.byCategory.digital_industry.investmentYuan / figures.investmentYuan).toBeGreaterThan(
      figures.digitalIndustryShareMin,
    );
  });

  it('has private capital in 41 of 50 projects, foreign or HMT capital in 2, and the three central SOEs', async () => {
    const byType = (types: string[]) =>
      sql`select count(*)::int as n from (${signedAt([figures.eventNameZh])} select * from signed) s where exists (select 1 from project_investors pi
        join organizations o on o.id = pi.organization_id where pi.project_id = s.id and o.type = any(${sql.param(types)}::text[]))`;
    expect((await one<{ n: number }>(byType(['private']))).n).toBe(figures.projectsWithPrivateInvestor);
    expect((await one<{ n: number }>(byType(['foreign', 'hmt']))).n).toBe(
      figures.projectsWithForeignOrHmtInvestor,
    );
    const soes = await rows<{
      name_zh: string;
    }>(sql`${signedAt([figures.eventNameZh])} select distinct o.name_zh from signed s
      join project_investors pi on pi.project_id = s.id join organizations o on o.id = pi.organization_id where o.type = 'central_soe'`);
    expect(soes.map((s) => s.name_zh)).toEqual(expect.arrayContaining([...figures.soePartners]));
  });

  it('promoted 91 catalog projects in Fujian, all still leads', async () => {
    const row = await one<{
      n: number;
      leads: number;
    }>(sql`select count(*)::int as n, count(*) filter (where stage = 'lead')::int as leads
      from projects where source = 'catalog' and region_code like '35%'`);
    expect(row).toEqual({ n: 91, leads: 91 });
  });
});

describe('organizations', () => {
  it('has 200+ organizations, each live one with a valid and unique credit code, and a few near-duplicates without', async () => {
    const all = await rows<{ name_zh: string; usci: string | null; type: string }>(
      sql`select name_zh, usci, type from organizations`,
    );
    expect(all.length).toBeGreaterThanOrEqual(200);
    expect(all.length).toBe(summary.organizations);
    const withCode = all.filter((o) => o.usci !== null);
    expect(withCode.every((o) => validateUsci(o.usci ?? '').ok)).toBe(true);
    expect(new Set(withCode.map((o) => o.usci)).size).toBe(withCode.length);
    const without = all.filter((o) => o.usci === null).map((o) => o.name_zh);
    expect(without.length).toBeGreaterThanOrEqual(3);
    expect(without).toContain('宽腾(北京)医疗器械有限责任公司');
    const types = Object.fromEntries(all.map((o) => [o.name_zh, o.type]));
    expect(types).toMatchObject({
      福州市振兴乡村集团有限公司: 'local_soe',
      '宽腾（北京）医疗器械有限公司': 'private',
      厦门光莆电子股份有限公司: 'private',
      福建工程学院: 'institution',
      中国电信集团有限公司: 'central_soe',
      北京百度网讯科技有限公司: 'private',
      国家互联网信息办公室: 'government',
    });
    for (const type of ['foreign', 'hmt', 'overseas_chinese'])
      expect(
        all.some((o) => o.type === type),
        type,
      ).toBe(true);
  });

  it('gives a near-duplicate the same name key as its original', async () => {
    const row = await one<{ n: number }>(
      sql`select count(*)::int as n from organizations a join organizations b on a.name_key = b.name_key and a.id < b.id`,
    );
    expect(row.n).toBeGreaterThanOrEqual(3);
  });
});

describe('projects', () => {
  it('has over 1,000 projects with every stage, in counties or parks, and 4-digit industries', async () => {
    const stages = await rows<{ stage: string; n: number }>(
      sql`select stage, count(*)::int as n from projects group by stage`,
    );
    expect(stages.map((s) => s.stage).sort()).toEqual([
      'construction',
      'dropped',
      'full_output',
      'lead',
      'negotiating',
      'production',
      'registered',
      'signed',
    ]);
    expect(stages.reduce((sum, s) => sum + s.n, 0)).toBe(summary.projects);
    expect(summary.projects).toBeGreaterThan(1000);
    const bad = await one<{
      n: number;
    }>(sql`select count(*)::int as n from projects p join regions r on r.code = p.region_code
      join industries i on i.code = p.industry_code where r.level not in ('county', 'park') or i.level <> 4`);
    expect(bad.n).toBe(0);
  });

  it('keeps a dated history for every project that ends in its stage, with signed_on and drop reasons consistent', async () => {
    const projects = await rows<{
      id: string;
      stage: string;
      stage_changed_on: string;
      signed_on: string | null;
      dropped_reason: string | null;
    }>(sql`select id, stage, stage_changed_on, signed_on, dropped_reason from projects`);
    const changes = await rows<{
      project_id: string;
      from_stage: string | null;
      to_stage: string;
      occurred_on: string;
    }>(
      sql`select project_id, from_stage, to_stage, occurred_on from stage_changes order by project_id, occurred_on`,
    );
    const history = new Map<string, typeof changes>();
    for (const change of changes)
      history.set(change.project_id, [...(history.get(change.project_id) ?? []), change]);
    const problems: string[] = [];
    for (const p of projects) {
      const steps = history.get(p.id) ?? [];
      steps.forEach((step, i) => {
        const before = steps[i - 1];
        if ((before?.to_stage ?? null) !== step.from_stage)
          problems.push(`${p.id}: ${step.from_stage} after ${before?.to_stage}`);
        if (before && before.occurred_on >= step.occurred_on) problems.push(`${p.id}: dates not increasing`);
        if (step.occurred_on > SEED_FIGURES.asOf) problems.push(`${p.id}: after the as-of date`);
      });
      const last = steps.at(-1);
      if (last?.to_stage !== p.stage || last.occurred_on !== p.stage_changed_on)
        problems.push(`${p.id}: history ends elsewhere`);
      if ((steps.find((s) => s.to_stage === 'signed')?.occurred_on ?? null) !== p.signed_on)
        problems.push(`${p.id}: signed_on`);
      if ((p.stage === 'dropped') !== (p.dropped_reason !== null)) problems.push(`${p.id}: drop reason`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('converts dollar contracts exactly at their recorded rate', async () => {
    const row = await one<{ n: number; wrong: number }>(sql`select count(*)::int as n,
      count(*) filter (where investment_yuan <> round(investment_amount * usd_rate))::int as wrong from projects where investment_currency = 'USD'`);
    expect(row.n).toBeGreaterThanOrEqual(3);
    expect(row.wrong).toBe(0);
  });

  it('numbers projects uniquely and moves the code sequence past them', async () => {
    const row = await one<{ next: string }>(sql`select nextval('project_code_seq')::text as next`);
    expect(Number(row.next)).toBeGreaterThan(summary.projects);
    const found = await rows<{ name_zh: string }>(
      sql`select name_zh from projects where search_tokens @@ to_tsquery('simple', '鲤城 & 银浆') and search_text like '%银浆%'`,
    );
    expect(found.map((p) => p.name_zh)).toContain('千吨级低温银浆项目');
  });
});

describe('loading', () => {
  it('returns a user per role, the administrator at the country root and the enterprise user tied to its firm', async () => {
    expect(new Set(summary.users.map((u) => u.role))).toEqual(
      new Set(['admin', 'leader', 'officer', 'organizer', 'service', 'enterprise']),
    );
    expect(summary.users.find((u) => u.username === 'admin')?.regionCode).toBe('000000');
    const enterprise = await one<{ name_zh: string }>(
      sql`select o.name_zh from users u join organizations o on o.id = u.organization_id where u.role = 'enterprise'`,
    );
    expect(enterprise.name_zh).toBe('福建百宏聚纤科技实业有限公司');
  });

  it('reports the demo as loaded and refuses to load it twice', async () => {
    expect(await hasDemoData(database)).toBe(true);
    await expect(loadDemo(database)).rejects.toThrow(/already loaded/);
  });

  it('names the reference codes it needs when they are missing', async () => {
    const reference = await database.db.transaction((tx) => readReference(tx));
    const { data } = buildDemoData(demoContext(reference, 1, SEED_FIGURES.asOf));
    const regions = new Map(reference.regions);
    regions.delete('350505001');
    const industries = new Set([...reference.industries].filter((code) => code !== '2614'));
    expect(() => assertReferenceCovers({ ...reference, regions, industries }, data, [])).toThrow(
      /missing regions 350505001.*missing industries 2614/,
    );
  });

  it('builds the same rows from the same seed', async () => {
    const reference = await database.db.transaction((tx) => readReference(tx));
    const build = () => buildDemoData(demoContext(reference, 7, SEED_FIGURES.asOf)).data;
    const [a, b] = [build(), build()];
    expect(a.projects.map((p) => [p.id, p.code, p.investment.yuan])).toEqual(
      b.projects.map((p) => [p.id, p.code, p.investment.yuan]),
    );
  });
});

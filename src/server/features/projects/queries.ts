import { asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { ListProjectsQuery, ProjectFilterQuery, ProjectView } from '../../../contracts/projects.ts';
import { formatAmount, parseAmount, SIZE_BANDS } from '../../../domain/amount.ts';
import type { Db, DbOrTx } from '../../db/connect.ts';
import { industries, organizations, projectInvestors, projects, regions } from '../../db/schema.ts';
import { type Actor, projectScope, qualified } from '../../platform/access.ts';
import { invalidField } from '../../platform/errors.ts';
import type { SortType } from '../../platform/pagination.ts';
import { searchCondition } from '../../platform/search.ts';
import { assertRegionFilter } from '../organizations/service.ts';

export type ProjectRow = {
  project: typeof projects.$inferSelect;
  region: typeof regions.$inferSelect;
  industry: typeof industries.$inferSelect;
};

export function selectProjects(db: DbOrTx) {
  return db
    .select({ project: projects, region: regions, industry: industries })
    .from(projects)
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .innerJoin(industries, eq(industries.code, projects.industryCode))
    .$dynamic();
}

export function visibleProjects(actor: Actor): SQL {
  return projectScope(actor, projects.id, projects.regionCode);
}

type InvestorViews = ProjectView['investors'];

/** Investors of the given projects, in their listed order. */
export async function investorsOf(db: DbOrTx, projectIds: string[]): Promise<Map<string, InvestorViews>> {
  const byProject = new Map<string, InvestorViews>();
  if (projectIds.length === 0) return byProject;
  const rows = await db
    .select({
      projectId: projectInvestors.projectId,
      role: projectInvestors.role,
      organization: organizations,
    })
    .from(projectInvestors)
    .innerJoin(organizations, eq(organizations.id, projectInvestors.organizationId))
    .where(inArray(projectInvestors.projectId, projectIds))
    .orderBy(asc(projectInvestors.position));
  for (const row of rows) {
    const list = byProject.get(row.projectId) ?? [];
    list.push({
      organizationId: row.organization.id,
      nameZh: row.organization.nameZh,
      nameEn: row.organization.nameEn,
      type: row.organization.type,
      role: row.role,
    });
    byProject.set(row.projectId, list);
  }
  return byProject;
}

export function toProjectView(row: ProjectRow, investors: InvestorViews): ProjectView {
  const { project: p, region, industry } = row;
  const amount = {
    value: p.investmentAmount,
    currency: p.investmentCurrency,
    qualifier: p.investmentQualifier,
  };
  return {
    id: p.id,
    code: p.code,
    nationalCode: p.nationalCode,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    descriptionZh: p.descriptionZh,
    descriptionEn: p.descriptionEn,
    region: { code: region.code, nameZh: region.nameZh, nameEn: region.nameEn },
    industry: { code: industry.code, nameZh: industry.nameZh, nameEn: industry.nameEn },
    categoryCode: p.categoryCode,
    investment: {
      amount: p.investmentAmount,
      currency: p.investmentCurrency,
      qualifier: p.investmentQualifier,
      usdRate: p.usdRate,
      yuan: p.investmentYuan,
      displayZh: formatAmount(amount, 'zh-CN'),
      displayEn: formatAmount(amount, 'en-US'),
    },
    expectedOutputYuan: p.expectedOutputYuan,
    source: p.source,
    ownerId: p.ownerId,
    isKey: p.isKey,
    isMajor: p.isMajor,
    stage: p.stage,
    stageChangedOn: p.stageChangedOn,
    signedOn: p.signedOn,
    droppedReason: p.droppedReason,
    investors,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

function amountBound(field: string, text: string): number {
  const parsed = parseAmount(text, { defaultUnit: 'yi' });
  if (!parsed.ok) throw invalidField(`querystring.${field}`, parsed.error);
  if (parsed.value.currency !== 'CNY') {
    throw invalidField(`querystring.${field}`, {
      code: 'amount.currency',
      zh: '筛选金额请用人民币',
      en: 'Filter amounts must be in yuan',
    });
  }
  return parsed.value.value;
}

/** Every filter of the project list, count and export, as SQL; the actor's scope is always the first. */
export async function projectConditions(db: Db, actor: Actor, query: ProjectFilterQuery): Promise<SQL[]> {
  const conditions: SQL[] = [visibleProjects(actor)];
  if (query.q) conditions.push(searchCondition(query.q, projects.searchTokens, projects.searchText));
  if (query.region) {
    const prefix = await assertRegionFilter(db, actor, query.region);
    conditions.push(sql`${projects.regionCode} like ${`${prefix}%`}`);
  }
  if (query.industry) conditions.push(industryCondition(query.industry));
  if (query.digitalEconomy) {
    conditions.push(
      sql`${projects.industryCode} in (select industry_code from digital_economy_industries where digital_economy_code like ${`${query.digitalEconomy}%`})`,
    );
  }
  if (query.category) conditions.push(inArray(projects.categoryCode, query.category));
  if (query.stage) conditions.push(inArray(projects.stage, query.stage));
  if (query.source) conditions.push(inArray(projects.source, query.source));
  if (query.investorType) {
    conditions.push(sql`exists (select 1 from project_investors pi join organizations o on o.id = pi.organization_id
      where pi.project_id = ${qualified(projects.id)} and o.type in ${query.investorType})`);
  }
  if (query.organizationId) {
    conditions.push(
      sql`exists (select 1 from project_investors pi where pi.project_id = ${qualified(projects.id)} and pi.organization_id = ${query.organizationId})`,
    );
  }
  if (query.band) {
    const index = SIZE_BANDS.findIndex((band) => band.code === query.band);
    const band = SIZE_BANDS[index];
    const upper = index > 0 ? SIZE_BANDS[index - 1] : undefined;
    if (band) conditions.push(sql`${projects.investmentYuan} >= ${band.minYuan}`);
    if (upper) conditions.push(sql`${projects.investmentYuan} < ${upper.minYuan}`);
  }
  if (query.minInvestment)
    conditions.push(sql`${projects.investmentYuan} >= ${amountBound('minInvestment', query.minInvestment)}`);
  if (query.maxInvestment)
    conditions.push(sql`${projects.investmentYuan} <= ${amountBound('maxInvestment', query.maxInvestment)}`);
  const dateColumn = {
    createdAt: sql`(${projects.createdAt} at time zone 'Asia/Shanghai')::date`,
    signedOn: sql`${projects.signedOn}`,
    stageChangedOn: sql`${projects.stageChangedOn}`,
  }[query.dateField];
  if (query.from) conditions.push(sql`${dateColumn} >= ${query.from}::date`);
  if (query.to) conditions.push(sql`${dateColumn} <= ${query.to}::date`);
  if (query.isKey !== undefined) conditions.push(eq(projects.isKey, query.isKey));
  if (query.isMajor !== undefined) conditions.push(eq(projects.isMajor, query.isMajor));
  if (query.ownerId) conditions.push(eq(projects.ownerId, query.ownerId));
  return conditions;
}

/** An industry filter covers its subtree: a section letter, a division, a group or a class. */
function industryCondition(code: string): SQL {
  if (/^[A-T]$/.test(code)) {
    return sql`left(${projects.industryCode}, 2) in (select code from industries where parent_code = ${code})`;
  }
  return sql`${projects.industryCode} like ${`${code.replace(/\D/g, '')}%`}`;
}

const SORTS: Record<
  ListProjectsQuery['sort'],
  { expr: SQL; type: SortType; value: (p: typeof projects.$inferSelect) => string | number }
> = {
  updatedAt: {
    expr: sql`${projects.updatedAt}`,
    type: 'timestamptz',
    value: (p) => p.updatedAt.toISOString(),
  },
  createdAt: {
    expr: sql`${projects.createdAt}`,
    type: 'timestamptz',
    value: (p) => p.createdAt.toISOString(),
  },
  investment: { expr: sql`${projects.investmentYuan}`, type: 'bigint', value: (p) => p.investmentYuan },
  name: { expr: sql`${projects.nameZh}`, type: 'text', value: (p) => p.nameZh },
  code: { expr: sql`${projects.code}`, type: 'text', value: (p) => p.code },
  signedOn: {
    expr: sql`coalesce(${projects.signedOn}, '0001-01-01'::date)`,
    type: 'date',
    value: (p) => p.signedOn ?? '0001-01-01',
  },
};

export function projectSort(sort: ListProjectsQuery['sort']) {
  return SORTS[sort];
}

export function orderFor(sort: ListProjectsQuery['sort'], order: 'asc' | 'desc'): SQL[] {
  const { expr } = SORTS[sort];
  return order === 'desc' ? [desc(expr), desc(projects.id)] : [asc(expr), asc(projects.id)];
}

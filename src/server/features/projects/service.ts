import { and, eq, inArray, sql } from 'drizzle-orm';
import type {
  CreateProjectBody,
  ListProjectsQuery,
  ProjectFilterQuery,
  ProjectView,
  UpdateProjectBody,
} from '../../../contracts/projects.ts';
import { type Amount, formatYi, parseAmount, toCny } from '../../../domain/amount.ts';
import { validateProjectCode } from '../../../domain/project-code.ts';
import type { Db, DbOrTx } from '../../db/connect.ts';
import {
  codeLists,
  industries,
  organizations,
  projectInvestors,
  projects,
  regions,
  stageChanges,
  users,
} from '../../db/schema.ts';
import { type Actor, assertCan, isInScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import { afterCursor, decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import { searchTextOf, searchVector } from '../../platform/search.ts';
import { staleVersion } from '../organizations/service.ts';
import {
  investorsOf,
  orderFor,
  projectConditions,
  projectSort,
  selectProjects,
  toProjectView,
  visibleProjects,
} from './queries.ts';
import { chinaToday } from './today.ts';

export const PROJECT = { zh: '项目', en: 'Project' };

export async function getProject(db: DbOrTx, actor: Actor, id: string): Promise<ProjectView> {
  assertCan(actor, 'project.read');
  const [row] = await selectProjects(db).where(and(eq(projects.id, id), visibleProjects(actor)));
  if (!row) throw notFound(PROJECT, id);
  const investors = await investorsOf(db, [id]);
  return toProjectView(row, investors.get(id) ?? []);
}

export async function listProjects(db: Db, actor: Actor, query: ListProjectsQuery) {
  assertCan(actor, 'project.read');
  const conditions = await projectConditions(db, actor, query);
  const sort = projectSort(query.sort);
  if (query.cursor)
    conditions.push(
      afterCursor(sort.expr, sql`${projects.id}`, decodeCursor(query.cursor), query.order, sort.type),
    );
  const rows = await selectProjects(db)
    .where(and(...conditions))
    .orderBy(...orderFor(query.sort, query.order))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const investors = await investorsOf(
    db,
    page.map((row) => row.project.id),
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => toProjectView(row, investors.get(row.project.id) ?? [])),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ value: sort.value(last.project), id: last.project.id })
        : null,
  };
}

/** How many projects match, and their planned investment in yuan (each project counted once). */
export async function countProjects(db: Db, actor: Actor, query: ProjectFilterQuery) {
  assertCan(actor, 'project.read');
  const conditions = await projectConditions(db, actor, query);
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      investmentYuan: sql<string>`coalesce(sum(${projects.investmentYuan}), 0)::text`,
    })
    .from(projects)
    .where(and(...conditions));
  const investmentYuan = Number(row?.investmentYuan ?? 0);
  return {
    count: row?.count ?? 0,
    investmentYuan,
    displayZh: formatYi(investmentYuan, 'zh-CN'),
    displayEn: formatYi(investmentYuan, 'en-US'),
  };
}

function amountField(field: string, input: string | number): Amount {
  if (typeof input === 'number') return { value: input, currency: 'CNY', qualifier: 'exact' };
  const parsed = parseAmount(input);
  if (!parsed.ok) throw invalidField(field, parsed.error);
  return parsed.value;
}

/** The investment columns from a typed amount; a dollar amount needs the rate it is converted at. */
function investmentColumns(amount: Amount, usdRate: string | null | undefined) {
  if (amount.currency === 'USD' && !usdRate) {
    throw invalidField('usdRate', {
      code: 'amount.rate_required',
      zh: '美元金额需填写汇率（1美元折合人民币）',
      en: 'A US dollar amount needs the exchange rate (yuan per dollar)',
    });
  }
  return {
    investmentAmount: amount.value,
    investmentCurrency: amount.currency,
    investmentQualifier: amount.qualifier,
    usdRate: amount.currency === 'USD' ? (usdRate ?? null) : null,
    investmentYuan: amount.currency === 'USD' && usdRate ? toCny(amount, usdRate) : amount.value,
  };
}

function expectedOutputYuan(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  const amount = amountField('expectedOutput', input);
  if (amount.currency !== 'CNY') {
    throw invalidField('expectedOutput', {
      code: 'amount.currency',
      zh: '预计年产值请用人民币',
      en: 'Expected output must be in yuan',
    });
  }
  return amount.value;
}

interface References {
  regionCode: string;
  industryCode: string;
  categoryCode: string;
  ownerId?: string | null;
  nationalCode?: string | null;
  investors?: CreateProjectBody['investors'];
}

/** Checks every code and id a project points to, naming the field that is wrong. */
async function checkReferences(db: DbOrTx, actor: Actor, refs: References) {
  const [region] = await db.select().from(regions).where(eq(regions.code, refs.regionCode));
  if (!region)
    throw invalidField('regionCode', {
      code: 'region.unknown',
      zh: `地区代码不存在：${refs.regionCode}`,
      en: `No such region code: ${refs.regionCode}`,
    });
  if (region.level !== 'county' && region.level !== 'park') {
    throw invalidField('regionCode', {
      code: 'region.level',
      zh: '落地地区须为区县或园区',
      en: 'The landing region must be a county/district or a park',
    });
  }
  if (!isInScope(actor, region.code))
    throw forbidden(
      `地区 ${region.nameZh} 不在您的辖区内`,
      `${region.nameEn ?? region.nameZh} is outside your region`,
    );
  const [industry] = await db.select().from(industries).where(eq(industries.code, refs.industryCode));
  if (!industry || industry.level < 2) {
    throw invalidField('industryCode', {
      code: 'industry.unknown',
      zh: `行业代码不存在或不是大类及以下：${refs.industryCode}`,
      en: `No such industry division, group or class: ${refs.industryCode}`,
    });
  }
  const [category] = await db
    .select()
    .from(codeLists)
    .where(and(eq(codeLists.list, 'project_categories'), eq(codeLists.code, refs.categoryCode)));
  if (!category)
    throw invalidField('categoryCode', {
      code: 'category.unknown',
      zh: `项目类别不存在：${refs.categoryCode}`,
      en: `No such project category: ${refs.categoryCode}`,
    });
  if (refs.ownerId) {
    const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.id, refs.ownerId));
    if (!owner)
      throw invalidField('ownerId', { code: 'user.unknown', zh: '负责人不存在', en: 'No such owner user' });
  }
  if (refs.investors?.length) {
    const ids = refs.investors.map((investor) => investor.organizationId);
    if (new Set(ids).size !== ids.length)
      throw invalidField('investors', {
        code: 'investors.duplicate',
        zh: '同一单位重复列出',
        en: 'The same organization is listed twice',
      });
    const found = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(inArray(organizations.id, ids), sql`${organizations.mergedIntoId} is null`));
    const missing = ids.filter((id) => !found.some((row) => row.id === id));
    if (missing.length)
      throw invalidField('investors', {
        code: 'organization.unknown',
        zh: `单位不存在：${missing.join('、')}`,
        en: `No such organization: ${missing.join(', ')}`,
      });
  }
  return region;
}

function checkedNationalCode(code: string | null | undefined): string | null {
  if (!code) return null;
  const result = validateProjectCode(code);
  if (!result.ok) throw invalidField('nationalCode', result.error);
  return result.value.code;
}

function projectSearchText(
  p: { code: string; nameZh: string; nameEn?: string | null; nationalCode?: string | null },
  regionName: string,
): string {
  return searchTextOf([p.nameZh, p.nameEn, p.code, p.nationalCode, regionName]);
}

async function replaceInvestors(db: DbOrTx, projectId: string, investors: CreateProjectBody['investors']) {
  await db.delete(projectInvestors).where(eq(projectInvestors.projectId, projectId));
  if (investors.length === 0) return;
  await db.insert(projectInvestors).values(
    investors.map((investor, position) => ({
      projectId,
      organizationId: investor.organizationId,
      role: investor.role,
      position,
    })),
  );
}

async function assertNationalCodeFree(db: DbOrTx, code: string | null, exceptId?: string) {
  if (!code) return;
  const [existing] = await db
    .select({ id: projects.id, code: projects.code })
    .from(projects)
    .where(eq(projects.nationalCode, code));
  if (existing && existing.id !== exceptId) {
    throw conflict(
      'project.national_code_exists',
      `项目代码 ${code} 已用于项目 ${existing.code}`,
      `National code ${code} is already used by project ${existing.code}`,
      [
        {
          code: 'project.national_code_exists',
          field: 'nationalCode',
          zh: '已被其他项目使用',
          en: 'Already used by another project',
        },
      ],
    );
  }
}

export async function createProject(
  db: DbOrTx,
  actor: Actor,
  input: CreateProjectBody,
): Promise<ProjectView> {
  assertCan(actor, 'project.write');
  const region = await checkReferences(db, actor, input);
  const nationalCode = checkedNationalCode(input.nationalCode);
  await assertNationalCodeFree(db, nationalCode);
  const code = input.code ?? (await nextProjectCode(db));
  const [taken] = await db.select({ id: projects.id }).from(projects).where(eq(projects.code, code));
  if (taken)
    throw conflict('project.code_exists', `项目编号已存在：${code}`, `Project code already exists: ${code}`, [
      { code: 'project.code_exists', field: 'code', zh: '项目编号已存在', en: 'Project code already exists' },
    ]);
  const today = chinaToday();
  const stageOn = input.stageOn ?? today;
  if (stageOn > today) {
    throw invalidField('stageOn', {
      code: 'stage.future',
      zh: `阶段日期 ${stageOn} 晚于今天`,
      en: `The stage date ${stageOn} is after today`,
    });
  }
  const searchText = projectSearchText({ ...input, code, nationalCode }, region.nameZh);
  const [row] = await db
    .insert(projects)
    .values({
      code,
      nationalCode,
      nameZh: input.nameZh,
      nameEn: input.nameEn ?? null,
      descriptionZh: input.descriptionZh ?? null,
      descriptionEn: input.descriptionEn ?? null,
      regionCode: input.regionCode,
      industryCode: input.industryCode,
      categoryCode: input.categoryCode,
      ...investmentColumns(amountField('investment', input.investment), input.usdRate),
      expectedOutputYuan: expectedOutputYuan(input.expectedOutput),
      source: input.source,
      ownerId: input.ownerId ?? actor.id,
      isKey: input.isKey,
      isMajor: input.isMajor,
      stage: input.stage,
      stageChangedOn: stageOn,
      searchText,
      searchTokens: searchVector(searchText),
      createdBy: actor.id,
    })
    .returning({ id: projects.id });
  if (!row) throw new Error('insert returned no row');
  await replaceInvestors(db, row.id, input.investors);
  await db.insert(stageChanges).values({
    projectId: row.id,
    fromStage: null,
    toStage: input.stage,
    occurredOn: stageOn,
    actorId: actor.id,
    note: null,
  });
  const view = await getProject(db, actor, row.id);
  await recordAudit(db, actor, {
    entity: 'project',
    entityId: row.id,
    action: 'create',
    after: view,
    regionCode: view.region.code,
  });
  return view;
}

async function nextProjectCode(db: DbOrTx): Promise<string> {
  const [row] = await db
    .select({ n: sql<string>`nextval('project_code_seq')::text` })
    .from(sql`(select 1) as one`);
  return `P${new Date().getFullYear()}${(row?.n ?? '0').padStart(6, '0')}`;
}

export async function updateProject(
  db: DbOrTx,
  actor: Actor,
  id: string,
  input: UpdateProjectBody,
): Promise<ProjectView> {
  assertCan(actor, 'project.write');
  const before = await getProject(db, actor, id);
  const [current] = await db.select().from(projects).where(eq(projects.id, id));
  if (!current) throw notFound(PROJECT, id);
  const refs = {
    regionCode: input.regionCode ?? current.regionCode,
    industryCode: input.industryCode ?? current.industryCode,
    categoryCode: input.categoryCode ?? current.categoryCode,
    ownerId: input.ownerId,
    investors: input.investors,
  };
  const region = await checkReferences(db, actor, refs);
  const nationalCode =
    input.nationalCode !== undefined ? checkedNationalCode(input.nationalCode) : current.nationalCode;
  if (nationalCode !== current.nationalCode) await assertNationalCodeFree(db, nationalCode, id);
  const next = {
    nameZh: input.nameZh ?? current.nameZh,
    nameEn: input.nameEn !== undefined ? input.nameEn : current.nameEn,
    descriptionZh: input.descriptionZh !== undefined ? input.descriptionZh : current.descriptionZh,
    descriptionEn: input.descriptionEn !== undefined ? input.descriptionEn : current.descriptionEn,
    regionCode: refs.regionCode,
    industryCode: refs.industryCode,
    categoryCode: refs.categoryCode,
    nationalCode,
    source: input.source ?? current.source,
    ownerId: input.ownerId !== undefined ? input.ownerId : current.ownerId,
    isKey: input.isKey ?? current.isKey,
    isMajor: input.isMajor ?? current.isMajor,
  };
  const investment =
    input.investment !== undefined || input.usdRate !== undefined
      ? investmentColumns(
          input.investment !== undefined
            ? amountField('investment', input.investment)
            : {
                value: current.investmentAmount,
                currency: current.investmentCurrency,
                qualifier: current.investmentQualifier,
              },
          input.usdRate !== undefined ? input.usdRate : current.usdRate,
        )
      : {};
  const searchText = projectSearchText({ ...next, code: current.code }, region.nameZh);
  const updated = await db
    .update(projects)
    .set({
      ...next,
      ...investment,
      ...(input.expectedOutput !== undefined
        ? { expectedOutputYuan: expectedOutputYuan(input.expectedOutput) }
        : {}),
      searchText,
      searchTokens: searchVector(searchText),
      version: sql`${projects.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(projects.id, id), eq(projects.version, input.version)))
    .returning({ id: projects.id });
  if (updated.length === 0) throw staleVersion(current.version, input.version);
  if (input.investors) await replaceInvestors(db, id, input.investors);
  const after = await getProject(db, actor, id);
  await recordAudit(db, actor, {
    entity: 'project',
    entityId: id,
    action: 'update',
    before,
    after,
    regionCode: after.region.code,
  });
  return after;
}

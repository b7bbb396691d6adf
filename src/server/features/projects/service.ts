import { and, eq, sql } from 'drizzle-orm';
import type {
  CreateProjectBody,
  ListProjectsQuery,
  ProjectFilterQuery,
  ProjectView,
  UpdateProjectBody,
} from '../../../contracts/projects.ts';
import { yiDisplays } from '../../../domain/amount.ts';
import { chinaToday } from '../../../domain/china-today.ts';
import type { Db, DbOrTx } from '../../db/connect.ts';
import { projectInvestors, projects, stageChanges } from '../../db/schema.ts';
import { type Actor, assertCan } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import { afterCursor, decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import { searchTextOf, searchVector } from '../../platform/search.ts';
import { staleVersion } from '../organizations/service.ts';
import {
  amountField,
  assertProjectValueFree,
  checkedNationalCode,
  checkReferences,
  expectedOutputYuan,
  investmentColumns,
} from './inputs.ts';
import { pageIds, rowsInOrder } from './page.ts';
import {
  investorsOf,
  projectConditions,
  projectSort,
  selectProjects,
  toProjectView,
  visibleProjects,
} from './queries.ts';

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
  // The search is applied by pageIds, which chooses how to look for it.
  const filters = await projectConditions(db, actor, { ...query, q: undefined });
  const sort = projectSort(query.sort);
  if (query.cursor) {
    filters.push(
      afterCursor(sort.expr, sql`${projects.id}`, decodeCursor(query.cursor), query.order, sort.type),
    );
  }
  const rows = await rowsInOrder(db, await pageIds(db, filters, query, query.limit + 1));
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
    ...yiDisplays(investmentYuan),
  };
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

export async function createProject(
  db: DbOrTx,
  actor: Actor,
  input: CreateProjectBody,
): Promise<ProjectView> {
  assertCan(actor, 'project.write');
  const region = await checkReferences(db, actor, input);
  const nationalCode = checkedNationalCode(input.nationalCode);
  await assertProjectValueFree(db, actor, 'nationalCode', nationalCode);
  const code = input.code ?? (await nextProjectCode(db));
  await assertProjectValueFree(db, actor, 'code', code);
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
  if (nationalCode !== current.nationalCode)
    await assertProjectValueFree(db, actor, 'nationalCode', nationalCode, id);
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

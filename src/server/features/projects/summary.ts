import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { PipelineSummary } from '../../../contracts/projects.ts';
import { chinaToday } from '../../../domain/china-today.ts';
import { STAGES } from '../../../domain/stages.ts';
import type { Db } from '../../db/connect.ts';
import { projects, stageChanges } from '../../db/schema.ts';
import { type Actor, assertCan } from '../../platform/access.ts';
import { visibleProjects } from './queries.ts';

/** Days after which a project is listed as needing attention (the full early-warning rules come with tracking). */
export const ATTENTION_DAYS = { signedNotRegistered: 180, registeredNotStarted: 180, negotiationStalled: 90 };
const ATTENTION_LIMIT = 20;

/** The workbench at a glance: projects and investment by stage, this month's stage moves, stalled projects. */
export async function pipelineSummary(db: Db, actor: Actor, today = chinaToday()): Promise<PipelineSummary> {
  assertCan(actor, 'project.read');
  const scope = visibleProjects(actor);
  const grouped = await db
    .select({
      stage: projects.stage,
      count: sql<number>`count(*)::int`,
      investmentYuan: sql<string>`coalesce(sum(${projects.investmentYuan}), 0)::text`,
    })
    .from(projects)
    .where(scope)
    .groupBy(projects.stage);
  const byStage = STAGES.map((stage) => {
    const row = grouped.find((g) => g.stage === stage);
    return { stage, count: row?.count ?? 0, investmentYuan: Number(row?.investmentYuan ?? 0) };
  });

  const monthStart = `${today.slice(0, 7)}-01`;
  const changes = await db
    .select({ change: stageChanges, code: projects.code, nameZh: projects.nameZh, nameEn: projects.nameEn })
    .from(stageChanges)
    .innerJoin(projects, eq(projects.id, stageChanges.projectId))
    .where(and(scope, gte(stageChanges.occurredOn, monthStart), sql`${stageChanges.fromStage} is not null`))
    .orderBy(desc(stageChanges.occurredOn), desc(stageChanges.createdAt))
    .limit(50);

  const age = sql<number>`(${today}::date - ${projects.stageChangedOn})::int`;
  const reason = sql<PipelineSummary['attention'][number]['reason']>`case
      when ${projects.stage} = 'signed' then 'signed_not_registered'
      when ${projects.stage} = 'registered' then 'registered_not_started'
      else 'negotiation_stalled' end`;
  const stalled = await db
    .select({
      id: projects.id,
      code: projects.code,
      nameZh: projects.nameZh,
      nameEn: projects.nameEn,
      stage: projects.stage,
      since: projects.stageChangedOn,
      days: age,
      reason,
    })
    .from(projects)
    .where(
      and(
        scope,
        sql`((${projects.stage} = 'signed' and ${age} > ${ATTENTION_DAYS.signedNotRegistered})
          or (${projects.stage} = 'registered' and ${age} > ${ATTENTION_DAYS.registeredNotStarted})
          or (${projects.stage} = 'negotiating' and ${age} > ${ATTENTION_DAYS.negotiationStalled}))`,
      ),
    )
    .orderBy(desc(age))
    .limit(ATTENTION_LIMIT);

  return {
    byStage,
    monthChanges: changes.map(({ change, code, nameZh, nameEn }) => ({
      projectId: change.projectId,
      code,
      nameZh,
      nameEn,
      fromStage: change.fromStage,
      toStage: change.toStage,
      occurredOn: change.occurredOn,
    })),
    attention: stalled.map((row) => ({
      projectId: row.id,
      code: row.code,
      nameZh: row.nameZh,
      nameEn: row.nameEn,
      stage: row.stage,
      since: row.since,
      days: row.days,
      reason: row.reason,
    })),
    thresholds: ATTENTION_DAYS,
  };
}

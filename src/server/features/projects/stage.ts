import { and, eq, inArray, sql } from 'drizzle-orm';
import type { StageMoveBody } from '../../../contracts/projects.ts';
import { chinaToday } from '../../../domain/china-today.ts';
import { checkStageMove } from '../../../domain/stages.ts';
import type { Tx } from '../../db/connect.ts';
import { files, projects, stageChanges, stageEvidence } from '../../db/schema.ts';
import { type Actor, assertCan, fileScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { staleVersion } from '../organizations/service.ts';
import { visibleProjects } from './queries.ts';
import { getProject, PROJECT } from './service.ts';

/**
 * Moves a project to another lifecycle stage on a given date, with the evidence the stage needs.
 * The move, its evidence and the project's new stage land together or not at all.
 */
export async function moveProjectStage(tx: Tx, actor: Actor, id: string, body: StageMoveBody) {
  assertCan(actor, 'project.write');
  const [current] = await tx
    .select()
    .from(projects)
    .where(and(eq(projects.id, id), visibleProjects(actor)))
    .for('update');
  if (!current) throw notFound(PROJECT, id);
  if (current.version !== body.version) throw staleVersion(current.version, body.version);
  const before = await getProject(tx, actor, id);

  const fileIds = body.evidence.map((item) => item.fileId);
  const found = fileIds.length
    ? await tx
        .select({ id: files.id })
        .from(files)
        .where(and(inArray(files.id, fileIds), fileScope(actor, files.id, files.createdBy)))
    : [];
  const missing = fileIds.filter((fileId) => !found.some((file) => file.id === fileId));
  if (missing.length) {
    throw invalidField('evidence', {
      code: 'file.unknown',
      zh: `证明文件不存在或无权使用：${missing.join('、')}`,
      en: `Evidence file not found or not yours to use: ${missing.join(', ')}`,
    });
  }

  const [previous] = await tx
    .select({ on: sql<string>`max(${stageChanges.occurredOn})::text` })
    .from(stageChanges)
    .where(eq(stageChanges.projectId, id));
  const check = checkStageMove({
    from: current.stage,
    to: body.to,
    on: body.on,
    reason: body.reason,
    evidenceKinds: body.evidence.map((item) => item.kind),
    previousChangeOn: previous?.on ?? undefined,
    today: chinaToday(),
  });
  if (!check.ok) {
    const field =
      check.error.code === 'stage.evidence'
        ? 'evidence'
        : check.error.code === 'stage.reason_required'
          ? 'reason'
          : check.error.code.startsWith('stage.date') ||
              ['stage.future', 'stage.before_previous'].includes(check.error.code)
            ? 'on'
            : 'to';
    throw new AppError('stage.rejected', 422, check.error.zh, check.error.en, [{ ...check.error, field }]);
  }

  const [change] = await tx
    .insert(stageChanges)
    .values({
      projectId: id,
      fromStage: current.stage,
      toStage: body.to,
      occurredOn: body.on,
      note: body.note ?? body.reason ?? null,
      actorId: actor.id,
    })
    .returning({ id: stageChanges.id });
  if (!change) throw new Error('insert returned no row');
  if (body.evidence.length) {
    await tx.insert(stageEvidence).values(
      body.evidence.map((item) => ({
        stageChangeId: change.id,
        projectId: id,
        fileId: item.fileId,
        kind: item.kind,
      })),
    );
  }
  await tx
    .update(projects)
    .set({
      stage: body.to,
      stageChangedOn: body.on,
      signedOn: body.to === 'signed' ? body.on : current.signedOn,
      droppedReason: body.to === 'dropped' ? (body.reason ?? null) : current.droppedReason,
      version: sql`${projects.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(projects.id, id));
  const after = await getProject(tx, actor, id);
  await recordAudit(tx, actor, {
    entity: 'project',
    entityId: id,
    action: 'stage',
    before,
    after: { ...after, stageChange: { id: change.id, evidence: body.evidence } },
    regionCode: after.region.code,
  });
  return after;
}

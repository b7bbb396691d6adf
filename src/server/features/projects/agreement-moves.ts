import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ProjectAgreement } from '../../../contracts/projects.ts';
import { chinaToday } from '../../../domain/china-today.ts';
import { checkStageMove, isAtOrBeyond } from '../../../domain/stages.ts';
import type { DbOrTx, Tx } from '../../db/connect.ts';
import { agreementProjects, agreements, projects, stageChanges } from '../../db/schema.ts';
import { type Actor, agreementScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { investorsOf, selectProjects, toProjectView } from './queries.ts';

// What signing does to the pipeline: a sealed agreement moves its projects to 签约, its PDF the evidence.

async function snapshot(tx: DbOrTx, id: string) {
  const [row] = await selectProjects(tx).where(eq(projects.id, id));
  if (!row) throw new Error(`project ${id} vanished`);
  const investors = await investorsOf(tx, [id]);
  return toProjectView(row, investors.get(id) ?? []);
}

/**
 * Moves each project linked to a just-sealed agreement from 线索/在谈 to 签约, dated the seal's day in China
 * and evidenced by the sealed PDF; projects at or beyond 签约, or dropped, keep their stage. Runs in the seal's
 * transaction; a project is moved at most once per agreement, so a retried seal moves nothing twice.
 * The platform is the actor (no user id in the audit log). Returns the ids of the projects moved.
 */
export async function moveProjectsOnSeal(tx: Tx, agreementId: string, sealedAt: Date): Promise<string[]> {
  const linked = await tx
    .select({ projectId: agreementProjects.projectId })
    .from(agreementProjects)
    .where(eq(agreementProjects.agreementId, agreementId))
    .orderBy(asc(agreementProjects.projectId));
  const on = chinaToday(sealedAt);
  const moved: string[] = [];
  for (const { projectId } of linked) {
    // Locked in id order, so two seals sharing projects cannot deadlock.
    const [project] = await tx.select().from(projects).where(eq(projects.id, projectId)).for('no key update');
    if (!project || project.stage === 'dropped' || isAtOrBeyond(project.stage, 'signed')) continue;
    const [previous] = await tx
      .select({ on: sql<string | null>`max(${stageChanges.occurredOn})::text` })
      .from(stageChanges)
      .where(eq(stageChanges.projectId, projectId));
    const check = checkStageMove({
      from: project.stage,
      to: 'signed',
      on,
      evidenceKinds: ['agreement'],
      previousChangeOn: previous?.on ?? undefined,
      today: chinaToday(),
    });
    // A project whose history is dated after the seal is left for an officer: the seal itself never fails.
    if (!check.ok) continue;
    const before = await snapshot(tx, projectId);
    const [change] = await tx
      .insert(stageChanges)
      .values({
        projectId,
        fromStage: project.stage,
        toStage: 'signed',
        occurredOn: on,
        actorId: null,
        agreementId,
      })
      .onConflictDoNothing()
      .returning({ id: stageChanges.id });
    if (!change) continue;
    await tx
      .update(projects)
      .set({
        stage: 'signed',
        stageChangedOn: on,
        signedOn: on,
        version: sql`${projects.version} + 1`,
        updatedAt: sealedAt,
      })
      .where(eq(projects.id, projectId));
    const after = await snapshot(tx, projectId);
    await recordAudit(tx, null, {
      entity: 'project',
      entityId: projectId,
      action: 'stage',
      before,
      after: { ...after, stageChange: { id: change.id, agreementId } },
      regionCode: project.regionCode,
    });
    moved.push(projectId);
  }
  return moved;
}

export type ProjectAgreementView = z.infer<typeof ProjectAgreement>;

/**
 * The agreements linked to a project that the actor may see, oldest first. One whose seal moved the project is
 * part of the project's history and shown with it; a later void flags it (`isVoidedAfterMove`).
 */
export async function listProjectAgreements(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
): Promise<ProjectAgreementView[]> {
  const movedBy = db
    .select({ agreementId: stageChanges.agreementId })
    .from(stageChanges)
    .where(and(eq(stageChanges.projectId, projectId), isNotNull(stageChanges.agreementId)));
  const rows = await db
    .select({
      id: agreements.id,
      titleZh: agreements.titleZh,
      titleEn: agreements.titleEn,
      status: agreements.status,
      signedOn: agreements.signedOn,
      sealedAt: agreements.sealedAt,
      hasMovedProject: sql<boolean>`${agreements.id} in (${movedBy})`,
    })
    .from(agreementProjects)
    .innerJoin(agreements, eq(agreements.id, agreementProjects.agreementId))
    .where(
      and(
        eq(agreementProjects.projectId, projectId),
        sql`(${agreements.id} in (${movedBy}) or ${agreementScope(actor, agreements.id, agreements.regionCode)})`,
      ),
    )
    .orderBy(asc(agreements.createdAt), asc(agreements.id));
  return rows.map((row) => ({
    ...row,
    signedOn: row.signedOn ?? null,
    sealedAt: row.sealedAt ? row.sealedAt.toISOString() : null,
    hasMovedProject: Boolean(row.hasMovedProject),
    isVoidedAfterMove: Boolean(row.hasMovedProject) && row.status === 'voided',
  }));
}

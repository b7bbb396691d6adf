import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TimelineEntry } from '../../../contracts/projects.ts';
import { chinaToday } from '../../../domain/china-today.ts';
import type { Db } from '../../db/connect.ts';
import { auditLog, files, stageChanges, stageEvidence, users } from '../../db/schema.ts';
import type { Actor } from '../../platform/access.ts';
import { listProjectAgreements, type ProjectAgreementView } from './agreement-moves.ts';
import { getProject } from './service.ts';

type Entry = z.infer<typeof TimelineEntry>;
// Derived or bookkeeping fields that would only clutter a change list.
const HIDDEN_FIELDS = new Set(['version', 'updatedAt', 'createdAt', 'stageChange']);

/** Field-by-field differences between two snapshots of a record. */
export function changedFields(before: unknown, after: unknown): Entry['changes'] {
  if (!isRecord(after)) return [];
  const old = isRecord(before) ? before : {};
  return Object.keys(after)
    .filter(
      (field) => !HIDDEN_FIELDS.has(field) && JSON.stringify(old[field]) !== JSON.stringify(after[field]),
    )
    .map((field) => ({ field, before: old[field] ?? null, after: after[field] ?? null }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The project's history, newest first: dated stage moves with their evidence (a sealed agreement's PDF for a
 * move its seal made), every audited change, and the sealed agreements that left its stage as it was.
 */
export async function projectTimeline(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ items: Entry[]; agreements: ProjectAgreementView[] }> {
  await getProject(db, actor, id);
  const agreements = await listProjectAgreements(db, actor, id);
  const agreementRef = (agreementId: string | null) => {
    const found = agreements.find((agreement) => agreement.id === agreementId);
    return found
      ? { id: found.id, titleZh: found.titleZh, titleEn: found.titleEn, status: found.status }
      : null;
  };
  const stages = await db
    .select({ change: stageChanges, actorName: users.displayName })
    .from(stageChanges)
    .leftJoin(users, eq(users.id, stageChanges.actorId))
    .where(eq(stageChanges.projectId, id))
    .orderBy(asc(stageChanges.createdAt));
  const evidence = await db
    .select({
      stageChangeId: stageEvidence.stageChangeId,
      fileId: files.id,
      kind: stageEvidence.kind,
      name: files.name,
      size: files.size,
    })
    .from(stageEvidence)
    .innerJoin(files, eq(files.id, stageEvidence.fileId))
    .where(eq(stageEvidence.projectId, id));
  const audits = await db
    .select({ entry: auditLog, actorName: users.displayName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entity, 'project'), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.id));

  const items: Entry[] = [
    ...stages.map(
      ({ change, actorName }): Entry => ({
        kind: 'stage',
        at: change.createdAt.toISOString(),
        on: change.occurredOn,
        actor: change.actorId ? { id: change.actorId, displayName: actorName ?? '' } : null,
        fromStage: change.fromStage,
        toStage: change.toStage,
        note: change.note,
        action: null,
        changes: [],
        evidence: evidence
          .filter((item) => item.stageChangeId === change.id)
          .map(({ fileId, kind, name, size }) => ({ fileId, kind, name, size })),
        agreement: agreementRef(change.agreementId),
      }),
    ),
    ...agreements
      .filter((agreement) => agreement.sealedAt !== null && !agreement.hasMovedProject)
      .map(
        (agreement): Entry => ({
          kind: 'agreement',
          at: agreement.sealedAt ?? '',
          on: chinaToday(new Date(agreement.sealedAt ?? 0)),
          actor: null,
          fromStage: null,
          toStage: null,
          note: null,
          action: 'sealed',
          changes: [],
          evidence: [],
          agreement: agreementRef(agreement.id),
        }),
      ),
    ...audits
      .filter(({ entry }) => entry.action !== 'stage')
      .map(
        ({ entry, actorName }): Entry => ({
          kind: 'audit',
          at: entry.at.toISOString(),
          on: null,
          actor: entry.actorId ? { id: entry.actorId, displayName: actorName ?? '' } : null,
          fromStage: null,
          toStage: null,
          note: null,
          action: entry.action,
          changes: entry.action === 'update' ? changedFields(entry.before, entry.after) : [],
          evidence: [],
          agreement: null,
        }),
      ),
  ];
  items.sort((a, b) => b.at.localeCompare(a.at));
  return { items, agreements };
}

import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { agreementSigners, organizations, users } from '../../db/schema.ts';
import { type Actor, assertCan } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { visibleOrganizations } from './queries.ts';
import { getOrganization, ORGANIZATION } from './service.ts';

/**
 * Folds a duplicate organization into the one kept: every project, event role, agreement party and user moves
 * over (a role the kept one already has is dropped, not doubled), gaps in the kept record are filled from the
 * duplicate, and the duplicate stays as a tombstone pointing to the kept one. Run inside a transaction.
 */
export async function mergeOrganizations(tx: Tx, actor: Actor, targetId: string, sourceId: string) {
  assertCan(actor, 'organization.merge');
  if (targetId === sourceId) {
    throw new AppError(
      'validation',
      400,
      '不能把单位合并到它自己',
      'An organization cannot be merged into itself',
      [{ code: 'merge.same', field: 'sourceId', zh: '与目标单位相同', en: 'Same as the target' }],
    );
  }
  // Lock both rows in id order so two merges of the same pair cannot interleave.
  const locked = await tx
    .select()
    .from(organizations)
    .where(and(sql`${organizations.id} in (${targetId}, ${sourceId})`, visibleOrganizations(actor)))
    .orderBy(organizations.id)
    .for('update');
  const target = locked.find((o) => o.id === targetId);
  const source = locked.find((o) => o.id === sourceId);
  if (!target) throw notFound(ORGANIZATION, targetId);
  if (!source) throw notFound(ORGANIZATION, sourceId);
  for (const organization of [target, source]) {
    if (!organization.regionCode.startsWith(actor.scopePrefix)) {
      throw forbidden(
        `“${organization.nameZh}”由其他地区维护，不能合并`,
        `"${organization.nameZh}" is kept by another region and cannot be merged`,
      );
    }
  }
  const beforeTarget = await getOrganization(tx, actor, targetId);
  const beforeSource = await getOrganization(tx, actor, sourceId);

  const projects = await moveLinks(tx, 'project_investors', 'project_id', targetId, sourceId);
  const events = await moveLinks(tx, 'event_organizations', 'event_id, role', targetId, sourceId);
  const agreements = await moveLinks(tx, 'agreement_parties', 'agreement_id', targetId, sourceId);
  // A signer keeps signing for the organization they belong to, now the kept one.
  await tx
    .update(agreementSigners)
    .set({ organizationId: targetId })
    .where(eq(agreementSigners.organizationId, sourceId));
  const movedUsers = await tx
    .update(users)
    .set({ organizationId: targetId })
    .where(eq(users.organizationId, sourceId))
    .returning({ id: users.id });

  await tx
    .update(organizations)
    .set({
      mergedIntoId: targetId,
      mergedAt: new Date(),
      version: sql`${organizations.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(organizations.id, sourceId));
  await tx
    .update(organizations)
    .set({
      usci: target.usci ?? source.usci,
      nameEn: target.nameEn ?? source.nameEn,
      origin: target.origin ?? source.origin,
      version: sql`${organizations.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(organizations.id, targetId));

  const moved = { projects, events, agreements, users: movedUsers.length };
  const after = await getOrganization(tx, actor, targetId);
  await recordAudit(tx, actor, {
    entity: 'organization',
    entityId: targetId,
    action: 'merge',
    before: beforeTarget,
    after: { ...after, mergedFrom: sourceId, moved },
    regionCode: target.regionCode,
  });
  await recordAudit(tx, actor, {
    entity: 'organization',
    entityId: sourceId,
    action: 'merged_into',
    before: beforeSource,
    after: { mergedInto: targetId },
    regionCode: source.regionCode,
  });
  return { organization: after, moved };
}

type LinkTable = 'project_investors' | 'event_organizations' | 'agreement_parties';

/** Re-points a link table from source to target, dropping rows the target already has. Returns rows moved. */
async function moveLinks(
  tx: Tx,
  table: LinkTable,
  keyColumns: string,
  targetId: string,
  sourceId: string,
): Promise<number> {
  const name = sql.raw(table);
  const keys = keyColumns.split(',').map((k) => k.trim());
  const sameKeys = sql.raw(keys.map((k) => `t.${k} = s.${k}`).join(' and '));
  await tx.execute(sql`delete from ${name} s where s.organization_id = ${sourceId}
    and exists (select 1 from ${name} t where t.organization_id = ${targetId} and ${sameKeys})`);
  const result = await tx.execute(
    sql`update ${name} set organization_id = ${targetId} where organization_id = ${sourceId}`,
  );
  return result.count;
}

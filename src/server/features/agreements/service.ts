import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type {
  AgreementView,
  CreateAgreementBody,
  ListAgreementsQuery,
  UpdateAgreementBody,
} from '../../../contracts/agreements.ts';
import { parseAmount } from '../../../domain/amount.ts';
import { recordAmountError } from '../../../domain/amount-limit.ts';
import { chinaToday } from '../../../domain/china-today.ts';
import type { Db, DbOrTx } from '../../db/connect.ts';
import {
  agreementParties,
  agreementProjects,
  agreementSigners,
  agreements,
  codeLists,
  organizations,
  projects,
} from '../../db/schema.ts';
import {
  type Actor,
  agreementScope,
  assertCan,
  isInScope,
  organizationScope,
  projectScope,
} from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors.ts';
import { afterCursor, decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import { enqueueWebhookEvent } from '../../platform/webhooks.ts';
import { getEvent } from '../events/service.ts';
import { assertRegionFilter, staleVersion } from '../organizations/service.ts';
import { appendTrail } from '../signing/audit-trail.ts';
import { agreementViews } from './queries.ts';

export const AGREEMENT = { zh: '协议', en: 'Agreement' };

export async function getAgreement(db: DbOrTx, actor: Actor, id: string): Promise<AgreementView> {
  assertCan(actor, 'event.read');
  const [row] = await db
    .select()
    .from(agreements)
    .where(and(eq(agreements.id, id), agreementScope(actor, agreements.id, agreements.regionCode)));
  if (!row) throw notFound(AGREEMENT, id);
  const [view] = await agreementViews(db, [row]);
  if (!view) throw notFound(AGREEMENT, id);
  return view;
}

export async function listAgreements(db: Db, actor: Actor, query: ListAgreementsQuery) {
  assertCan(actor, 'event.read');
  const conditions = [agreementScope(actor, agreements.id, agreements.regionCode)];
  if (query.eventId) conditions.push(eq(agreements.eventId, query.eventId));
  if (query.status) conditions.push(eq(agreements.status, query.status));
  if (query.typeCode) conditions.push(eq(agreements.typeCode, query.typeCode));
  if (query.cursor)
    conditions.push(
      afterCursor(
        sql`${agreements.createdAt}`,
        sql`${agreements.id}`,
        decodeCursor(query.cursor),
        'desc',
        'timestamptz',
      ),
    );
  const rows = await db
    .select()
    .from(agreements)
    .where(and(...conditions))
    .orderBy(desc(agreements.createdAt), desc(agreements.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await agreementViews(db, page),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ value: last.createdAt.toISOString(), id: last.id })
        : null,
  };
}

function checkedRecordAmount(yuan: number): number {
  const tooLarge = recordAmountError(yuan);
  if (tooLarge) throw invalidField('amount', tooLarge);
  return yuan;
}

function amountYuan(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  if (typeof input === 'number') return checkedRecordAmount(input);
  const parsed = parseAmount(input);
  if (!parsed.ok) throw invalidField('amount', parsed.error);
  if (parsed.value.currency !== 'CNY')
    throw invalidField('amount', {
      code: 'amount.currency',
      zh: '协议金额请用人民币填写',
      en: 'The agreement amount must be in yuan',
    });
  return checkedRecordAmount(parsed.value.value);
}

/** Checks the type, event, parties and projects an agreement names, each failure on its field. */
async function checkAgreementInput(db: DbOrTx, actor: Actor, input: Partial<CreateAgreementBody>) {
  if (input.typeCode) {
    const [type] = await db
      .select()
      .from(codeLists)
      .where(and(eq(codeLists.list, 'agreement_types'), eq(codeLists.code, input.typeCode)));
    if (!type)
      throw invalidField('typeCode', {
        code: 'agreement.type_unknown',
        zh: `协议类型不存在：${input.typeCode}`,
        en: `No such agreement type: ${input.typeCode}`,
      });
  }
  if (input.eventId) {
    await getEvent(db, actor, input.eventId).catch(() => {
      throw invalidField('eventId', {
        code: 'event.unknown',
        zh: '活动不存在或不在辖区内',
        en: 'No such event in your region',
      });
    });
  }
  if (input.expiresOn && input.expiresOn < chinaToday()) {
    throw invalidField('expiresOn', {
      code: 'agreement.expiry_past',
      zh: `截止日期 ${input.expiresOn} 已过`,
      en: `The expiry date ${input.expiresOn} has passed`,
    });
  }
  if (input.parties) {
    const ids = input.parties.map((p) => p.organizationId);
    if (new Set(ids).size !== ids.length)
      throw invalidField('parties', {
        code: 'agreement.party_twice',
        zh: '同一单位作为签约方出现两次',
        en: 'The same organization is a party twice',
      });
    const found = await db
      .select({ id: organizations.id })
      .from(organizations)
      // A party the actor cannot read reads as absent: naming it would open it to the actor.
      .where(
        and(
          inArray(organizations.id, ids),
          isNull(organizations.mergedIntoId),
          organizationScope(actor, organizations.id, organizations.regionCode),
        ),
      );
    const missing = ids.filter((id) => !found.some((row) => row.id === id));
    if (missing.length)
      throw invalidField('parties', {
        code: 'organization.unknown',
        zh: `单位不存在：${missing.join('、')}`,
        en: `No such organization: ${missing.join(', ')}`,
      });
  }
  if (input.projectIds?.length) {
    const visible = await db
      .select({ id: projects.id })
      .from(projects)
      .where(
        and(inArray(projects.id, input.projectIds), projectScope(actor, projects.id, projects.regionCode)),
      );
    const missing = input.projectIds.filter((id) => !visible.some((row) => row.id === id));
    if (missing.length)
      throw invalidField('projectIds', {
        code: 'project.unknown',
        zh: `项目不存在或无权使用：${missing.join('、')}`,
        en: `Projects not found or not yours to use: ${missing.join(', ')}`,
      });
  }
}

async function replaceParties(db: DbOrTx, agreementId: string, parties: CreateAgreementBody['parties']) {
  // The API shows contacts only partly hidden, so an edit that leaves e-mail or mobile out keeps what was on file.
  const before = await db
    .select()
    .from(agreementSigners)
    .where(eq(agreementSigners.agreementId, agreementId));
  const onFile = (organizationId: string, name: string) =>
    before.find((old) => old.organizationId === organizationId && old.name === name);
  await db.delete(agreementSigners).where(eq(agreementSigners.agreementId, agreementId));
  await db.delete(agreementParties).where(eq(agreementParties.agreementId, agreementId));
  await db
    .insert(agreementParties)
    .values(parties.map((p, position) => ({ agreementId, organizationId: p.organizationId, position })));
  let position = 0;
  const signers = parties.flatMap((party) =>
    party.signers.map((s) => ({
      agreementId,
      organizationId: party.organizationId,
      position: position++,
      name: s.name,
      title: s.title ?? null,
      email: s.email !== undefined ? s.email : (onFile(party.organizationId, s.name)?.email ?? null),
      mobile: s.mobile !== undefined ? s.mobile : (onFile(party.organizationId, s.name)?.mobile ?? null),
    })),
  );
  await db.insert(agreementSigners).values(signers);
}

async function replaceProjects(db: DbOrTx, agreementId: string, projectIds: string[]) {
  await db.delete(agreementProjects).where(eq(agreementProjects.agreementId, agreementId));
  if (projectIds.length)
    await db
      .insert(agreementProjects)
      .values([...new Set(projectIds)].map((projectId) => ({ agreementId, projectId })));
}

export async function createAgreement(
  db: DbOrTx,
  actor: Actor,
  input: CreateAgreementBody,
): Promise<AgreementView> {
  assertCan(actor, 'event.write');
  const regionCode = input.regionCode ?? actor.regionCode;
  await assertRegionFilter(db, actor, regionCode, 'regionCode');
  await checkAgreementInput(db, actor, input);
  const [row] = await db
    .insert(agreements)
    .values({
      eventId: input.eventId ?? null,
      typeCode: input.typeCode,
      titleZh: input.titleZh,
      titleEn: input.titleEn ?? null,
      amountYuan: amountYuan(input.amount),
      regionCode,
      signingOrder: input.signingOrder,
      expiresOn: input.expiresOn ?? null,
    })
    .returning({ id: agreements.id });
  if (!row) throw new Error('insert returned no row');
  await replaceParties(db, row.id, input.parties);
  await replaceProjects(db, row.id, input.projectIds);
  const view = await getAgreement(db, actor, row.id);
  await recordAudit(db, actor, {
    entity: 'agreement',
    entityId: row.id,
    action: 'create',
    after: view,
    regionCode,
  });
  return view;
}

/** The agreement row, locked, for a change by an actor whose region keeps it. */
async function loadForChange(db: DbOrTx, actor: Actor, id: string, version: number) {
  assertCan(actor, 'event.write');
  const [row] = await db
    .select()
    .from(agreements)
    .where(and(eq(agreements.id, id), agreementScope(actor, agreements.id, agreements.regionCode)))
    .for('update');
  if (!row) throw notFound(AGREEMENT, id);
  if (!isInScope(actor, row.regionCode))
    throw new AppError(
      'forbidden',
      403,
      '该协议由其他地区维护，您只能查看',
      'This agreement is kept by another region; you may only view it',
    );
  if (row.version !== version) throw staleVersion(row.version, version);
  return row;
}

const notDraft = (status: string) =>
  conflict(
    'agreement.not_draft',
    `协议已${status === 'signing' ? '发出签署' : '结束'}，不能再修改内容`,
    `The agreement is ${status === 'signing' ? 'out for signing' : 'closed'}; its content can no longer change`,
  );

export async function updateAgreement(
  db: DbOrTx,
  actor: Actor,
  id: string,
  input: UpdateAgreementBody,
): Promise<AgreementView> {
  const row = await loadForChange(db, actor, id, input.version);
  if (row.status !== 'draft') throw notDraft(row.status);
  if (input.regionCode) await assertRegionFilter(db, actor, input.regionCode, 'regionCode');
  await checkAgreementInput(db, actor, input);
  const before = await getAgreement(db, actor, id);
  await db
    .update(agreements)
    .set({
      eventId: input.eventId !== undefined ? input.eventId : row.eventId,
      typeCode: input.typeCode ?? row.typeCode,
      titleZh: input.titleZh ?? row.titleZh,
      titleEn: input.titleEn !== undefined ? input.titleEn : row.titleEn,
      amountYuan: input.amount !== undefined ? amountYuan(input.amount) : row.amountYuan,
      regionCode: input.regionCode ?? row.regionCode,
      signingOrder: input.signingOrder ?? row.signingOrder,
      expiresOn: input.expiresOn !== undefined ? input.expiresOn : row.expiresOn,
      version: sql`${agreements.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(agreements.id, id));
  if (input.parties) await replaceParties(db, id, input.parties);
  if (input.projectIds) await replaceProjects(db, id, input.projectIds);
  const after = await getAgreement(db, actor, id);
  await recordAudit(db, actor, {
    entity: 'agreement',
    entityId: id,
    action: 'update',
    before,
    after,
    regionCode: after.region.code,
  });
  return after;
}

/** Sends a draft out for signing: its content is frozen from here on. */
export async function sendAgreement(
  db: DbOrTx,
  actor: Actor,
  id: string,
  version: number,
): Promise<AgreementView> {
  const row = await loadForChange(db, actor, id, version);
  if (row.status !== 'draft') throw notDraft(row.status);
  await db
    .update(agreements)
    .set({ status: 'signing', version: sql`${agreements.version} + 1`, updatedAt: new Date() })
    .where(eq(agreements.id, id));
  const after = await getAgreement(db, actor, id);
  await recordAudit(db, actor, {
    entity: 'agreement',
    entityId: id,
    action: 'send',
    after: { status: after.status },
    regionCode: row.regionCode,
  });
  return after;
}

/**
 * Voids an agreement with the reason: a draft, one out for signing, or a completed one the parties have since
 * set aside. Projects its seal moved keep their stage and are flagged (features/projects/agreement-moves.ts).
 */
export async function voidAgreement(
  db: DbOrTx,
  actor: Actor,
  id: string,
  reason: string,
  version: number,
): Promise<AgreementView> {
  const row = await loadForChange(db, actor, id, version);
  if (row.status !== 'draft' && row.status !== 'signing' && row.status !== 'completed') {
    throw conflict(
      'agreement.not_voidable',
      `状态为“${row.status}”的协议不能作废`,
      `An agreement that is ${row.status} cannot be voided`,
    );
  }
  await db
    .update(agreements)
    .set({
      status: 'voided',
      voidReason: reason,
      version: sql`${agreements.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(agreements.id, id));
  const after = await getAgreement(db, actor, id);
  await appendTrail(db, id, { actor: `user:${actor.username}`, action: 'voided', details: { reason } });
  await enqueueWebhookEvent(db, {
    regionCode: row.regionCode,
    type: 'agreement.voided',
    payload: { agreementId: id, reason },
  });
  await recordAudit(db, actor, {
    entity: 'agreement',
    entityId: id,
    action: 'void',
    after: { status: 'voided', reason },
    regionCode: row.regionCode,
  });
  return after;
}

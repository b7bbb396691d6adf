import { eq, sql } from 'drizzle-orm';
import { chinaToday } from '../../../domain/china-today.ts';
import type { DbOrTx } from '../../db/connect.ts';
import { agreements } from '../../db/schema.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { enqueueWebhookEvent } from '../../platform/webhooks.ts';
import { AGREEMENT } from '../agreements/service.ts';
import { appendTrail } from './audit-trail.ts';

// Where an agreement stands for signing: locked for a change, open or closed, overdue, expired.

export type AgreementRow = typeof agreements.$inferSelect;

/** The agreement, locked: signatures on one agreement are appended one at a time, in commit order. */
export async function lockAgreement(db: DbOrTx, agreementId: string): Promise<AgreementRow> {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, agreementId)).for('update');
  if (!row) throw notFound(AGREEMENT, agreementId);
  return row;
}

const CLOSED: Record<string, [string, string]> = {
  draft: ['协议尚未发出签署', 'The agreement has not been sent for signing'],
  completed: ['协议已由各方签署完成', 'The agreement has been signed by every party'],
  declined: ['协议已被拒签', 'The agreement was declined'],
  voided: ['协议已作废', 'The agreement was voided'],
  expired: ['协议已过签署期限', 'The agreement expired before everyone signed'],
};

/** Whether an agreement out for signing has passed its last day (the sweep then marks it expired). */
export const isOverdue = (agreement: AgreementRow) =>
  agreement.status === 'signing' && agreement.expiresOn !== null && agreement.expiresOn < chinaToday();

/** Refuses changes to an agreement that is no longer out for signing, or whose last day has passed. */
export function assertOpenForSigning(agreement: AgreementRow): void {
  const status = isOverdue(agreement) ? 'expired' : agreement.status;
  if (status === 'signing') return;
  const [zh, en] = CLOSED[status] ?? ['协议不可签署', 'The agreement cannot be signed'];
  throw conflict(`agreement.${status}`, zh, en);
}

/** Marks a locked agreement expired, with its trail entry and webhook. */
export async function expireLocked(db: DbOrTx, agreement: AgreementRow): Promise<void> {
  await db
    .update(agreements)
    .set({ status: 'expired', version: sql`${agreements.version} + 1`, updatedAt: new Date() })
    .where(eq(agreements.id, agreement.id));
  await appendTrail(db, agreement.id, {
    actor: 'system',
    action: 'expired',
    details: { expiresOn: agreement.expiresOn },
  });
  await enqueueWebhookEvent(db, {
    regionCode: agreement.regionCode,
    type: 'agreement.expired',
    payload: { agreementId: agreement.id, expiresOn: agreement.expiresOn },
  });
}

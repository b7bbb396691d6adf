import { and, asc, eq, lt, lte, sql } from 'drizzle-orm';
import { chinaToday } from '../../../domain/china-today.ts';
import type { Db } from '../../db/connect.ts';
import { agreementSigners, agreements, organizations } from '../../db/schema.ts';
import { SEALER_NAME } from '../../platform/signing-keys.ts';
import { enqueueWebhookEvent } from '../../platform/webhooks.ts';
import { moveProjectsOnSeal } from '../projects/agreement-moves.ts';
import { expireLocked, isOverdue, lockAgreement } from './agreement-state.ts';
import { appendTrail, readTrail } from './audit-trail.ts';
import type { SigningContext } from './context.ts';
import { readDocument, storeDocument } from './documents.ts';

/** While one instance seals, others leave the agreement alone for this long. */
const SEAL_LEASE_MS = 2 * 60_000;
/** Pause before retry n: 15 s, 30 s, 1 min … capped at 30 min; a seal is retried until it succeeds. */
export const sealRetryDelayMs = (attempts: number) =>
  Math.min(15_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);

export type SealOutcome = 'sealed' | 'failed' | 'not-due';

/**
 * Seals a fully signed agreement: certificate-of-completion and audit pages, the audit trail attached, the
 * platform's seal signature (timestamped when a TSA is configured). On failure the error and the next attempt
 * are recorded and the sweep tries again; the local clock is never used in place of a failing TSA.
 */
export async function sealAgreement(
  db: Db,
  context: SigningContext,
  agreementId: string,
  options: { isFirstAttempt?: boolean } = {},
): Promise<SealOutcome> {
  // Claim: only one instance works on a seal at a time, and a crashed worker's claim lapses with the lease.
  const [claimed] = await db
    .update(agreements)
    .set({
      sealAttempts: sql`${agreements.sealAttempts} + 1`,
      sealNextAttemptAt: new Date(Date.now() + SEAL_LEASE_MS),
    })
    .where(
      and(
        eq(agreements.id, agreementId),
        eq(agreements.sealStatus, 'pending'),
        // The queue seals at once (its first attempt); the sweep only what is due.
        options.isFirstAttempt
          ? eq(agreements.sealAttempts, 0)
          : lte(agreements.sealNextAttemptAt, new Date()),
      ),
    )
    .returning();
  if (!claimed) return 'not-due';
  try {
    const document = await readDocument(db, agreementId);
    if (!document) throw new Error('no signed document');
    const trail = await readTrail(db, agreementId);
    const hands = await db
      .select({ signer: agreementSigners, organization: organizations.nameZh })
      .from(agreementSigners)
      .innerJoin(organizations, eq(organizations.id, agreementSigners.organizationId))
      .where(eq(agreementSigners.agreementId, agreementId))
      .orderBy(asc(agreementSigners.signedAt));
    const { sealAgreementPdf } = await import('../../signing/seal.ts');
    const sealedAt = new Date();
    const sealed = await sealAgreementPdf(new Uint8Array(document.content), {
      titleZh: claimed.titleZh,
      titleEn: claimed.titleEn ?? '',
      reference: claimed.id.slice(0, 8).toUpperCase(),
      sealer: context.keys.sealer,
      sealerName: SEALER_NAME,
      ca: context.keys.ca.certificate,
      caDer: context.keys.ca.certificateDer,
      auditEntries: trail.entries,
      handSignatures: hands.map(({ signer, organization }) => ({
        signerName: signer.name,
        organization,
        signedAt: signer.signedAt ?? sealedAt,
        via: signer.signedVia ?? 'remote',
        png: signer.signatureImage ? new Uint8Array(signer.signatureImage) : null,
        text: signer.signatureText,
      })),
      timestampAuthority: context.timestampAuthority ?? undefined,
      sealedAt,
    });
    const isSealed = await db.transaction(async (tx) => {
      const agreement = await lockAgreement(tx, agreementId);
      if (agreement.sealStatus !== 'pending' || agreement.documentRevision !== document.revision)
        return false;
      // Voided while its seal was pending: it is never sealed, completed, or allowed to move a project.
      if (agreement.status !== 'signing') {
        await tx
          .update(agreements)
          .set({ sealStatus: 'none', sealNextAttemptAt: null })
          .where(eq(agreements.id, agreementId));
        return false;
      }
      const revision = document.revision + 1;
      await storeDocument(tx, { agreementId, revision, kind: 'sealed', bytes: sealed.bytes });
      await tx
        .update(agreements)
        .set({
          status: 'completed',
          sealStatus: 'sealed',
          sealedAt,
          sealedSha256: sealed.sha256,
          sealError: null,
          sealNextAttemptAt: null,
          documentRevision: revision,
          version: sql`${agreements.version} + 1`,
          updatedAt: sealedAt,
        })
        .where(eq(agreements.id, agreementId));
      await appendTrail(tx, agreementId, {
        at: sealedAt,
        actor: 'system',
        action: 'sealed',
        details: { revision, sha256: sealed.sha256, timestamped: context.timestampAuthority !== null },
      });
      await enqueueWebhookEvent(tx, {
        regionCode: agreement.regionCode,
        type: 'agreement.completed',
        payload: { agreementId, sha256: sealed.sha256, sealedAt: sealedAt.toISOString() },
      });
      await moveProjectsOnSeal(tx, agreementId, sealedAt);
      return true;
    });
    if (!isSealed) return 'not-due';
    await context.live
      ?.publish({ kind: 'sealed', agreementId, eventId: claimed.eventId, at: sealedAt.toISOString() })
      .catch(() => undefined);
    return 'sealed';
  } catch (error) {
    const message = (error as Error).message;
    context.log(`SEAL FAILED for agreement ${agreementId} (attempt ${claimed.sealAttempts}): ${message}`);
    await db
      .update(agreements)
      .set({
        sealError: message.slice(0, 1000),
        sealNextAttemptAt: new Date(Date.now() + sealRetryDelayMs(claimed.sealAttempts)),
      })
      .where(and(eq(agreements.id, agreementId), eq(agreements.sealStatus, 'pending')));
    return 'failed';
  }
}

// Seals run one at a time per process: during a ceremony rush they queue up behind each other instead of
// taking the CPU from the signers and the live screens, and drain within moments after.
const sealQueues = new WeakMap<SigningContext, Promise<unknown>>();
// A seal keeps the event loop busy for tens of milliseconds; the pause between seals lets requests through.
const SEAL_QUEUE_GAP_MS = 100;

/** When this process last took a signature: seals wait for a pause in the signing. */
const lastSignatureAt = new WeakMap<SigningContext, number>();
// A seal waits until no signature came for this long (signers and live screens first), but never longer
// than SEAL_MAX_WAIT_MS; the sweep is the safety net after SWEEP_GRACE_MS (sign.ts).
const SEAL_QUIET_MS = 1500;
const SEAL_MAX_WAIT_MS = 5 * 60_000;

async function quietMoment(context: SigningContext): Promise<void> {
  const deadline = Date.now() + SEAL_MAX_WAIT_MS;
  for (;;) {
    const quietFor = Date.now() - (lastSignatureAt.get(context) ?? 0);
    if (quietFor >= SEAL_QUIET_MS || Date.now() >= deadline) return;
    await new Promise((resolve) => setTimeout(resolve, SEAL_QUIET_MS - quietFor + SEAL_QUEUE_GAP_MS));
  }
}

/** Seals right after the last signature (or after the rush), without making the signer wait for it. */
export function scheduleSeal(db: Db, context: SigningContext, agreementId: string): void {
  noteSignature(context);
  const queued = (sealQueues.get(context) ?? Promise.resolve())
    .then(() => new Promise((resolve) => setTimeout(resolve, SEAL_QUEUE_GAP_MS)))
    .then(() => quietMoment(context))
    .then(() => sealAgreement(db, context, agreementId, { isFirstAttempt: true }))
    .catch((error: unknown) =>
      context.log(`seal of ${agreementId} could not run: ${(error as Error).message}`),
    );
  sealQueues.set(context, queued);
}

/** Resolves when every seal queued so far in this process has been tried. */
export async function sealQueueIdle(context: SigningContext): Promise<void> {
  await sealQueues.get(context);
}

/** Tells the seal queue a signature was just taken, so seals wait for a pause. */
export function noteSignature(context: SigningContext): void {
  lastSignatureAt.set(context, Date.now());
}

/** Retries every seal that is due. Run by the sweep on every instance; claims keep them from colliding. */
export async function sweepSeals(db: Db, context: SigningContext): Promise<Record<SealOutcome, number>> {
  const due = await db
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(eq(agreements.sealStatus, 'pending'), lte(agreements.sealNextAttemptAt, new Date())))
    .limit(100);
  const counts: Record<SealOutcome, number> = { sealed: 0, failed: 0, 'not-due': 0 };
  for (const { id } of due) counts[await sealAgreement(db, context, id)] += 1;
  return counts;
}

/** Agreements still out for signing after their last day expire; their links stop working. */
export async function expireOverdue(db: Db, context: SigningContext): Promise<number> {
  const overdue = await db
    .select({ id: agreements.id, eventId: agreements.eventId })
    .from(agreements)
    .where(and(eq(agreements.status, 'signing'), lt(agreements.expiresOn, chinaToday())))
    .limit(500);
  let expired = 0;
  for (const { id, eventId } of overdue) {
    const didExpire = await db.transaction(async (tx) => {
      const agreement = await lockAgreement(tx, id);
      if (!isOverdue(agreement)) return false;
      await expireLocked(tx, agreement);
      return true;
    });
    if (!didExpire) continue;
    expired += 1;
    await context.live
      ?.publish({ kind: 'expired', agreementId: id, eventId, at: new Date().toISOString() })
      .catch(() => undefined);
  }
  return expired;
}

import { eq, sql } from 'drizzle-orm';
import type { SigningView } from '../../../contracts/signing.ts';
import { yiDisplays } from '../../../domain/amount.ts';
import type { Db, DbOrTx } from '../../db/connect.ts';
import { agreementParties, agreementSigners, agreements, events, organizations } from '../../db/schema.ts';
import { AppError, conflict, invalidField } from '../../platform/errors.ts';
import { enqueueWebhookEvent } from '../../platform/webhooks.ts';
import { assertOpenForSigning, lockAgreement } from './agreement-state.ts';
import { appendTrail } from './audit-trail.ts';
import {
  CODE_MAX_ATTEMPTS,
  codesAgainAt,
  LINK_FAILURE_WINDOW_HOURS,
  LINK_MAX_CODES_PER_HOUR,
  LINK_MAX_FAILURES,
  linkLocked,
  reserveCodeSend,
  reserveCodeTry,
} from './code-limits.ts';
import { nowOf, type SigningContext } from './context.ts';
import { readDocument } from './documents.ts';
import { isTurnOf, signerForToken, signersOf } from './links.ts';
import { codeMessage } from './messages.ts';
import { hashCode, isSameHash, maskContact, newCode } from './tokens.ts';

export const CODE_MINUTES = 10;
export const CODE_RESEND_SECONDS = 60;

const unknownLink = () =>
  new AppError(
    'signing.link_unknown',
    404,
    '签署链接无效或已被新的链接取代，请联系协议发起方',
    'This signing link is not valid or was replaced by a newer one; contact the agreement’s organizer',
  );

export async function signerByToken(db: DbOrTx, token: string) {
  const signer = await signerForToken(db, token);
  if (!signer) throw unknownLink();
  return signer;
}

/** What the signer sees through their link. */
export async function getSigningView(db: DbOrTx, token: string): Promise<SigningView> {
  const signer = await signerByToken(db, token);
  const [agreement] = await db.select().from(agreements).where(eq(agreements.id, signer.agreementId));
  if (!agreement) throw unknownLink();
  const all = await signersOf(db, agreement.id);
  const parties = await db
    .select({ organization: organizations, position: agreementParties.position })
    .from(agreementParties)
    .innerJoin(organizations, eq(organizations.id, agreementParties.organizationId))
    .where(eq(agreementParties.agreementId, agreement.id))
    .orderBy(agreementParties.position);
  const [event] = agreement.eventId
    ? await db
        .select({ id: events.id, nameZh: events.nameZh, nameEn: events.nameEn })
        .from(events)
        .where(eq(events.id, agreement.eventId))
    : [];
  const document = agreement.documentRevision ? await readDocument(db, agreement.id) : null;
  const own = parties.find((party) => party.organization.id === signer.organizationId)?.organization;
  const isTurn = agreement.status === 'signing' && isTurnOf(signer, all, agreement.signingOrder);
  const now = Date.now();
  return {
    agreement: {
      id: agreement.id,
      titleZh: agreement.titleZh,
      titleEn: agreement.titleEn,
      typeCode: agreement.typeCode,
      amount:
        agreement.amountYuan === null
          ? null
          : { yuan: agreement.amountYuan, ...yiDisplays(agreement.amountYuan) },
      status: agreement.status,
      signingOrder: agreement.signingOrder,
      expiresOn: agreement.expiresOn,
      event: event ?? null,
      documentRevision: agreement.documentRevision,
      documentSha256: document?.sha256 ?? null,
      parties: parties.map(({ organization }) => ({
        nameZh: organization.nameZh,
        nameEn: organization.nameEn,
        signers: all
          .filter((row) => row.organizationId === organization.id)
          .map((row) => ({ name: row.name, title: row.title, status: row.status })),
      })),
    },
    signer: {
      id: signer.id,
      name: signer.name,
      title: signer.title,
      organization: { nameZh: own?.nameZh ?? '', nameEn: own?.nameEn ?? null },
      status: signer.status,
      signedAt: signer.signedAt?.toISOString() ?? null,
      contact: maskContact(signer.email, signer.mobile),
    },
    canSign: isTurn,
    waitingFor:
      agreement.signingOrder === 'sequential' && signer.status === 'pending'
        ? all
            .filter((row) => row.position < signer.position && row.status !== 'signed')
            .map((row) => row.name)
        : [],
    code: {
      isVerified: signer.codeVerifiedAt !== null,
      isLocked: signer.linkLockedAt !== null,
      sentAt: signer.codeSentAt?.toISOString() ?? null,
      expiresAt: signer.codeExpiresAt?.toISOString() ?? null,
      canResendAt:
        signer.codeSentAt && signer.codeSentAt.getTime() + CODE_RESEND_SECONDS * 1000 > now
          ? new Date(signer.codeSentAt.getTime() + CODE_RESEND_SECONDS * 1000).toISOString()
          : null,
    },
  };
}

const notPending = () =>
  conflict(
    'signer.not_pending',
    '您已签署或拒签此协议',
    'You have already signed or declined this agreement',
  );

/** The agreement locked and open for signing, and the signer as they are now, still to sign. */
async function lockForPendingSigner(tx: DbOrTx, signer: { id: string; agreementId: string }) {
  const locked = await lockAgreement(tx, signer.agreementId);
  assertOpenForSigning(locked);
  const [current] = await tx.select().from(agreementSigners).where(eq(agreementSigners.id, signer.id));
  if (current?.status !== 'pending') throw notPending();
  return { locked, current };
}

/** Sends a new one-time code to the signer; at most one a minute. */
export async function requestCode(db: Db, context: SigningContext, token: string) {
  const signer = await signerByToken(db, token);
  const code = newCode();
  const now = nowOf(context);
  const agreement = await db.transaction(async (tx) => {
    const { locked, current } = await lockForPendingSigner(tx, signer);
    if (current.linkLockedAt) throw linkLocked();
    const readyAt = (current.codeSentAt?.getTime() ?? 0) + CODE_RESEND_SECONDS * 1000;
    if (readyAt > now.getTime()) {
      const seconds = Math.ceil((readyAt - now.getTime()) / 1000);
      throw new AppError(
        'signing.code_too_soon',
        429,
        `验证码刚刚发出，请 ${seconds} 秒后再试`,
        `A code was just sent; try again in ${seconds} s`,
      );
    }
    if (!(await reserveCodeSend(tx, signer.id, now))) {
      const minutes = Math.ceil((codesAgainAt(current).getTime() - now.getTime()) / 60_000);
      throw new AppError(
        'signing.code_quota',
        429,
        `此链接每小时最多获取 ${LINK_MAX_CODES_PER_HOUR} 个验证码，请 ${minutes} 分钟后再试`,
        `This link may ask for ${LINK_MAX_CODES_PER_HOUR} codes an hour; try again in ${minutes} min`,
      );
    }
    await tx
      .update(agreementSigners)
      .set({
        codeHash: hashCode(signer.id, code),
        codeSentAt: now,
        codeExpiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000),
        codeAttempts: 0,
        codeVerifiedAt: null,
      })
      .where(eq(agreementSigners.id, signer.id));
    await appendTrail(tx, locked.id, { at: now, actor: `signer:${signer.name}`, action: 'code-sent' });
    return locked;
  });
  const delivery = await context.notifier
    .send(
      codeMessage(
        { name: signer.name, email: signer.email, mobile: signer.mobile },
        agreement,
        code,
        CODE_MINUTES,
      ),
    )
    .catch((error: unknown) => {
      throw new AppError(
        'signing.code_undelivered',
        502,
        `验证码发送失败：${(error as Error).message}`,
        `The code could not be delivered: ${(error as Error).message}`,
      );
    });
  return {
    sentTo: maskContact(signer.email, signer.mobile) ?? delivery.deliveredTo,
    expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000).toISOString(),
    canResendAt: new Date(now.getTime() + CODE_RESEND_SECONDS * 1000).toISOString(),
  };
}

/** Why no code comparison was made: the signer has signed, the link is locked, or the code is missing, used up or old. */
function explainNoTry(current: typeof agreementSigners.$inferSelect | undefined, now: Date): AppError {
  const field = 'code';
  if (current?.status !== 'pending') return notPending();
  if (current.linkLockedAt) return linkLocked();
  if (!current.codeHash || !current.codeExpiresAt)
    return invalidField(field, { code: 'code.none', zh: '请先获取验证码', en: 'Ask for a code first' });
  if (current.codeAttempts >= CODE_MAX_ATTEMPTS)
    return invalidField(field, {
      code: 'code.used_up',
      zh: '错误次数过多，请重新获取验证码',
      en: 'Too many wrong tries; ask for a new code',
    });
  if (current.codeExpiresAt.getTime() <= now.getTime())
    return invalidField(field, {
      code: 'code.expired',
      zh: '验证码已过期，请重新获取',
      en: 'The code has expired; ask for a new one',
    });
  return notPending();
}

/**
 * Checks the code the signer typed. Five wrong tries use a code up; ten wrong codes within a day lock the link
 * until an officer re-issues it. Every wrong code, and the lock, is written to the agreement's audit trail.
 */
export async function verifyCode(
  db: Db,
  context: Pick<SigningContext, 'now'>,
  token: string,
  code: string,
  source: string | null = null,
): Promise<SigningView> {
  const signer = await signerByToken(db, token);
  const now = nowOf(context);
  const actor = `signer:${signer.name}`;
  // The try is counted before the comparison, so parallel guesses cannot outrun the limits.
  const reserved = await reserveCodeTry(db, signer.id, now);
  if (!reserved) {
    const [current] = await db.select().from(agreementSigners).where(eq(agreementSigners.id, signer.id));
    throw explainNoTry(current, now);
  }
  const origin: Record<string, string> = source ? { source } : {};
  if (!isSameHash(reserved.codeHash ?? '', hashCode(signer.id, code))) {
    const isLocked = reserved.linkLockedAt !== null;
    const failed = {
      at: now,
      actor,
      action: 'code-failed',
      details: {
        codeTry: reserved.codeAttempts,
        linkFailures: reserved.codeFailures,
        linkLimit: LINK_MAX_FAILURES,
        windowHours: LINK_FAILURE_WINDOW_HOURS,
        ...origin,
      },
    };
    await db.transaction(async (tx) => {
      await lockAgreement(tx, signer.agreementId);
      if (isLocked)
        await appendTrail(tx, signer.agreementId, failed, {
          at: now,
          actor: 'system',
          action: 'link-locked',
          details: {
            signer: signer.name,
            linkFailures: reserved.codeFailures,
            windowHours: LINK_FAILURE_WINDOW_HOURS,
          },
        });
      else await appendTrail(tx, signer.agreementId, failed);
    });
    if (isLocked) throw linkLocked();
    const left = Math.min(
      CODE_MAX_ATTEMPTS - reserved.codeAttempts,
      LINK_MAX_FAILURES - reserved.codeFailures,
    );
    throw invalidField('code', {
      code: 'code.wrong',
      zh: left > 0 ? `验证码不正确，还可尝试 ${left} 次` : '验证码不正确，请重新获取',
      en: left > 0 ? `Wrong code; ${left} tries left` : 'Wrong code; ask for a new one',
    });
  }
  await db.transaction(async (tx) => {
    await lockAgreement(tx, signer.agreementId);
    // The reserved wrong try is given back: the code was right (and a lock that this try set is lifted).
    await tx
      .update(agreementSigners)
      .set({
        codeVerifiedAt: now,
        codeHash: null,
        codeFailures: sql`greatest(${agreementSigners.codeFailures} - 1, 0)`,
        linkLockedAt: null,
      })
      .where(eq(agreementSigners.id, signer.id));
    await appendTrail(tx, signer.agreementId, {
      at: now,
      actor,
      action: 'code-verified',
      ...(source ? { details: { source } } : {}),
    });
  });
  return getSigningView(db, token);
}

/** The signer refuses to sign: the agreement is declined for everyone and no further signature is taken. */
export async function declineWithLink(
  db: Db,
  context: SigningContext,
  token: string,
  reason: string,
): Promise<SigningView> {
  const signer = await signerByToken(db, token);
  const agreement = await db.transaction(async (tx) => {
    const { locked } = await lockForPendingSigner(tx, signer);
    const now = new Date();
    await tx
      .update(agreementSigners)
      .set({ status: 'declined', declinedAt: now, declinedReason: reason })
      .where(eq(agreementSigners.id, signer.id));
    await tx
      .update(agreements)
      .set({ status: 'declined', version: sql`${agreements.version} + 1`, updatedAt: now })
      .where(eq(agreements.id, locked.id));
    await appendTrail(tx, locked.id, {
      at: now,
      actor: `signer:${signer.name}`,
      action: 'declined',
      details: { reason },
    });
    await enqueueWebhookEvent(tx, {
      regionCode: locked.regionCode,
      type: 'agreement.declined',
      payload: { agreementId: locked.id, signerId: signer.id, reason },
    });
    return locked;
  });
  await context.live
    ?.publish({
      kind: 'declined',
      agreementId: agreement.id,
      eventId: agreement.eventId,
      at: new Date().toISOString(),
    })
    .catch(() => undefined);
  return getSigningView(db, token);
}

import { and, eq, sql } from 'drizzle-orm';
import type { SignatureInput, SignResult } from '../../../contracts/signing.ts';
import { chinaToday } from '../../../domain/china-today.ts';
import type { SigningVia } from '../../../domain/events.ts';
import type { Db, DbOrTx } from '../../db/connect.ts';
import { agreementDocuments, agreementSigners, agreements, organizations } from '../../db/schema.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { enqueueWebhookEvent } from '../../platform/webhooks.ts';
import { AGREEMENT } from '../agreements/service.ts';
import { screenEntry } from '../screen/queries.ts';
import { type AgreementRow, assertOpenForSigning, lockAgreement } from './agreement-state.ts';
import { appendTrail } from './audit-trail.ts';
import { linkLocked } from './code-limits.ts';
import type { SigningContext } from './context.ts';
import { readDocument, storeDocument } from './documents.ts';
import { deliverLinks, type Invitation, issueLinksForTurn, isTurnOf, signersOf } from './links.ts';
import { noteSignature, scheduleSeal } from './seal.ts';
import { checkSignature } from './signature-input.ts';

export type SignatureRequest = {
  signerId: string;
  signature: SignatureInput;
  via: SigningVia;
  /** Who vouched for the signer: the verified code (remote) or the host at the venue (on site). */
  attestation: Record<string, string>;
  /** Remote signing needs a code verified within this many minutes. */
  requireCodeVerifiedWithinMinutes?: number;
};

const CODE_VALID_FOR_SIGNING_MINUTES = 30;
/** How long the sweep leaves a new seal to the queue of the process that took the last signature. */
const SWEEP_GRACE_MS = 10 * 60_000;
/** Another signature landed while this one was being made: sign again on the new revision, a few times. */
const MAX_REBASES = 8;

type SignerRow = Awaited<ReturnType<typeof signersOf>>[number];

/** Everything that must hold for this signer to sign now; checked before signing and again under the lock. */
function assertMaySign(
  agreement: AgreementRow,
  all: SignerRow[],
  signer: SignerRow,
  request: SignatureRequest,
) {
  assertOpenForSigning(agreement);
  if (signer.status === 'declined')
    throw conflict('signer.declined', '您已拒签此协议', 'You have declined this agreement');
  if (!isTurnOf(signer, all, agreement.signingOrder)) {
    const waiting = all.filter((other) => other.position < signer.position && other.status !== 'signed');
    throw conflict(
      'signer.not_turn',
      `请等待 ${waiting.map((w) => w.name).join('、')} 先签署`,
      `Please wait: ${waiting.map((w) => w.name).join(', ')} must sign first`,
    );
  }
  if (request.via === 'remote') {
    if (signer.linkLockedAt) throw linkLocked();
    const minutes = request.requireCodeVerifiedWithinMinutes ?? CODE_VALID_FOR_SIGNING_MINUTES;
    if (Date.now() - (signer.codeVerifiedAt?.getTime() ?? 0) > minutes * 60_000)
      throw conflict(
        'signer.code_required',
        '请先输入发送给您的验证码',
        'Confirm with the one-time code sent to you first',
      );
  }
}

async function signerState(db: DbOrTx, agreementId: string, signerId: string) {
  const [agreement] = await db.select().from(agreements).where(eq(agreements.id, agreementId));
  if (!agreement) throw notFound(AGREEMENT, agreementId);
  const all = await signersOf(db, agreementId);
  const signer = all.find((row) => row.id === signerId);
  if (!signer) throw notFound({ zh: '签署人', en: 'Signer' }, signerId);
  return { agreement, all, signer };
}

/** The answer to a repeated request: the first signature, read afresh (the revision that holds it, the status now). */
async function repeated(db: Db, signer: SignerRow): Promise<SignResult> {
  const [agreement] = await db.select().from(agreements).where(eq(agreements.id, signer.agreementId));
  const [document] = await db
    .select({ revision: agreementDocuments.revision })
    .from(agreementDocuments)
    .where(
      and(eq(agreementDocuments.agreementId, signer.agreementId), eq(agreementDocuments.signerId, signer.id)),
    );
  return {
    signerStatus: 'signed',
    agreementStatus: agreement?.status ?? 'signing',
    isNew: false,
    signedAt: (signer.signedAt ?? new Date()).toISOString(),
    recordedAt: (signer.signedAt ?? new Date()).toISOString(),
    documentRevision: document?.revision ?? agreement?.documentRevision ?? 0,
    isAllSigned: agreement?.signedAt !== null && agreement?.signedAt !== undefined,
  };
}

/**
 * Puts one signer's signature on the agreement: their organization's PAdES signature appended to the latest PDF
 * as an incremental update. The PDF is signed outside any transaction (it is the slow part); the short
 * transaction that stores it checks, under the agreement's lock, that no other signature landed meanwhile,
 * and signs again on the newer revision if one did. So two signers at once both land, each on top of the
 * other, and a repeated request returns the first result.
 */
export async function applySignature(
  db: Db,
  context: SigningContext,
  request: SignatureRequest,
): Promise<SignResult> {
  const checked = checkSignature(request.signature);
  const [target] = await db
    .select({ signer: agreementSigners, organization: organizations })
    .from(agreementSigners)
    .innerJoin(organizations, eq(organizations.id, agreementSigners.organizationId))
    .where(eq(agreementSigners.id, request.signerId));
  if (!target) throw notFound({ zh: '签署人', en: 'Signer' }, request.signerId);
  // Issued (or opened) outside the transaction: a key cached for the process must never come from a rolled-back insert.
  const key = await context.keys.partyKey(db, target.organization);
  const { signPdf } = await import('../../signing/pades.ts');

  for (let attempt = 1; ; attempt += 1) {
    const before = await signerState(db, target.signer.agreementId, request.signerId);
    if (before.signer.status === 'signed') return repeated(db, before.signer);
    assertMaySign(before.agreement, before.all, before.signer, request);
    const document = await readDocument(db, before.agreement.id);
    if (!document) throw new Error(`agreement ${before.agreement.id} is out for signing without a document`);
    const signer = before.signer;
    const signedAt = new Date();
    const bytes = await signPdf(new Uint8Array(document.content), {
      key: key.privateKey,
      certificate: key.certificateDer,
      chain: [context.keys.ca.certificateDer],
      reason: `${signer.name}${signer.title ? `（${signer.title}）` : ''}代表${target.organization.nameZh}签署 / Signed by ${signer.name}`,
      location: request.via === 'onsite' ? '现场签约 On site' : '云签约 Luodi online',
      signerName: `${target.organization.nameZh} ${signer.name}`,
      signedAt,
    });

    const outcome = await db.transaction(async (tx) => {
      const agreement = await lockAgreement(tx, before.agreement.id);
      const all = await signersOf(tx, agreement.id);
      const current = all.find((row) => row.id === signer.id);
      if (!current) throw notFound({ zh: '签署人', en: 'Signer' }, signer.id);
      if (current.status === 'signed') return { kind: 'repeat' as const, agreement, signer: current };
      assertMaySign(agreement, all, current, request);
      if (agreement.documentRevision !== document.revision) return { kind: 'stale' as const };

      const revision = document.revision + 1;
      const sha256 = await storeDocument(tx, {
        agreementId: agreement.id,
        revision,
        kind: 'signature',
        bytes,
        signerId: signer.id,
      });
      const isAllSigned = all.every((other) => other.id === signer.id || other.status === 'signed');
      const signedEntry = {
        at: signedAt,
        actor: `signer:${signer.name}（${target.organization.nameZh}）`,
        action: 'signed',
        details: {
          via: request.via,
          revision,
          documentSha256: sha256,
          signature: checked.kind,
          ...request.attestation,
        },
      };
      // Independent statements under the lock, sent together: each round trip holds the agreement (and, on the
      // embedded database, its only connection) a little longer.
      await Promise.all([
        tx
          .update(agreementSigners)
          .set({
            status: 'signed',
            signedAt,
            signedVia: request.via,
            signatureKind: checked.kind,
            signatureImage: checked.image,
            signatureText: checked.text,
            codeHash: null,
          })
          .where(eq(agreementSigners.id, signer.id)),
        isAllSigned
          ? appendTrail(tx, agreement.id, signedEntry, {
              at: signedAt,
              actor: 'system',
              action: 'all-signed',
            })
          : appendTrail(tx, agreement.id, signedEntry),
        tx
          .update(agreements)
          .set({
            documentRevision: revision,
            version: sql`${agreements.version} + 1`,
            updatedAt: signedAt,
            ...(isAllSigned
              ? {
                  signedAt,
                  signedOn: chinaToday(),
                  sealStatus: 'pending' as const,
                  // The seal queue seals it in a moment; the sweep steps in only if that has not happened by then.
                  sealNextAttemptAt: new Date(signedAt.getTime() + SWEEP_GRACE_MS),
                }
              : {}),
          })
          .where(eq(agreements.id, agreement.id)),
        enqueueWebhookEvent(tx, {
          regionCode: agreement.regionCode,
          type: 'agreement.signed',
          payload: {
            agreementId: agreement.id,
            signerId: signer.id,
            organizationId: signer.organizationId,
            revision,
          },
        }),
      ]);
      // Sequential order: the next signer gets their link now.
      const invitations: Invitation[] =
        isAllSigned || agreement.signingOrder === 'parallel' ? [] : await issueLinksForTurn(tx, agreement);
      // Read before the commit and announced with it, so screens add the agreement without asking again.
      const screen = isAllSigned ? await screenEntry(tx, agreement.id) : null;
      return { kind: 'signed' as const, agreement, revision, isAllSigned, invitations, screen };
    });

    if (outcome.kind === 'repeat') return repeated(db, outcome.signer);
    if (outcome.kind === 'stale') {
      if (attempt >= MAX_REBASES)
        throw conflict(
          'agreement.busy',
          '签署人较多，请稍后重试',
          'Many are signing at once; please try again',
        );
      continue;
    }
    const recordedAt = new Date();
    const { agreement } = outcome;
    await deliverLinks(context, agreement, outcome.invitations);
    await context.live
      ?.publish({
        kind: outcome.isAllSigned ? 'all-signed' : 'signed',
        agreementId: agreement.id,
        eventId: agreement.eventId,
        at: recordedAt.toISOString(),
        ...(outcome.screen ? { screen: outcome.screen } : {}),
      })
      .catch((error: unknown) => context.log(`live update not sent: ${(error as Error).message}`));
    if (outcome.isAllSigned) scheduleSeal(db, context, agreement.id);
    else noteSignature(context);
    return {
      signerStatus: 'signed',
      agreementStatus: agreement.status,
      isNew: true,
      signedAt: signedAt.toISOString(),
      recordedAt: recordedAt.toISOString(),
      documentRevision: outcome.revision,
      isAllSigned: outcome.isAllSigned,
    };
  }
}

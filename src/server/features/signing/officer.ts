import { and, eq, sql } from 'drizzle-orm';
import type { AgreementView } from '../../../contracts/agreements.ts';
import type { SignatureInput, SignResult } from '../../../contracts/signing.ts';
import type { Db } from '../../db/connect.ts';
import { agreementSigners, agreements } from '../../db/schema.ts';
import { type Actor, assertCan } from '../../platform/access.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { enqueueWebhookEvent } from '../../platform/webhooks.ts';
import { getAgreement, sendAgreement } from '../agreements/service.ts';
import { assertOpenForSigning, lockAgreement } from './agreement-state.ts';
import { appendTrail, readTrail } from './audit-trail.ts';
import type { SigningContext } from './context.ts';
import { checkUploadedPdf, readDocument, renderFromTemplate, storeDocument } from './documents.ts';
import { deliverLinks, issueLink, issueLinksForTurn, signingUrl } from './links.ts';
import { applySignature } from './sign.ts';

const actorLabel = (actor: Actor) => `user:${actor.username}`;

/** Sends a draft out for signing: freezes it, fixes its PDF (generated unless uploaded) and sends the first links. */
export async function sendForSigning(
  db: Db,
  context: SigningContext,
  actor: Actor,
  id: string,
  version: number,
): Promise<AgreementView> {
  const { row, invitations } = await db.transaction(async (tx) => {
    const sent = await sendAgreement(tx, actor, id, version);
    const row = await lockAgreement(tx, id);
    // The uploaded PDF is revision 1 already; otherwise it is generated now. Either way it is not read back.
    const document =
      sent.document.isUploaded && sent.document.sha256
        ? { sha256: sent.document.sha256, kind: 'uploaded' as const }
        : {
            sha256: await storeDocument(tx, {
              agreementId: id,
              revision: 1,
              kind: 'generated',
              bytes: await renderFromTemplate(tx, sent),
            }),
            kind: 'generated' as const,
          };
    if (document.kind === 'generated')
      await tx.update(agreements).set({ documentRevision: 1 }).where(eq(agreements.id, id));
    await appendTrail(tx, id, {
      actor: actorLabel(actor),
      action: 'sent',
      details: {
        documentSha256: document.sha256,
        documentKind: document.kind,
        signingOrder: row.signingOrder,
        parties: sent.parties.map((party) => party.nameZh),
      },
    });
    await enqueueWebhookEvent(tx, {
      regionCode: row.regionCode,
      type: 'agreement.sent',
      payload: { agreementId: id, titleZh: row.titleZh, titleEn: row.titleEn },
    });
    return { row, invitations: await issueLinksForTurn(tx, row) };
  });
  await deliverLinks(context, row, invitations);
  // The event's screen counts it as awaiting signatures from now.
  await context.live
    ?.publish({ kind: 'sent', agreementId: id, eventId: row.eventId, at: new Date().toISOString() })
    .catch((error: unknown) => context.log(`live update not sent: ${(error as Error).message}`));
  return getAgreement(db, actor, id);
}

/** Replaces a signer's link (lost e-mail, wrong address) and returns it once, for the officer to pass on. */
export async function reissueLink(
  db: Db,
  context: SigningContext,
  actor: Actor,
  id: string,
  signerId: string,
) {
  assertCan(actor, 'event.write');
  await getAgreement(db, actor, id);
  const { agreement, invitation } = await db.transaction(async (tx) => {
    const agreement = await lockAgreement(tx, id);
    assertOpenForSigning(agreement);
    const [signer] = await tx
      .select()
      .from(agreementSigners)
      .where(and(eq(agreementSigners.id, signerId), eq(agreementSigners.agreementId, id)));
    if (!signer) throw notFound({ zh: '签署人', en: 'Signer' }, signerId);
    if (signer.status !== 'pending')
      throw conflict(
        'signer.not_pending',
        '该签署人已签署或拒签',
        'This signer has already signed or declined',
      );
    const invitation = await issueLink(tx, signer);
    await appendTrail(tx, id, {
      actor: actorLabel(actor),
      action: 'link-reissued',
      // A re-issue is also how a link locked by wrong codes is opened again: the trail says so.
      details: { signer: signer.name, ...(signer.linkLockedAt ? { wasLocked: true } : {}) },
    });
    return { agreement, invitation };
  });
  const sentTo = await deliverLinks(context, agreement, [invitation]);
  return { signerId, url: signingUrl(context, invitation.token), sentTo: sentTo.get(signerId) ?? null };
}

/** On-site signing on the host's tablet: the host, signed in, vouches for the signer's identity in person. */
export async function signOnSite(
  db: Db,
  context: SigningContext,
  actor: Actor,
  id: string,
  signerId: string,
  signature: SignatureInput,
): Promise<SignResult> {
  assertCan(actor, 'event.write');
  await getAgreement(db, actor, id);
  const [signer] = await db
    .select({ id: agreementSigners.id })
    .from(agreementSigners)
    .where(and(eq(agreementSigners.id, signerId), eq(agreementSigners.agreementId, id)));
  if (!signer) throw notFound({ zh: '签署人', en: 'Signer' }, signerId);
  return applySignature(db, context, {
    signerId,
    signature,
    via: 'onsite',
    attestation: { identityCheckedBy: actor.username },
  });
}

/** Attaches the agreement's own PDF to a draft instead of the generated one. */
export async function uploadDocument(
  db: Db,
  actor: Actor,
  id: string,
  bytes: Uint8Array,
): Promise<AgreementView> {
  assertCan(actor, 'event.write');
  await getAgreement(db, actor, id);
  await checkUploadedPdf(bytes);
  await db.transaction(async (tx) => {
    const agreement = await lockAgreement(tx, id);
    if (agreement.status !== 'draft')
      throw conflict(
        'agreement.not_draft',
        '协议已发出签署，不能更换文件',
        'The agreement is out for signing; its file can no longer change',
      );
    await tx.execute(sql`delete from agreement_documents where agreement_id = ${id}`);
    const sha256 = await storeDocument(tx, { agreementId: id, revision: 1, kind: 'uploaded', bytes });
    await tx
      .update(agreements)
      .set({ documentRevision: 1, version: sql`${agreements.version} + 1`, updatedAt: new Date() })
      .where(eq(agreements.id, id));
    await appendTrail(tx, id, { actor: actorLabel(actor), action: 'document-uploaded', details: { sha256 } });
  });
  return getAgreement(db, actor, id);
}

/** The PDF for someone who may see the agreement: a stored revision, or a preview of a draft from the template. */
export async function documentForActor(db: Db, actor: Actor, id: string, revision?: number) {
  const view = await getAgreement(db, actor, id);
  const stored = await readDocument(db, id, revision);
  if (stored) return { bytes: new Uint8Array(stored.content), revision: stored.revision, kind: stored.kind };
  if (revision !== undefined)
    throw notFound({ zh: '协议文件版本', en: 'Document revision' }, String(revision));
  return { bytes: await renderFromTemplate(db, view), revision: 0, kind: 'preview' as const };
}

export async function trailForActor(db: Db, actor: Actor, id: string) {
  await getAgreement(db, actor, id);
  const trail = await readTrail(db, id);
  return {
    isValid: trail.isValid,
    entries: trail.rows.map((row) => ({
      sequence: row.sequence,
      at: row.at,
      actor: row.actor,
      action: row.action,
      details: row.details ?? null,
      previousHash: row.previousHash,
      hash: row.hash,
    })),
  };
}

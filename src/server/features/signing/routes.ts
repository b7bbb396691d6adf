import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AgreementView, SendAgreementBody } from '../../../contracts/agreements.ts';
import { IdParams, INT4_MAX } from '../../../contracts/common.ts';
import {
  AuditTrail,
  CodeSent,
  DeclineBody,
  IssuedLink,
  SignBody,
  SignerParams,
  SigningTokenParams,
  SigningView,
  SignResult,
  VerifyCodeBody,
  VerifyReport,
} from '../../../contracts/signing.ts';
import type { Db } from '../../db/connect.ts';
import { requireActor } from '../../platform/auth.ts';
import { AppError } from '../../platform/errors.ts';
import { readUpload } from '../../platform/uploads.ts';
import type { SigningContext } from './context.ts';
import { readDocument } from './documents.ts';
import {
  documentForActor,
  reissueLink,
  sendForSigning,
  signOnSite,
  trailForActor,
  uploadDocument,
} from './officer.ts';
import { applySignature } from './sign.ts';
import { declineWithLink, getSigningView, requestCode, signerByToken, verifyCode } from './signer.ts';
import { verifyUpload } from './verify-upload.ts';

const tags = ['signing'];

/** The uploaded PDF's bytes (multipart field "file"). */
async function uploadedPdf(request: FastifyRequest): Promise<Uint8Array> {
  const { content } = await readUpload(request, ['pdf']);
  return new Uint8Array(content.buffer, content.byteOffset, content.byteLength);
}

function sendPdf(reply: FastifyReply, bytes: Uint8Array, name: string) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

const DocumentQuery = z.object({ revision: z.coerce.number().int().min(1).max(INT4_MAX).optional() });
const VerifyQuery = z.object({ lang: z.enum(['zh', 'en']).default('zh') });

export const signingRoutes: FastifyPluginAsyncZod<{ db: Db; signing: SigningContext | null }> = async (
  app,
  { db, signing },
) => {
  const context = () => {
    if (!signing)
      throw new AppError(
        'signing.unavailable',
        503,
        '本实例未启用签约服务',
        'Signing is not configured on this instance',
      );
    return signing;
  };

  // Officer side ------------------------------------------------------------------------------------------
  app.post(
    '/agreements/:id/send',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Send a draft out for signing: its PDF is fixed and the first signers get their links',
        params: IdParams,
        body: SendAgreementBody,
        response: { 200: AgreementView },
      },
    },
    async (request) =>
      sendForSigning(db, context(), requireActor(request), request.params.id, request.body.version),
  );
  app.get(
    '/agreements/:id/document.pdf',
    {
      schema: {
        tags,
        summary: 'The agreement PDF (latest revision, or ?revision=n; a preview for drafts)',
        params: IdParams,
        querystring: DocumentQuery,
      },
    },
    async (request, reply) => {
      const document = await documentForActor(
        db,
        requireActor(request),
        request.params.id,
        request.query.revision,
      );
      return sendPdf(
        reply,
        document.bytes,
        `agreement-${request.params.id.slice(0, 8)}-r${document.revision}.pdf`,
      );
    },
  );
  app.post(
    '/agreements/:id/document',
    {
      schema: {
        tags,
        summary: 'Upload the agreement’s own PDF to a draft (multipart field "file")',
        params: IdParams,
        response: { 200: AgreementView },
      },
    },
    async (request) =>
      uploadDocument(db, requireActor(request), request.params.id, await uploadedPdf(request)),
  );
  app.post(
    '/agreements/:id/signers/:signerId/link',
    {
      schema: {
        tags,
        summary: 'Re-issue a signer’s link (the old one stops working); shown once',
        params: SignerParams,
        response: { 200: IssuedLink },
      },
    },
    async (request) =>
      reissueLink(db, context(), requireActor(request), request.params.id, request.params.signerId),
  );
  app.post(
    '/agreements/:id/signers/:signerId/onsite',
    {
      schema: {
        tags,
        summary: 'Sign on site on the host’s tablet; the signed-in host vouches for the signer in person',
        params: SignerParams,
        body: SignBody,
        response: { 200: SignResult },
      },
    },
    async (request) =>
      signOnSite(
        db,
        context(),
        requireActor(request),
        request.params.id,
        request.params.signerId,
        request.body.signature,
      ),
  );
  app.get(
    '/agreements/:id/audit',
    {
      schema: {
        tags,
        summary: 'The agreement’s hash-chained audit trail',
        params: IdParams,
        response: { 200: AuditTrail },
      },
    },
    async (request) => trailForActor(db, requireActor(request), request.params.id),
  );

  // Signer side: public, the link's secret is the credential, the one-time code the second factor ---------
  app.get(
    '/sign/:token',
    {
      schema: {
        tags,
        summary: 'What the signer sees through their link',
        params: SigningTokenParams,
        response: { 200: SigningView },
      },
    },
    async (request) => getSigningView(db, request.params.token),
  );
  app.get(
    '/sign/:token/document.pdf',
    { schema: { tags, summary: 'The current PDF, as the signer will sign it', params: SigningTokenParams } },
    async (request, reply) => {
      const signer = await signerByToken(db, request.params.token);
      const document = await readDocument(db, signer.agreementId);
      if (!document)
        throw new AppError('document.missing', 404, '协议文件尚未生成', 'The agreement has no document yet');
      return sendPdf(reply, new Uint8Array(document.content), `agreement-r${document.revision}.pdf`);
    },
  );
  app.post(
    '/sign/:token/code',
    {
      schema: {
        tags,
        summary: 'Send a one-time code to the signer (one a minute, five an hour per link)',
        params: SigningTokenParams,
        response: { 200: CodeSent },
      },
    },
    async (request) => requestCode(db, context(), request.params.token),
  );
  app.post(
    '/sign/:token/verify',
    {
      schema: {
        tags,
        summary:
          'Check the one-time code (five tries per code; ten wrong codes a day lock the link until it is re-issued)',
        params: SigningTokenParams,
        body: VerifyCodeBody,
        response: { 200: SigningView },
      },
    },
    async (request) => verifyCode(db, context(), request.params.token, request.body.code, request.ip),
  );
  app.post(
    '/sign/:token/sign',
    {
      schema: {
        tags,
        summary: 'Sign (after the code); repeating it does nothing more',
        params: SigningTokenParams,
        body: SignBody,
        response: { 200: SignResult },
      },
    },
    async (request) => {
      const signer = await signerByToken(db, request.params.token);
      return applySignature(db, context(), {
        signerId: signer.id,
        signature: request.body.signature,
        via: 'remote',
        attestation: { identity: 'one-time code' },
      });
    },
  );
  app.post(
    '/sign/:token/decline',
    {
      schema: {
        tags,
        summary: 'Decline to sign, with the reason',
        params: SigningTokenParams,
        body: DeclineBody,
        response: { 200: SigningView },
      },
    },
    async (request) => declineWithLink(db, context(), request.params.token, request.body.reason),
  );

  // Anyone: check a PDF ---------------------------------------------------------------------------------
  app.post(
    '/verify',
    {
      schema: {
        tags,
        summary:
          'Verify a signed PDF (multipart field "file"): signatures, changes, audit chain, hash lookup',
        querystring: VerifyQuery,
        response: { 200: VerifyReport },
      },
    },
    async (request) =>
      verifyUpload(
        db,
        context(),
        await uploadedPdf(request),
        request.query.lang === 'en' ? 'en-US' : 'zh-CN',
      ),
  );
};

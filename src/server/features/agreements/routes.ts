import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AgreementPage,
  AgreementView,
  CreateAgreementBody,
  ListAgreementsQuery,
  UpdateAgreementBody,
  VoidAgreementBody,
} from '../../../contracts/agreements.ts';
import { IdParams } from '../../../contracts/common.ts';
import type { Db } from '../../db/connect.ts';
import { requireActor } from '../../platform/auth.ts';
import { notFound } from '../../platform/errors.ts';
import type { LiveHub } from '../../platform/live.ts';
import { signingCertificatePem } from '../../platform/signing-authority.ts';
import { createAgreement, getAgreement, listAgreements, updateAgreement, voidAgreement } from './service.ts';

const tags = ['agreements'];

export const agreementRoutes: FastifyPluginAsyncZod<{ db: Db; live: LiveHub | null }> = async (
  app,
  { db, live },
) => {
  app.get(
    '/agreements',
    {
      schema: {
        tags,
        summary: 'Agreements of your region, newest first',
        querystring: ListAgreementsQuery,
        response: { 200: AgreementPage },
      },
    },
    async (request) => listAgreements(db, requireActor(request), request.query),
  );
  app.post(
    '/agreements',
    {
      schema: {
        tags,
        summary: 'Draft an agreement: type, parties with their signers, projects, amount',
        body: CreateAgreementBody,
        response: { 201: AgreementView },
      },
    },
    async (request, reply) => {
      const agreement = await db.transaction((tx) =>
        createAgreement(tx, requireActor(request), request.body),
      );
      return reply.code(201).send(agreement);
    },
  );
  app.get(
    '/agreements/:id',
    { schema: { tags, summary: 'One agreement', params: IdParams, response: { 200: AgreementView } } },
    async (request) => getAgreement(db, requireActor(request), request.params.id),
  );
  app.patch(
    '/agreements/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft (send the version you read)',
        params: IdParams,
        body: UpdateAgreementBody,
        response: { 200: AgreementView },
      },
    },
    async (request) =>
      db.transaction((tx) => updateAgreement(tx, requireActor(request), request.params.id, request.body)),
  );
  app.post(
    '/agreements/:id/void',
    {
      schema: {
        tags,
        summary: 'Void a draft or an agreement out for signing, with the reason',
        params: IdParams,
        body: VoidAgreementBody,
        response: { 200: AgreementView },
      },
    },
    async (request) => {
      const voided = await db.transaction((tx) =>
        voidAgreement(
          tx,
          requireActor(request),
          request.params.id,
          request.body.reason,
          request.body.version,
        ),
      );
      // Off the event's screen: it no longer awaits signatures.
      await live
        ?.publish({
          kind: 'voided',
          agreementId: voided.id,
          eventId: voided.event?.id ?? null,
          at: new Date().toISOString(),
        })
        .catch((error: unknown) => request.log.warn({ err: error }, 'live update not sent'));
      return voided;
    },
  );
  // Public: whoever checks a sealed PDF offline (`luodi verify --ca`) needs the deployment's CA certificate.
  app.get(
    '/signing/ca.pem',
    { schema: { tags, summary: 'The deployment CA certificate (PEM), for offline verification' } },
    async (_request, reply) => {
      const pem = await signingCertificatePem(db);
      if (!pem) throw notFound({ zh: '签约根证书', en: 'Signing CA certificate' }, 'deployment');
      return reply
        .header('content-type', 'application/x-pem-file')
        .header('content-disposition', 'attachment; filename="luodi-ca.pem"')
        .send(pem);
    },
  );
};

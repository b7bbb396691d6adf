import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.ts';
import {
  CreatedWebhook,
  CreateWebhookBody,
  WebhookDeliveryView,
  WebhookTestResult,
  WebhookView,
} from '../../../contracts/webhooks.ts';
import type { Db } from '../../db/connect.ts';
import { requireActor } from '../../platform/auth.ts';
import { createWebhook, deleteWebhook, listWebhookDeliveries, listWebhooks, testWebhook } from './service.ts';

const tags = ['webhooks'];

export const webhookRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/webhooks',
    {
      schema: {
        tags,
        summary: 'Webhooks of your region (administrators); secrets are never listed',
        response: { 200: z.object({ items: z.array(WebhookView) }) },
      },
    },
    async (request) => ({ items: await listWebhooks(db, requireActor(request)) }),
  );
  app.post(
    '/webhooks',
    {
      schema: {
        tags,
        summary: 'Register a receiver of signed agreement events; the answer shows its secret, once',
        body: CreateWebhookBody,
        response: { 201: CreatedWebhook },
      },
    },
    async (request, reply) => {
      const webhook = await db.transaction((tx) => createWebhook(tx, requireActor(request), request.body));
      return reply.code(201).send(webhook);
    },
  );
  app.delete(
    '/webhooks/:id',
    {
      schema: { tags, summary: 'Remove a webhook and its delivery records', params: IdParams },
    },
    async (request, reply) => {
      await db.transaction((tx) => deleteWebhook(tx, requireActor(request), request.params.id));
      return reply.code(204).send();
    },
  );
  app.get(
    '/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'The latest 50 deliveries of a webhook, with attempts and last error',
        params: IdParams,
        response: { 200: z.object({ items: z.array(WebhookDeliveryView) }) },
      },
    },
    async (request) => ({ items: await listWebhookDeliveries(db, requireActor(request), request.params.id) }),
  );
  app.post(
    '/webhooks/:id/test',
    {
      schema: {
        tags,
        summary: 'Send a signed test call now and report the status code the receiver answered',
        params: IdParams,
        response: { 200: WebhookTestResult },
      },
    },
    async (request) => testWebhook(db, requireActor(request), request.params.id),
  );
};

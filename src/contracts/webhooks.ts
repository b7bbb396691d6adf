import { z } from 'zod';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES } from '../domain/events.ts';
import { RegionRef } from './common.ts';

export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);

export const CreateWebhookBody = z.object({
  /** Where calls go: an http:// or https:// address (checked by the service, which names the field). */
  url: z.string().trim().min(1).max(2000).describe('http:// or https:// address that receives the POSTs'),
  /** The event types to receive; empty or left out means all. */
  eventTypes: z.array(WebhookEventType).max(WEBHOOK_EVENT_TYPES.length).default([]),
  /** Events of this region and everything beneath it; defaults to the administrator's own region. */
  regionCode: z.string().min(6).max(12).optional(),
});
export type CreateWebhookBody = z.infer<typeof CreateWebhookBody>;

/** A webhook as listed: never with its secret. */
export const WebhookView = z.object({
  id: z.uuid(),
  url: z.string(),
  eventTypes: z.array(WebhookEventType),
  region: RegionRef,
  isActive: z.boolean(),
  createdAt: z.string(),
  /** Deliveries still being tried, and those given up on. */
  pendingCount: z.number().int(),
  failedCount: z.number().int(),
  lastDeliveredAt: z.string().nullable(),
});
export type WebhookView = z.infer<typeof WebhookView>;

/** The answer to creating a webhook: the only time the secret is shown. */
export const CreatedWebhook = WebhookView.extend({ secret: z.string() });
export type CreatedWebhook = z.infer<typeof CreatedWebhook>;

export const WebhookDeliveryView = z.object({
  id: z.uuid(),
  eventType: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export type WebhookDeliveryView = z.infer<typeof WebhookDeliveryView>;

/** What the receiver answered to a test call. */
export const WebhookTestResult = z.object({
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
});
export type WebhookTestResult = z.infer<typeof WebhookTestResult>;

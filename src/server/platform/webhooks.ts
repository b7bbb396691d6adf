// Signed calls to other systems when agreements change: queued in the signing transaction, sent by a poller.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { WebhookEventType } from '../../domain/events.ts';
import type { Db, DbOrTx } from '../db/connect.ts';
import { webhookDeliveries, webhooks } from '../db/schema.ts';
import { postToTarget } from './webhook-target.ts';

/** After this many failed attempts a delivery is marked failed and no longer tried. */
export const MAX_WEBHOOK_ATTEMPTS = 12;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 6 * 3_600_000;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_TOLERANCE_SECONDS = 300;

/** The JSON body of every call. `id` is the delivery id: the same on every retry, so receivers can skip repeats. */
export interface WebhookBody {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}

/** What the receiver answered: its status code, or why there was none. */
export interface WebhookCallResult {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * Queues one delivery of an event for every active webhook whose region is the event's region or an ancestor
 * of it, and which listens to this type. Only inserts, so it is safe inside the caller's transaction.
 */
export async function enqueueWebhookEvent(
  db: DbOrTx,
  input: { regionCode: string; type: WebhookEventType; payload: Record<string, unknown> },
): Promise<number> {
  // A region's scope prefix ('' for the country, '3501' for Fuzhou) starts every code beneath it. Due at once,
  // to the millisecond: the sweep compares with a JavaScript time, which has no microseconds.
  const rows = await db.execute<{ id: string }>(sql`
    insert into webhook_deliveries (webhook_id, event_type, payload, next_attempt_at)
    select w.id, ${input.type}, ${JSON.stringify(input.payload)}::jsonb, date_trunc('milliseconds', now())
    from webhooks w join regions r on r.code = w.region_code
    where w.is_active
      and ${input.regionCode} like r.scope_prefix || '%'
      and (cardinality(w.event_types) = 0 or ${input.type} = any(w.event_types))
    returning id`);
  return rows.length;
}

/** The pause before the next try after `attempts` failures: 30 s, 1 min, 2 min … at most 6 h. */
export function webhookRetryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

/** The x-luodi-signature value: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">. */
export function signWebhookBody(secret: string, rawBody: string, timestamp: number): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return `t=${timestamp},v1=${digest}`;
}

/**
 * For receivers: true when the header was made with this secret over exactly this body, and its timestamp is
 * within the tolerance of now (a replayed old call fails).
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  rawBody: string | Buffer,
  options: { toleranceSeconds?: number; now?: Date } = {},
): boolean {
  if (!header) return false;
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && value) signatures.push(value);
  }
  if (timestamp === null || signatures.length === 0) return false;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return false;
  const body = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
  const expected = Buffer.from(signWebhookBody(secret, body, timestamp).split('v1=')[1] ?? '', 'hex');
  return signatures.some((signature) => {
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** One signed POST to a receiver, at a checked public address (see webhook-target.ts). Never throws. */
export async function postWebhook(
  url: string,
  secret: string,
  body: WebhookBody,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<WebhookCallResult> {
  const raw = JSON.stringify(body);
  const started = performance.now();
  const result = await postToTarget(
    url,
    {
      'content-type': 'application/json',
      'user-agent': 'Luodi-Webhooks/1',
      'x-luodi-event': body.type,
      'x-luodi-delivery': body.id,
      'x-luodi-signature': signWebhookBody(secret, raw, Math.floor(Date.now() / 1000)),
    },
    raw,
    timeoutMs,
  );
  return { ...result, durationMs: Math.round(performance.now() - started) };
}

/**
 * Sends the deliveries that are due. Claiming moves their next attempt past the call's timeout in one
 * `for update skip locked` statement, so another app instance skips them and no transaction is held open
 * while calling out; a crash mid-call leaves them due again later.
 */
export async function deliverDueWebhooks(
  db: Db,
  options: { now?: Date; limit?: number; timeoutMs?: number } = {},
): Promise<{ delivered: number; failed: number }> {
  const now = options.now ?? new Date();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const due = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        lte(webhookDeliveries.nextAttemptAt, now),
        eq(webhooks.isActive, true),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(options.limit ?? 20)
    .for('update', { of: webhookDeliveries, skipLocked: true });
  const claimed = await db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: new Date(now.getTime() + timeoutMs + 60_000) })
    .where(inArray(webhookDeliveries.id, due))
    .returning();
  if (claimed.length === 0) return { delivered: 0, failed: 0 };
  const targets = await db
    .select({ id: webhooks.id, url: webhooks.url, secret: webhooks.secret })
    .from(webhooks)
    .where(
      inArray(
        webhooks.id,
        claimed.map((delivery) => delivery.webhookId),
      ),
    );
  const byId = new Map(targets.map((target) => [target.id, target]));

  let delivered = 0;
  let failed = 0;
  // In parallel, so one slow receiver holds up the batch for one timeout at most (the claim covers that).
  await Promise.all(
    claimed.map(async (delivery) => {
      const target = byId.get(delivery.webhookId);
      if (!target) return; // deleted meanwhile; its deliveries went with it
      const result = await postWebhook(
        target.url,
        target.secret,
        {
          id: delivery.id,
          type: delivery.eventType,
          createdAt: delivery.createdAt.toISOString(),
          data: delivery.payload,
        },
        timeoutMs,
      );
      if (result.error === null) {
        delivered += 1;
        await db
          .update(webhookDeliveries)
          .set({
            status: 'delivered',
            attempts: delivery.attempts + 1,
            deliveredAt: new Date(),
            lastStatusCode: result.statusCode,
            lastError: null,
          })
          .where(eq(webhookDeliveries.id, delivery.id));
        return;
      }
      failed += 1;
      const attempts = delivery.attempts + 1;
      await db
        .update(webhookDeliveries)
        .set({
          status: attempts >= MAX_WEBHOOK_ATTEMPTS ? 'failed' : 'pending',
          attempts,
          nextAttemptAt: new Date(now.getTime() + webhookRetryDelayMs(attempts)),
          lastError: result.error,
          lastStatusCode: result.statusCode,
        })
        .where(eq(webhookDeliveries.id, delivery.id));
    }),
  );
  return { delivered, failed };
}

/**
 * Runs deliverDueWebhooks every `intervalMs` (one run at a time) until stopped; for the server's main.
 * Errors go to `onError` and the next run tries again.
 */
export function startWebhookDispatcher(
  db: Db,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): { stop(): Promise<void> } {
  const onError = options.onError ?? ((error: unknown) => console.error('webhooks:', error));
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return; // the previous run is still sending: skip this tick rather than pile up
    running = deliverDueWebhooks(db)
      .then(() => {}, onError)
      .finally(() => {
        running = null;
      });
  }, options.intervalMs ?? 5_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

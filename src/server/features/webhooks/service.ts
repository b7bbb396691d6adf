import { randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type {
  CreatedWebhook,
  CreateWebhookBody,
  WebhookDeliveryView,
  WebhookTestResult,
  WebhookView,
} from '../../../contracts/webhooks.ts';
import type { Db, DbOrTx } from '../../db/connect.ts';
import { regions, webhookDeliveries, webhooks } from '../../db/schema.ts';
import { type Actor, assertCan, isInScope, qualified, regionScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import { resolveWebhookTarget } from '../../platform/webhook-target.ts';
import { postWebhook } from '../../platform/webhooks.ts';

const WEBHOOK = { zh: 'Webhook', en: 'Webhook' };
const DELIVERY_LIST_SIZE = 50;

/** `whsec_` and 32 random bytes: the HMAC key the receiver checks signatures with. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** A receiver's URL: http(s), and a host that resolves only to public addresses (or that an operator allows). */
async function checkUrl(text: string): Promise<string> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalidField('url', {
      code: 'webhook.url_invalid',
      zh: `不是有效的网址：${text}`,
      en: `not a valid address: ${text}`,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalidField('url', {
      code: 'webhook.url_protocol',
      zh: `必须以 http:// 或 https:// 开头，收到 ${url.protocol}`,
      en: `must start with http:// or https://, got ${url.protocol}`,
    });
  // The WHATWG parser has already turned 0x7f000001, 2130706433 and 127.1 into 127.0.0.1.
  const target = await resolveWebhookTarget(url.hostname);
  if (!target.ok) throw invalidField('url', target.error);
  return url.toString();
}

function webhookSelection() {
  const id = qualified(webhooks.id);
  return {
    webhook: webhooks,
    region: regions,
    pendingCount: sql<number>`(select count(*)::int from webhook_deliveries d where d.webhook_id = ${id} and d.status = 'pending')`,
    failedCount: sql<number>`(select count(*)::int from webhook_deliveries d where d.webhook_id = ${id} and d.status = 'failed')`,
    lastDeliveredAt:
      sql`(select max(d.delivered_at) from webhook_deliveries d where d.webhook_id = ${id})`.mapWith(
        webhookDeliveries.deliveredAt,
      ),
  };
}

type WebhookRow = {
  webhook: typeof webhooks.$inferSelect;
  region: typeof regions.$inferSelect;
  pendingCount: number;
  failedCount: number;
  lastDeliveredAt: Date | null;
};

const toView = (row: WebhookRow): WebhookView => ({
  id: row.webhook.id,
  url: row.webhook.url,
  eventTypes: row.webhook.eventTypes as WebhookView['eventTypes'],
  region: { code: row.region.code, nameZh: row.region.nameZh, nameEn: row.region.nameEn },
  isActive: row.webhook.isActive,
  createdAt: row.webhook.createdAt.toISOString(),
  pendingCount: Number(row.pendingCount),
  failedCount: Number(row.failedCount),
  lastDeliveredAt: row.lastDeliveredAt?.toISOString() ?? null,
});

/** A webhook of the actor's region subtree, or not found. */
async function loadWebhook(db: DbOrTx, actor: Actor, id: string): Promise<WebhookRow> {
  assertCan(actor, 'webhook.manage');
  const [row] = await db
    .select(webhookSelection())
    .from(webhooks)
    .innerJoin(regions, eq(regions.code, webhooks.regionCode))
    .where(and(eq(webhooks.id, id), regionScope(actor, webhooks.regionCode)));
  if (!row) throw notFound(WEBHOOK, id);
  return row;
}

export async function listWebhooks(db: DbOrTx, actor: Actor): Promise<WebhookView[]> {
  assertCan(actor, 'webhook.manage');
  const rows = await db
    .select(webhookSelection())
    .from(webhooks)
    .innerJoin(regions, eq(regions.code, webhooks.regionCode))
    .where(regionScope(actor, webhooks.regionCode))
    .orderBy(desc(webhooks.createdAt), desc(webhooks.id));
  return rows.map(toView);
}

/** Registers a receiver for a region in the actor's subtree; the answer carries the secret, shown only now. */
export async function createWebhook(
  db: DbOrTx,
  actor: Actor,
  input: CreateWebhookBody,
): Promise<CreatedWebhook> {
  assertCan(actor, 'webhook.manage');
  const regionCode = input.regionCode ?? actor.regionCode;
  const [region] = await db.select().from(regions).where(eq(regions.code, regionCode));
  if (!region)
    throw invalidField('regionCode', {
      code: 'region.unknown',
      zh: `地区代码不存在：${regionCode}`,
      en: `no such region code: ${regionCode}`,
    });
  if (!isInScope(actor, region.scopePrefix))
    throw invalidField('regionCode', {
      code: 'region.out_of_scope',
      zh: `${region.nameZh}不在您的辖区内`,
      en: `${region.nameEn ?? region.nameZh} is outside your region`,
    });
  // After the scope checks: the address is resolved (a DNS query) only for a request that may proceed.
  const url = await checkUrl(input.url);
  const eventTypes = [...new Set(input.eventTypes)];
  const secret = newSecret();
  const [created] = await db
    .insert(webhooks)
    .values({ url, secret, eventTypes, regionCode, createdBy: actor.id })
    .returning();
  if (!created) throw new Error('insert returned no webhook');
  await recordAudit(db, actor, {
    entity: 'webhook',
    entityId: created.id,
    action: 'create',
    after: { url, eventTypes, regionCode },
    regionCode,
  });
  return {
    ...toView({ webhook: created, region, pendingCount: 0, failedCount: 0, lastDeliveredAt: null }),
    secret,
  };
}

/** Removes a webhook and its delivery records; nothing more is sent to it. */
export async function deleteWebhook(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  const { webhook } = await loadWebhook(db, actor, id);
  await db.delete(webhooks).where(eq(webhooks.id, id));
  await recordAudit(db, actor, {
    entity: 'webhook',
    entityId: id,
    action: 'delete',
    before: { url: webhook.url, eventTypes: webhook.eventTypes, regionCode: webhook.regionCode },
    regionCode: webhook.regionCode,
  });
}

export async function listWebhookDeliveries(
  db: DbOrTx,
  actor: Actor,
  id: string,
): Promise<WebhookDeliveryView[]> {
  await loadWebhook(db, actor, id);
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, id))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(DELIVERY_LIST_SIZE);
  return rows.map((row) => ({
    id: row.id,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    lastError: row.lastError,
    lastStatusCode: row.lastStatusCode,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    payload: row.payload,
  }));
}

/** Sends one signed test call now (type `webhook.test`, not queued or retried) and reports the answer. */
export async function testWebhook(db: Db, actor: Actor, id: string): Promise<WebhookTestResult> {
  const { webhook } = await loadWebhook(db, actor, id);
  return postWebhook(webhook.url, webhook.secret, {
    id: randomUUID(),
    type: 'webhook.test',
    createdAt: new Date().toISOString(),
    data: {
      webhookId: webhook.id,
      sentBy: actor.username,
      message: '这是来自落地的测试调用 / This is a test call from Luodi',
    },
  });
}

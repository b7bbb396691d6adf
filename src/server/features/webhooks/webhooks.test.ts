import { createServer } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverDueWebhooks, enqueueWebhookEvent, verifyWebhookSignature } from '../../platform/webhooks.ts';
import { startTestApp, type TestContext, type TestUser } from '../../testing/app.ts';
import { type Receiver, startReceiver } from './test-receiver.ts';

let t: TestContext;
let countryAdmin: TestUser;
let fuzhouAdmin: TestUser;
let officer: TestUser;
let receiver: Receiver;

/** The receivers of these tests listen on 127.0.0.1, which webhooks may call only when an operator allows it. */
const LOCAL_RECEIVERS = '127.0.0.1';

beforeAll(async () => {
  process.env.LUODI_WEBHOOK_ALLOW_HOSTS = LOCAL_RECEIVERS;
  t = await startTestApp();
  countryAdmin = await t.user('admin', '000000');
  fuzhouAdmin = await t.user('admin', '350100', { locale: 'en-US' });
  officer = await t.user('officer', '350100');
  receiver = await startReceiver();
});
afterAll(async () => {
  delete process.env.LUODI_WEBHOOK_ALLOW_HOSTS;
  await new Promise<void>((resolve) => receiver.server?.close(() => resolve()));
  await t.close();
});
beforeEach(() => {
  process.env.LUODI_WEBHOOK_ALLOW_HOSTS = LOCAL_RECEIVERS;
  receiver.status = 200;
  receiver.location = null;
  receiver.received.length = 0;
});
// Each test starts with no webhooks, so one test's pending deliveries never reach the next.
afterEach(async () => {
  await t.database.sql`delete from webhooks`;
});

async function createHook(user: TestUser, body: Record<string, unknown>) {
  const response = await t.call(user, 'POST', '/api/webhooks', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; secret: string; url: string }>();
}

const signedEvent = {
  type: 'agreement.signed' as const,
  payload: { agreementId: 'a1b2', titleZh: '数字经济产业园项目投资协议', signer: '张伟' },
};

async function deliveryRow(webhookId: string) {
  const [row] = await t.database.sql<
    {
      status: string;
      attempts: number;
      next_attempt_at: string;
      last_status_code: number | null;
      last_error: string | null;
    }[]
  >`select status, attempts, next_attempt_at, last_status_code, last_error from webhook_deliveries where webhook_id = ${webhookId}`;
  return row;
}

describe('administration', () => {
  it('lets only administrators manage webhooks', async () => {
    expect((await t.call(officer, 'GET', '/api/webhooks')).statusCode).toBe(403);
    const response = await t.call(officer, 'POST', '/api/webhooks', { url: receiver.url });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
  });

  it.each([
    ['not a url', 'webhook.url_invalid'],
    ['ftp://files.example.cn/in', 'webhook.url_protocol'],
    ['javascript:alert(1)', 'webhook.url_protocol'],
  ])('rejects the address %s with a 400 naming url', async (url, code) => {
    const response = await t.call(fuzhouAdmin, 'POST', '/api/webhooks', { url });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([expect.objectContaining({ field: 'url', code })]);
    expect(response.json().error.message).toMatch(/^url: /);
  });

  it('shows the secret once on creation and never in the list', async () => {
    const created = await createHook(fuzhouAdmin, { url: receiver.url, eventTypes: ['agreement.completed'] });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const list = await t.call(fuzhouAdmin, 'GET', '/api/webhooks');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(created.secret);
    expect(list.body).not.toContain('secret');
    const [item] = list.json().items;
    expect(item).toMatchObject({
      id: created.id,
      url: receiver.url,
      eventTypes: ['agreement.completed'],
      region: { code: '350100', nameZh: '福州市' },
      pendingCount: 0,
    });
  });

  it('keeps webhooks within the administrator’s region', async () => {
    const quanzhou = await createHook(countryAdmin, { url: receiver.url, regionCode: '350500' });
    const list = await t.call(fuzhouAdmin, 'GET', '/api/webhooks');
    expect(list.json().items).toEqual([]);
    expect((await t.call(fuzhouAdmin, 'DELETE', `/api/webhooks/${quanzhou.id}`)).statusCode).toBe(404);
    const outside = await t.call(fuzhouAdmin, 'POST', '/api/webhooks', {
      url: receiver.url,
      regionCode: '350500',
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].field).toBe('regionCode');
  });

  it('deletes a webhook with its deliveries', async () => {
    const created = await createHook(fuzhouAdmin, { url: receiver.url });
    await enqueueWebhookEvent(t.database.db, { regionCode: '350102', ...signedEvent });
    expect((await t.call(fuzhouAdmin, 'DELETE', `/api/webhooks/${created.id}`)).statusCode).toBe(204);
    expect((await t.call(fuzhouAdmin, 'GET', '/api/webhooks')).json().items).toEqual([]);
    expect((await t.call(fuzhouAdmin, 'GET', `/api/webhooks/${created.id}/deliveries`)).statusCode).toBe(404);
    expect(await deliverDueWebhooks(t.database.db)).toEqual({ delivered: 0, failed: 0 });
  });
});

describe('queueing', () => {
  it('queues for the event’s region and its ancestors only, and for the listened types', async () => {
    const fuzhou = await createHook(countryAdmin, { url: receiver.url, regionCode: '350100' });
    const fujian = await createHook(countryAdmin, { url: receiver.url, regionCode: '350000' });
    const country = await createHook(countryAdmin, { url: receiver.url, regionCode: '000000' });
    const quanzhou = await createHook(countryAdmin, { url: receiver.url, regionCode: '350500' });
    const gulouOther = await createHook(countryAdmin, { url: receiver.url, regionCode: '350103' });
    const completedOnly = await createHook(countryAdmin, {
      url: receiver.url,
      regionCode: '350100',
      eventTypes: ['agreement.completed'],
    });
    expect(await enqueueWebhookEvent(t.database.db, { regionCode: '350102', ...signedEvent })).toBe(3);
    const rows = await t.database.sql<{ webhook_id: string }[]>`select webhook_id from webhook_deliveries`;
    expect(rows.map((r) => r.webhook_id).sort()).toEqual([fuzhou.id, fujian.id, country.id].sort());
    for (const silent of [quanzhou, gulouOther, completedOnly])
      expect(await deliveryRow(silent.id)).toBeUndefined();
    const completed = { ...signedEvent, type: 'agreement.completed' as const };
    expect(await enqueueWebhookEvent(t.database.db, { regionCode: '350102', ...completed })).toBe(4);
  });

  it('queues inside a transaction that rolls back to nothing', async () => {
    await createHook(fuzhouAdmin, { url: receiver.url });
    await t.database.db
      .transaction(async (tx) => {
        expect(await enqueueWebhookEvent(tx, { regionCode: '350102', ...signedEvent })).toBe(1);
        throw new Error('signing failed');
      })
      .catch(() => {});
    const [count] = await t.database.sql<{ n: number }[]>`select count(*)::int as n from webhook_deliveries`;
    expect(count?.n).toBe(0);
  });
});

describe('delivery', () => {
  it('posts a signed JSON call that the receiver can verify', async () => {
    const hook = await createHook(fuzhouAdmin, { url: receiver.url });
    await enqueueWebhookEvent(t.database.db, { regionCode: '350102', ...signedEvent });
    expect(await deliverDueWebhooks(t.database.db)).toEqual({ delivered: 1, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    const [call] = receiver.received;
    if (!call) throw new Error('no call');
    const signature = String(call.headers['x-luodi-signature']);
    expect(call.headers['content-type']).toBe('application/json');
    expect(call.headers['user-agent']).toBe('Luodi-Webhooks/1');
    expect(call.headers['x-luodi-event']).toBe('agreement.signed');
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const body = JSON.parse(call.body);
    expect(body).toEqual({
      id: call.headers['x-luodi-delivery'],
      type: 'agreement.signed',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: signedEvent.payload,
    });

    expect(verifyWebhookSignature(hook.secret, signature, call.body)).toBe(true);
    expect(verifyWebhookSignature(hook.secret, signature, Buffer.from(call.body))).toBe(true);
    expect(verifyWebhookSignature(hook.secret, signature, call.body.replace('张伟', '李娜'))).toBe(false);
    expect(verifyWebhookSignature('whsec_other', signature, call.body)).toBe(false);
    expect(verifyWebhookSignature(hook.secret, signature.replace(/t=\d+/, 't=1700000000'), call.body)).toBe(
      false,
    );
    const later = new Date(Date.now() + 6 * 60_000);
    expect(verifyWebhookSignature(hook.secret, signature, call.body, { now: later })).toBe(false);
    expect(
      verifyWebhookSignature(hook.secret, signature, call.body, { now: later, toleranceSeconds: 600 }),
    ).toBe(true);
    expect(verifyWebhookSignature(hook.secret, undefined, call.body)).toBe(false);

    const deliveries = await t.call(fuzhouAdmin, 'GET', `/api/webhooks/${hook.id}/deliveries`);
    expect(deliveries.json().items).toEqual([
      expect.objectContaining({ status: 'delivered', attempts: 1, lastStatusCode: 200, lastError: null }),
    ]);
    expect(await deliverDueWebhooks(t.database.db)).toEqual({ delivered: 0, failed: 0 });
  });

  it('retries after a 500 with a growing pause, then delivers', async () => {
    const hook = await createHook(fuzhouAdmin, { url: receiver.url });
    await enqueueWebhookEvent(t.database.db, { regionCode: '350102', ...signedEvent });
    receiver.status = 500;
    const now = new Date();
    expect(await deliverDueWebhooks(t.database.db, { now })).toEqual({ delivered: 0, failed: 1 });
    const failed = await deliveryRow(hook.id);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 500 });
    // The status is kept, never what the receiver wrote back.
    expect(failed?.last_error).toBe('HTTP 500');
    expect(new Date(failed?.next_attempt_at ?? 0).getTime()).toBe(now.getTime() + 30_000);

    receiver.status = 200;
    expect(await deliverDueWebhooks(t.database.db, { now })).toEqual({ delivered: 0, failed: 0 });
    const later = new Date(now.getTime() + 31_000);
    expect(await deliverDueWebhooks(t.database.db, { now: later })).toEqual({ delivered: 1, failed: 0 });
    expect(await deliveryRow(hook.id)).toMatchObject({ status: 'delivered', attempts: 2, last_error: null });
    const ids = receiver.received.map((call) => call.headers['x-luodi-delivery']);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it('gives up after the twelfth failed attempt and records an unreachable receiver', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const address = probe.address();
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const closedPort = typeof address === 'object' && address ? address.port : 0;
    const hook = await createHook(fuzhouAdmin, { url: `http://127.0.0.1:${closedPort}/closed` });
    await enqueueWebhookEvent(t.database.db, { regionCode: '350102', ...signedEvent });
    await t.database.sql`update webhook_deliveries set attempts = 11`;
    expect(await deliverDueWebhooks(t.database.db)).toEqual({ delivered: 0, failed: 1 });
    const row = await deliveryRow(hook.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 12, last_status_code: null });
    expect(row?.last_error).toBe('connection refused');
    const list = await t.call(fuzhouAdmin, 'GET', '/api/webhooks');
    expect(list.json().items[0]).toMatchObject({ failedCount: 1, pendingCount: 0 });
  });

  it('sends each delivery once when two instances run at the same time', async () => {
    await createHook(fuzhouAdmin, { url: receiver.url });
    for (let i = 0; i < 6; i += 1)
      await enqueueWebhookEvent(t.database.db, { regionCode: '350102', ...signedEvent });
    const runs = await Promise.all([
      deliverDueWebhooks(t.database.db, { limit: 4 }),
      deliverDueWebhooks(t.database.db, { limit: 4 }),
      deliverDueWebhooks(t.database.db, { limit: 4 }),
    ]);
    expect(runs.reduce((sum, run) => sum + run.delivered, 0)).toBe(6);
    const ids = receiver.received.map((call) => call.headers['x-luodi-delivery']);
    expect(new Set(ids).size).toBe(6);
    expect(ids).toHaveLength(6);
  });

  it('sends a test call on request and reports the receiver’s status code', async () => {
    const hook = await createHook(fuzhouAdmin, { url: receiver.url });
    receiver.status = 204;
    const response = await t.call(fuzhouAdmin, 'POST', `/api/webhooks/${hook.id}/test`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ statusCode: 204, error: null });
    const [call] = receiver.received;
    expect(call?.headers['x-luodi-event']).toBe('webhook.test');
    expect(
      verifyWebhookSignature(hook.secret, String(call?.headers['x-luodi-signature']), call?.body ?? ''),
    ).toBe(true);
    receiver.status = 503;
    const down = await t.call(fuzhouAdmin, 'POST', `/api/webhooks/${hook.id}/test`);
    expect(down.json()).toMatchObject({ statusCode: 503, error: 'HTTP 503' });
    expect(down.body).not.toContain('maintenance');
    const [count] = await t.database.sql<{ n: number }[]>`select count(*)::int as n from webhook_deliveries`;
    expect(count?.n).toBe(0);
  });
});

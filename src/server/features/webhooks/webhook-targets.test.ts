import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverDueWebhooks, enqueueWebhookEvent } from '../../platform/webhooks.ts';
import { startTestApp, type TestContext, type TestUser } from '../../testing/app.ts';
import { type Receiver, startReceiver, stopReceiver } from './test-receiver.ts';

let t: TestContext;
let admin: TestUser;
let receiver: Receiver;
let elsewhere: Receiver;

const allow = (hosts: string | null) => {
  if (hosts === null) delete process.env.LUODI_WEBHOOK_ALLOW_HOSTS;
  else process.env.LUODI_WEBHOOK_ALLOW_HOSTS = hosts;
};

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.user('admin', '350100', { locale: 'en-US' });
  receiver = await startReceiver();
  elsewhere = await startReceiver();
});
afterAll(async () => {
  allow(null);
  await stopReceiver(receiver);
  await stopReceiver(elsewhere);
  await t.close();
});
beforeEach(() => {
  allow(null);
  receiver.status = 200;
  receiver.location = null;
  receiver.received.length = 0;
  elsewhere.received.length = 0;
});
afterEach(async () => {
  await t.database.sql`delete from webhooks`;
});

const register = (url: string) => t.call(admin, 'POST', '/api/webhooks', { url });

async function lastError(webhookId: string) {
  const [row] = await t.database.sql<{ status: string; last_error: string | null }[]>`
    select status, last_error from webhook_deliveries where webhook_id = ${webhookId}`;
  return row;
}

describe('webhooks reach only public addresses', () => {
  it.each([
    ['http://127.0.0.1:5432/', '127.0.0.1', 'loopback'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254', 'link-local'],
    ['http://10.0.0.5/hook', '10.0.0.5', 'private'],
    ['http://172.16.0.1/', '172.16.0.1', 'private'],
    ['https://192.168.1.1/', '192.168.1.1', 'private'],
    ['http://[::1]:8080/', '::1', 'loopback'],
    ['http://0x7f000001/', '127.0.0.1', 'loopback'],
    ['http://2130706433/', '127.0.0.1', 'loopback'],
    ['http://0177.0.0.1/', '127.0.0.1', 'loopback'],
    ['http://127.1:5432/', '127.0.0.1', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1', 'loopback'],
    ['http://[fd00::1]/', 'fd00::1', 'uniqueLocal'],
    ['http://[fe80::1]/', 'fe80::1', 'linkLocal'],
    ['http://[64:ff9b::a00:1]/', '64:ff9b::a00:1', 'private'],
    ['http://0.0.0.0:3000/', '0.0.0.0', 'this network'],
    ['http://100.64.0.1/', '100.64.0.1', 'carrier-grade NAT'],
    ['http://198.18.0.1/', '198.18.0.1', 'benchmarking'],
    ['http://224.0.0.1/', '224.0.0.1', 'multicast'],
    ['http://255.255.255.255/', '255.255.255.255', 'broadcast'],
    ['http://localhost:5432/', '127.0.0.1', 'loopback'],
  ])('refuses to register %s, naming the address', async (url, address, range) => {
    const response = await register(url);
    expect(response.statusCode).toBe(400);
    const [detail] = response.json().error.details;
    expect(detail).toMatchObject({ field: 'url', code: 'webhook.url_not_public' });
    expect(detail.en).toContain(address);
    expect(detail.en).toContain(range);
    expect(detail.zh).toContain('LUODI_WEBHOOK_ALLOW_HOSTS');
  });

  it('refuses a host name that does not resolve', async () => {
    const response = await register('https://no-such-host.invalid/hook');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({ field: 'url', code: 'webhook.url_unresolved' });
  });

  it('registers and delivers to an address or host name the operator allows', async () => {
    allow('localhost');
    const byName = await register(`http://localhost:${receiver.port}/hooks`);
    expect(byName.statusCode, byName.body).toBe(201);
    const byAddress = await register(receiver.url);
    expect(byAddress.statusCode).toBe(400); // the name is allowed, not every name for its address
    allow('127.0.0.0/8');
    expect((await register(receiver.url)).statusCode).toBe(201);
    await enqueueWebhookEvent(t.database.db, {
      regionCode: '350102',
      type: 'agreement.signed',
      payload: { agreementId: 'x' },
    });
    allow('localhost 127.0.0.0/8');
    expect(await deliverDueWebhooks(t.database.db)).toEqual({ delivered: 2, failed: 0 });
    expect(receiver.received).toHaveLength(2);
  });

  it('checks again at delivery: a receiver no longer allowed gets nothing', async () => {
    allow('127.0.0.1');
    const { id } = (await register(receiver.url)).json();
    await enqueueWebhookEvent(t.database.db, {
      regionCode: '350102',
      type: 'agreement.signed',
      payload: { agreementId: 'x' },
    });
    allow(null);
    expect(await deliverDueWebhooks(t.database.db)).toEqual({ delivered: 0, failed: 1 });
    expect(receiver.received).toHaveLength(0);
    expect((await lastError(id))?.last_error).toMatch(
      /^refused: 127\.0\.0\.1 leads to 127\.0\.0\.1 \(loopback\)/,
    );
    const tested = await t.call(admin, 'POST', `/api/webhooks/${id}/test`);
    expect(tested.json()).toMatchObject({ statusCode: null, error: expect.stringContaining('refused') });
    expect(receiver.received).toHaveLength(0);
  });

  it('does not follow a redirect, and says so', async () => {
    allow('127.0.0.1');
    const { id } = (await register(receiver.url)).json();
    receiver.status = 307;
    receiver.location = elsewhere.url;
    const tested = await t.call(admin, 'POST', `/api/webhooks/${id}/test`);
    expect(tested.json()).toMatchObject({ statusCode: 307, error: 'HTTP 307 (redirects are not followed)' });
    await enqueueWebhookEvent(t.database.db, {
      regionCode: '350102',
      type: 'agreement.signed',
      payload: { agreementId: 'x' },
    });
    expect(await deliverDueWebhooks(t.database.db)).toEqual({ delivered: 0, failed: 1 });
    expect(receiver.received).toHaveLength(2);
    expect(elsewhere.received).toHaveLength(0);
  });

  it('answers a test call with the status and timing only, never the receiver’s body', async () => {
    allow('127.0.0.1');
    const { id } = (await register(receiver.url)).json();
    receiver.status = 500;
    const tested = await t.call(admin, 'POST', `/api/webhooks/${id}/test`);
    expect(Object.keys(tested.json()).sort()).toEqual(['durationMs', 'error', 'statusCode']);
    expect(tested.json()).toMatchObject({ statusCode: 500, error: 'HTTP 500' });
    expect(tested.body).not.toContain('maintenance');
    const deliveries = await t.call(admin, 'GET', `/api/webhooks/${id}/deliveries`);
    expect(deliveries.body).not.toContain('maintenance');
  });
});

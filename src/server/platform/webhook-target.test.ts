import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Receiver, startReceiver, stopReceiver } from '../features/webhooks/test-receiver.ts';
import { postToTarget, resolveWebhookTarget } from './webhook-target.ts';

// A resolver the test controls: `rebind.test` answers whatever `answers` holds at the moment of asking.
const answers = vi.hoisted(() => ({ list: [] as { address: string; family: number }[], asked: 0 }));
vi.mock('node:dns/promises', () => ({
  lookup: async (host: string) => {
    if (host !== 'rebind.test') throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    answers.asked += 1;
    return answers.list;
  },
}));

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  delete process.env.LUODI_WEBHOOK_ALLOW_HOSTS;
  await stopReceiver(receiver);
});
beforeEach(() => {
  receiver.received.length = 0;
  answers.asked = 0;
  delete process.env.LUODI_WEBHOOK_ALLOW_HOSTS;
});

describe('resolveWebhookTarget', () => {
  it('refuses a name when any one of its addresses is inside, even if another is public', async () => {
    answers.list = [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    expect(await resolveWebhookTarget('rebind.test')).toMatchObject({
      ok: false,
      error: { code: 'webhook.url_not_public', en: expect.stringContaining('10.0.0.7 (private)') },
    });
  });

  it('accepts a name whose addresses are all public, answering the first', async () => {
    answers.list = [
      { address: '2606:4700::1111', family: 6 },
      { address: '93.184.216.34', family: 4 },
    ];
    expect(await resolveWebhookTarget('rebind.test')).toEqual({
      ok: true,
      address: '2606:4700::1111',
      family: 6,
    });
  });
});

describe('postToTarget connects to the address it checked', () => {
  it('resolves once and connects there: the HTTP client never asks DNS again (no rebinding window)', async () => {
    process.env.LUODI_WEBHOOK_ALLOW_HOSTS = '127.0.0.1';
    answers.list = [{ address: '127.0.0.1', family: 4 }];
    // The system resolver does not know rebind.test: a second, unpinned lookup would fail the call.
    const url = `http://rebind.test:${receiver.port}/hooks`;
    const result = await postToTarget(url, { 'content-type': 'application/json' }, '{}', 5_000);
    expect(result).toEqual({ statusCode: 200, error: null });
    expect(answers.asked).toBe(1);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.headers.host).toBe(`rebind.test:${receiver.port}`);
  });

  it('sends nothing when the name now resolves inside', async () => {
    answers.list = [{ address: '127.0.0.1', family: 4 }];
    const result = await postToTarget(`http://rebind.test:${receiver.port}/`, {}, '{}', 5_000);
    expect(result).toEqual({
      statusCode: null,
      error: expect.stringMatching(/^refused: rebind\.test leads to 127\.0\.0\.1/),
    });
    expect(receiver.received).toHaveLength(0);
  });
});

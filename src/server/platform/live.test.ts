import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/connect.ts';
import { openTestDatabase } from '../testing/database.ts';
import { type LiveHub, type LiveMessage, openLiveHub, parseLiveMessage } from './live.ts';

const message = (agreementId: string, eventId: string | null = null): LiveMessage => ({
  kind: 'signed',
  agreementId,
  eventId,
  at: new Date().toISOString(),
});

// A message on its way arrives long before this on any machine; the limit only ends a test that hangs.
const DELIVERY_WAIT_MS = 20_000;

/** Resolves with the first message the hub delivers for this agreement, or rejects after the timeout. */
function nextMessage(hub: LiveHub, agreementId: string, timeoutMs = DELIVERY_WAIT_MS): Promise<LiveMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no message for ${agreementId} within ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = hub.subscribe((received) => {
      if (received.agreementId !== agreementId) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(received);
    });
  });
}

/** Collects what a hub delivers, to check that nothing arrives (after a closed hub nothing can be awaited). */
function collect(hub: LiveHub): { received: LiveMessage[]; stop: () => void } {
  const received: LiveMessage[] = [];
  const stop = hub.subscribe((m) => received.push(m));
  return { received, stop };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('parseLiveMessage', () => {
  it('keeps a LiveMessage and refuses anything else', () => {
    const sent = message('a-1', 'e-1');
    expect(parseLiveMessage(JSON.stringify(sent))).toEqual(sent);
    // The screen part is passed on as it came; the screens check it.
    const withEntry = { ...sent, screen: { card: { agreementId: 'a-1' } } };
    expect(parseLiveMessage(JSON.stringify(withEntry))).toEqual(withEntry);
    expect(parseLiveMessage('not json')).toBeNull();
    expect(parseLiveMessage(JSON.stringify({ ...sent, kind: 'hello' }))).toBeNull();
    expect(parseLiveMessage(JSON.stringify({ ...sent, eventId: 3 }))).toBeNull();
  });
});

describe('embedded live hub', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ databaseUrl: null, dataDir: null });
  });
  afterAll(() => database.close());

  it('delivers to every subscriber in the process, stops after unsubscribe and close', async () => {
    const hub = await openLiveHub({ ...database, kind: 'embedded' });
    const other = collect(hub);
    const first = nextMessage(hub, 'a-1');
    await hub.publish(message('a-1', 'e-1'));
    expect(await first).toMatchObject({ agreementId: 'a-1', eventId: 'e-1', kind: 'signed' });
    expect(other.received.map((m) => m.agreementId)).toEqual(['a-1']);

    other.stop();
    // Delivered to a subscriber still listening, so `other` would have had it by now.
    const delivered = nextMessage(hub, 'a-2');
    await hub.publish(message('a-2'));
    await delivered;
    expect(other.received.map((m) => m.agreementId)).toEqual(['a-1']);

    const late = collect(hub);
    await hub.close();
    await hub.publish(message('a-3'));
    await pause(50);
    expect(late.received).toEqual([]);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('server live hub (LISTEN/NOTIFY)', () => {
  let first: Database;
  let second: Database;
  beforeAll(async () => {
    first = await openTestDatabase();
    // A second client of the same database, as a second app instance would have.
    const url = new URL(process.env.DATABASE_URL ?? '');
    url.pathname = `/${first.connection.database}`;
    second = await openDatabase({ databaseUrl: url.toString(), dataDir: null, maxConnections: 2 });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('two instances each receive what the other publishes, and their own, within 1 s', async () => {
    const a = await openLiveHub(first);
    const b = await openLiveHub(second);
    try {
      const atB = nextMessage(b, 'from-a');
      const atAOwn = nextMessage(a, 'from-a');
      await a.publish(message('from-a', 'event-1'));
      expect(await atB).toMatchObject({ agreementId: 'from-a', eventId: 'event-1' });
      await atAOwn;

      const atA = nextMessage(a, 'from-b');
      await b.publish(message('from-b'));
      expect(await atA).toMatchObject({ agreementId: 'from-b', eventId: null });
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('unsubscribe stops one listener; close() ends listening', async () => {
    const a = await openLiveHub(first);
    const b = await openLiveHub(second);
    const gone = collect(b);
    gone.stop();
    const kept = nextMessage(b, 'x-1');
    await a.publish(message('x-1'));
    await kept;
    expect(gone.received).toEqual([]);

    const afterClose = collect(b);
    await b.close();
    const stillOpen = nextMessage(a, 'x-2');
    await a.publish(message('x-2'));
    await stillOpen;
    await pause(100);
    expect(afterClose.received).toEqual([]);
    await a.close();
  });

  it('sends a message whose screen part is over the NOTIFY limit without it; refuses one still too large', async () => {
    const a = await openLiveHub(first);
    const b = await openLiveHub(second);
    const heard = collect(b);
    const large = { ...message('a-large', 'e-1'), screen: { projects: 'p'.repeat(9000) } };
    await a.publish(large);
    const { screen: _dropped, ...rest } = large;
    await expect.poll(() => heard.received, { timeout: DELIVERY_WAIT_MS }).toEqual([rest]);
    await expect(a.publish(message('y'.repeat(9000)))).rejects.toThrow(/too large/);
    heard.stop();
    await Promise.all([a.close(), b.close()]);
  });
});

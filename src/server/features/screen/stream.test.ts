import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { ScreenSnapshot } from '../../../contracts/screen.ts';
import type { LiveHub, LiveMessage } from '../../platform/live.ts';
import { createScreenStreams } from './stream.ts';

const EVENT = '11111111-1111-4111-8111-111111111111';
const PART = '22222222-2222-4222-8222-222222222222';
const NEW_PART = '33333333-3333-4333-8333-333333333333';

/** A response that records what is written to it. */
class FakeResponse extends EventEmitter {
  written: string[] = [];
  status = 0;
  headers: Record<string, string> = {};
  destroyed = false;
  writableLength = 0;
  writeHead(status: number, headers: Record<string, string>) {
    this.status = status;
    this.headers = headers;
  }
  write(chunk: string | Buffer) {
    this.written.push(String(chunk));
    return true;
  }
  end() {
    this.destroyed = true;
    this.emit('close');
  }
  destroy() {
    this.end();
  }
  asResponse(): ServerResponse {
    return this as unknown as ServerResponse;
  }
}

/** A hub whose messages arrive when the test says. */
function fakeHub(): LiveHub & { send(message: LiveMessage): void } {
  const listeners = new Set<(message: LiveMessage) => void>();
  return {
    async publish() {},
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {},
    send(message) {
      for (const listener of listeners) listener(message);
    },
  };
}

/** A compute function that counts its calls and takes `ms` each. */
function slowCompute(ms: number) {
  const calls: string[] = [];
  let version = 0;
  return {
    calls,
    async compute(eventId: string): Promise<ScreenSnapshot> {
      calls.push(eventId);
      version += 1;
      const current = version;
      await new Promise((resolve) => setTimeout(resolve, ms));
      return {
        event: { id: eventId, parts: [{ id: PART, parentId: eventId }] },
        totals: { agreements: current },
        signings: [],
        byIndustry: [],
        byCity: [],
        byProvince: [],
        generatedAt: new Date().toISOString(),
      } as unknown as ScreenSnapshot;
    },
  };
}

const message = (eventId: string, agreementId = 'a'): LiveMessage => ({
  kind: 'signed',
  agreementId,
  eventId,
  at: new Date().toISOString(),
});
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The frames with figures a viewer received: the first snapshot, then updates. */
const snapshotsIn = (response: FakeResponse) =>
  response.written.filter((text) => text.includes('event: snapshot') || text.includes('event: update'));

describe('screen streams', () => {
  it('computes once for many viewers, coalesces a burst of messages and writes one string to all', async () => {
    const hub = fakeHub();
    const work = slowCompute(30);
    const streams = createScreenStreams({ compute: work.compute, ancestors: async () => [], live: hub });
    const viewers = Array.from({ length: 50 }, () => new FakeResponse());
    await Promise.all(viewers.map((v) => streams.open(EVENT, v.asResponse(), () => {})));
    expect(work.calls).toHaveLength(1);
    expect(streams.viewerCount()).toBe(50);
    expect(viewers[0]?.headers['x-accel-buffering']).toBe('no');

    for (let i = 0; i < 20; i += 1) hub.send(message(PART, `a-${i}`));
    await pause(150);
    // One run for the first message; the rest wait for the frame gap (200 ms) and then take one run.
    expect(work.calls).toHaveLength(2);
    await pause(250);
    expect(work.calls).toHaveLength(3);
    const frames = viewers.map((v) => snapshotsIn(v));
    expect(frames[0]).toHaveLength(3);
    for (const received of frames) expect(received).toEqual(frames[0]);
    expect(frames[0]?.[2]).toContain('"agreementId":"a-19"');
    streams.close();
  });

  it('ignores messages for other events, finds screens of a new part through its ancestors', async () => {
    const hub = fakeHub();
    const work = slowCompute(1);
    const streams = createScreenStreams({
      compute: work.compute,
      ancestors: async (id) => (id === NEW_PART ? [NEW_PART, EVENT] : [id]),
      live: hub,
    });
    const viewer = new FakeResponse();
    await streams.open(EVENT, viewer.asResponse(), () => {});
    hub.send(message('44444444-4444-4444-8444-444444444444'));
    hub.send(message(PART.replace('2222', 'zzzz')));
    await pause(30);
    expect(work.calls).toHaveLength(1);
    hub.send(message(NEW_PART));
    await pause(30);
    expect(snapshotsIn(viewer)).toHaveLength(2);
    streams.close();
  });

  it('forgets a viewer that leaves, and ends every stream on close', async () => {
    const work = slowCompute(1);
    const streams = createScreenStreams({ compute: work.compute, ancestors: async () => [], live: null });
    const leaving = new FakeResponse();
    const staying = new FakeResponse();
    await streams.open(EVENT, leaving.asResponse(), () => {});
    await streams.open(EVENT, staying.asResponse(), () => {});
    expect(snapshotsIn(staying)).toHaveLength(1);
    leaving.end();
    expect(streams.viewerCount()).toBe(1);
    streams.close();
    expect(staying.destroyed).toBe(true);
    expect(streams.viewerCount()).toBe(0);
  });

  it('sends heartbeats from one timer and refreshes quietly when nothing changed', async () => {
    const work = slowCompute(1);
    const streams = createScreenStreams({
      compute: async (id) => ({ ...(await work.compute(id)), totals: { agreements: 1 } }) as ScreenSnapshot,
      ancestors: async () => [],
      live: null,
      heartbeatMs: 20,
      refreshMs: 20,
    });
    const viewer = new FakeResponse();
    await streams.open(EVENT, viewer.asResponse(), () => {});
    await pause(110);
    expect(viewer.written.filter((text) => text === ': heartbeat\n\n').length).toBeGreaterThanOrEqual(3);
    expect(work.calls.length).toBeGreaterThan(1);
    expect(snapshotsIn(viewer)).toHaveLength(1);
    streams.close();
  });
});

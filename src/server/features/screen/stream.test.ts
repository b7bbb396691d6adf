import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyScreenUpdate, type ScreenSnapshot, type ScreenUpdateData } from '../../../contracts/screen.ts';
import type { LiveHub, LiveMessage } from '../../platform/live.ts';
import { addEntry, type ScreenEntry, type ScreenState, toSnapshot } from './figures.ts';
import { loadScreenMaps } from './map.ts';
import { createScreenStreams, nextFrame } from './stream.ts';

const maps = loadScreenMaps({ mapFile: null });

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

/** A load that counts its calls, takes `ms` each and returns the agreements `holding()` names at its start. */
function slowLoad(ms: number, holding: () => string[] = () => []) {
  const calls: string[] = [];
  return {
    calls,
    async load(eventId: string): Promise<ScreenState> {
      calls.push(eventId);
      const agreements = new Map(holding().map((id) => [id, 'investment_contract']));
      await new Promise((resolve) => setTimeout(resolve, ms));
      return {
        event: { id: eventId, parts: [{ id: PART, parentId: eventId }] } as unknown as ScreenState['event'],
        pending: 0,
        agreements,
        projects: new Map(),
        feed: [],
      };
    },
  };
}

const streamsWith = (load: (eventId: string) => Promise<ScreenState>, live: LiveHub | null) =>
  createScreenStreams({ load, maps, ancestors: async () => [], live });

/** A completed agreement signed at `eventId`, as the signing service announces it. */
function entry(eventId: string, agreementId: string): ScreenEntry {
  return {
    card: {
      agreementId,
      signedAt: new Date().toISOString(),
      signedOn: '2026-11-21',
      titleZh: `协议${agreementId}`,
      titleEn: null,
      typeCode: 'investment_contract',
      parties: [],
      amountYuan: null,
      amountZh: null,
      amountEn: null,
      venue: null,
      region: { code: '350500', nameZh: '泉州市', nameEn: 'Quanzhou' },
    },
    event: { id: eventId, nameZh: '分会场', nameEn: null },
    createdAt: new Date().toISOString(),
    projects: [],
  };
}

let agreementNumber = 0;
const nextAgreementId = () => {
  agreementNumber += 1;
  return `aaaaaaaa-aaaa-4aaa-8aaa-${String(agreementNumber).padStart(12, '0')}`;
};

const message = (
  eventId: string,
  kind: LiveMessage['kind'] = 'all-signed',
  agreementId = nextAgreementId(),
): LiveMessage => ({
  kind,
  agreementId,
  eventId,
  at: new Date().toISOString(),
  ...(kind === 'all-signed' ? { screen: entry(eventId, agreementId) } : {}),
});
// The streams run on timers (frame gap, heartbeat, the loads here): the tests move a fake clock, so a
// busy machine cannot make a frame late or early.
const pause = (ms: number) => vi.advanceTimersByTimeAsync(ms);
/** Moves the fake clock a millisecond at a time until `work` settles, as real time would. */
async function settle<T>(work: Promise<T>): Promise<T> {
  let isDone = false;
  const done = work.finally(() => {
    isDone = true;
  });
  for (let ms = 0; !isDone; ms += 1) {
    if (ms > 60_000) throw new Error('did not settle within 60 s of fake time');
    await vi.advanceTimersByTimeAsync(1);
  }
  return done;
}
/** The frames with figures a viewer received: the first snapshot, then updates. */
const snapshotsIn = (response: FakeResponse) =>
  response.written.filter((text) => text.includes('event: snapshot') || text.includes('event: update'));
/** The agreement total of a frame. */
const agreementsIn = (text: string | undefined) => Number(/"agreements":(\d+)/.exec(text ?? '')?.[1]);

describe('screen streams', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('loads once for many viewers, adds completed agreements in memory, at most a frame per 200 ms', async () => {
    const hub = fakeHub();
    const work = slowLoad(30);
    const streams = streamsWith(work.load, hub);
    const viewers = Array.from({ length: 50 }, () => new FakeResponse());
    await settle(Promise.all(viewers.map((v) => streams.open(EVENT, v.asResponse(), () => {}))));
    expect(work.calls).toHaveLength(1);
    expect(streams.viewerCount()).toBe(50);
    expect(viewers[0]?.headers['x-accel-buffering']).toBe('no');

    const burst = Array.from({ length: 20 }, () => message(PART));
    for (const sent of burst) hub.send(sent);
    // Heard twice (a NOTIFY repeated, two instances): counted once.
    hub.send(burst[3] as LiveMessage);
    await pause(100);
    // The first agreement goes out at once; the other 19 wait for the frame gap and go together.
    expect(snapshotsIn(viewers[0] as FakeResponse)).toHaveLength(2);
    await pause(200);
    const frames = viewers.map((v) => snapshotsIn(v));
    expect(frames[0]).toHaveLength(3);
    for (const received of frames) expect(received).toEqual(frames[0]);
    expect(frames[0]?.[1]).toContain('event: update');
    // The cause goes without the entry it brought: the update carries the signing once.
    const first = burst[0] as LiveMessage;
    expect(frames[0]?.[1]).toContain(
      `"cause":${JSON.stringify({ kind: first.kind, agreementId: first.agreementId, eventId: PART, at: first.at })}`,
    );
    expect(frames[0]?.[1]).not.toContain('"screen"');
    expect(agreementsIn(frames[0]?.[1])).toBe(1);
    expect(agreementsIn(frames[0]?.[2])).toBe(20);
    expect(frames[0]?.[2]).toContain(`"agreementId":"${burst[19]?.agreementId}"`);
    expect(work.calls).toHaveLength(1);
    expect((await settle(streams.snapshot(EVENT))).totals.agreements).toBe(20);
    streams.close();
  });

  it('reads the figures afresh for a message without an entry, once for a burst', async () => {
    const hub = fakeHub();
    const work = slowLoad(30);
    const streams = streamsWith(work.load, hub);
    const viewer = new FakeResponse();
    await settle(streams.open(EVENT, viewer.asResponse(), () => {}));
    for (let i = 0; i < 10; i += 1) hub.send(message(PART, 'voided'));
    // An entry that does not pass the check is a message without one.
    hub.send({ ...message(PART), screen: { card: 'broken' } });
    await pause(400);
    // The first load waits for the gap after the opening load; everything that came meanwhile shares it.
    expect(work.calls).toHaveLength(2);
    streams.close();
  });

  it('keeps an agreement heard while a load runs when the load does not hold it yet', async () => {
    const hub = fakeHub();
    const committed: string[] = [];
    const work = slowLoad(80, () => [...committed]);
    const streams = streamsWith(work.load, hub);
    const viewer = new FakeResponse();
    await settle(streams.open(EVENT, viewer.asResponse(), () => {}));
    const early = message(PART);
    committed.push(early.agreementId);
    hub.send(message(PART, 'voided'));
    // The load has started (holding `early`); `late` commits after its snapshot and is heard meanwhile.
    for (let ms = 0; work.calls.length < 2 && ms < 1000; ms += 1) await pause(1);
    expect(work.calls).toHaveLength(2);
    const late = message(PART);
    hub.send(late);
    hub.send(early);
    await pause(300);
    expect((await settle(streams.snapshot(EVENT))).totals.agreements).toBe(2);
    streams.close();
  });

  it('sends nothing and reads nothing for a party signing or a seal', async () => {
    const hub = fakeHub();
    const work = slowLoad(1);
    const streams = streamsWith(work.load, hub);
    const viewer = new FakeResponse();
    await settle(streams.open(EVENT, viewer.asResponse(), () => {}));
    hub.send(message(EVENT, 'signed'));
    hub.send(message(PART, 'sealed'));
    await pause(300);
    expect(work.calls).toHaveLength(1);
    expect(snapshotsIn(viewer)).toHaveLength(1);
    streams.close();
  });

  it('ignores messages for other events, finds screens of a new part through its ancestors', async () => {
    const hub = fakeHub();
    const work = slowLoad(1);
    const streams = createScreenStreams({
      load: work.load,
      maps,
      ancestors: async (id) => (id === NEW_PART ? [NEW_PART, EVENT] : [id]),
      live: hub,
    });
    const viewer = new FakeResponse();
    await settle(streams.open(EVENT, viewer.asResponse(), () => {}));
    hub.send(message('44444444-4444-4444-8444-444444444444'));
    hub.send(message(PART.replace('2222', 'zzzz')));
    await pause(30);
    expect(work.calls).toHaveLength(1);
    // Its agreement is not added in memory (the screen does not know the part yet): the figures are read afresh.
    hub.send(message(NEW_PART));
    await pause(300);
    expect(work.calls).toHaveLength(2);
    expect(snapshotsIn(viewer)).toHaveLength(1);
    streams.close();
  });

  it('forgets a viewer that leaves, and ends every stream on close', async () => {
    const work = slowLoad(1);
    const streams = streamsWith(work.load, null);
    const leaving = new FakeResponse();
    const staying = new FakeResponse();
    await settle(streams.open(EVENT, leaving.asResponse(), () => {}));
    await settle(streams.open(EVENT, staying.asResponse(), () => {}));
    expect(snapshotsIn(staying)).toHaveLength(1);
    leaving.end();
    expect(streams.viewerCount()).toBe(1);
    streams.close();
    expect(staying.destroyed).toBe(true);
    expect(streams.viewerCount()).toBe(0);
  });

  it('sends heartbeats from one timer, reads afresh after added agreements and refreshes quietly', async () => {
    const hub = fakeHub();
    const work = slowLoad(1);
    const streams = createScreenStreams({
      load: work.load,
      maps,
      ancestors: async () => [],
      live: hub,
      heartbeatMs: 20,
      refreshMs: 100_000,
    });
    const viewer = new FakeResponse();
    await settle(streams.open(EVENT, viewer.asResponse(), () => {}));
    await pause(110);
    expect(viewer.written.filter((text) => text === ': heartbeat\n\n').length).toBeGreaterThanOrEqual(3);
    // Nothing was added and the refresh interval has not passed: nothing is read.
    expect(work.calls).toHaveLength(1);
    hub.send(message(PART));
    await pause(300);
    // The heartbeat after an added agreement reads the figures afresh to confirm them: here the load does
    // not hold the agreement (it was never committed), so the screen goes back to no agreements.
    expect(work.calls.length).toBeGreaterThan(1);
    const frames = snapshotsIn(viewer);
    expect(frames.map(agreementsIn)).toEqual([0, 1, 0]);
    streams.close();
  });
});

describe('the frame between two snapshots', () => {
  const empty = async () => (await slowLoad(0).load(EVENT)) as ScreenState;
  const names = maps;
  /** An agreement at the part signed at 02:<minute>. */
  const at = (minute: number): ScreenEntry => {
    const made = entry(PART, nextAgreementId());
    const time = `2026-11-21T02:${String(minute).padStart(2, '0')}:00.000Z`;
    return { ...made, card: { ...made.card, signedAt: time }, createdAt: '2026-11-21T00:00:00.000Z' };
  };
  const updateIn = (text: string | null) =>
    text?.startsWith('event: update')
      ? (JSON.parse(text.split('data: ')[1] ?? '') as ScreenUpdateData)
      : null;

  it('sends only the new signings, also one that belongs below a signing shown already', async () => {
    const state = await empty();
    addEntry(state, at(5));
    const previous = toSnapshot(state, names);
    expect(nextFrame(previous, toSnapshot(state, names), '{}', null)).toBeNull();
    // Signed at 02:03 but landed after the 02:05 one (its PDF took longer): it goes second.
    const late = at(3);
    const newest = at(9);
    addEntry(state, late);
    addEntry(state, newest);
    const next = toSnapshot(state, names);
    const frame = updateIn(nextFrame(previous, next, JSON.stringify(next), null));
    expect(frame?.update.signings.map((s) => s.agreementId)).toEqual([
      newest.card.agreementId,
      late.card.agreementId,
    ]);
    expect(frame?.update.byCity).toBeUndefined();
    expect(applyScreenUpdate(previous, frame?.update as ScreenUpdateData['update'])).toEqual(next);
  });

  it('sends the whole snapshot when a signing leaves the feed or the event changes', async () => {
    const state = await empty();
    addEntry(state, at(1));
    addEntry(state, at(2));
    const previous = toSnapshot(state, names);
    const voided: ScreenSnapshot = { ...previous, signings: previous.signings.slice(1) };
    expect(nextFrame(previous, voided, 'whole', null)).toBe(
      'event: snapshot\ndata: {"cause":null,"snapshot":whole}\n\n',
    );
    const renamed: ScreenSnapshot = { ...previous, event: { ...previous.event, nameZh: '新名称' } };
    expect(nextFrame(previous, renamed, 'whole', null)).toMatch(/^event: snapshot/);
  });
});

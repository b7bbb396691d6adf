import type { ServerResponse } from 'node:http';
import {
  applyScreenUpdate,
  type ScreenCause,
  type ScreenSnapshot,
  type ScreenUpdate,
} from '../../../contracts/screen.ts';
import type { LiveHub, LiveMessage } from '../../platform/live.ts';
import { addEntry, ScreenEntry, type ScreenState, toSnapshot } from './figures.ts';
import type { ScreenMaps } from './map.ts';

// Server-Sent Events for the ceremony screens. Everything here is per event, never per viewer: one state,
// one serialized frame, the same bytes written to every open response. A signature that completes an
// agreement publishes the agreement's entry, which is added to the state in memory: during a rush the
// database, busy with the signatures, is not asked for the figures again and again. Anything else (a void,
// a decline, an entry too large for a notification) and a heartbeat after added entries read it afresh.

export interface ScreenStreamOptions {
  /** Reads an event's state from the database; throws notFound for an unknown event. */
  load(eventId: string): Promise<ScreenState>;
  /** The maps the screens draw, for naming the areas on them. */
  maps: ScreenMaps;
  /** The event and the events above it, for a message about a sub-event no screen knows yet. */
  ancestors(eventId: string): Promise<string[]>;
  live: LiveHub | null;
  heartbeatMs?: number;
  /** Read an event's state afresh this often even without messages (edits, a missed NOTIFY). */
  refreshMs?: number;
}

export interface ScreenStreams {
  /** The event's current snapshot: the open channel's copy, or one load shared by concurrent callers. */
  snapshot(eventId: string): Promise<ScreenSnapshot>;
  /**
   * Sends the first snapshot and keeps the response open, calling onStart just before it takes the response
   * over; rejects, having written nothing, if the event is unknown.
   */
  open(eventId: string, response: ServerResponse, onStart: () => void): Promise<void>;
  viewerCount(): number;
  close(): void;
}

interface Channel {
  eventId: string;
  viewers: Set<ServerResponse>;
  /** The event and all its parts, from the latest snapshot. */
  members: Set<string>;
  /** The figures now: the last load with every completed agreement heard of since added to it. */
  state: ScreenState | null;
  /** The last frame sent: updates are what changed since it; a new viewer starts from it. */
  latest: { snapshot: ScreenSnapshot; json: string; firstFrame: string } | null;
  initial: Promise<void> | null;
  /** Sends what changed since the last frame. */
  frames: Paced;
  /** Reads the state afresh. */
  loads: Paced;
  /** When the last load started: the heartbeat reads afresh when it is old. */
  loadedAt: number;
  /** Agreements added while a load runs: added again to what it returns, unless it holds them already. */
  addedDuringLoad: ScreenEntry[] | null;
  /** Agreements added since the last load: the next heartbeat reads the figures afresh to confirm them. */
  addedSinceLoad: number;
}

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  // nginx and similar proxies would otherwise hold frames back in their buffers.
  'x-accel-buffering': 'no',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A viewer this far behind (a stalled network) is dropped; EventSource reconnects and catches up.
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
// At most five frames a second per screen: during a rush of signings each frame carries all of them, so
// thousands of viewers cost a few broadcasts a second instead of one per signature, and no figure waits long.
const MIN_FRAME_GAP_MS = 200;

/** What a frame answers, as viewers see it: the message without the entry it brought (the update has that). */
function causeJson(cause: LiveMessage | null): string {
  if (!cause) return 'null';
  const seen: ScreenCause = {
    kind: cause.kind,
    agreementId: cause.agreementId,
    eventId: cause.eventId,
    at: cause.at,
  };
  return JSON.stringify(seen);
}

/** One SSE frame; the snapshot JSON is spliced in so it is serialized once per computation. */
function frame(snapshotJson: string, cause: LiveMessage | null): string {
  return `event: snapshot\ndata: {"cause":${causeJson(cause)},"snapshot":${snapshotJson}}\n\n`;
}

/** Whether two snapshots show the same figures (generatedAt aside). */
function isSameFigures(a: ScreenSnapshot, b: ScreenSnapshot): boolean {
  return JSON.stringify({ ...a, generatedAt: '' }) === JSON.stringify({ ...b, generatedAt: '' });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The frame that takes viewers from `previous` to `next`: an `update` with the totals, only the signings they
 * have not seen and only the breakdowns that changed (a signing is a few hundred bytes; the whole snapshot is
 * many kilobytes, times thousands of viewers). When applying the update would not give `next` exactly (the
 * event changed, a signing left the feed), the whole snapshot goes. No change sends nothing.
 */
export function nextFrame(
  previous: ScreenSnapshot,
  next: ScreenSnapshot,
  nextJson: string,
  cause: LiveMessage | null,
): string | null {
  if (isSameFigures(previous, next)) return null;
  const seen = new Set(previous.signings.map((signing) => signing.agreementId));
  const update: ScreenUpdate = {
    totals: next.totals,
    signings: next.signings.filter((signing) => !seen.has(signing.agreementId)),
    generatedAt: next.generatedAt,
  };
  if (!same(previous.byIndustry, next.byIndustry)) update.byIndustry = next.byIndustry;
  if (!same(previous.byCity, next.byCity)) update.byCity = next.byCity;
  if (!same(previous.byProvince, next.byProvince)) update.byProvince = next.byProvince;
  if (!same(previous.map, next.map)) update.map = next.map;
  if (!same(previous.event, next.event) || !same(applyScreenUpdate(previous, update).signings, next.signings))
    return frame(nextJson, cause);
  return `event: update\ndata: {"cause":${causeJson(cause)},"update":${JSON.stringify(update)}}\n\n`;
}

/** A task run on request: at once, or once more after the running one however many requests came meanwhile. */
interface Paced {
  /** Asks for a run; the run gets the newest cause asked with. */
  request(cause: LiveMessage | null): void;
  isRunning(): boolean;
}

/**
 * Runs `task` on request, never two runs that count (the task says) less than MIN_FRAME_GAP_MS apart, and
 * only while `isCurrent()`; calls `whenIdle` after the last run.
 */
function paced(
  task: (cause: LiveMessage | null) => Promise<boolean> | boolean,
  options: { countedAt: number; isCurrent: () => boolean; whenIdle: () => void },
): Paced {
  let isRunning = false;
  let isQueued = false;
  let cause: LiveMessage | null = null;
  let countedAt = options.countedAt;
  return {
    request(next) {
      if (next) cause = next;
      isQueued = true;
      if (isRunning) return;
      isRunning = true;
      void (async () => {
        while (isQueued && options.isCurrent()) {
          const wait = countedAt + MIN_FRAME_GAP_MS - Date.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          isQueued = false;
          const taken = cause;
          cause = null;
          const startedAt = Date.now();
          if (await task(taken)) countedAt = startedAt;
        }
        isRunning = false;
        options.whenIdle();
      })();
    },
    isRunning: () => isRunning,
  };
}

export function createScreenStreams(options: ScreenStreamOptions): ScreenStreams {
  const channels = new Map<string, Channel>();
  const loading = new Map<string, Promise<ScreenState>>();

  /** One load per event at a time for callers without a channel (the snapshot endpoint, a first viewer). */
  function loadShared(eventId: string): Promise<ScreenState> {
    const running = loading.get(eventId);
    if (running) return running;
    const started = options.load(eventId).finally(() => loading.delete(eventId));
    loading.set(eventId, started);
    return started;
  }

  function store(channel: Channel, snapshot: ScreenSnapshot): string {
    const json = JSON.stringify(snapshot);
    channel.latest = { snapshot, json, firstFrame: frame(json, null) };
    channel.members = new Set([snapshot.event.id, ...snapshot.event.parts.map((part) => part.id)]);
    return json;
  }

  function broadcast(channel: Channel, text: string): void {
    // Encoded once: writing the string would encode it again for every one of thousands of viewers.
    const bytes = Buffer.from(text);
    for (const viewer of channel.viewers) {
      if (viewer.writableLength > MAX_BUFFERED_BYTES) {
        viewer.destroy();
        continue;
      }
      viewer.write(bytes);
    }
  }

  function dropIfIdle(channel: Channel): void {
    if (
      channel.viewers.size === 0 &&
      !channel.frames.isRunning() &&
      !channel.loads.isRunning() &&
      !channel.initial
    )
      channels.delete(channel.eventId);
  }

  /** Sends what changed since the last frame; false when nothing did. */
  function sendFrame(channel: Channel, cause: LiveMessage | null): boolean {
    if (!channel.state) return false;
    const previous = channel.latest?.snapshot;
    const snapshot = toSnapshot(channel.state, options.maps);
    const json = store(channel, snapshot);
    // Nothing new on the screen (an edit elsewhere, a heartbeat load) sends nothing.
    const text = previous ? nextFrame(previous, snapshot, json, cause) : frame(json, cause);
    if (!text) return false;
    broadcast(channel, text);
    return true;
  }

  /** Reads the state afresh, keeping what was added meanwhile, and has a frame sent. */
  async function load(channel: Channel, cause: LiveMessage | null): Promise<boolean> {
    channel.loadedAt = Date.now();
    const added: ScreenEntry[] = [];
    channel.addedDuringLoad = added;
    try {
      const state = await options.load(channel.eventId);
      // An agreement heard of during the load may have committed after the load's snapshot was taken.
      channel.addedSinceLoad = added.filter((entry) => addEntry(state, entry)).length;
      channel.state = state;
      channel.frames.request(cause);
    } catch (error) {
      console.error(`screen: figures of event ${channel.eventId} could not be read`, error);
    } finally {
      channel.addedDuringLoad = null;
    }
    return true;
  }

  function createChannel(eventId: string): Channel {
    const channel: Channel = {
      eventId,
      viewers: new Set(),
      members: new Set([eventId]),
      state: null,
      latest: null,
      initial: null,
      addedDuringLoad: null,
      addedSinceLoad: 0,
      loadedAt: Date.now(),
      frames: paced(
        (cause) => {
          try {
            return sendFrame(channel, cause);
          } catch (error) {
            console.error(`screen: frame of event ${eventId} failed`, error);
            return false;
          }
        },
        {
          countedAt: 0,
          isCurrent: () => channels.get(eventId) === channel,
          whenIdle: () => dropIfIdle(channel),
        },
      ),
      loads: paced((cause) => load(channel, cause), {
        // The first load is the one that opened the channel.
        countedAt: Date.now(),
        isCurrent: () => channels.get(eventId) === channel,
        whenIdle: () => dropIfIdle(channel),
      }),
    };
    return channel;
  }

  /** Adds a completed agreement to the channel's state; a frame follows unless the state held it already. */
  function add(channel: Channel, entry: ScreenEntry, cause: LiveMessage): void {
    channel.addedDuringLoad?.push(entry);
    if (channel.state && addEntry(channel.state, entry)) {
      channel.addedSinceLoad += 1;
      channel.frames.request(cause);
    }
  }

  async function onMessage(message: LiveMessage): Promise<void> {
    // A party signing while others have yet to, and a seal, change nothing a screen shows.
    if (message.kind === 'signed' || message.kind === 'sealed') return;
    const eventId = message.eventId;
    if (!eventId || !UUID.test(eventId) || channels.size === 0) return;
    let matched = [...channels.values()].filter((channel) => channel.members.has(eventId));
    if (matched.length === 0) {
      // A part created after the screen opened: find the screens of the events above it.
      const above = new Set(await options.ancestors(eventId));
      matched = [...channels.values()].filter((channel) => above.has(channel.eventId));
    }
    const parsed = message.kind === 'all-signed' ? ScreenEntry.safeParse(message.screen) : null;
    const entry = parsed?.success ? parsed.data : null;
    for (const channel of matched) {
      if (entry && channel.state && channel.members.has(entry.event.id)) add(channel, entry, message);
      else channel.loads.request(message);
    }
  }

  const unsubscribe = options.live?.subscribe((message) => {
    onMessage(message).catch((error) => console.error('screen: live message failed', error));
  });

  const heartbeat = setInterval(() => {
    const now = Date.now();
    for (const channel of channels.values()) {
      broadcast(channel, ': heartbeat\n\n');
      const age = now - channel.loadedAt;
      if (channel.viewers.size > 0 && (channel.addedSinceLoad > 0 || age >= (options.refreshMs ?? 60_000)))
        channel.loads.request(null);
    }
  }, options.heartbeatMs ?? 15_000);
  heartbeat.unref();

  return {
    async snapshot(eventId) {
      return channels.get(eventId)?.latest?.snapshot ?? toSnapshot(await loadShared(eventId), options.maps);
    },

    async open(eventId, response, onStart) {
      let channel = channels.get(eventId);
      if (!channel) {
        channel = createChannel(eventId);
        channels.set(eventId, channel);
      }
      const current = channel;
      if (!current.latest) {
        current.initial ??= loadShared(eventId)
          .then((state) => {
            if (current.latest) return;
            current.state = state;
            store(current, toSnapshot(state, options.maps));
          })
          .finally(() => {
            current.initial = null;
          });
        try {
          await current.initial;
        } catch (error) {
          dropIfIdle(current);
          throw error;
        }
      }
      // No await from here on: the viewer joins with the very frame that is current, and misses no broadcast.
      if (response.destroyed || !current.latest) {
        onStart();
        response.destroy();
        return dropIfIdle(current);
      }
      // The channel may have been dropped and opened anew meanwhile: join whichever is open now.
      const joined = channels.get(eventId) ?? current;
      channels.set(eventId, joined);
      if (!joined.latest) {
        joined.state = current.state;
        joined.latest = current.latest;
        joined.members = current.members;
      }
      const latest = joined.latest;
      onStart();
      response.writeHead(200, SSE_HEADERS);
      response.write(`retry: 3000\n${latest.firstFrame}`);
      joined.viewers.add(response);
      response.on('close', () => {
        joined.viewers.delete(response);
        dropIfIdle(joined);
      });
    },

    viewerCount() {
      let count = 0;
      for (const channel of channels.values()) count += channel.viewers.size;
      return count;
    },

    close() {
      clearInterval(heartbeat);
      unsubscribe?.();
      for (const channel of channels.values()) for (const viewer of channel.viewers) viewer.end();
      channels.clear();
    },
  };
}

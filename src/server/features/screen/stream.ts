import type { ServerResponse } from 'node:http';
import type { ScreenSnapshot, ScreenUpdate } from '../../../contracts/screen.ts';
import type { LiveHub, LiveMessage } from '../../platform/live.ts';

// Server-Sent Events for the ceremony screens. Everything here is per event, never per viewer: one
// computation, one serialized frame, the same string written to every open response.

export interface ScreenStreamOptions {
  /** Computes an event's snapshot; throws notFound for an unknown event. */
  compute(eventId: string): Promise<ScreenSnapshot>;
  /** The event and the events above it, for a message about a sub-event no screen knows yet. */
  ancestors(eventId: string): Promise<string[]>;
  live: LiveHub | null;
  heartbeatMs?: number;
  /** Recompute an event's snapshot this often even without messages (edits, a missed NOTIFY). */
  refreshMs?: number;
}

export interface ScreenStreams {
  /** The event's current snapshot: the open channel's copy, or one computation shared by concurrent callers. */
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
  latest: { snapshot: ScreenSnapshot; json: string; firstFrame: string; at: number } | null;
  initial: Promise<void> | null;
  isRunning: boolean;
  isQueued: boolean;
  queuedCause: LiveMessage | null;
  /** When the computation of the last live frame started: frames start at least MIN_FRAME_GAP_MS apart. */
  lastFrameAt: number;
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

/** One SSE frame; the snapshot JSON is spliced in so it is serialized once per computation. */
function frame(snapshotJson: string, cause: LiveMessage | null): string {
  return `event: snapshot\ndata: {"cause":${JSON.stringify(cause)},"snapshot":${snapshotJson}}\n\n`;
}

/** Whether two snapshots show the same figures (generatedAt aside). */
function isSameFigures(a: ScreenSnapshot, b: ScreenSnapshot): boolean {
  return JSON.stringify({ ...a, generatedAt: '' }) === JSON.stringify({ ...b, generatedAt: '' });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The frame that takes viewers from `previous` to `next`: an `update` with the totals, only the signings they
 * have not seen and only the breakdowns that changed (a signing is a few hundred bytes; the whole snapshot is
 * many kilobytes, times thousands of viewers). A change to the event itself sends the whole snapshot; no
 * change sends nothing.
 */
export function nextFrame(
  previous: ScreenSnapshot,
  next: ScreenSnapshot,
  nextJson: string,
  cause: LiveMessage | null,
): string | null {
  if (isSameFigures(previous, next)) return null;
  const seen = new Set(previous.signings.map((signing) => signing.agreementId));
  const added = next.signings.filter((signing) => !seen.has(signing.agreementId));
  // The screen puts new signings on top and keeps the latest 20; anything else (a signing gone) goes whole.
  const isOnTop =
    same(next.signings.slice(0, added.length), added) &&
    same(next.signings.slice(added.length), previous.signings.slice(0, next.signings.length - added.length));
  if (!same(previous.event, next.event) || !isOnTop) return frame(nextJson, cause);
  const update: ScreenUpdate = { totals: next.totals, signings: added, generatedAt: next.generatedAt };
  if (!same(previous.byIndustry, next.byIndustry)) update.byIndustry = next.byIndustry;
  if (!same(previous.byCity, next.byCity)) update.byCity = next.byCity;
  if (!same(previous.byProvince, next.byProvince)) update.byProvince = next.byProvince;
  return `event: update\ndata: {"cause":${JSON.stringify(cause)},"update":${JSON.stringify(update)}}\n\n`;
}

export function createScreenStreams(options: ScreenStreamOptions): ScreenStreams {
  const channels = new Map<string, Channel>();
  const computing = new Map<string, Promise<ScreenSnapshot>>();

  /** One computation per event at a time for callers without a channel (the snapshot endpoint). */
  function computeShared(eventId: string): Promise<ScreenSnapshot> {
    const running = computing.get(eventId);
    if (running) return running;
    const started = options.compute(eventId).finally(() => computing.delete(eventId));
    computing.set(eventId, started);
    return started;
  }

  function store(channel: Channel, snapshot: ScreenSnapshot): string {
    const json = JSON.stringify(snapshot);
    channel.latest = { snapshot, json, firstFrame: frame(json, null), at: Date.now() };
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
    if (channel.viewers.size === 0 && !channel.isRunning && !channel.initial)
      channels.delete(channel.eventId);
  }

  /** Recomputes once now, or once more right after the running computation, however many messages came. */
  function refresh(channel: Channel, cause: LiveMessage | null): void {
    if (channel.isRunning) {
      channel.isQueued = true;
      if (cause) channel.queuedCause = cause;
      return;
    }
    channel.isRunning = true;
    void (async () => {
      let next = cause;
      do {
        const wait = channel.lastFrameAt + MIN_FRAME_GAP_MS - Date.now();
        if (wait > 0) {
          await new Promise((resolve) => setTimeout(resolve, wait));
          // What arrived meanwhile is in this computation too; its cause is the newest.
          if (channel.queuedCause) next = channel.queuedCause;
          channel.queuedCause = null;
        }
        channel.isQueued = false;
        const startedAt = Date.now();
        try {
          const previous = channel.latest?.snapshot;
          const snapshot = await options.compute(channel.eventId);
          const json = store(channel, snapshot);
          // Nothing new on the screen (a party signed, the agreement still waits for others) sends nothing.
          const text = previous ? nextFrame(previous, snapshot, json, next) : frame(json, next);
          if (text) {
            broadcast(channel, text);
            // Counted from the start: a slow computation does not add the whole gap on top.
            channel.lastFrameAt = startedAt;
          }
        } catch (error) {
          console.error(`screen: snapshot of event ${channel.eventId} failed`, error);
        }
        next = channel.queuedCause;
        channel.queuedCause = null;
      } while (channel.isQueued && channels.get(channel.eventId) === channel);
      channel.isRunning = false;
      dropIfIdle(channel);
    })();
  }

  async function onMessage(message: LiveMessage): Promise<void> {
    const eventId = message.eventId;
    if (!eventId || !UUID.test(eventId) || channels.size === 0) return;
    let matched = [...channels.values()].filter((channel) => channel.members.has(eventId));
    if (matched.length === 0) {
      // A part created after the screen opened: find the screens of the events above it.
      const above = new Set(await options.ancestors(eventId));
      matched = [...channels.values()].filter((channel) => above.has(channel.eventId));
    }
    for (const channel of matched) refresh(channel, message);
  }

  const unsubscribe = options.live?.subscribe((message) => {
    onMessage(message).catch((error) => console.error('screen: live message failed', error));
  });

  const heartbeat = setInterval(() => {
    const now = Date.now();
    for (const channel of channels.values()) {
      broadcast(channel, ': heartbeat\n\n');
      const age = channel.latest ? now - channel.latest.at : 0;
      if (channel.viewers.size > 0 && age >= (options.refreshMs ?? 60_000)) refresh(channel, null);
    }
  }, options.heartbeatMs ?? 15_000);
  heartbeat.unref();

  return {
    async snapshot(eventId) {
      return channels.get(eventId)?.latest?.snapshot ?? computeShared(eventId);
    },

    async open(eventId, response, onStart) {
      let channel = channels.get(eventId);
      if (!channel) {
        channel = {
          eventId,
          viewers: new Set(),
          members: new Set([eventId]),
          latest: null,
          initial: null,
          isRunning: false,
          isQueued: false,
          queuedCause: null,
          lastFrameAt: 0,
        };
        channels.set(eventId, channel);
      }
      const current = channel;
      if (!current.latest) {
        current.initial ??= computeShared(eventId)
          .then((snapshot) => {
            if (!current.latest) store(current, snapshot);
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

// Live updates for the ceremony screen: one message per signing event, to every app instance.

import { EventEmitter } from 'node:events';
import type { Database } from '../db/connect.ts';

/** What happened to an agreement; screens update their figures for the event it belongs to. */
export type LiveMessage = {
  kind: 'sent' | 'signed' | 'all-signed' | 'sealed' | 'declined' | 'voided' | 'expired';
  agreementId: string;
  eventId: string | null;
  /** ISO time of the commit, so viewers can measure signature-to-screen latency. */
  at: string;
  /** What the screens add for a completed agreement (checked by them); without it they read the figures afresh. */
  screen?: unknown;
};

export interface LiveHub {
  /** Sends after the change has committed; every instance on the same database receives it. */
  publish(message: LiveMessage): Promise<void>;
  subscribe(listener: (message: LiveMessage) => void): () => void;
  close(): Promise<void>;
}

/** The PostgreSQL channel every instance listens on. */
export const LIVE_CHANNEL = 'luodi_live';
// NOTIFY payloads are limited to 8000 bytes; a LiveMessage is about 200, with a screen entry 1 to 3 KB.
const MAX_PAYLOAD_BYTES = 7900;
const KINDS = new Set<LiveMessage['kind']>([
  'sent',
  'signed',
  'all-signed',
  'sealed',
  'declined',
  'voided',
  'expired',
]);

/** A payload from the channel, or null when it is not a LiveMessage (another sender, an older version). */
export function parseLiveMessage(payload: string): LiveMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { kind, agreementId, eventId, at, screen } = value as Record<string, unknown>;
  if (typeof kind !== 'string' || !KINDS.has(kind as LiveMessage['kind'])) return null;
  if (typeof agreementId !== 'string' || typeof at !== 'string') return null;
  if (eventId !== null && typeof eventId !== 'string') return null;
  const message: LiveMessage = { kind: kind as LiveMessage['kind'], agreementId, eventId, at };
  return screen === undefined ? message : { ...message, screen };
}

/** Calls one listener; one that throws does not keep the others from hearing the message. */
function safeCall(listener: (message: LiveMessage) => void, message: LiveMessage): void {
  try {
    listener(message);
  } catch (error) {
    console.error('live listener failed', error);
  }
}

/** Opens the hub for this database: LISTEN/NOTIFY on a server, in-process delivery on the embedded one. */
export async function openLiveHub(database: Database): Promise<LiveHub> {
  return database.kind === 'server' ? openServerHub(database) : openEmbeddedHub();
}

// pglite-socket does not pass NOTIFY on to socket clients, and an embedded database has one app process, so
// delivering in-process reaches every viewer there is.
function openEmbeddedHub(): LiveHub {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let isClosed = false;
  return {
    async publish(message) {
      if (isClosed) return;
      // Asynchronous like a NOTIFY: the publisher's transaction code never runs listeners inline.
      setImmediate(() => emitter.emit('message', message));
    },
    subscribe(listener) {
      const wrapped = (message: LiveMessage) => safeCall(listener, message);
      emitter.on('message', wrapped);
      return () => emitter.off('message', wrapped);
    },
    async close() {
      isClosed = true;
      emitter.removeAllListeners();
    },
  };
}

async function openServerHub(database: Database): Promise<LiveHub> {
  const listeners = new Set<(message: LiveMessage) => void>();
  let isClosed = false;
  // postgres-js keeps LISTEN on a connection of its own and listens again after a reconnect.
  const listening = await database.sql.listen(LIVE_CHANNEL, (payload) => {
    if (isClosed) return;
    const message = parseLiveMessage(payload);
    if (message) for (const listener of [...listeners]) safeCall(listener, message);
  });
  return {
    async publish(message) {
      // After close (shutdown) a signing that already committed is not failed for want of a screen.
      if (isClosed) return;
      let payload = JSON.stringify(message);
      // An agreement with many projects: the screens read the figures afresh instead.
      if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES)
        payload = JSON.stringify({ ...message, screen: undefined });
      if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES)
        throw new Error(`live message too large for NOTIFY: ${Buffer.byteLength(payload)} bytes`);
      await database.sql.notify(LIVE_CHANNEL, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (isClosed) return;
      isClosed = true;
      listeners.clear();
      await listening.unlisten();
    },
  };
}

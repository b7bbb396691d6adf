import { useEffect, useRef, useState } from 'react';
import {
  applyScreenUpdate,
  type ScreenCause,
  type ScreenSnapshot,
  type ScreenStreamData,
  type ScreenUpdateData,
} from '../../../contracts/screen.ts';
import { ApiError, api } from '../../app/api.ts';
import { type FeedItem, latencyMs, mergeFeed, nextHighlightEnd } from './feed.ts';

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting';

export interface ScreenState {
  snapshot: ScreenSnapshot | null;
  feed: FeedItem[];
  status: ConnectionStatus;
  /** Signature-to-screen latency of the latest signing message, in ms. */
  latency: number | null;
  lastCause: ScreenCause | null;
  error: ApiError | null;
  /** Changes when a highlight ends, so the page re-renders without it. */
  now: number;
}

const MAX_RETRY_MS = 30_000;

/**
 * The event's snapshot, kept current over Server-Sent Events. The snapshot endpoint answers the first load
 * (and tells a 404 apart from a dropped connection); EventSource reconnects by itself after a network error,
 * and after a refused connection (server restarting) this reconnects with growing pauses.
 */
export function useScreen(eventId: string): ScreenState {
  const [state, setState] = useState<ScreenState>({
    snapshot: null,
    feed: [],
    status: 'connecting',
    latency: null,
    lastCause: null,
    error: null,
    now: Date.now(),
  });
  const feedRef = useRef<FeedItem[] | null>(null);
  const snapshotRef = useRef<ScreenSnapshot | null>(null);

  useEffect(() => {
    let isActive = true;
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let errorStatus = 0;
    feedRef.current = null;

    const apply = (snapshot: ScreenSnapshot, cause: ScreenCause | null) => {
      snapshotRef.current = snapshot;
      const now = Date.now();
      const feed = mergeFeed(feedRef.current, snapshot.signings, now);
      feedRef.current = feed;
      setState((previous) => ({
        ...previous,
        snapshot,
        feed,
        error: null,
        now,
        lastCause: cause ?? previous.lastCause,
        latency: latencyMs(cause, now) ?? previous.latency,
      }));
    };

    const loadSnapshot = () =>
      api<ScreenSnapshot>(`/screen/events/${eventId}`)
        .then((snapshot) => {
          errorStatus = 0;
          if (isActive && feedRef.current === null) apply(snapshot, null);
        })
        .catch((error: unknown) => {
          if (!(isActive && error instanceof ApiError)) return;
          errorStatus = error.status;
          setState((previous) => ({ ...previous, error }));
        });

    const connect = () => {
      source = new EventSource(`/api/screen/events/${eventId}/stream`);
      source.addEventListener('open', () => {
        failures = 0;
        setState((previous) => ({ ...previous, status: 'live' }));
      });
      source.addEventListener('snapshot', (event) => {
        const data = JSON.parse((event as MessageEvent<string>).data) as ScreenStreamData;
        if (isActive) apply(data.snapshot, data.cause);
      });
      source.addEventListener('update', (event) => {
        const data = JSON.parse((event as MessageEvent<string>).data) as ScreenUpdateData;
        const current = snapshotRef.current;
        if (isActive && current) apply(applyScreenUpdate(current, data.update), data.cause);
        // An update without the snapshot it builds on (cannot happen after the first frame): reload.
        else if (isActive) void loadSnapshot();
      });
      source.addEventListener('error', () => {
        if (!isActive || !source) return;
        setState((previous) => ({ ...previous, status: 'reconnecting' }));
        if (source.readyState !== EventSource.CLOSED) return;
        // Refused (not an event stream): find out why, and try again later unless the event is gone.
        source = null;
        failures += 1;
        void loadSnapshot().then(() => {
          if (isActive && errorStatus !== 404)
            retryTimer = setTimeout(connect, Math.min(MAX_RETRY_MS, 1000 * 2 ** failures));
        });
      });
    };

    void loadSnapshot();
    connect();
    return () => {
      isActive = false;
      clearTimeout(retryTimer);
      source?.close();
    };
  }, [eventId]);

  // Re-render when the next highlight ends.
  useEffect(() => {
    const end = nextHighlightEnd(state.feed, state.now);
    if (end === null) return;
    const timer = setTimeout(
      () => setState((previous) => ({ ...previous, now: Date.now() })),
      end - Date.now() + 20,
    );
    return () => clearTimeout(timer);
  }, [state.feed, state.now]);

  return state;
}

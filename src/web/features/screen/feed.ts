// The pure parts of the ceremony screen: which signings are new, how long they glow, how counters move.
import type { ScreenCause, ScreenSigning } from '../../../contracts/screen.ts';
import { formatYi } from '../../../domain/amount.ts';

/** How long a new signing stays highlighted on the feed. */
export const HIGHLIGHT_MS = 8000;

export interface FeedItem {
  signing: ScreenSigning;
  /** Epoch ms until which the item is highlighted; 0 for items that were there from the start. */
  highlightUntil: number;
}

/**
 * The feed after a new snapshot: the server's order and items, where each signing that was not on the
 * previous feed is highlighted from now. The first snapshot a page gets (previous null) highlights nothing:
 * those signings are not news to a viewer who just arrived.
 */
export function mergeFeed(previous: FeedItem[] | null, signings: ScreenSigning[], now: number): FeedItem[] {
  const before = new Map((previous ?? []).map((item) => [item.signing.agreementId, item]));
  return signings.map((signing) => {
    const known = before.get(signing.agreementId);
    if (known) return { signing, highlightUntil: known.highlightUntil };
    return { signing, highlightUntil: previous === null ? 0 : now + HIGHLIGHT_MS };
  });
}

export const isHighlighted = (item: FeedItem, now: number): boolean => item.highlightUntil > now;

/** When the next highlight ends, so the page re-renders then; null when nothing glows. */
export function nextHighlightEnd(feed: FeedItem[], now: number): number | null {
  const ends = feed.map((item) => item.highlightUntil).filter((until) => until > now);
  return ends.length ? Math.min(...ends) : null;
}

/** Signature-to-screen latency of a message, in ms (never negative: clocks differ a little). */
export function latencyMs(cause: ScreenCause | null, receivedAt: number): number | null {
  if (!cause) return null;
  const at = Date.parse(cause.at);
  return Number.isNaN(at) ? null : Math.max(0, receivedAt - at);
}

/** A counter's value part way through its animation (ease-out), as a whole number. */
export function tween(from: number, to: number, progress: number): number {
  const clamped = Math.min(1, Math.max(0, progress));
  const eased = 1 - (1 - clamped) ** 3;
  return Math.round(from + (to - from) * eased);
}

/** An amount for a big counter, split so the figure can be large and the unit small: 3.24 / 亿元. */
export function splitAmount(
  yuan: number,
  locale: 'zh-CN' | 'en-US',
): { prefix: string; figure: string; unit: string } {
  const text = formatYi(yuan, locale);
  const match = /^(\D*?)([\d.,]+)(.*)$/.exec(text);
  if (!match) return { prefix: '', figure: text, unit: '' };
  return { prefix: (match[1] ?? '').trim(), figure: match[2] ?? '', unit: (match[3] ?? '').trim() };
}

/** The signing time as the ceremony's clock shows it (China time), or its date when no time was recorded. */
export function signingTime(signing: ScreenSigning, locale: 'zh-CN' | 'en-US'): string {
  if (!signing.signedAt) return signing.signedOn;
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZone: 'Asia/Shanghai',
  }).format(new Date(signing.signedAt));
}

// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScreenSigning } from '../../../contracts/screen.ts';
import { LocaleProvider } from '../../i18n/locale.tsx';
import {
  HIGHLIGHT_MS,
  isHighlighted,
  latencyMs,
  mergeFeed,
  nextHighlightEnd,
  signingTime,
  splitAmount,
  tween,
} from './feed.ts';
import { Feed } from './screen-parts.tsx';

const signing = (n: number, patch: Partial<ScreenSigning> = {}): ScreenSigning => ({
  agreementId: `0190a0a0-0000-7000-8000-00000000000${n}`,
  signedAt: null,
  signedOn: '2024-05-24',
  titleZh: `协议${n}`,
  titleEn: `Agreement ${n}`,
  typeCode: 'investment_contract',
  parties: [
    { nameZh: '福州市人民政府', nameEn: 'Fuzhou Municipal Government' },
    { nameZh: '宽腾医疗', nameEn: null },
  ],
  amountYuan: 324_000_000,
  amountZh: '3.24亿元',
  amountEn: 'RMB 324 million',
  venue: { nameZh: '签约厅', nameEn: 'Signing hall' },
  part: null,
  region: { code: '350100', nameZh: '福州市', nameEn: 'Fuzhou' },
  ...patch,
});

afterEach(cleanup);

describe('feed merging', () => {
  it('highlights nothing on the first snapshot, then only signings that are new', () => {
    const first = mergeFeed(null, [signing(2), signing(1)], 1000);
    expect(first.map((item) => item.highlightUntil)).toEqual([0, 0]);

    const second = mergeFeed(first, [signing(3), signing(2), signing(1)], 5000);
    expect(second.map((item) => isHighlighted(item, 5001))).toEqual([true, false, false]);
    expect(second[0]?.highlightUntil).toBe(5000 + HIGHLIGHT_MS);

    // A later snapshot keeps the glow's end time rather than restarting it, and it fades on time.
    const third = mergeFeed(second, [signing(4), signing(3), signing(2)], 7000);
    expect(third.map((item) => item.highlightUntil)).toEqual([7000 + HIGHLIGHT_MS, 5000 + HIGHLIGHT_MS, 0]);
    expect(nextHighlightEnd(third, 7000)).toBe(5000 + HIGHLIGHT_MS);
    expect(third.filter((item) => isHighlighted(item, 5000 + HIGHLIGHT_MS + 1))).toHaveLength(1);
    expect(nextHighlightEnd(third, 7000 + HIGHLIGHT_MS)).toBeNull();
  });

  it('measures latency from the message time, never below zero', () => {
    const at = '2024-05-24T02:00:00.000Z';
    const cause = { kind: 'all-signed' as const, agreementId: 'a', eventId: 'e', at };
    expect(latencyMs(cause, Date.parse(at) + 180)).toBe(180);
    expect(latencyMs(cause, Date.parse(at) - 50)).toBe(0);
    expect(latencyMs(null, 0)).toBeNull();
  });

  it('runs counters with an ease-out that lands exactly on the target', () => {
    expect(tween(0, 100, 0)).toBe(0);
    expect(tween(0, 100, 0.5)).toBe(88);
    expect(tween(0, 100, 1)).toBe(100);
    expect(tween(28, 29, 2)).toBe(29);
  });

  it('splits amounts into figure and unit the way the app writes them', () => {
    expect(splitAmount(324_000_000, 'zh-CN')).toEqual({ prefix: '', figure: '3.24', unit: '亿元' });
    expect(splitAmount(324_000_000, 'en-US')).toEqual({ prefix: 'RMB', figure: '324', unit: 'million' });
    expect(splitAmount(0, 'zh-CN')).toEqual({ prefix: '', figure: '0.00', unit: '亿元' });
  });

  it('shows the time in China, or the date when only a date was recorded', () => {
    expect(signingTime(signing(1, { signedAt: '2024-05-24T02:03:04.000Z' }), 'zh-CN')).toBe('10:03:04');
    expect(signingTime(signing(1), 'en-US')).toBe('2024-05-24');
  });
});

describe('Feed', () => {
  it('marks new signings and shows parties, amount, venue and region in the chosen language', () => {
    const feed = mergeFeed(mergeFeed(null, [signing(1)], 0), [signing(2), signing(1)], 1000);
    render(
      <LocaleProvider initial="en-US">
        <Feed feed={feed} now={1500} />
      </LocaleProvider>,
    );
    const items = screen.getAllByTestId('screen-feed-item');
    expect(items.map((item) => item.getAttribute('data-new'))).toEqual(['true', 'false']);
    expect(items[0]?.textContent).toContain('Just signed');
    expect(items[0]?.textContent).toContain('Agreement 2');
    expect(items[0]?.textContent).toContain('Fuzhou Municipal Government · 宽腾医疗');
    expect(items[0]?.textContent).toContain('RMB 324 million');
    expect(items[0]?.textContent).toContain('Signing hall · Fuzhou');
  });

  it('says it is waiting when nothing is signed yet', () => {
    render(
      <LocaleProvider initial="zh-CN">
        <Feed feed={[]} now={0} />
      </LocaleProvider>,
    );
    expect(screen.getByText('等待签约…')).toBeTruthy();
  });
});

import { describe, expect, it } from 'vitest';
import { type Amount, formatAmount, formatYi, parseAmount, SIZE_BANDS, sizeBandOf, toCny } from './amount.ts';

describe('formatYi', () => {
  it.each([
    [324_000_000, '3.24亿元', 'RMB 324 million'],
    [31_900_000_000, '319.00亿元', 'RMB 31.90 billion'],
    [300_000_000_000, '3000.00亿元', 'RMB 300.00 billion'],
    [1_000_000_000_000, '10000.00亿元', 'RMB 1,000.00 billion'],
    [5_000_000_000, '50.00亿元', 'RMB 5.00 billion'],
    [1_000_000_000, '10.00亿元', 'RMB 1.00 billion'],
    [999_999_999, '10.00亿元', 'RMB 1.00 billion'],
    [999_994_999, '10.00亿元', 'RMB 999.99 million'],
    [100_000_000, '1.00亿元', 'RMB 100 million'],
    [3_500_000, '0.04亿元', 'RMB 3.5 million'],
    [3_245_000, '0.03亿元', 'RMB 3.25 million'],
    [1_000_000, '0.01亿元', 'RMB 1 million'],
    [980_000, '0.01亿元', 'RMB 980,000'],
    [499_999, '0.00亿元', 'RMB 499,999'],
    [500_000, '0.01亿元', 'RMB 500,000'],
    [0, '0.00亿元', 'RMB 0'],
    [-324_000_000, '-3.24亿元', 'RMB -324 million'],
    [Number.MAX_SAFE_INTEGER, '90071992.55亿元', 'RMB 9,007,199.25 billion'],
  ])('%d -> %s / %s', (value, zh, en) => {
    expect(formatYi(value)).toBe(zh);
    expect(formatYi(value, 'zh-CN')).toBe(zh);
    expect(formatYi(value, 'en-US')).toBe(en);
  });

  it('refuses a float instead of rounding it away', () => {
    expect(() => formatYi(1.5)).toThrow(RangeError);
  });
});

describe('formatAmount', () => {
  it.each([
    [
      { value: 300_000_000_000, currency: 'CNY', qualifier: 'at_least' },
      '超3000.00亿元',
      'over RMB 300.00 billion',
    ],
    [{ value: 30_000_000, currency: 'USD', qualifier: 'at_least' }, '超3000万美元', 'over USD 30 million'],
    [{ value: 324_000_000, currency: 'CNY', qualifier: 'exact' }, '3.24亿元', 'RMB 324 million'],
    [{ value: 5_000_000_000, currency: 'CNY', qualifier: 'about' }, '约50.00亿元', 'about RMB 5.00 billion'],
    [{ value: 50_000_000, currency: 'CNY', qualifier: 'at_most' }, '不超过5000万元', 'up to RMB 50 million'],
    [{ value: 35_000, currency: 'CNY', qualifier: 'exact' }, '3.5万元', 'RMB 35,000'],
    [{ value: 12_345, currency: 'CNY', qualifier: 'exact' }, '1.23万元', 'RMB 12,345'],
    [{ value: 9_999, currency: 'CNY', qualifier: 'exact' }, '9999元', 'RMB 9,999'],
    [{ value: 1400, currency: 'CNY', qualifier: 'at_least' }, '超1400元', 'over RMB 1,400'],
    [{ value: 99_999_999, currency: 'CNY', qualifier: 'exact' }, '1.00亿元', 'RMB 100 million'],
    [{ value: 120_000_000, currency: 'USD', qualifier: 'exact' }, '1.20亿美元', 'USD 120 million'],
    [{ value: 500, currency: 'USD', qualifier: 'exact' }, '500美元', 'USD 500'],
  ] as [Amount, string, string][])('%j', (amount, zh, en) => {
    expect(formatAmount(amount)).toBe(zh);
    expect(formatAmount(amount, 'en-US')).toBe(en);
  });

  it.each(['超3000亿元', '3000万美元以上', '近50亿元', '5000万元以内', '3.24亿元', 'RMB 31.9 billion'])(
    'round-trips %j through its Chinese form',
    (input) => {
      const parsed = parseAmount(input);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parseAmount(formatAmount(parsed.value))).toEqual(parsed);
    },
  );
});

describe('toCny', () => {
  const usd = (value: number): Amount => ({ value, currency: 'USD', qualifier: 'exact' });

  it.each([
    [usd(30_000_000), '7.1234', 213_702_000],
    [usd(1), '7.1234', 7],
    [usd(1), '7.5', 8],
    [usd(1), '7.4999', 7],
    [usd(3), '0.5', 2],
    [usd(100), '7', 700],
    [usd(10), '7.10', 71],
    [usd(1_000_000_000_000), '7.123456789', 7_123_456_789_000],
    [usd(0), '7.2', 0],
    [usd(1), ' ７．２ ', 7],
    [{ value: 324_000_000, currency: 'CNY', qualifier: 'about' }, '7.1234', 324_000_000],
  ] as [Amount, string, number][])('%j at %s -> %d', (amount, rate, yuan) => {
    expect(toCny(amount, rate)).toBe(yuan);
  });

  it('avoids float error', () => {
    // 0.1 + 0.2 style drift: 3 × 1.1 is 3.3000000000000003 in floats.
    expect(toCny(usd(3), '1.1')).toBe(3);
    expect(toCny(usd(1_000_000_003), '1.1')).toBe(1_100_000_003);
  });

  it.each(['', 'abc', '7,1', '-7.1', '1e3', '0', '0.000'])('rejects the rate %j', (rate) => {
    expect(() => toCny(usd(1), rate)).toThrow(RangeError);
  });

  it('rejects a result beyond exact integers', () => {
    expect(() => toCny(usd(Number.MAX_SAFE_INTEGER), '7.1')).toThrow(/too large/);
  });
});

describe('size bands', () => {
  it.each([
    [10_000_000_000, 'ge50yi'],
    [5_000_000_000, 'ge50yi'],
    [4_999_999_999, 'ge10yi'],
    [1_000_000_000, 'ge10yi'],
    [999_999_999, 'ge1yi'],
    [100_000_000, 'ge1yi'],
    [99_999_999, 'lt1yi'],
    [0, 'lt1yi'],
    [-5, 'lt1yi'],
  ] as const)('%d -> %s', (value, band) => {
    expect(sizeBandOf(value)).toBe(band);
  });

  it('lists the bands largest first with labels', () => {
    expect(SIZE_BANDS.map((b) => [b.code, b.minYuan])).toEqual([
      ['ge50yi', 5_000_000_000],
      ['ge10yi', 1_000_000_000],
      ['ge1yi', 100_000_000],
      ['lt1yi', 0],
    ]);
    expect(SIZE_BANDS[0]?.zh).toBe('50亿元及以上');
  });
});

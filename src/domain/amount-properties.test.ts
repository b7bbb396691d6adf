import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Amount, formatAmount, parseAmount } from './amount.ts';
import { AMOUNT_QUALIFIERS, CURRENCIES } from './codes.ts';

// Properties over random amounts; a failure prints its seed, so it reproduces.

const DIGITS = {
  plain: ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
  capital: ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
};
const PLACES = { plain: ['', '十', '百', '千'], capital: ['', '拾', '佰', '仟'] };
type Style = keyof typeof DIGITS;

/** 0–9999 as Chinese writes it: 一千零五, 三百二十; 十二 rather than 一十二 when it leads. */
function fourDigits(n: number, style: Style, isLeading: boolean, useLiang: boolean): string {
  let out = '';
  let isGap = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      if (out !== '') isGap = true;
      continue;
    }
    if (isGap) out += DIGITS[style][0];
    isGap = false;
    const isBareTen = place === 1 && digit === 1 && out === '' && isLeading;
    const name = useLiang && digit === 2 && place >= 2 ? '两' : (DIGITS[style][digit] ?? '');
    out += `${isBareTen ? '' : name}${PLACES[style][place] ?? ''}`;
  }
  return out;
}

/** A whole number below 10^16 in Chinese numerals, with 万 and 亿 groups and 零 for skipped places. */
function chineseNumeral(n: number, style: Style, useLiang: boolean): string {
  if (n === 0) return DIGITS[style][0] ?? '零';
  const below = (value: number, isLeading: boolean): string => {
    const wan = Math.floor(value / 10_000);
    const unit = value % 10_000;
    let out = wan > 0 ? `${fourDigits(wan, style, isLeading, useLiang)}万` : '';
    if (unit > 0) {
      if (out !== '' && unit < 1000) out += DIGITS[style][0];
      out += fourDigits(unit, style, isLeading && out === '', useLiang);
    }
    return out;
  };
  const yi = Math.floor(n / 100_000_000);
  const rest = n % 100_000_000;
  let out = yi > 0 ? `${below(yi, true)}亿` : '';
  if (rest > 0) {
    if (out !== '' && rest < 10_000_000) out += DIGITS[style][0];
    out += below(rest, out === '');
  }
  return out;
}

const amounts = fc.record({
  value: fc.integer({ min: 0, max: 999_999_999_999_999 }),
  currency: fc.constantFrom(...CURRENCIES),
  qualifier: fc.constantFrom(...AMOUNT_QUALIFIERS),
});

describe('amount properties', () => {
  it('writes 一千零五 and 一亿零五十万 as the helper below expects', () => {
    expect(chineseNumeral(1005, 'plain', false)).toBe('一千零五');
    expect(chineseNumeral(100_500_000, 'plain', false)).toBe('一亿零五十万');
    expect(chineseNumeral(1_200_000_000_000, 'plain', true)).toBe('一万两千亿');
    expect(chineseNumeral(12_345_678, 'capital', false)).toBe('壹仟贰佰叁拾肆万伍仟陆佰柒拾捌');
  });

  it('reads any whole number written in Chinese numerals back to itself', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
        fc.constantFrom<Style>('plain', 'capital'),
        fc.boolean(),
        fc.constantFrom('', '元', '美元'),
        (n, style, useLiang, unit) => {
          const text = `${chineseNumeral(n, style, useLiang)}${unit}`;
          const parsed = parseAmount(text);
          expect(parsed, text).toEqual({
            ok: true,
            value: { value: n, currency: unit === '美元' ? 'USD' : 'CNY', qualifier: 'exact' },
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads what formatAmount writes, keeping qualifier and currency, within the shown precision', () => {
    fc.assert(
      fc.property(amounts, fc.constantFrom('zh-CN' as const, 'en-US' as const), (amount: Amount, locale) => {
        const text = formatAmount(amount, locale);
        const parsed = parseAmount(text);
        expect(parsed.ok, text).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.value.qualifier, text).toBe(amount.qualifier);
        expect(parsed.value.currency, text).toBe(amount.currency);
        // Two decimals of 亿/万 (or of billion/million) keep at least three significant digits.
        const smallest = locale === 'zh-CN' ? 10_000 : 1_000_000;
        if (amount.value < smallest) expect(parsed.value.value, text).toBe(amount.value);
        else
          expect(Math.abs(parsed.value.value - amount.value), text).toBeLessThanOrEqual(amount.value * 0.005);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips exactly when the figure is shown to the last yuan it has', () => {
    fc.assert(
      fc.property(amounts, (amount) => {
        // Whole millions of yuan are shown exactly: in 亿 with two decimals, or in 万.
        const exact = { ...amount, value: Math.floor(amount.value / 1_000_000) * 1_000_000 };
        expect(parseAmount(formatAmount(exact, 'zh-CN'))).toEqual({ ok: true, value: exact });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a qualifier written before, after or both, in either language', () => {
    const zhBefore = { at_least: ['超', '超过', '逾', '过'], about: ['约', '近', '将近', '大约'] } as const;
    const zhAfter = { at_least: ['以上', '多', '余'], about: ['左右', '上下'] } as const;
    const en = {
      at_least: ['over', 'more than', 'above', 'exceeding', 'in excess of', 'at least'],
      about: ['nearly', 'almost', 'close to', 'about', 'approximately', 'around', 'roughly', 'some'],
    } as const;
    fc.assert(
      fc.property(
        fc.constantFrom('at_least' as const, 'about' as const),
        fc.integer({ min: 1, max: 9999 }),
        fc.nat(),
        fc.constantFrom('before', 'after', 'both', 'english'),
        (qualifier, n, pick, where) => {
          const choose = (words: readonly string[]) => words[pick % words.length] ?? '';
          const text =
            where === 'english'
              ? `${choose(en[qualifier])} ${n} million yuan`
              : `${where === 'after' ? '' : choose(zhBefore[qualifier])}${n}${
                  where === 'before' ? '' : choose(zhAfter[qualifier])
                }万元`;
          const value = where === 'english' ? n * 1_000_000 : n * 10_000;
          expect(parseAmount(text), text).toEqual({ ok: true, value: { value, currency: 'CNY', qualifier } });
        },
      ),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { type Amount, type ParseAmountOptions, parseAmount } from './amount.ts';

type Case = [input: string, value: number, currency: Amount['currency'], qualifier: Amount['qualifier']];

const ACCEPTED: Case[] = [
  // plain digits and Chinese units
  ['3000', 3000, 'CNY', 'exact'],
  ['3000元', 3000, 'CNY', 'exact'],
  ['3000万元', 30_000_000, 'CNY', 'exact'],
  ['3000万', 30_000_000, 'CNY', 'exact'],
  ['3.24亿元', 324_000_000, 'CNY', 'exact'],
  ['3.24亿', 324_000_000, 'CNY', 'exact'],
  ['3.24億', 324_000_000, 'CNY', 'exact'],
  ['5萬元', 50_000, 'CNY', 'exact'],
  ['1万亿元', 1_000_000_000_000, 'CNY', 'exact'],
  ['1.5万亿', 1_500_000_000_000, 'CNY', 'exact'],
  ['319亿元', 31_900_000_000, 'CNY', 'exact'],
  ['0.5亿', 50_000_000, 'CNY', 'exact'],
  ['.5亿', 50_000_000, 'CNY', 'exact'],
  ['3.2400亿', 324_000_000, 'CNY', 'exact'],
  ['0', 0, 'CNY', 'exact'],
  ['人民币3000万元', 30_000_000, 'CNY', 'exact'],
  ['3000万元人民币', 30_000_000, 'CNY', 'exact'],
  ['￥3,000', 3000, 'CNY', 'exact'],
  ['CNY 500 million', 500_000_000, 'CNY', 'exact'],
  // full-width digits, punctuation and separators, spaces
  ['３．２４亿元', 324_000_000, 'CNY', 'exact'],
  ['3．24亿元', 324_000_000, 'CNY', 'exact'],
  ['3,000亿元', 300_000_000_000, 'CNY', 'exact'],
  ['3，000亿元', 300_000_000_000, 'CNY', 'exact'],
  ['３，０００亿元', 300_000_000_000, 'CNY', 'exact'],
  ['1,234,567元', 1_234_567, 'CNY', 'exact'],
  ['  3.24 亿 元 ', 324_000_000, 'CNY', 'exact'],
  // English
  ['100 yuan', 100, 'CNY', 'exact'],
  ['500 million yuan', 500_000_000, 'CNY', 'exact'],
  ['31.9 billion yuan', 31_900_000_000, 'CNY', 'exact'],
  ['RMB 31.9 billion', 31_900_000_000, 'CNY', 'exact'],
  ['RMB31.9bn', 31_900_000_000, 'CNY', 'exact'],
  ['1 trillion yuan', 1_000_000_000_000, 'CNY', 'exact'],
  ['2.5 Trillion Yuan', 2_500_000_000_000, 'CNY', 'exact'],
  ['800 thousand yuan', 800_000, 'CNY', 'exact'],
  // US dollars
  ['3000万美元', 30_000_000, 'USD', 'exact'],
  ['3000万美金', 30_000_000, 'USD', 'exact'],
  ['USD 30 million', 30_000_000, 'USD', 'exact'],
  ['$30 million', 30_000_000, 'USD', 'exact'],
  ['US$30 million', 30_000_000, 'USD', 'exact'],
  ['30 million US dollars', 30_000_000, 'USD', 'exact'],
  ['30 million dollars', 30_000_000, 'USD', 'exact'],
  ['30 million USD', 30_000_000, 'USD', 'exact'],
  ['1.2亿美元', 120_000_000, 'USD', 'exact'],
  // qualifiers kept
  ['超3000亿元', 300_000_000_000, 'CNY', 'at_least'],
  ['超过3000亿元', 300_000_000_000, 'CNY', 'at_least'],
  ['逾3000亿元', 300_000_000_000, 'CNY', 'at_least'],
  ['3000亿元以上', 300_000_000_000, 'CNY', 'at_least'],
  ['超3000亿元以上', 300_000_000_000, 'CNY', 'at_least'],
  ['1400多', 1400, 'CNY', 'at_least'],
  ['1万多亿', 1_000_000_000_000, 'CNY', 'at_least'],
  ['1万多亿元', 1_000_000_000_000, 'CNY', 'at_least'],
  ['3000多万元', 30_000_000, 'CNY', 'at_least'],
  ['50余亿元', 5_000_000_000, 'CNY', 'at_least'],
  ['3000万美元以上', 30_000_000, 'USD', 'at_least'],
  ['1,400+', 1400, 'CNY', 'at_least'],
  ['近50亿元', 5_000_000_000, 'CNY', 'about'],
  ['约3.24亿元', 324_000_000, 'CNY', 'about'],
  ['大约3亿', 300_000_000, 'CNY', 'about'],
  ['将近3亿', 300_000_000, 'CNY', 'about'],
  ['3亿元左右', 300_000_000, 'CNY', 'about'],
  ['不超过5000万元', 50_000_000, 'CNY', 'at_most'],
  ['5000万元以内', 50_000_000, 'CNY', 'at_most'],
  ['1亿元以下', 100_000_000, 'CNY', 'at_most'],
  ['over RMB 300 billion', 300_000_000_000, 'CNY', 'at_least'],
  ['more than 31.9 billion yuan', 31_900_000_000, 'CNY', 'at_least'],
  ['over USD 30 million', 30_000_000, 'USD', 'at_least'],
  ['nearly 5 billion yuan', 5_000_000_000, 'CNY', 'about'],
  ['about RMB 2 billion', 2_000_000_000, 'CNY', 'about'],
  ['approximately 2 billion yuan', 2_000_000_000, 'CNY', 'about'],
  ['around $5 million', 5_000_000, 'USD', 'about'],
  ['up to 5 million yuan', 5_000_000, 'CNY', 'at_most'],
  // the largest exact value
  ['9007199254740991', Number.MAX_SAFE_INTEGER, 'CNY', 'exact'],
];

describe('parseAmount accepts', () => {
  it.each(ACCEPTED)('%j -> %d %s %s', (input, value, currency, qualifier) => {
    expect(parseAmount(input)).toEqual({ ok: true, value: { value, currency, qualifier } });
  });
});

describe('parseAmount with a default unit', () => {
  it.each([
    ['3000', { defaultUnit: 'wan' }, 30_000_000],
    ['3.24', { defaultUnit: 'yi' }, 324_000_000],
    ['3000', { defaultUnit: 'yuan' }, 3000],
    ['3000', {}, 3000],
    ['3000元', { defaultUnit: 'wan' }, 3000],
    ['3亿', { defaultUnit: 'wan' }, 300_000_000],
    ['1400多', { defaultUnit: 'wan' }, 14_000_000],
    ['RMB 30', { defaultUnit: 'wan' }, 300_000],
    ['30美元', { defaultUnit: 'wan' }, 30],
  ] as [string, ParseAmountOptions, number][])('%j with %j -> %d', (input, options, value) => {
    const result = parseAmount(input, options);
    expect(result.ok && result.value.value).toBe(value);
  });
});

const REJECTED: [input: string, code: string, fragment: string][] = [
  ['', 'amount.empty', 'empty'],
  ['   ', 'amount.empty', '不能为空'],
  ['亿元', 'amount.syntax', '"亿" belongs after the number'],
  ['3000欧元', 'amount.currency', '币种“欧元”不受支持'],
  ['EUR 3 million', 'amount.currency', 'only yuan and US dollars'],
  ['10-20亿', 'amount.range', 'is a range ("-")'],
  ['10至20亿元', 'amount.range', '是一个范围（“至”）'],
  ['3000万（约合2亿元）', 'amount.syntax', '不认识“(约合”'],
  ['3,00亿', 'amount.syntax', 'thousands separator'],
  ['1234,567', 'amount.syntax', 'thousands separator'],
  ['万3000', 'amount.syntax', '"万" belongs after the number'],
  ['3000元万', 'amount.syntax', 'must come before'],
  ['3000元500', 'amount.syntax', '"500" must come before "元"'],
  ['3 000元', 'amount.syntax', 'two numbers "3" and "000"'],
  ['3亿万', 'amount.syntax', 'do not combine: "亿万"'],
  ['3 million 万', 'amount.syntax', 'do not combine'],
  ['3 million billion', 'amount.syntax', 'do not combine'],
  ['3000元美元', 'amount.syntax', 'the unit is given twice'],
  ['RMB 3000万美元', 'amount.syntax', 'both yuan and US dollars'],
  ['3 millions', 'amount.syntax', '"millions"'],
  ['overall 3亿', 'amount.syntax', '"overall"'],
  ['3000亿元约', 'amount.syntax', '“约”应写在数字之前'],
  ['-3000', 'amount.negative', 'negative'],
  ['负3000万元', 'amount.negative', '不能为负数'],
  ['RMB -30 million', 'amount.negative', 'negative'],
  ['0.000000001亿', 'amount.fraction', 'whole number of yuan'],
  ['3.5', 'amount.fraction', '整数元'],
  ['1.2345678 million USD', 'amount.fraction', 'whole number of US dollars'],
  ['9007199254740992', 'amount.too_large', 'too large'],
  ['10000万亿', 'amount.too_large', '超出'],
  ['约3000亿元以上', 'amount.conflicting_qualifiers', '"约" and "以上"'],
  ['不超过3000亿元以上', 'amount.conflicting_qualifiers', '“不超过”和“以上”'],
  ['nearly 3亿以下', 'amount.conflicting_qualifiers', 'contradict'],
];

describe('parseAmount rejects', () => {
  it.each(REJECTED)('%j -> %s', (input, code, fragment) => {
    const result = parseAmount(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(`${result.error.zh} | ${result.error.en}`).toContain(fragment);
    if (input.trim() !== '') {
      expect(result.error.zh).toContain(input.trim());
      expect(result.error.en).toContain(input.trim());
    }
  });
});

describe('exact decimal arithmetic', () => {
  it.each([
    ['0.1亿', 10_000_000],
    ['0.3亿', 30_000_000],
    ['1.1万', 11_000],
    ['4.35亿', 435_000_000],
    ['0.00000001亿', 1],
    ['123456.78万', 1_234_567_800],
    ['90071992.54740991亿', Number.MAX_SAFE_INTEGER],
  ])('%j -> %d', (input, value) => {
    const result = parseAmount(input);
    expect(result.ok && result.value.value).toBe(value);
  });
});

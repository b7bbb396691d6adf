import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Amount, parseAmount } from './amount.ts';

// Every amount the seed articles state, found by a scan rather than picked by hand, must read as meant.

const NUMERAL_START = '0-9０-９一二两三四五六七八九十百千零〇壹贰叁肆伍陆柒捌玖拾佰仟';
const ZH_SPAN = new RegExp(
  `(?:超过|超|逾|过|突破|将近|接近|近|大约|约|不超过|不足|不到)?\\s*[${NUMERAL_START}]` +
    `[${NUMERAL_START}.．,，\\s万萬亿億多余]*?(?:美元|元)(?:以上|以下|以内|左右|上下|人民币)?`,
  'g',
);
const EN_QUALIFIER =
  '(?:(?:over|more than|above|exceeding|in excess of|at least|nearly|almost|close to|about|approximately|around|roughly|some|up to)\\s+)?';
const EN_NUMBER = '\\d[\\d,.]*';
const EN_MULTIPLIER = '(?:thousand|million|billion|trillion|bn)';
const EN_SPAN = new RegExp(
  `${EN_QUALIFIER}(?:(?:rmb|cny|usd|us\\$|\\$)\\s*${EN_NUMBER}(?:\\s*${EN_MULTIPLIER})?(?:\\s*(?:yuan|dollars))?` +
    `|${EN_NUMBER}\\s*(?:${EN_MULTIPLIER}\\s*)?(?:yuan|us dollars|dollars|rmb|usd))`,
  'gi',
);

/** The amount-looking spans of a text, in order. */
function amountSpans(text: string): string[] {
  const found = [...text.matchAll(ZH_SPAN), ...text.matchAll(EN_SPAN)]
    .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
    .map((match) => match[0].replace(/^[\s,，]+/, '').trim());
  return found;
}

const SENTENCES = readFileSync(new URL('./testdata/seed-sentences.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => !line.startsWith('#'))
  .join('\n');

// What each span says, read by a person from the article.
const MEANT: Record<string, [value: number, qualifier: Amount['qualifier']]> = {
  '3．24亿元': [324_000_000, 'exact'],
  '超过 1 万亿元': [1_000_000_000_000, 'at_least'],
  超3000亿元: [300_000_000_000, 'at_least'],
  超千亿元: [100_000_000_000, 'at_least'],
  超50亿元: [5_000_000_000, 'at_least'],
  '80亿元以上': [8_000_000_000, 'at_least'],
  '138亿元': [13_800_000_000, 'exact'],
  '31.9 Billion Yuan': [31_900_000_000, 'exact'],
  '31.9 billion yuan': [31_900_000_000, 'exact'],
  '203 billion yuan': [203_000_000_000, 'exact'],
  'exceeding 1.6 trillion yuan': [1_600_000_000_000, 'at_least'],
};

describe('amounts in the seed articles', () => {
  const spans = amountSpans(SENTENCES);

  it('finds every amount the articles state, and nothing else', () => {
    expect([...new Set(spans)].sort()).toEqual(Object.keys(MEANT).sort());
  });

  it.each(spans)('%j reads as the article means', (span) => {
    const [value, qualifier] = MEANT[span] ?? [Number.NaN, 'exact'];
    expect(parseAmount(span)).toEqual({ ok: true, value: { value, currency: 'CNY', qualifier } });
  });

  const seeds = '/work/shared/seeds';
  it.skipIf(!existsSync(seeds))('holds every amount of the articles themselves', () => {
    const articles = readdirSync(seeds)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => readFileSync(`${seeds}/${name}`, 'utf8').replace(/<[^>]+>/g, ' '))
      .join('\n');
    expect(new Set(amountSpans(articles))).toEqual(new Set(spans));
  });
});

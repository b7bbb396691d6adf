import type { Currency, Qualifier } from './amount-types.ts';

// Words that may stand around the number of an amount, after NFKC and lower-casing.

export type AmountToken =
  | { kind: 'qualifier'; qualifier: Exclude<Qualifier, 'exact'> }
  | { kind: 'multiplier'; exponent: number; system: 'zh' | 'en' }
  /** Names the base unit (元, yuan, 美元, dollars): the number is already in that unit. */
  | { kind: 'unit'; currency: Currency }
  /** Marks the currency only (RMB, CNY, ¥, USD, $), so a default unit may still apply. */
  | { kind: 'currency'; currency: Currency }
  /** Chinese numerals: a digit, 零 (a skipped place), a place inside a group (十百千). */
  | { kind: 'digit'; value: number }
  | { kind: 'zero' }
  | { kind: 'place'; exponent: number }
  /** 点 between Chinese digits: 三点二四 is 3.24. */
  | { kind: 'point' }
  /** 数十亿, 几千万: no figure to store. */
  | { kind: 'vague' }
  /** A minus before the number; a dash or 至 after it makes a range. */
  | { kind: 'minus' }
  | { kind: 'range' }
  /** A currency the amount cannot be held in (only yuan and US dollars are). */
  | { kind: 'foreign' };

export type Side = 'before' | 'after';

interface Entry {
  text: string;
  token: AmountToken;
  sides: readonly Side[];
}

const BEFORE: readonly Side[] = ['before'];
const AFTER: readonly Side[] = ['after'];
const BOTH: readonly Side[] = ['before', 'after'];

function words(texts: string[], token: AmountToken, sides: readonly Side[]): Entry[] {
  return texts.map((text) => ({ text, token, sides }));
}

const AT_LEAST = { kind: 'qualifier', qualifier: 'at_least' } as const;
const ABOUT = { kind: 'qualifier', qualifier: 'about' } as const;
const AT_MOST = { kind: 'qualifier', qualifier: 'at_most' } as const;

const DIGITS: [string[], number][] = [
  [['一', '壹'], 1],
  [['二', '两', '兩', '贰', '貳'], 2],
  [['三', '叁', '參'], 3],
  [['四', '肆'], 4],
  [['五', '伍'], 5],
  [['六', '陆', '陸'], 6],
  [['七', '柒'], 7],
  [['八', '捌'], 8],
  [['九', '玖'], 9],
];

// Longest first, so 不超过 wins over 超过 and 超, and "us dollars" over "dollars".
const LEXICON: readonly Entry[] = [
  ...words(
    ['超过', '超', '逾', '过', '突破', '破', '上', '高于', '多于', '至少', '不少于', '不低于'],
    AT_LEAST,
    BEFORE,
  ),
  ...words(
    ['more than', 'over', 'above', 'at least', 'exceeding', 'in excess of', 'upwards of', 'upward of'],
    AT_LEAST,
    BEFORE,
  ),
  ...words(['以上', '有余', '多', '余', '+', 'plus'], AT_LEAST, AFTER),
  ...words(['将近', '接近', '大约', '大概', '近', '约', '~', '≈'], ABOUT, BEFORE),
  ...words(
    ['nearly', 'about', 'approximately', 'approx.', 'approx', 'around', 'almost', 'roughly', 'close to'],
    ABOUT,
    BEFORE,
  ),
  ...words(['some', 'circa', 'an estimated', 'estimated'], ABOUT, BEFORE),
  ...words(['左右', '上下'], ABOUT, AFTER),
  ...words(['不超过', '最多', '不到', '不足', '低于', '少于'], AT_MOST, BEFORE),
  ...words(
    ['up to', 'at most', 'no more than', 'not more than', 'not exceeding', 'under', 'less than', 'below'],
    AT_MOST,
    BEFORE,
  ),
  ...words(['以内', '以下'], AT_MOST, AFTER),
  ...DIGITS.flatMap(([texts, value]) => words(texts, { kind: 'digit', value }, BOTH)),
  ...words(['零', '〇'], { kind: 'zero' }, BOTH),
  ...words(['十', '拾'], { kind: 'place', exponent: 1 }, BOTH),
  ...words(['百', '佰'], { kind: 'place', exponent: 2 }, BOTH),
  ...words(['千', '仟'], { kind: 'place', exponent: 3 }, BOTH),
  ...words(['点'], { kind: 'point' }, AFTER),
  ...words(['数', '几', '若干'], { kind: 'vague' }, BOTH),
  ...words(['-', '−', '负'], { kind: 'minus' }, BEFORE),
  ...words(['-', '−', '–', '—', '~', '至', '到', 'to'], { kind: 'range' }, AFTER),
  ...words(['万'], { kind: 'multiplier', exponent: 4, system: 'zh' }, AFTER),
  ...words(['亿'], { kind: 'multiplier', exponent: 8, system: 'zh' }, AFTER),
  ...words(['thousand'], { kind: 'multiplier', exponent: 3, system: 'en' }, AFTER),
  ...words(['million', 'mln', 'mn'], { kind: 'multiplier', exponent: 6, system: 'en' }, AFTER),
  ...words(['billion', 'bln', 'bn'], { kind: 'multiplier', exponent: 9, system: 'en' }, AFTER),
  ...words(['trillion', 'tn'], { kind: 'multiplier', exponent: 12, system: 'en' }, AFTER),
  ...words(['元', 'yuan'], { kind: 'unit', currency: 'CNY' }, AFTER),
  ...words(
    ['美元', '美金', 'us dollars', 'us dollar', 'u.s. dollars', 'u.s. dollar', 'dollars', 'dollar'],
    { kind: 'unit', currency: 'USD' },
    AFTER,
  ),
  ...words(['人民币', 'renminbi', 'rmb', 'cny', '¥'], { kind: 'currency', currency: 'CNY' }, BOTH),
  ...words(['u.s.$', 'us$', 'usd', '$'], { kind: 'currency', currency: 'USD' }, BOTH),
  ...words(
    ['欧元', '港元', '港币', '日元', '英镑', '澳元', '加元', '新台币', '韩元', 'eur', 'euros', 'euro', '€'],
    { kind: 'foreign' },
    BOTH,
  ),
  ...words(['hkd', 'hk$', 'jpy', 'gbp', '£'], { kind: 'foreign' }, BOTH),
].sort((a, b) => b.text.length - a.text.length);

const LATIN = /[a-z]/;

/** Whether some entry could stand at position i on the other side of the number (约 after it, say). */
export function matchesOtherSide(text: string, i: number, side: Side): string | null {
  return matchWord(text, i, side === 'before' ? 'after' : 'before')?.text ?? null;
}

/** The longest lexicon entry at position i allowed on this side, not cut out of a longer Latin word. */
export function matchWord(text: string, i: number, side: Side): { text: string; token: AmountToken } | null {
  for (const entry of LEXICON) {
    if (!entry.sides.includes(side) || !text.startsWith(entry.text, i)) continue;
    const last = entry.text.charAt(entry.text.length - 1);
    const next = text.charAt(i + entry.text.length);
    if (LATIN.test(last) && LATIN.test(next)) continue;
    if (LATIN.test(entry.text.charAt(0)) && LATIN.test(text.charAt(i - 1))) continue;
    return entry;
  }
  return null;
}

import type { Currency, Qualifier } from './amount-types.ts';

// Words that may stand around the number of an amount, after NFKC and lower-casing.

export type AmountToken =
  | { kind: 'qualifier'; qualifier: Exclude<Qualifier, 'exact'> }
  | { kind: 'multiplier'; exponent: number; system: 'zh' | 'en' }
  /** Names the base unit (元, yuan, 美元, dollars): the number is already in that unit. */
  | { kind: 'unit'; currency: Currency }
  /** Marks the currency only (RMB, CNY, ¥, USD, $), so a default unit may still apply. */
  | { kind: 'currency'; currency: Currency };

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

// Longest first, so 不超过 wins over 超过 and 超, and "us dollars" over "dollars".
const LEXICON: readonly Entry[] = [
  ...words(
    ['超过', '超', '逾', '至少', '不少于', '不低于', 'more than', 'over', 'above', 'at least'],
    AT_LEAST,
    BEFORE,
  ),
  ...words(['以上', '有余', '多', '余', '+'], AT_LEAST, AFTER),
  ...words(['将近', '接近', '大约', '近', '约', '~', '≈'], ABOUT, BEFORE),
  ...words(
    ['nearly', 'about', 'approximately', 'approx.', 'approx', 'around', 'almost', 'roughly'],
    ABOUT,
    BEFORE,
  ),
  ...words(['左右', '上下'], ABOUT, AFTER),
  ...words(
    ['不超过', '最多', '不到', '不足', 'up to', 'at most', 'no more than', 'under', 'less than'],
    AT_MOST,
    BEFORE,
  ),
  ...words(['以内', '以下'], AT_MOST, AFTER),
  ...words(['万'], { kind: 'multiplier', exponent: 4, system: 'zh' }, AFTER),
  ...words(['亿'], { kind: 'multiplier', exponent: 8, system: 'zh' }, AFTER),
  ...words(['thousand'], { kind: 'multiplier', exponent: 3, system: 'en' }, AFTER),
  ...words(['million', 'mln', 'mn'], { kind: 'multiplier', exponent: 6, system: 'en' }, AFTER),
  ...words(['billion', 'bn'], { kind: 'multiplier', exponent: 9, system: 'en' }, AFTER),
  ...words(['trillion'], { kind: 'multiplier', exponent: 12, system: 'en' }, AFTER),
  ...words(['元', 'yuan'], { kind: 'unit', currency: 'CNY' }, AFTER),
  ...words(
    ['美元', '美金', 'us dollars', 'us dollar', 'u.s. dollars', 'u.s. dollar', 'dollars', 'dollar'],
    { kind: 'unit', currency: 'USD' },
    AFTER,
  ),
  ...words(['人民币', 'renminbi', 'rmb', 'cny', '¥'], { kind: 'currency', currency: 'CNY' }, BOTH),
  ...words(['u.s.$', 'us$', 'usd', '$'], { kind: 'currency', currency: 'USD' }, BOTH),
].sort((a, b) => b.text.length - a.text.length);

const LATIN = /[a-z]/;

/** The longest lexicon entry at position i allowed on this side, not cut out of a longer Latin word. */
export function matchWord(text: string, i: number, side: Side): { text: string; token: AmountToken } | null {
  for (const entry of LEXICON) {
    if (!entry.sides.includes(side) || !text.startsWith(entry.text, i)) continue;
    const last = entry.text.charAt(entry.text.length - 1);
    const next = text.charAt(i + entry.text.length);
    if (LATIN.test(last) && LATIN.test(next)) continue;
    return entry;
  }
  return null;
}

import { type AmountToken, matchWord, type Side } from './amount-lexicon.ts';
import type { Amount, Currency, Qualifier } from './amount-types.ts';
import { err, ok, type Result, type RuleError } from './result.ts';

export {
  formatAmount,
  formatYi,
  SIZE_BANDS,
  type SizeBand,
  sizeBandOf,
  toCny,
  yiDisplays,
} from './amount-format.ts';
export type { Amount, Currency, Qualifier } from './amount-types.ts';

export interface ParseAmountOptions {
  /** Unit of a bare number (a spreadsheet column in 万元, say); ignored when the input names a unit. */
  defaultUnit?: 'yuan' | 'wan' | 'yi';
}

const DEFAULT_EXPONENT = { yuan: 0, wan: 4, yi: 8 } as const;
const NUMBER = /\d+(?:,\d+)*(?:\.\d+)?|\.\d+/g;

function fail(code: string, zh: string, en: string): Result<never, RuleError> {
  return err({ code, zh, en });
}

function syntax(input: string, zh: string, en: string): Result<never, RuleError> {
  return fail('amount.syntax', `金额“${input}”无法识别：${zh}`, `Amount "${input}" not understood: ${en}`);
}

interface Word {
  text: string;
  token: AmountToken;
}

/** Splits the words around the number; returns the first fragment it does not know as a string. */
function tokenize(text: string, side: Side): Word[] | string {
  const out: Word[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text.charAt(i))) {
      i++;
      continue;
    }
    const word = matchWord(text, i, side);
    if (word) {
      out.push(word);
      i += word.text.length;
      continue;
    }
    let j = i + 1;
    while (j < text.length && !/\s/.test(text.charAt(j)) && !matchWord(text, j, side)) j++;
    return text.slice(i, j);
  }
  return out;
}

// Chinese spells 万亿 as 万 then 亿 (1万多亿 too); English takes a single multiplier word.
function multiplierExponent(exponents: { exponent: number; system: 'zh' | 'en' }[]): number | null {
  if (exponents.length === 0) return 0;
  const [first, second] = exponents;
  if (first && exponents.length === 1) return first.exponent;
  if (first && second && exponents.length === 2 && first.system === 'zh' && second.system === 'zh') {
    return first.exponent === 4 && second.exponent === 8 ? 12 : null;
  }
  return null;
}

/** Parses an amount such as 3.24亿元, 超3000亿元, 3000万美元以上 or RMB 31.9 billion into exact whole units. */
export function parseAmount(input: string, options: ParseAmountOptions = {}): Result<Amount, RuleError> {
  const shown = input.trim();
  if (shown === '') {
    return fail('amount.empty', '金额不能为空', 'The amount is empty');
  }
  const text = shown.normalize('NFKC').toLowerCase().replace(/億/g, '亿').replace(/萬/g, '万');

  const numbers = text.match(NUMBER) ?? [];
  const [number, extra] = numbers;
  if (number === undefined) {
    return syntax(
      shown,
      '没有阿拉伯数字（不支持“三千万”这类中文数字）',
      'no digits found (Chinese numerals such as 三千 are not supported)',
    );
  }
  if (extra !== undefined) {
    return syntax(
      shown,
      `只能有一个数字，多出了“${extra}”`,
      `only one number is allowed, found another: "${extra}"`,
    );
  }
  const at = text.indexOf(number);
  const before = text.slice(0, at);
  const after = text.slice(at + number.length);
  if (/[-−负]/.test(before)) {
    return fail('amount.negative', `金额“${shown}”不能为负数`, `Amount "${shown}" cannot be negative`);
  }
  const [whole = '', fraction = ''] = number.split('.');
  const groups = whole.split(',');
  if (groups.length > 1 && ((groups[0] ?? '').length > 3 || groups.slice(1).some((g) => g.length !== 3))) {
    return syntax(shown, `千分位分隔不正确：“${number}”`, `misplaced thousands separator in "${number}"`);
  }

  const words: Word[] = [];
  for (const [part, side] of [
    [before, 'before'],
    [after, 'after'],
  ] as const) {
    const tokens = tokenize(part, side);
    if (typeof tokens === 'string') {
      return syntax(shown, `不认识“${tokens}”`, `"${tokens}" is not a known unit, currency or qualifier`);
    }
    words.push(...tokens);
  }

  const qualifiers = new Map<Exclude<Qualifier, 'exact'>, string>();
  const currencies = new Map<Currency, string>();
  const multipliers: { exponent: number; system: 'zh' | 'en' }[] = [];
  let unit: Word | null = null;
  for (const word of words) {
    const { token } = word;
    if (token.kind === 'qualifier') {
      if (!qualifiers.has(token.qualifier)) qualifiers.set(token.qualifier, word.text);
    } else if (token.kind === 'multiplier') {
      if (unit)
        return syntax(
          shown,
          `“${word.text}”应在“${unit.text}”之前`,
          `"${word.text}" must come before "${unit.text}"`,
        );
      multipliers.push(token);
    } else {
      if (token.kind === 'unit') {
        if (unit) return syntax(shown, `单位重复：“${word.text}”`, `the unit is given twice: "${word.text}"`);
        unit = word;
      }
      if (!currencies.has(token.currency)) currencies.set(token.currency, word.text);
    }
  }
  if (qualifiers.size > 1) {
    const [a, b] = [...qualifiers.values()];
    return fail(
      'amount.conflicting_qualifiers',
      `金额“${shown}”同时用了“${a}”和“${b}”，含义矛盾`,
      `Amount "${shown}" uses both "${a}" and "${b}", which contradict each other`,
    );
  }
  if (currencies.size > 1) {
    return syntax(shown, '同时出现人民币和美元', 'it names both yuan and US dollars');
  }
  const exponent = multiplierExponent(multipliers);
  if (exponent === null) {
    return syntax(
      shown,
      '数量单位的组合不对（可用万、亿、万亿或一个英文单位）',
      'the multiplier words do not combine (use one of 万, 亿, 万亿, or a single English word)',
    );
  }
  const currency: Currency = [...currencies.keys()][0] ?? 'CNY';
  const qualifier: Qualifier = [...qualifiers.keys()][0] ?? 'exact';
  const scale = multipliers.length > 0 || unit ? exponent : DEFAULT_EXPONENT[options.defaultUnit ?? 'yuan'];

  const kept = fraction.slice(0, scale);
  if (/[1-9]/.test(fraction.slice(scale))) {
    const unitName = currency === 'USD' ? { zh: '美元', en: 'US dollar' } : { zh: '元', en: 'yuan' };
    return fail(
      'amount.fraction',
      `金额“${shown}”不是整数${unitName.zh}（最小单位为1${unitName.zh}）`,
      `Amount "${shown}" is not a whole number of ${unitName.en}s (the smallest unit is 1 ${unitName.en})`,
    );
  }
  const value = BigInt(groups.join('') + kept.padEnd(scale, '0'));
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    return fail(
      'amount.too_large',
      `金额“${shown}”超出可精确表示的范围（最大${Number.MAX_SAFE_INTEGER}）`,
      `Amount "${shown}" is too large to hold exactly (maximum ${Number.MAX_SAFE_INTEGER})`,
    );
  }
  return ok({ value: Number(value), currency, qualifier });
}

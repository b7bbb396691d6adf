import { type AmountToken, matchesOtherSide, matchWord, type Side } from './amount-lexicon.ts';
import { type Decimal, evaluateNumeral, type NumeralPart, shift } from './amount-numeral.ts';
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
const ARABIC = /\d+(?:,\d+)*(?:\.\d+)?|\.\d+/y;

type PieceToken = AmountToken | { kind: 'number'; value: Decimal; isArabic: boolean };

interface Piece {
  text: string;
  token: PieceToken;
}

const NUMERAL_KINDS: ReadonlySet<PieceToken['kind']> = new Set(['number', 'digit', 'zero', 'place', 'vague']);

function fail(code: string, zh: string, en: string): Result<never, RuleError> {
  return err({ code, zh, en });
}

function syntax(input: string, zh: string, en: string): Result<never, RuleError> {
  return fail('amount.syntax', `金额“${input}”无法识别：${zh}`, `Amount "${input}" not understood: ${en}`);
}

/** An Arabic number with its thousands separators checked (3,000 yes, 3,00 no). */
function arabic(input: string, text: string): Result<Piece, RuleError> {
  const [whole = '', fraction = ''] = text.split('.');
  const groups = whole.split(',');
  if (groups.length > 1 && ((groups[0] ?? '').length > 3 || groups.slice(1).some((g) => g.length !== 3))) {
    return syntax(input, `千分位分隔不正确：“${text}”`, `misplaced thousands separator in "${text}"`);
  }
  const value = { n: BigInt(`${groups.join('')}${fraction}` || '0'), scale: fraction.length };
  return ok({ text, token: { kind: 'number', value, isArabic: true } });
}

/** Splits the text into numbers and known words; a word is known only on its side of the number. */
function readPieces(input: string, normalized: string): Result<Piece[], RuleError> {
  // Words match lower-cased; a fragment not understood is quoted in the case it was typed.
  const text = normalized.toLowerCase();
  const shown = text.length === normalized.length ? normalized : text;
  const pieces: Piece[] = [];
  let side: Side = 'before';
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text.charAt(i))) {
      i++;
      continue;
    }
    ARABIC.lastIndex = i;
    const number = ARABIC.exec(text)?.[0];
    const word = number === undefined ? matchWord(text, i, side) : null;
    if (number !== undefined) {
      const piece = arabic(input, number);
      if (!piece.ok) return piece;
      pieces.push(piece.value);
      side = 'after';
      i += number.length;
    } else if (word) {
      pieces.push(word);
      if (NUMERAL_KINDS.has(word.token.kind)) side = 'after';
      i += word.text.length;
    } else {
      const other = matchesOtherSide(text, i, side);
      if (other) {
        const where = side === 'before' ? { zh: '之后', en: 'after' } : { zh: '之前', en: 'before' };
        return syntax(input, `“${other}”应写在数字${where.zh}`, `"${other}" belongs ${where.en} the number`);
      }
      let j = i + 1;
      while (j < text.length && !/[\s\d]/.test(text.charAt(j)) && !matchWord(text, j, side)) j++;
      const fragment = shown.slice(i, j);
      return syntax(
        input,
        `不认识“${fragment}”`,
        `"${fragment}" is not a known number, unit, currency or qualifier`,
      );
    }
  }
  return ok(pieces);
}

/** 三点二四 → one number 3.24: the Chinese digits after 点 are a decimal fraction. */
function joinChineseDecimals(input: string, pieces: Piece[]): Result<Piece[], RuleError> {
  const out: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as Piece;
    if (piece.token.kind !== 'point') {
      out.push(piece);
      continue;
    }
    const before = out.at(-1);
    let digits = '';
    let text = '';
    for (let next = pieces[i + 1]; next && (next.token.kind === 'digit' || next.token.kind === 'zero'); ) {
      digits += next.token.kind === 'digit' ? String(next.token.value) : '0';
      text += next.text;
      i++;
      next = pieces[i + 1];
    }
    const whole =
      before?.token.kind === 'digit' ? before.token.value : before?.token.kind === 'zero' ? 0 : null;
    if (!before || whole === null || digits === '') {
      return syntax(
        input,
        `“${piece.text}”须写在两个中文数字之间（如“三点二亿”）`,
        `"${piece.text}" must stand between two Chinese digits (三点二亿)`,
      );
    }
    out[out.length - 1] = {
      text: `${before.text}${piece.text}${text}`,
      token: {
        kind: 'number',
        value: { n: BigInt(`${whole}${digits}`), scale: digits.length },
        isArabic: false,
      },
    };
  }
  return ok(out);
}

/** Parses an amount as reports write it (3.24亿元, 超千亿元, 1000余万元, 两千万美元, over RMB 1.2 trillion) exactly. */
export function parseAmount(input: string, options: ParseAmountOptions = {}): Result<Amount, RuleError> {
  const shown = input.trim();
  if (shown === '') {
    return fail('amount.empty', '金额不能为空', 'The amount is empty');
  }
  const pieces = readPieces(shown, shown.normalize('NFKC').replace(/億/g, '亿').replace(/萬/g, '万'));
  if (!pieces.ok) return pieces;
  const read = joinChineseDecimals(shown, pieces.value);
  if (!read.ok) return read;

  const parts: NumeralPart[] = [];
  const qualifiers = new Map<Exclude<Qualifier, 'exact'>, string>();
  const currencies = new Map<Currency, string>();
  let english: { exponent: number; text: string } | null = null;
  // What closed the figure (元, USD, million): numbers and 万/亿 must come before it.
  let closer: string | null = null;
  let unit: string | null = null;
  const combine = (word: string) =>
    syntax(
      shown,
      `数量单位的组合不对：“${word}”（可用万、亿、万亿或一个英文单位）`,
      `the multiplier words do not combine: "${word}" (use 万, 亿, 万亿, or a single English word)`,
    );

  for (const { text: word, token } of read.value) {
    switch (token.kind) {
      case 'minus':
        return fail('amount.negative', `金额“${shown}”不能为负数`, `Amount "${shown}" cannot be negative`);
      case 'range':
        return fail(
          'amount.range',
          `金额“${shown}”是一个范围（“${word}”），请填写一个数，可加“超”“约”等`,
          `Amount "${shown}" is a range ("${word}"); give one figure, with "over" or "about" if needed`,
        );
      case 'vague':
        return fail(
          'amount.vague',
          `金额“${shown}”中的“${word}”是约数，没有确定的数值，请写出具体金额（如“超10亿元”）`,
          `Amount "${shown}" has no exact value ("${word}" is a rough count); give a figure such as "over 1 billion yuan"`,
        );
      case 'foreign':
        return fail(
          'amount.currency',
          `金额“${shown}”的币种“${word}”不受支持，只能用人民币或美元`,
          `Amount "${shown}" is in "${word}"; only yuan and US dollars are accepted`,
        );
      case 'qualifier':
        if (!qualifiers.has(token.qualifier)) qualifiers.set(token.qualifier, word);
        break;
      case 'currency':
      case 'unit':
        if (token.kind === 'unit') {
          if (unit) return syntax(shown, `单位重复：“${word}”`, `the unit is given twice: "${word}"`);
          unit = word;
        }
        if (!currencies.has(token.currency)) currencies.set(token.currency, word);
        if (parts.length > 0) closer ??= word;
        break;
      case 'multiplier':
        if (english) return combine(`${english.text} ${word}`);
        if (closer)
          return syntax(shown, `“${word}”应在“${closer}”之前`, `"${word}" must come before "${closer}"`);
        if (token.system === 'zh') {
          parts.push({ kind: 'group', text: word, exponent: token.exponent });
          break;
        }
        if (parts.length !== 1 || parts[0]?.kind !== 'number' || !parts[0].isArabic) {
          return combine(`${parts.map((part) => part.text).join('')} ${word}`);
        }
        english = { exponent: token.exponent, text: word };
        closer = word;
        break;
      case 'point':
        // joinChineseDecimals has taken every 点 into its number or refused it.
        return syntax(shown, `不认识“${word}”`, `"${word}" is not understood here`);
      default: {
        if (closer)
          return syntax(shown, `“${word}”应在“${closer}”之前`, `"${word}" must come before "${closer}"`);
        if (token.kind === 'number')
          parts.push({ kind: 'number', text: word, value: token.value, isArabic: token.isArabic });
        else if (token.kind === 'digit') {
          parts.push({
            kind: 'number',
            text: word,
            value: { n: BigInt(token.value), scale: 0 },
            isArabic: false,
          });
        } else if (token.kind === 'zero') parts.push({ kind: 'zero', text: word });
        else parts.push({ kind: 'place', text: word, exponent: token.exponent });
      }
    }
  }

  if (parts.length === 0) return syntax(shown, '没有数字', 'no number found');
  const figure = evaluateNumeral(parts);
  if (!figure.ok) {
    const { code, zh, en } = figure.error;
    if (code === 'amount.vague')
      return fail(code, `金额“${shown}”无法确定：${zh}`, `Amount "${shown}": ${en}`);
    return syntax(shown, zh, en);
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
  const currency: Currency = [...currencies.keys()][0] ?? 'CNY';
  const qualifier: Qualifier = [...qualifiers.keys()][0] ?? 'exact';
  const hasMultiplier = english !== null || parts.some((part) => part.kind === 'group');
  const exponent =
    (english?.exponent ?? 0) + (hasMultiplier || unit ? 0 : DEFAULT_EXPONENT[options.defaultUnit ?? 'yuan']);
  const exact = shift(figure.value, exponent);

  const divisor = 10n ** BigInt(exact.scale);
  if (exact.n % divisor !== 0n) {
    const unitName = currency === 'USD' ? { zh: '美元', en: 'US dollar' } : { zh: '元', en: 'yuan' };
    return fail(
      'amount.fraction',
      `金额“${shown}”不是整数${unitName.zh}（最小单位为1${unitName.zh}）`,
      `Amount "${shown}" is not a whole number of ${unitName.en}s (the smallest unit is 1 ${unitName.en})`,
    );
  }
  const value = exact.n / divisor;
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    return fail(
      'amount.too_large',
      `金额“${shown}”超出可精确表示的范围（最大${Number.MAX_SAFE_INTEGER}）`,
      `Amount "${shown}" is too large to hold exactly (maximum ${Number.MAX_SAFE_INTEGER})`,
    );
  }
  return ok({ value: Number(value), currency, qualifier });
}

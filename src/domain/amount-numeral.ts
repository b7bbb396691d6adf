import { err, ok, type Result } from './result.ts';

// The figure of an amount as Chinese writes it: Arabic or Chinese digits with places (十百千) and groups
// (万, 亿, 万亿), mixed freely (3千万, 一百二十亿, 1亿2000万, 1.2万亿), evaluated exactly.

/** An exact non-negative decimal, n / 10^scale. */
export interface Decimal {
  n: bigint;
  scale: number;
}

export type NumeralPart =
  | { kind: 'number'; text: string; value: Decimal; isArabic: boolean }
  /** 零 or 〇: a skipped place (一千零五), which also makes a lone 零 the number 0. */
  | { kind: 'zero'; text: string }
  /** 十, 百, 千 (and 拾佰仟): a place inside a group of four digits. */
  | { kind: 'place'; text: string; exponent: number }
  /** 万 and 亿: a group; 万亿 is 万 then 亿. */
  | { kind: 'group'; text: string; exponent: number };

/** What is wrong with the figure, as a phrase the caller puts after the input. */
export interface NumeralError {
  code: 'amount.syntax' | 'amount.vague';
  zh: string;
  en: string;
}

export const ZERO: Decimal = { n: 0n, scale: 0 };

export function shift(value: Decimal, exponent: number): Decimal {
  if (value.scale >= exponent) return { n: value.n, scale: value.scale - exponent };
  return { n: value.n * 10n ** BigInt(exponent - value.scale), scale: 0 };
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { n: a.n * 10n ** BigInt(scale - a.scale) + b.n * 10n ** BigInt(scale - b.scale), scale };
}

/** Digits before the decimal point of an Arabic number, so 500 after 千 fills exactly the places below it. */
function wholeDigits(part: Extract<NumeralPart, { kind: 'number' }>): number {
  return (part.text.split('.')[0] ?? '').replace(/,/g, '').replace(/^0+(?=\d)/, '').length;
}

function syntax(zh: string, en: string): Result<never, NumeralError> {
  return err({ code: 'amount.syntax', zh, en });
}

/** Reads the parts of one figure left to right, like a reader of 一亿二千零五十万 does. */
export function evaluateNumeral(parts: readonly NumeralPart[]): Result<Decimal, NumeralError> {
  let result = ZERO;
  let section = ZERO;
  let isSectionEmpty = true;
  let pending: Extract<NumeralPart, { kind: 'number' }> | null = null;
  let isAfterZero = false;
  let lastPlace: { exponent: number; text: string } | null = null;
  let largestGroup = 0;
  // The lowest place the groups read so far have filled: the next group must be below it.
  let lowestFilled = Number.POSITIVE_INFINITY;
  let lastGroup: { exponent: number; text: string } | null = null;
  let hasDigit = false;

  // A digit standing alone after a place is an abbreviation (三千五 = 3500? 3005?): refuse rather than guess.
  const checkTrailing = (above: { exponent: number; text: string } | null): Result<true, NumeralError> => {
    if (!pending || !above || isAfterZero) return ok(true);
    const places = pending.isArabic ? wholeDigits(pending) : 1;
    if (above.exponent === 1 && places === 1) return ok(true);
    if (pending.isArabic && places === above.exponent) return ok(true);
    return syntax(
      `“${above.text}${pending.text}”的位数不明确（请写成如“三千五百”或“3500”）`,
      `the places of "${above.text}${pending.text}" are unclear (write 三千五百 or 3500)`,
    );
  };

  for (const part of parts) {
    if (part.kind === 'number') {
      if (pending) {
        const both = `${pending.text}${part.text}`;
        if (!pending.isArabic && !part.isArabic) {
          return err({
            code: 'amount.vague',
            zh: `“${both}”是约数，没有确定的数值，请写出具体金额`,
            en: `"${both}" is a rough range, not one figure; give the amount itself`,
          });
        }
        return syntax(
          `两个数字“${pending.text}”和“${part.text}”之间缺少单位`,
          `two numbers "${pending.text}" and "${part.text}" with no unit between them`,
        );
      }
      pending = part;
      hasDigit = true;
    } else if (part.kind === 'zero') {
      if (pending) {
        return syntax(
          `“${pending.text}${part.text}”无法识别`,
          `"${pending.text}${part.text}" is not a number`,
        );
      }
      isAfterZero = true;
      hasDigit = true;
    } else if (part.kind === 'place') {
      if (lastPlace && part.exponent >= lastPlace.exponent) {
        return syntax(
          `“${part.text}”不能写在“${lastPlace.text}”之后`,
          `"${part.text}" cannot follow "${lastPlace.text}"`,
        );
      }
      if (!pending && !isSectionEmpty && !isAfterZero) {
        return syntax(`“${part.text}”前面缺少数字`, `"${part.text}" has no digit before it`);
      }
      section = add(section, shift(pending?.value ?? { n: 1n, scale: 0 }, part.exponent));
      pending = null;
      isSectionEmpty = false;
      isAfterZero = false;
      lastPlace = { exponent: part.exponent, text: part.text };
      hasDigit = true;
    } else {
      const trailing = checkTrailing(lastPlace);
      if (!trailing.ok) return trailing;
      const isEmpty = isSectionEmpty && !pending && !isAfterZero;
      const group = add(section, pending?.value ?? ZERO);
      const combine = syntax(
        `数量单位的组合不对：“${lastGroup?.text ?? ''}${part.text}”（可用万、亿、万亿或一个英文单位）`,
        `the multiplier words do not combine: "${lastGroup?.text ?? ''}${part.text}" (use 万, 亿, 万亿, or a single English word)`,
      );
      if (part.exponent > largestGroup) {
        // A larger group multiplies everything before it: 1万亿, 1万2000亿.
        if (isEmpty && !lastGroup) {
          return syntax(`“${part.text}”前面缺少数字`, `"${part.text}" has no number before it`);
        }
        result = shift(add(result, group), part.exponent);
        lowestFilled = isEmpty ? lowestFilled + part.exponent : part.exponent;
        largestGroup = part.exponent;
      } else {
        if (isEmpty || part.exponent >= lowestFilled) return combine;
        result = add(result, shift(group, part.exponent));
        lowestFilled = part.exponent;
      }
      section = ZERO;
      isSectionEmpty = true;
      pending = null;
      isAfterZero = false;
      lastPlace = null;
      lastGroup = { exponent: part.exponent, text: part.text };
    }
  }
  if (!hasDigit) return syntax('没有数字', 'no number found');
  const tail = lastPlace ?? (isSectionEmpty && lastGroup ? { ...lastGroup, exponent: lowestFilled } : null);
  const trailing = checkTrailing(tail);
  if (!trailing.ok) return trailing;
  return ok(add(result, add(section, pending?.value ?? ZERO)));
}

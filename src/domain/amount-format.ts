import type { Amount, Qualifier } from './amount-types.ts';

type Locale = 'zh-CN' | 'en-US';

const POW10 = (n: number): bigint => 10n ** BigInt(n);

/** value / 10^exponent rounded half away from zero to `decimals` places, as an integer of those places. */
function scaled(value: bigint, exponent: number, decimals: number): bigint {
  const divisor = POW10(exponent - decimals);
  const magnitude = value < 0n ? -value : value;
  const rounded = (magnitude * 2n + divisor) / (2n * divisor);
  return value < 0n ? -rounded : rounded;
}

// Amounts are exact integers; a float here is a bug upstream, so say so instead of rounding it away.
function exact(value: number): bigint {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not a safe integer amount`);
  return BigInt(value);
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Writes an integer of `decimals` places as a decimal; trimmed drops trailing zeros (3.50 → 3.5, 324.00 → 324). */
function decimal(units: bigint, decimals: number, options: { grouped: boolean; trimmed: boolean }): string {
  const sign = units < 0n ? '-' : '';
  const digits = (units < 0n ? -units : units).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  let fraction = digits.slice(digits.length - decimals);
  if (options.trimmed) fraction = fraction.replace(/0+$/, '');
  const head = options.grouped ? group(whole) : whole;
  return `${sign}${head}${fraction ? `.${fraction}` : ''}`;
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/** English magnitude: billions with 2 decimals, millions trimmed to at most 2, smaller values grouped. */
function englishFigure(value: bigint): string {
  const billions = scaled(value, 9, 2);
  if (abs(value) >= 1_000_000_000n || abs(scaled(value, 6, 2)) >= 100_000n) {
    return `${decimal(billions, 2, { grouped: true, trimmed: false })} billion`;
  }
  if (abs(value) >= 1_000_000n) {
    return `${decimal(scaled(value, 6, 2), 2, { grouped: false, trimmed: true })} million`;
  }
  return group(value.toString());
}

/** Chinese magnitude: 亿 with 2 decimals, 万 trimmed to at most 2, smaller values in whole units. */
function chineseFigure(value: bigint, unit: string): string {
  const wan = scaled(value, 4, 2);
  if (abs(value) >= 100_000_000n || abs(wan) >= 1_000_000n) {
    return `${decimal(scaled(value, 8, 2), 2, { grouped: false, trimmed: false })}亿${unit}`;
  }
  if (abs(value) >= 10_000n) return `${decimal(wan, 2, { grouped: false, trimmed: true })}万${unit}`;
  return `${value.toString()}${unit}`;
}

/** 324000000 → '3.24亿元' (zh) or 'RMB 324 million' (en); always in 亿元 with two decimals in Chinese. */
export function formatYi(value: number, locale: Locale = 'zh-CN'): string {
  const v = exact(value);
  if (locale === 'en-US') return `RMB ${englishFigure(v)}`;
  return `${decimal(scaled(v, 8, 2), 2, { grouped: false, trimmed: false })}亿元`;
}

/** A sum in yuan as the API shows it beside the figure: in 亿元 for Chinese readers and in English. */
export function yiDisplays(value: number): { displayZh: string; displayEn: string } {
  return { displayZh: formatYi(value, 'zh-CN'), displayEn: formatYi(value, 'en-US') };
}

// One wording per qualifier: 超 / 约 / 不超过 before the figure; over / about / up to in English.
const QUALIFIER_WORDS: Record<Qualifier, { zh: string; en: string }> = {
  exact: { zh: '', en: '' },
  at_least: { zh: '超', en: 'over ' },
  about: { zh: '约', en: 'about ' },
  at_most: { zh: '不超过', en: 'up to ' },
};

/** An amount as reports write it, keeping its qualifier and currency: '超3000.00亿元', 'over USD 30 million'. */
export function formatAmount(amount: Amount, locale: Locale = 'zh-CN'): string {
  const words = QUALIFIER_WORDS[amount.qualifier];
  const v = exact(amount.value);
  if (locale === 'en-US') {
    return `${words.en}${amount.currency === 'USD' ? 'USD' : 'RMB'} ${englishFigure(v)}`;
  }
  return `${words.zh}${chineseFigure(v, amount.currency === 'USD' ? '美元' : '元')}`;
}

/**
 * The amount in whole yuan; a USD amount uses the recorded rate (CNY per USD, a decimal string such as
 * '7.1234'), multiplied exactly and rounded half up. Throws RangeError on a malformed rate or an overflow.
 */
export function toCny(amount: Amount, usdRate: string): number {
  if (amount.currency === 'CNY') return amount.value;
  const match = /^(\d+)(?:\.(\d+))?$/.exec(usdRate.normalize('NFKC').trim());
  if (!match) throw new RangeError(`Exchange rate "${usdRate}" is not a decimal number such as 7.1234`);
  const places = (match[2] ?? '').length;
  const rate = BigInt(`${match[1]}${match[2] ?? ''}`);
  if (rate === 0n) throw new RangeError(`Exchange rate "${usdRate}" must be greater than zero`);
  const yuan = scaled(exact(amount.value) * rate, places, 0);
  if (abs(yuan) > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`${amount.value} USD at ${usdRate} is too large to hold exactly in yuan`);
  }
  return Number(yuan);
}

export type SizeBand = 'ge50yi' | 'ge10yi' | 'ge1yi' | 'lt1yi';

/** Investment size bands, largest first; each band runs from its minYuan up to the next band's. */
export const SIZE_BANDS: readonly { code: SizeBand; minYuan: number; zh: string; en: string }[] = [
  { code: 'ge50yi', minYuan: 5_000_000_000, zh: '50亿元及以上', en: 'RMB 5 billion and above' },
  { code: 'ge10yi', minYuan: 1_000_000_000, zh: '10亿至50亿元', en: 'RMB 1 billion to 5 billion' },
  { code: 'ge1yi', minYuan: 100_000_000, zh: '1亿至10亿元', en: 'RMB 100 million to 1 billion' },
  { code: 'lt1yi', minYuan: 0, zh: '1亿元以下', en: 'Under RMB 100 million' },
];

/** The band an amount in yuan falls in (≥50亿, ≥10亿, ≥1亿, <1亿). */
export function sizeBandOf(valueYuan: number): SizeBand {
  return SIZE_BANDS.find((band) => valueYuan >= band.minYuan)?.code ?? 'lt1yi';
}

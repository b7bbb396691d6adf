import type { RuleError } from './result.ts';

/**
 * The largest amount one record may hold: 100万亿元, about China's output in a year. Far above any project or
 * agreement, and low enough that totals over many records stay exact in a JavaScript number.
 */
export const MAX_RECORD_YUAN = 100_000_000_000_000;

/** Why an amount cannot be stored on a record, or null when it can. */
export function recordAmountError(yuan: number): RuleError | null {
  if (yuan <= MAX_RECORD_YUAN) return null;
  return {
    code: 'amount.above_limit',
    zh: '金额超过单个记录的上限（100万亿元）',
    en: 'The amount is above what one record may hold (RMB 100 trillion)',
  };
}

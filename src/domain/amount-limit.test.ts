import { describe, expect, it } from 'vitest';
import { MAX_RECORD_YUAN, recordAmountError } from './amount-limit.ts';

describe('recordAmountError', () => {
  it.each([
    [0, null],
    [120_000_000, null],
    [MAX_RECORD_YUAN, null],
    [MAX_RECORD_YUAN + 1, 'amount.above_limit'],
    [Number.MAX_SAFE_INTEGER, 'amount.above_limit'],
  ])('%d yuan → %s', (yuan, code) => {
    expect(recordAmountError(yuan)?.code ?? null).toBe(code);
  });

  it('keeps a total of 90 records at the limit exact', () => {
    expect(Number.isSafeInteger(90 * MAX_RECORD_YUAN)).toBe(true);
  });
});

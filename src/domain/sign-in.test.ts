import { describe, expect, it } from 'vitest';
import { backoffSeconds, backoffTable, SIGN_IN_LIMIT } from './sign-in.ts';

describe('sign-in back-off', () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 1],
    [6, 2],
    [7, 4],
    [14, 512],
    [15, 900],
    [16, 900],
    [10_000, 900],
  ])('after %i failures in a row waits %i s', (failures, seconds) => {
    expect(backoffSeconds(failures)).toBe(seconds);
  });

  it('tabulates every count up to the cap, ending at 15 minutes', () => {
    const table = backoffTable();
    expect(table).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900]);
    expect(table.at(-1)).toBe(SIGN_IN_LIMIT.maxBackoffSeconds);
  });
});

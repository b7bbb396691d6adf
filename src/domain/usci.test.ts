import { describe, expect, it } from 'vitest';
import { normalizeUsci, orgCodeCheckChar, usciCheckChar, validateUsci } from './usci.ts';

// Every valid fixture below was checked by computing both check characters, not taken on trust.
const VALID: readonly [string, string][] = [
  ['91350100M000100Y43', '91350100M000100Y43'],
  ['91110000600037341L', '91110000600037341L'],
  ['914403001922038216', '914403001922038216'],
  ['9144030071526726XG', '9144030071526726XG'],
  ['91330100799655058B', '91330100799655058B'],
  ['91110108551385082Q', '91110108551385082Q'],
  ['91440300708461136T', '91440300708461136T'],
  ['12100000400000624D', '12100000400000624D'],
  ['31110000E00017891P', '31110000E00017891P'],
  ['  91350100m000100y43 ', '91350100M000100Y43'],
  ['９１３５０１００Ｍ０００１００Ｙ４３', '91350100M000100Y43'],
  ['9135 0100 M000 100Y 43', '91350100M000100Y43'],
];

describe('validateUsci accepts valid codes', () => {
  it.each(VALID)('%s', (input, normalized) => {
    expect(validateUsci(input)).toEqual({ ok: true, value: normalized });
  });
});

const INVALID: readonly [string, string, string][] = [
  ['', 'usci.length', '应为18位'],
  ['91350100M000100Y4', 'usci.length', '实为17位'],
  ['91350100M000100Y431', 'usci.length', 'not 19'],
  ['91350100M000I00Y43', 'usci.charset', 'position 13'],
  ['91350100M000100O43', 'usci.charset', '第16位“O”'],
  ['9135010ZM000100Y43', 'usci.charset', '"Z" at position 8'],
  ['913501A0M000100Y43', 'usci.charset', 'must be a digit'],
  ['B1350100M000100Y41', 'usci.authority', 'position 1'],
  ['91350100M000100Y56', 'usci.org_code_check', 'expected "4"'],
  ['91350100M000100Y44', 'usci.check', 'should be "3"'],
  ['91110000600037341X', 'usci.check', '应为“L”'],
];

describe('validateUsci rejects malformed codes', () => {
  it.each(INVALID)('%j -> %s', (input, code, fragment) => {
    const result = validateUsci(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(`${result.error.zh} ${result.error.en}`).toContain(fragment);
  });

  it('names the input in both languages', () => {
    const result = validateUsci('91350100M000100Y44');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.zh).toContain('91350100M000100Y44');
    expect(result.error.en).toContain('91350100M000100Y44');
  });
});

describe('check characters', () => {
  it.each([
    ['91350100M000100Y4', '3'],
    ['91110000600037341', 'L'],
    ['9144030071526726X', 'G'],
  ])('usciCheckChar(%s) = %s', (body, expected) => {
    expect(usciCheckChar(body)).toBe(expected);
  });

  it('returns null for a character outside the charset', () => {
    expect(usciCheckChar('9135010OM000100Y4')).toBeNull();
  });

  it.each([
    ['M000100Y', '4'],
    ['60003734', '1'],
    ['71526726', 'X'],
    ['19220382', '1'],
  ])('orgCodeCheckChar(%s) = %s', (body, expected) => {
    expect(orgCodeCheckChar(body)).toBe(expected);
  });

  it('normalizeUsci trims, uppercases and converts full-width', () => {
    expect(normalizeUsci(' ９１ab－c ')).toBe('91ABC');
  });
});

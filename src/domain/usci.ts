import { err, ok, type Result, type RuleError } from './result.ts';

// GB 32100-2015 charset: digits and capitals without I, O, Z, S, V; index = character value.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CHECK_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
// GB 11714-1997 weights for the 8-character body of the organization code.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
// GB 11714 values letters by their place in the full alphabet (A=10 … Z=35), not by the USCI charset.
const ORG_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
// Registration authorities of position 1 (1 机构编制, 5 民政, 9 工商/市场监管, Y 其他, and those allocated since).
const AUTHORITIES = new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'N', 'Y']);

/** Trim, convert full-width characters to half-width, uppercase; drops inner spaces and hyphens. */
export function normalizeUsci(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\-–—]/g, '')
    .toUpperCase();
}

/** Check character (position 18) for the first 17 characters, or null if one is outside the charset. */
export function usciCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17.charAt(i));
    const weight = CHECK_WEIGHTS[i];
    if (value < 0 || weight === undefined) return null;
    sum += value * weight;
  }
  const check = (31 - (sum % 31)) % 31;
  return CHARSET.charAt(check);
}

/** GB 11714 check character of an 8-character organization-code body. */
export function orgCodeCheckChar(body8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = ORG_ALPHABET.indexOf(body8.charAt(i));
    const weight = ORG_WEIGHTS[i];
    if (value < 0 || weight === undefined) return null;
    sum += value * weight;
  }
  const check = 11 - (sum % 11);
  if (check === 11) return '0';
  if (check === 10) return 'X';
  return String(check);
}

function fail(code: string, zh: string, en: string): Result<never, RuleError> {
  return err({ code, zh, en });
}

/** Validates a unified social credit code (统一社会信用代码); returns it normalized. */
export function validateUsci(input: string): Result<string, RuleError> {
  const code = normalizeUsci(input);
  const shown = input.trim();
  if (code.length !== 18) {
    return fail(
      'usci.length',
      `统一社会信用代码“${shown}”应为18位，实为${code.length}位`,
      `Unified social credit code "${shown}" must have 18 characters, not ${code.length}`,
    );
  }
  for (let i = 0; i < 18; i++) {
    const ch = code.charAt(i);
    const position = i + 1;
    if (!CHARSET.includes(ch)) {
      return fail(
        'usci.charset',
        `统一社会信用代码“${shown}”第${position}位“${ch}”不是允许的字符（不使用I、O、Z、S、V）`,
        `Unified social credit code "${shown}": character "${ch}" at position ${position} is not allowed (I, O, Z, S, V are never used)`,
      );
    }
    if (position >= 3 && position <= 8 && !/[0-9]/.test(ch)) {
      return fail(
        'usci.charset',
        `统一社会信用代码“${shown}”第${position}位“${ch}”应为数字（第3–8位是行政区划代码）`,
        `Unified social credit code "${shown}": character "${ch}" at position ${position} must be a digit (positions 3–8 are the region code)`,
      );
    }
  }
  const authority = code.charAt(0);
  if (!AUTHORITIES.has(authority)) {
    return fail(
      'usci.authority',
      `统一社会信用代码“${shown}”第1位“${authority}”不是登记管理部门代码`,
      `Unified social credit code "${shown}": "${authority}" at position 1 is not a registration authority code`,
    );
  }
  const orgBody = code.slice(8, 16);
  const orgCheck = code.charAt(16);
  const expectedOrgCheck = orgCodeCheckChar(orgBody);
  if (expectedOrgCheck !== orgCheck) {
    return fail(
      'usci.org_code_check',
      `统一社会信用代码“${shown}”第9–17位组织机构代码“${orgBody}-${orgCheck}”校验位错误，应为“${expectedOrgCheck}”`,
      `Unified social credit code "${shown}": organization code "${orgBody}-${orgCheck}" (positions 9–17) has a wrong check character; expected "${expectedOrgCheck}"`,
    );
  }
  const expected = usciCheckChar(code.slice(0, 17));
  const actual = code.charAt(17);
  if (expected !== actual) {
    return fail(
      'usci.check',
      `统一社会信用代码“${shown}”校验位（第18位）应为“${expected}”，实为“${actual}”`,
      `Unified social credit code "${shown}": check character (position 18) should be "${expected}", not "${actual}"`,
    );
  }
  return ok(code);
}

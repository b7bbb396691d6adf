import { err, ok, type Result, type RuleError } from './result.ts';

/*
 * National fixed-asset investment project code (全国固定资产投资项目代码), GB/T 40058-2021 and
 * 《固定资产投资项目代码管理规范》(发改投资〔2020〕1439号, in force 2020-11-01).
 * 24 characters: 20 digits in five hyphenated segments, e.g. 2603-141124-89-05-346948:
 *   time code YYMM (4) - region code GB/T 2260 (6) - 中央业务指导部门代码 (2) - 项目类型代码 (2)
 *   - random code (5) + check digit (1).
 * The standard's text of clause 4.7 (校验码) was not reachable; the check digit is ISO/IEC 7064
 * MOD 11,10 (GB/T 17710) over the 19 preceding digits because every published post-2020 code we
 * found satisfies it (5 of 5) and pre-2020 codes do not; see the test file for those fixtures.
 * Codes issued before the switch (legacy, 2015–2020) read YYYY-region-industry-type-serial(6) and
 * carry no check digit: they are accepted (scheme 'legacy') unless allowLegacy is false.
 */

export type ProjectCodeScheme = 'gb40058' | 'legacy';

export interface ProjectCode {
  /** Normalized, hyphenated: 'YYMM-RRRRRR-CC-TT-NNNNNK' (legacy 'YYYY-RRRRRR-CC-TT-NNNNNN'). */
  code: string;
  scheme: ProjectCodeScheme;
  year: number;
  /** Month the code was assigned; null for legacy codes, which record only the year. */
  month: number | null;
  /** GB/T 2260 administrative division code of the project's location. */
  regionCode: string;
  /** Segment 3: 中央业务指导部门代码 (gb40058) or the industry code (legacy). */
  categoryCode: string;
  /** Segment 4: 项目类型代码. */
  typeCode: string;
  /** Random code: 5 digits (gb40058) or the 6-digit serial (legacy). */
  serial: string;
  /** Check digit; null for legacy codes. */
  checkDigit: string | null;
}

export interface ProjectCodeOptions {
  /** YYYY-MM-DD; when given (and well formed), a code assigned after this month is rejected. */
  today?: string;
  /** Accept pre-2020 codes without a check digit (default true). */
  allowLegacy?: boolean;
}

const HYPHENATED = /^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/;
// Dash look-alikes that people paste from Word or PDFs.
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const FIRST_GB40058_YEAR = 2020;
const LEGACY_YEARS = { from: 2014, to: 2020 } as const;

/** ISO/IEC 7064 MOD 11,10 check digit for a string of decimal digits. */
export function projectCodeCheckDigit(digits: string): string {
  let product = 10;
  for (const ch of digits) {
    let sum = (product + Number(ch)) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  return String((11 - product) % 10);
}

function fail(code: string, zh: string, en: string): Result<never, RuleError> {
  return err({ code, zh, en });
}

function hyphenate(digits: string): string {
  return `${digits.slice(0, 4)}-${digits.slice(4, 10)}-${digits.slice(10, 12)}-${digits.slice(12, 14)}-${digits.slice(14)}`;
}

/** Validates a national investment project code (项目代码), with or without hyphens. */
export function validateProjectCode(
  input: string,
  options: ProjectCodeOptions = {},
): Result<ProjectCode, RuleError> {
  const shown = input.trim();
  const text = input.normalize('NFKC').replace(DASHES, '-').replace(/\s+/g, '');
  const stray = /[^0-9-]/.exec(text);
  if (stray) {
    return fail(
      'project_code.format',
      `项目代码“${shown}”含有不允许的字符“${stray[0]}”，只能是数字和连字符`,
      `Project code "${shown}" contains "${stray[0]}"; only digits and hyphens are allowed`,
    );
  }
  const digits = text.replace(/-/g, '');
  if (digits.length !== 20) {
    return fail(
      'project_code.length',
      `项目代码“${shown}”应为20位数字（含连字符共24位），实为${digits.length}位数字`,
      `Project code "${shown}" must have 20 digits (24 characters with hyphens), not ${digits.length}`,
    );
  }
  if (text.includes('-') && !HYPHENATED.test(text)) {
    return fail(
      'project_code.format',
      `项目代码“${shown}”的连字符位置不对，格式应为 XXXX-XXXXXX-XX-XX-XXXXXX`,
      `Project code "${shown}" has hyphens in the wrong places; the format is XXXX-XXXXXX-XX-XX-XXXXXX`,
    );
  }
  const code = hyphenate(digits);
  const head = digits.slice(0, 4);
  const yy = Number(digits.slice(0, 2));
  const mm = Number(digits.slice(2, 4));
  const fields = {
    code,
    regionCode: digits.slice(4, 10),
    categoryCode: digits.slice(10, 12),
    typeCode: digits.slice(12, 14),
  };

  // A legacy code opens with a full year 2014–2020, whose last two digits can never be a month.
  const legacyYear = Number(head);
  if (mm > 12 && legacyYear >= LEGACY_YEARS.from && legacyYear <= LEGACY_YEARS.to) {
    if (options.allowLegacy === false) {
      return fail(
        'project_code.format',
        `项目代码“${shown}”是2020年11月前的旧格式（无校验位），此处不接受`,
        `Project code "${shown}" uses the pre-November-2020 format (no check digit), which is not accepted here`,
      );
    }
    const future = futureError(shown, legacyYear, 1, options.today);
    if (future) return future;
    return ok({
      ...fields,
      scheme: 'legacy',
      year: legacyYear,
      month: null,
      serial: digits.slice(14),
      checkDigit: null,
    });
  }

  const year = 2000 + yy;
  if (mm < 1 || mm > 12 || year < FIRST_GB40058_YEAR) {
    return fail(
      'project_code.year',
      `项目代码“${shown}”的时间代码“${head}”不是有效的赋码年月（YYMM，2020年起）`,
      `Project code "${shown}": time code "${head}" is not a valid assignment year and month (YYMM, from 2020)`,
    );
  }
  const future = futureError(shown, year, mm, options.today);
  if (future) return future;

  const expected = projectCodeCheckDigit(digits.slice(0, 19));
  const actual = digits.charAt(19);
  if (expected !== actual) {
    return fail(
      'project_code.check',
      `项目代码“${shown}”校验位（最后一位）应为“${expected}”，实为“${actual}”`,
      `Project code "${shown}": the check digit (last digit) should be "${expected}", not "${actual}"`,
    );
  }
  return ok({
    ...fields,
    scheme: 'gb40058',
    year,
    month: mm,
    serial: digits.slice(14, 19),
    checkDigit: actual,
  });
}

function futureError(
  shown: string,
  year: number,
  month: number,
  today: string | undefined,
): Result<never, RuleError> | null {
  if (today === undefined) return null;
  const match = /^(\d{4})-(\d{2})-\d{2}$/.exec(today);
  if (!match) return null;
  const nowYear = Number(match[1]);
  const nowMonth = Number(match[2]);
  if (year > nowYear || (year === nowYear && month > nowMonth)) {
    return fail(
      'project_code.year',
      `项目代码“${shown}”的赋码时间晚于今天（${today}）`,
      `Project code "${shown}" was assigned after today (${today})`,
    );
  }
  return null;
}

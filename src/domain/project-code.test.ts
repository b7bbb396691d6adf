import { describe, expect, it } from 'vitest';
import { projectCodeCheckDigit, validateProjectCode } from './project-code.ts';

// Post-2020 codes copied from public tender notices (as quoted in open-source scrapers' fixtures); each satisfies MOD 11,10.
const PUBLISHED = [
  '2603-141124-89-05-346948',
  '2411-130202-89-01-637015',
  '2509-140602-89-05-864976',
  '2111-522323-04-01-342068',
  '2602-411102-04-04-398932',
] as const;

// Pre-switch codes from the same kind of sources: full year, industry code, 6-digit serial.
const LEGACY = ['2020-330327-48-01-167360', '2020-451421-88-03-016343'] as const;

describe('validateProjectCode accepts published codes', () => {
  it.each(PUBLISHED)('%s', (code) => {
    const result = validateProjectCode(code);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.code).toBe(code);
    expect(result.value.scheme).toBe('gb40058');
  });

  it('parses every field', () => {
    expect(validateProjectCode('2603-141124-89-05-346948')).toEqual({
      ok: true,
      value: {
        code: '2603-141124-89-05-346948',
        scheme: 'gb40058',
        year: 2026,
        month: 3,
        regionCode: '141124',
        categoryCode: '89',
        typeCode: '05',
        serial: '34694',
        checkDigit: '8',
      },
    });
  });

  it.each([
    ['26031411248905346948', '2603-141124-89-05-346948'],
    [' 2411-130202-89-01-637015 ', '2411-130202-89-01-637015'],
    ['２５０９－１４０６０２－８９－０５－８６４９７６', '2509-140602-89-05-864976'],
    ['2111—522323—04—01—342068', '2111-522323-04-01-342068'],
    ['2602 411102 04 04 398932', '2602-411102-04-04-398932'],
  ])('normalizes %j', (input, normalized) => {
    const result = validateProjectCode(input);
    expect(result.ok && result.value.code).toBe(normalized);
  });
});

describe('legacy codes (before GB/T 40058)', () => {
  it.each(LEGACY)('accepts %s without a check digit', (code) => {
    const result = validateProjectCode(code);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ scheme: 'legacy', year: 2020, month: null, checkDigit: null });
    expect(result.value.serial).toHaveLength(6);
  });

  it('rejects them when allowLegacy is false', () => {
    const result = validateProjectCode(LEGACY[0], { allowLegacy: false });
    expect(!result.ok && result.error.code).toBe('project_code.format');
  });
});

describe('validateProjectCode rejects malformed codes', () => {
  it.each([
    ['', 'project_code.length'],
    ['2603-141124-89-05-34694', 'project_code.length'],
    ['2603-141124-89-05-3469481', 'project_code.length'],
    ['2603-141124-89-05-34694A', 'project_code.format'],
    ['2603/141124/89/05/346948', 'project_code.format'],
    ['260-3141124-89-05-346948', 'project_code.format'],
    ['2603141124-89-05-346948', 'project_code.format'],
    ['2613-141124-89-05-346948', 'project_code.year'],
    ['2600-141124-89-05-346948', 'project_code.year'],
    ['1905-141124-89-05-346948', 'project_code.year'],
    ['2021-141124-89-05-346948', 'project_code.year'],
    ['2603-141124-89-05-346947', 'project_code.check'],
    ['2603-141124-89-50-346948', 'project_code.check'],
  ])('%j -> %s', (input, code) => {
    const result = validateProjectCode(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.zh).toContain(input.trim());
    expect(result.error.en).toContain(input.trim());
  });

  it('states the expected check digit', () => {
    const result = validateProjectCode('2603-141124-89-05-346940');
    expect(!result.ok && result.error.en).toContain('should be "8"');
    expect(!result.ok && result.error.zh).toContain('应为“8”');
  });

  it('rejects a code assigned after today', () => {
    expect(validateProjectCode('2603-141124-89-05-346948', { today: '2026-03-01' }).ok).toBe(true);
    const result = validateProjectCode('2603-141124-89-05-346948', { today: '2026-02-28' });
    expect(!result.ok && result.error.code).toBe('project_code.year');
  });
});

describe('check digit (ISO/IEC 7064 MOD 11,10)', () => {
  it.each(PUBLISHED)('is the last digit of %s', (code) => {
    const digits = code.replace(/-/g, '');
    expect(projectCodeCheckDigit(digits.slice(0, 19))).toBe(digits.slice(19));
  });

  it('catches every single-digit substitution of a valid code', () => {
    const digits = PUBLISHED[0].replace(/-/g, '');
    for (let position = 4; position < 20; position++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === digits[position]) continue;
        const changed = digits.slice(0, position) + String(d) + digits.slice(position + 1);
        expect(validateProjectCode(changed).ok, `${changed}`).toBe(false);
      }
    }
  });

  it('catches adjacent transpositions', () => {
    const digits = PUBLISHED[1].replace(/-/g, '');
    for (let i = 4; i < 19; i++) {
      if (digits[i] === digits[i + 1]) continue;
      const swapped = digits.slice(0, i) + digits.charAt(i + 1) + digits.charAt(i) + digits.slice(i + 2);
      expect(validateProjectCode(swapped).ok, swapped).toBe(false);
    }
  });
});

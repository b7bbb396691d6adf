import { describe, expect, it } from 'vitest';
import { MAX_SIGNATURE_TEXT, normalizeSignatureText } from './signature-text.ts';

const ACCEPTED: readonly [string, string, string][] = [
  ['a Chinese name', '王磊', '王磊'],
  ['trimmed, inner spaces collapsed', '  Wang   Lei ', 'Wang Lei'],
  ['a full-width space counts as a space', 'Wang\u3000Lei', 'Wang Lei'],
  ['decomposed accents become NFC', 'Jose\u0301', 'José'],
  ['a name with a middle dot', '阿卜杜·热合曼', '阿卜杜·热合曼'],
  ['Arabic letters, no controls', 'محمد', 'محمد'],
  ['a zero-width non-joiner some scripts need', 'می\u200Cخواهم', 'می\u200Cخواهم'],
  ['digits beside letters', 'Li 2', 'Li 2'],
  ['the longest allowed', '王'.repeat(MAX_SIGNATURE_TEXT), '王'.repeat(MAX_SIGNATURE_TEXT)],
];

describe('normalizeSignatureText accepts names', () => {
  it.each(ACCEPTED)('%s', (_name, input, expected) => {
    expect(normalizeSignatureText(input)).toEqual({ ok: true, value: expected });
  });
});

const REFUSED: readonly [string, string, string, string][] = [
  ['NUL', '王\u0000磊', 'signature.text_control', 'U+0000'],
  ['a tab', 'Wang\tLei', 'signature.text_control', 'U+0009'],
  ['a newline', 'Wang\nLei', 'signature.text_control', 'U+000A'],
  ['a C1 control', 'Wang\u0085', 'signature.text_control', 'U+0085'],
  ['DEL', 'Wang\u007F', 'signature.text_control', 'U+007F'],
  ['a line separator', 'Wang\u2028Lei', 'signature.text_control', 'U+2028'],
  ['a zero-width space', 'Wang\u200BLei', 'signature.text_control', 'U+200B'],
  ['a byte-order mark', '\uFEFFWang', 'signature.text_control', 'U+FEFF'],
  ['a soft hyphen', 'Wa\u00ADng', 'signature.text_control', 'U+00AD'],
  ['private use', 'Wang\uE000', 'signature.text_control', 'U+E000'],
  ['a lone surrogate', 'Wang\uD800', 'signature.text_control', 'U+D800'],
  ['right-to-left override', 'Wang\u202ELei', 'signature.text_bidi', 'U+202E'],
  ['left-to-right embedding', '\u202AWang', 'signature.text_bidi', 'U+202A'],
  ['first-strong isolate', 'Wang\u2068', 'signature.text_bidi', 'U+2068'],
  ['pop directional isolate', 'Wang\u2069', 'signature.text_bidi', 'U+2069'],
  ['left-to-right mark', 'Wang\u200E', 'signature.text_bidi', 'U+200E'],
  ['right-to-left mark', 'Wang\u200F', 'signature.text_bidi', 'U+200F'],
  ['Arabic letter mark', 'محمد\u061C', 'signature.text_bidi', 'U+061C'],
  ['spaces only', '   ', 'signature.text_empty', 'name'],
  ['punctuation only', '—·.', 'signature.text_empty', 'name'],
  ['digits only', '123', 'signature.text_empty', 'name'],
  ['an emoji only', '👍', 'signature.text_empty', 'name'],
  ['too long', '王'.repeat(MAX_SIGNATURE_TEXT + 1), 'signature.text_long', `not ${MAX_SIGNATURE_TEXT + 1}`],
];

describe('normalizeSignatureText refuses what is not a visible name', () => {
  it.each(REFUSED)('%s', (_name, input, code, inMessage) => {
    const result = normalizeSignatureText(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(`${result.error.en} ${result.error.zh}`).toContain(inMessage);
    expect(result.error.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

import { err, ok, type Result, type RuleError } from './result.ts';

/** Longest typed signature, in characters (code points) after normalization. */
export const MAX_SIGNATURE_TEXT = 40;

// Bidi embeddings, overrides and isolates, and the implicit marks: they can make a name display differently
// from what is stored (U+202A–202E, U+2066–2069, U+200E/200F, U+061C).
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
// Control characters (NUL, tabs, newlines, C1), line/paragraph separators, private use, unassigned, lone surrogates.
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]/u;
// Invisible format characters other than the zero-width (non-)joiners that some scripts need in names.
const INVISIBLE_FORMAT = /(?![\u200C\u200D])\p{Cf}/u;
const LETTER = /\p{L}/u;

const codePoint = (char: string) =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A typed signature as it will be stored and printed: NFC, trimmed, inner spaces collapsed. Refuses control
 * characters, bidi controls and invisible format characters (they hide or reorder what the reader sees),
 * and text without a single letter.
 */
export function normalizeSignatureText(input: string): Result<string, RuleError> {
  const bidi = BIDI_CONTROL.exec(input);
  if (bidi)
    return err({
      code: 'signature.text_bidi',
      zh: `签名含有改变文字方向的控制字符（${codePoint(bidi[0])}）`,
      en: `The signature contains a text-direction control character (${codePoint(bidi[0])})`,
    });
  const control = CONTROL.exec(input) ?? INVISIBLE_FORMAT.exec(input);
  if (control)
    return err({
      code: 'signature.text_control',
      zh: `签名含有不可见或控制字符（${codePoint(control[0])}）`,
      en: `The signature contains an invisible or control character (${codePoint(control[0])})`,
    });
  const text = input.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (!LETTER.test(text))
    return err({
      code: 'signature.text_empty',
      zh: '请输入签名人的姓名',
      en: 'Type the signer’s name',
    });
  const length = [...text].length;
  if (length > MAX_SIGNATURE_TEXT)
    return err({
      code: 'signature.text_long',
      zh: `签名不能超过 ${MAX_SIGNATURE_TEXT} 个字符（实为 ${length} 个）`,
      en: `The signature may have at most ${MAX_SIGNATURE_TEXT} characters, not ${length}`,
    });
  return ok(text);
}

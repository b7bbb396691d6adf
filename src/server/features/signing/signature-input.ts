import type { SignatureInput } from '../../../contracts/signing.ts';
import { checkInk, measureInk } from '../../../domain/signature-ink.ts';
import { normalizeSignatureText } from '../../../domain/signature-text.ts';
import { invalidField } from '../../platform/errors.ts';
import { decodePng } from './png-pixels.ts';

export type CheckedSignature =
  | { kind: 'drawn'; image: Buffer; text: null }
  | { kind: 'typed'; image: null; text: string };

/**
 * A drawn signature must be a PNG of sensible size with visible ink; a typed one is the signer's name, normalized,
 * without control or bidi characters. Both remote and on-site signing pass through here.
 */
export function checkSignature(input: SignatureInput): CheckedSignature {
  if (input.kind === 'typed') {
    const text = normalizeSignatureText(input.text);
    if (!text.ok) throw invalidField('signature.text', text.error);
    return { kind: 'typed', image: null, text: text.value };
  }
  const image = Buffer.from(input.png, 'base64');
  const decoded = decodePng(image);
  if (!decoded.ok) throw invalidField('signature.png', decoded.error);
  const { width, height, rgba } = decoded.value;
  const ink = checkInk(measureInk(rgba, width, height), width * height);
  if (!ink.ok) throw invalidField('signature.png', ink.error);
  return { kind: 'drawn', image, text: null };
}

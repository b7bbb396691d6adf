import type { SignatureInput } from '../../../contracts/signing.ts';
import { invalidField } from '../../platform/errors.ts';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_SIDE = 4000;

export type CheckedSignature =
  | { kind: 'drawn'; image: Buffer; text: null }
  | { kind: 'typed'; image: null; text: string };

/** A drawn signature must be a real PNG of sensible size; a typed one is the name as written. */
export function checkSignature(input: SignatureInput): CheckedSignature {
  if (input.kind === 'typed') return { kind: 'typed', image: null, text: input.text };
  const image = Buffer.from(input.png, 'base64');
  const bad = (zh: string, en: string) => invalidField('signature.png', { code: 'signature.image', zh, en });
  if (
    image.length < 33 ||
    !image.subarray(0, 8).equals(PNG_MAGIC) ||
    image.toString('latin1', 12, 16) !== 'IHDR'
  )
    throw bad('手写签名不是有效的 PNG 图片', 'The drawn signature is not a PNG image');
  const width = image.readUInt32BE(16);
  const height = image.readUInt32BE(20);
  if (width < 10 || height < 10 || width > MAX_SIDE || height > MAX_SIDE)
    throw bad(
      `手写签名图片尺寸 ${width}×${height} 不合适（10 至 ${MAX_SIDE} 像素）`,
      `The drawn signature is ${width}×${height} pixels; each side must be 10 to ${MAX_SIDE}`,
    );
  return { kind: 'drawn', image, text: null };
}

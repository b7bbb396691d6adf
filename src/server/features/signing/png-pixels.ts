import { inflateSync } from 'node:zlib';
import { err, ok, type Result, type RuleError } from '../../../domain/result.ts';
import { checkSignatureSize } from '../../../domain/signature-ink.ts';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Record<number, number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

export type Pixels = { width: number; height: number; rgba: Uint8Array };

const notPng = (en: string, zh: string): Result<never, RuleError> => err({ code: 'signature.image', zh, en });

type Header = { width: number; height: number; depth: number; colorType: number; interlace: number };

/**
 * Decodes a PNG into 8-bit RGBA, to measure its ink. The size is checked before anything is inflated, and the
 * inflated data may not exceed what that size needs, so a small upload cannot expand into a huge buffer.
 */
export function decodePng(bytes: Buffer): Result<Pixels, RuleError> {
  if (
    bytes.length < 33 ||
    !bytes.subarray(0, 8).equals(PNG_MAGIC) ||
    bytes.toString('latin1', 12, 16) !== 'IHDR'
  )
    return notPng('The drawn signature is not a PNG image', '手写签名不是有效的 PNG 图片');
  const header: Header = {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    depth: bytes[24] ?? 0,
    colorType: bytes[25] ?? 0,
    interlace: bytes[28] ?? 0,
  };
  const size = checkSignatureSize(header.width, header.height);
  if (!size.ok) return size;
  const channels = CHANNELS[header.colorType];
  if (!channels || !DEPTHS[header.colorType]?.includes(header.depth) || header.interlace !== 0)
    return notPng(
      'The drawn signature must be a non-interlaced PNG of a standard colour type',
      '手写签名须为非隔行扫描的标准 PNG 图片',
    );
  let palette: Buffer | null = null;
  let transparency: Buffer | null = null;
  const data: Buffer[] = [];
  for (let at = 8; at + 12 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (body.length !== length) break;
    if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'acTL') return notPng('An animated PNG is not a signature', '动态 PNG 不能作为签名');
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const bitsPerPixel = channels * header.depth;
  const rowBytes = Math.ceil((header.width * bitsPerPixel) / 8);
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(data), { maxOutputLength: (rowBytes + 1) * header.height });
  } catch {
    return notPng('The drawn signature’s image data is damaged', '手写签名的图片数据已损坏');
  }
  if (raw.length !== (rowBytes + 1) * header.height || (header.colorType === 3 && !palette))
    return notPng('The drawn signature’s image data is incomplete', '手写签名的图片数据不完整');
  const rows = unfilter(raw, rowBytes, header.height, Math.max(1, bitsPerPixel >> 3));
  if (!rows) return notPng('The drawn signature’s image data is damaged', '手写签名的图片数据已损坏');
  return ok({
    width: header.width,
    height: header.height,
    rgba: toRgba(rows, header, palette, transparency),
  });
}

/** Reverses the per-row filters (PNG spec, section 9); null on an unknown filter type. */
function unfilter(raw: Buffer, rowBytes: number, height: number, step: number): Uint8Array | null {
  const out = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (rowBytes + 1)];
    const source = y * (rowBytes + 1) + 1;
    const row = y * rowBytes;
    for (let i = 0; i < rowBytes; i++) {
      const value = raw[source + i] ?? 0;
      const left = i >= step ? (out[row + i - step] ?? 0) : 0;
      const up = y > 0 ? (out[row - rowBytes + i] ?? 0) : 0;
      const upLeft = y > 0 && i >= step ? (out[row - rowBytes + i - step] ?? 0) : 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) predicted = paeth(left, up, upLeft);
      else return null;
      out[row + i] = (value + predicted) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Every sample scaled to 8 bits (16-bit keeps its high byte), palettes and tRNS applied. */
function toRgba(rows: Uint8Array, header: Header, palette: Buffer | null, trns: Buffer | null): Uint8Array {
  const { width, height, depth, colorType } = header;
  const channels = CHANNELS[colorType] ?? 1;
  const rowBytes = Math.ceil((width * channels * depth) / 8);
  const rgba = new Uint8Array(width * height * 4);
  const max = (1 << Math.min(depth, 8)) - 1;
  // Full-precision sample (16 bits stay 16 bits), for the tRNS colour key.
  const full = (y: number, index: number): number => {
    const at = y * rowBytes;
    if (depth === 8) return rows[at + index] ?? 0;
    if (depth === 16) return ((rows[at + index * 2] ?? 0) << 8) | (rows[at + index * 2 + 1] ?? 0);
    const bit = index * depth;
    return ((rows[at + (bit >> 3)] ?? 0) >> (8 - depth - (bit & 7))) & max;
  };
  const sample = (y: number, index: number) => {
    const value = full(y, index);
    return depth === 16 ? value >> 8 : depth < 8 ? Math.round((value * 255) / max) : value;
  };
  const key = (i: number) => (trns && trns.length >= i * 2 + 2 ? trns.readUInt16BE(i * 2) : -1);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      if (colorType === 3) {
        const index = full(y, x);
        rgba.set(palette?.subarray(index * 3, index * 3 + 3) ?? [0, 0, 0], at);
        rgba[at + 3] = trns && index < trns.length ? (trns[index] ?? 255) : 255;
      } else if (colorType === 0 || colorType === 4) {
        const gray = sample(y, x * channels);
        const isKeyed = colorType === 0 && full(y, x) === key(0);
        rgba.set([gray, gray, gray, colorType === 4 ? sample(y, x * 2 + 1) : isKeyed ? 0 : 255], at);
      } else {
        const c = x * channels;
        rgba.set([sample(y, c), sample(y, c + 1), sample(y, c + 2)], at);
        const isKeyed =
          colorType === 2 && full(y, c) === key(0) && full(y, c + 1) === key(1) && full(y, c + 2) === key(2);
        rgba[at + 3] = colorType === 6 ? sample(y, c + 3) : isKeyed ? 0 : 255;
      }
    }
  }
  return rgba;
}

import { describe, expect, it } from 'vitest';
import { decodePng } from './png-pixels.ts';
import { encodePng, rgbaPng } from './test-support.ts';

const stroke = (x: number, y: number) => Math.abs(Math.round(x / 3) - y) <= 1;

describe('decodePng reads every standard colour type', () => {
  /** Ten identical unfiltered rows that start with the given bytes and are zero after them. */
  const rows = (rowBytes: number, start: number[]) => {
    const row = Buffer.alloc(1 + rowBytes);
    row.set(start, 1);
    return Buffer.concat(Array.from({ length: 10 }, () => row));
  };

  it.each([
    [
      '8-bit RGBA',
      { colorType: 6, depth: 8 },
      rows(40, [1, 2, 3, 4, 5, 6, 7, 8]),
      [],
      [1, 2, 3, 4, 5, 6, 7, 8],
    ],
    [
      '1-bit grey, white keyed transparent',
      { colorType: 0, depth: 1 },
      rows(2, [0b0100_0000]),
      [['tRNS', Buffer.from([0, 1])]],
      [0, 0, 0, 255, 255, 255, 255, 0],
    ],
    [
      '8-bit RGB, black keyed transparent',
      { colorType: 2, depth: 8 },
      rows(30, [0, 0, 0, 9, 9, 9]),
      [['tRNS', Buffer.from([0, 0, 0, 0, 0, 0])]],
      [0, 0, 0, 0, 9, 9, 9, 255],
    ],
    [
      '2-bit palette with alpha',
      { colorType: 3, depth: 2 },
      rows(3, [0b0001_0000]),
      [
        ['PLTE', Buffer.from([10, 20, 30, 40, 50, 60])],
        ['tRNS', Buffer.from([0])],
      ],
      [10, 20, 30, 0, 40, 50, 60, 255],
    ],
    [
      '16-bit grey with alpha',
      { colorType: 4, depth: 16 },
      rows(40, [0x80, 0x01, 0xff, 0x00]),
      [],
      [0x80, 0x80, 0x80, 0xff],
    ],
  ] as [string, { colorType: number; depth: number }, Buffer, [string, Buffer][], number[]][])(
    '%s',
    (_name, format, scanlines, extra, expected) => {
      const decoded = decodePng(encodePng(10, 10, format, scanlines, extra));
      if (!decoded.ok) throw new Error(decoded.error.en);
      expect([...decoded.value.rgba.subarray(0, expected.length)]).toEqual(expected);
    },
  );

  it.each([
    ['interlaced', (png: Buffer) => png.writeUInt8(1, 28), 'signature.image'],
    ['an unknown colour type', (png: Buffer) => png.writeUInt8(5, 25), 'signature.image'],
    ['too small', (png: Buffer) => png.writeUInt32BE(9, 16), 'signature.image_size'],
    ['too large', (png: Buffer) => png.writeUInt32BE(4001, 20), 'signature.image_size'],
    ['data short of the header', (png: Buffer) => png.writeUInt32BE(11, 20), 'signature.image'],
  ])('refuses a PNG that is %s', (_name, spoil, code) => {
    const png = encodePng(10, 10, { colorType: 6, depth: 8 }, rows(40, [0, 0, 0, 255]));
    spoil(png);
    expect(decodePng(png)).toMatchObject({ ok: false, error: { code } });
  });

  it('decodes filtered rows (Sub, Up, Average, Paeth) to the same pixels', () => {
    const width = 12;
    const height = 12;
    const plain = Buffer.from(
      rgbaPng(width, height, (x, y) => (stroke(x, y) ? [x * 9, y * 7, 40, 255] : [0, 0, 0, 0])),
      'base64',
    );
    const reference = decodePng(plain);
    if (!reference.ok) throw new Error(reference.error.en);
    const bpp = 4;
    const stride = width * bpp;
    const raw = reference.value.rgba;
    const filtered: number[] = [];
    for (let y = 0; y < height; y++) {
      const filter = y % 5;
      filtered.push(filter);
      for (let i = 0; i < stride; i++) {
        const value = raw[y * stride + i] ?? 0;
        const left = i >= bpp ? (raw[y * stride + i - bpp] ?? 0) : 0;
        const up = y > 0 ? (raw[(y - 1) * stride + i] ?? 0) : 0;
        const upLeft = y > 0 && i >= bpp ? (raw[(y - 1) * stride + i - bpp] ?? 0) : 0;
        const p = left + up - upLeft;
        const paeth =
          Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft)
            ? left
            : Math.abs(p - up) <= Math.abs(p - upLeft)
              ? up
              : upLeft;
        const predicted = [0, left, up, (left + up) >> 1, paeth][filter] ?? 0;
        filtered.push((value - predicted) & 0xff);
      }
    }
    const png = encodePng(width, height, { colorType: 6, depth: 8 }, Buffer.from(filtered));
    const decoded = decodePng(png);
    expect(decoded.ok && Buffer.from(decoded.value.rgba).equals(Buffer.from(raw))).toBe(true);
  });

  it('refuses data that inflates past what the header allows (a decompression bomb)', () => {
    const png = encodePng(10, 10, { colorType: 6, depth: 8 }, Buffer.alloc(10_000_000));
    expect(decodePng(png)).toMatchObject({ ok: false, error: { code: 'signature.image' } });
  });
});

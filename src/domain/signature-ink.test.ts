import { describe, expect, it } from 'vitest';
import {
  checkInk,
  checkSignatureSize,
  INK_DARKNESS,
  inkDarkness,
  MAX_SIGNATURE_SIDE,
  MIN_INK_PIXELS,
  measureInk,
} from './signature-ink.ts';

type Pixel = [number, number, number, number];

/** A width×height RGBA bitmap, `ink` on the pixels the function picks, `paper` elsewhere. */
function bitmap(
  width: number,
  height: number,
  isInk: (x: number, y: number) => boolean,
  ink: Pixel,
  paper: Pixel,
) {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set(isInk(x, y) ? ink : paper, (y * width + x) * 4);
  return data;
}

const BLACK: Pixel = [0, 0, 0, 255];
const CLEAR: Pixel = [0, 0, 0, 0];
const WHITE: Pixel = [255, 255, 255, 255];
const diagonal = (x: number, y: number) => Math.abs(Math.round(x / 3) - y) <= 1;

describe('inkDarkness: how dark a pixel looks on white paper', () => {
  it.each([
    ['opaque black', BLACK, 255],
    ['transparent black', CLEAR, 0],
    ['opaque white', WHITE, 0],
    ['half-transparent black', [0, 0, 0, 128] as Pixel, 128],
    ['opaque dark blue', [20, 30, 90, 255] as Pixel, 235],
    ['opaque pale grey', [230, 230, 230, 255] as Pixel, 25],
  ])('%s', (_name, [r, g, b, a], expected) => {
    expect(inkDarkness(r, g, b, a)).toBe(expected);
  });
});

const VERDICTS: readonly [string, Uint8Array, number, number, boolean][] = [
  ['a diagonal stroke on transparent', bitmap(120, 40, diagonal, BLACK, CLEAR), 120, 40, true],
  ['a diagonal stroke on white', bitmap(120, 40, diagonal, [20, 30, 90, 255], WHITE), 120, 40, true],
  ['fully transparent', bitmap(120, 40, () => false, BLACK, CLEAR), 120, 40, false],
  ['all white', bitmap(120, 40, () => false, BLACK, WHITE), 120, 40, false],
  ['white strokes on transparent', bitmap(120, 40, diagonal, WHITE, CLEAR), 120, 40, false],
  ['black strokes at alpha 10', bitmap(120, 40, diagonal, [0, 0, 0, 10], CLEAR), 120, 40, false],
  ['pale grey strokes', bitmap(120, 40, diagonal, [235, 235, 235, 255], WHITE), 120, 40, false],
  ['one dot', bitmap(120, 40, (x, y) => x < 6 && y < 6, BLACK, CLEAR), 120, 40, false],
  ['a short dash, too short', bitmap(120, 40, (x, y) => x < 9 && y < 4, BLACK, CLEAR), 120, 40, false],
  [
    'a small stroke on a huge canvas',
    bitmap(2000, 500, (x, y) => x < 200 && y < 2, BLACK, CLEAR),
    2000,
    500,
    false,
  ],
  ['a stroke just enough', bitmap(100, 100, (x, y) => x < 10 && y < 3, BLACK, CLEAR), 100, 100, true],
];

describe('checkInk: a drawing needs visible ink over a stroke', () => {
  it.each(VERDICTS)('%s', (_name, rgba, width, height, isSignature) => {
    const result = checkInk(measureInk(rgba, width, height), width * height);
    expect(result.ok).toBe(isSignature);
    if (!result.ok)
      expect(result.error).toMatchObject({
        code: 'signature.image_blank',
        zh: expect.stringContaining('空白'),
      });
  });

  it('measures inside a box only, and finds the box of the ink', () => {
    const rgba = bitmap(40, 20, (x, y) => x >= 10 && x < 20 && y >= 5 && y < 10, BLACK, CLEAR);
    expect(measureInk(rgba, 40, 20)).toEqual({ pixels: 50, bounds: { x: 10, y: 5, width: 10, height: 5 } });
    expect(measureInk(rgba, 40, 20, { x: 0, y: 0, width: 15, height: 20 }).pixels).toBe(25);
    expect(INK_DARKNESS).toBeGreaterThan(0);
    expect(MIN_INK_PIXELS).toBeGreaterThan(1);
  });
});

describe('checkSignatureSize', () => {
  it.each([
    [120, 40, true],
    [10, 10, true],
    [9, 40, false],
    [120, 0, false],
    [MAX_SIGNATURE_SIDE, 1000, true],
    [MAX_SIGNATURE_SIDE + 1, 40, false],
    [3000, 3000, false],
  ])('%i×%i', (width, height, isFine) => {
    expect(checkSignatureSize(width, height).ok).toBe(isFine);
  });
});

import { err, ok, type Result, type RuleError } from './result.ts';

/** Sides of a drawn signature, in pixels, and its largest area (a decoded 2000×2000 RGBA image is 16 MB). */
export const MIN_SIGNATURE_SIDE = 10;
export const MAX_SIGNATURE_SIDE = 4000;
export const MAX_SIGNATURE_PIXELS = 4_000_000;

/** A pixel counts as ink when, laid on white paper, it is at least this dark (0–255): faint haze is not ink. */
export const INK_DARKNESS = 64;
/** The least ink a drawing must have: this share of its pixels, this many pixels, this long a stroke. */
export const MIN_INK_SHARE = 0.002;
export const MIN_INK_PIXELS = 30;
export const MIN_INK_SPAN = 10;

export type InkBox = { x: number; y: number; width: number; height: number };
export type InkMeasure = { pixels: number; bounds: InkBox | null };

/** How dark one RGBA pixel looks on white paper: 0 for transparent or white, 255 for opaque black. */
export function inkDarkness(r: number, g: number, b: number, a: number): number {
  return Math.round((a * (255 - Math.min(r, g, b))) / 255);
}

/** Counts the ink pixels of an RGBA bitmap (optionally inside a box) and the smallest box holding them. */
export function measureInk(
  rgba: ArrayLike<number>,
  width: number,
  height: number,
  within: InkBox = { x: 0, y: 0, width, height },
): InkMeasure {
  let pixels = 0;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = -1;
  let maxY = -1;
  for (let y = within.y; y < within.y + within.height; y++) {
    for (let x = within.x; x < within.x + within.width; x++) {
      const at = (y * width + x) * 4;
      const dark = inkDarkness(rgba[at] ?? 0, rgba[at + 1] ?? 0, rgba[at + 2] ?? 0, rgba[at + 3] ?? 0);
      if (dark < INK_DARKNESS) continue;
      pixels += 1;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return {
    pixels,
    bounds: maxX < 0 ? null : { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 },
  };
}

/** Whether a picture of this size may be a signature at all (checked before decoding it). */
export function checkSignatureSize(width: number, height: number): Result<true, RuleError> {
  if (
    width < MIN_SIGNATURE_SIDE ||
    height < MIN_SIGNATURE_SIDE ||
    width > MAX_SIGNATURE_SIDE ||
    height > MAX_SIGNATURE_SIDE ||
    width * height > MAX_SIGNATURE_PIXELS
  )
    return err({
      code: 'signature.image_size',
      zh: `手写签名图片尺寸 ${width}×${height} 不合适（每边 ${MIN_SIGNATURE_SIDE} 至 ${MAX_SIGNATURE_SIDE} 像素，合计不超过 ${MAX_SIGNATURE_PIXELS} 像素）`,
      en: `The drawn signature is ${width}×${height} pixels; each side must be ${MIN_SIGNATURE_SIDE} to ${MAX_SIGNATURE_SIDE}, ${MAX_SIGNATURE_PIXELS} pixels at most`,
    });
  return ok(true);
}

/** A drawing of `area` pixels is a signature only with enough visible ink, spread over a stroke, not a dot. */
export function checkInk(measure: InkMeasure, area: number): Result<true, RuleError> {
  const span = measure.bounds ? Math.max(measure.bounds.width, measure.bounds.height) : 0;
  if (measure.pixels < Math.max(MIN_INK_PIXELS, area * MIN_INK_SHARE) || span < MIN_INK_SPAN)
    return err({
      code: 'signature.image_blank',
      zh: '手写签名几乎是空白的，请在框内签上您的姓名',
      en: 'The drawn signature is blank or nearly so; sign your name inside the box',
    });
  return ok(true);
}

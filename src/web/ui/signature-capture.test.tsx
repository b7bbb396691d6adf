// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignatureInput } from '../../contracts/signing.ts';
import { LocaleProvider } from '../i18n/locale.tsx';
import { inkBounds, SignatureCapture } from './signature-capture.tsx';

// happy-dom draws nothing: a stand-in pad lets the test put down a stroke and see what the component emits.
const pads = vi.hoisted(() => [] as Array<{ stroke(): void; isCleared: boolean }>);
vi.mock('signature_pad', () => ({
  default: class FakePad extends EventTarget {
    isEmptyNow = true;
    isCleared = false;
    constructor() {
      super();
      pads.push(this);
    }
    isEmpty() {
      return this.isEmptyNow;
    }
    clear() {
      this.isEmptyNow = true;
      this.isCleared = true;
    }
    toData() {
      return [];
    }
    fromData() {}
    off() {}
    stroke() {
      this.isEmptyNow = false;
      this.dispatchEvent(new Event('endStroke'));
    }
  },
}));

/** Ink in columns 10–19 and rows 5–9 of the default 300×150 canvas. */
function inkedPixels(width: number, height: number): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 5; y < 10; y++) for (let x = 10; x < 20; x++) data[(y * width + x) * 4 + 3] = 255;
  return data;
}

const drawn: Array<[number, number, number, number]> = [];
/** What the canvas holds: ink by default; a test may swap in a blank or faint bitmap. */
let bitmapOf = inkedPixels;

beforeEach(() => {
  pads.length = 0;
  drawn.length = 0;
  bitmapOf = inkedPixels;
  const context = {
    scale: () => undefined,
    getImageData: (_x: number, _y: number, width: number, height: number) => ({
      data: bitmapOf(width, height),
    }),
    drawImage: (_image: unknown, x: number, y: number, width: number, height: number) => {
      drawn.push([x, y, width, height]);
    },
  };
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
    () => context as unknown as CanvasRenderingContext2D,
  );
  vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,iVBORw0KGgo=');
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function Harness({ onValue }: { onValue(value: SignatureInput | null): void }) {
  const [value, setValue] = useState<SignatureInput | null>(null);
  return (
    <LocaleProvider initial="en-US">
      <SignatureCapture
        value={value}
        signerName="Wang Lei"
        onChange={(next) => {
          setValue(next);
          onValue(next);
        }}
      />
    </LocaleProvider>
  );
}

describe('SignatureCapture', () => {
  it('emits the typed name: prefilled with the signer, then what is typed, and null when emptied', () => {
    const values: Array<SignatureInput | null> = [];
    render(<Harness onValue={(value) => values.push(value)} />);

    fireEvent.click(screen.getByTestId('signature-tab-type'));
    expect(values.at(-1)).toEqual({ kind: 'typed', text: 'Wang Lei' });

    fireEvent.change(screen.getByTestId('signature-typed-input'), { target: { value: '  王磊 ' } });
    expect(values.at(-1)).toEqual({ kind: 'typed', text: '王磊' });
    expect(screen.getByTestId('signature-typed-preview').textContent).toBe('王磊');

    fireEvent.change(screen.getByTestId('signature-typed-input'), { target: { value: '   ' } });
    expect(values.at(-1)).toBeNull();
  });

  it('emits a drawing cropped to its ink as bare base64, and null after clear', () => {
    const values: Array<SignatureInput | null> = [];
    render(<Harness onValue={(value) => values.push(value)} />);
    const pad = pads.at(-1);
    if (!pad) throw new Error('no signature pad was created');

    act(() => pad.stroke());
    expect(values.at(-1)).toEqual({ kind: 'drawn', png: 'iVBORw0KGgo=' });
    // Ink box 10,5 10×5 with a 6 px margin (4% of the 150 px side), clamped to the canvas.
    expect(drawn.at(-1)).toEqual([4, 0, 22, 16]);

    fireEvent.click(screen.getByTestId('signature-clear'));
    expect(values.at(-1)).toBeNull();
    expect(pad.isCleared).toBe(true);
  });

  it('restores the drawing when switching back from the Type tab', () => {
    const values: Array<SignatureInput | null> = [];
    render(<Harness onValue={(value) => values.push(value)} />);
    act(() => pads.at(-1)?.stroke());
    fireEvent.click(screen.getByTestId('signature-tab-type'));
    expect(values.at(-1)?.kind).toBe('typed');
    fireEvent.click(screen.getByTestId('signature-tab-draw'));
    expect(values.at(-1)).toEqual({ kind: 'drawn', png: 'iVBORw0KGgo=' });
  });
});

describe('SignatureCapture refuses what the server refuses, before submitting', () => {
  it.each([
    ['fully transparent', (w: number, h: number) => new Uint8ClampedArray(w * h * 4)],
    ['white strokes', (w: number, h: number) => new Uint8ClampedArray(w * h * 4).fill(255)],
  ])('a stroke that leaves no visible ink (%s) emits nothing and says why', (_name, bitmap) => {
    bitmapOf = bitmap;
    const values: Array<SignatureInput | null> = [];
    render(<Harness onValue={(value) => values.push(value)} />);
    act(() => pads.at(-1)?.stroke());
    expect(values.at(-1)).toBeNull();
    expect(screen.getByTestId('signature-problem').textContent).toContain('blank');
    fireEvent.click(screen.getByTestId('signature-clear'));
    expect(screen.queryByTestId('signature-problem')).toBeNull();
  });

  it.each([
    ['a NUL', 'Wang\u0000Lei', 'U+0000'],
    ['a right-to-left override', 'Wang\u202ELei', 'U+202E'],
    ['no letter', '...', 'name'],
  ])('a typed name with %s emits nothing and says why', (_name, text, shown) => {
    const values: Array<SignatureInput | null> = [];
    render(<Harness onValue={(value) => values.push(value)} />);
    fireEvent.click(screen.getByTestId('signature-tab-type'));
    fireEvent.change(screen.getByTestId('signature-typed-input'), { target: { value: text } });
    expect(values.at(-1)).toBeNull();
    expect(screen.getByTestId('signature-problem').textContent).toContain(shown);
  });

  it('emits a typed name normalized as the server stores it', () => {
    const values: Array<SignatureInput | null> = [];
    render(<Harness onValue={(value) => values.push(value)} />);
    fireEvent.click(screen.getByTestId('signature-tab-type'));
    fireEvent.change(screen.getByTestId('signature-typed-input'), {
      target: { value: ' Jose\u0301   Lin ' },
    });
    expect(values.at(-1)).toEqual({ kind: 'typed', text: 'José Lin' });
  });
});

describe('inkBounds', () => {
  it('finds the box of non-transparent pixels, or null on a blank bitmap', () => {
    expect(inkBounds(inkedPixels(40, 20), 40, 20)).toEqual({ x: 10, y: 5, width: 10, height: 5 });
    expect(inkBounds(new Uint8ClampedArray(40 * 20 * 4), 40, 20)).toBeNull();
  });
});

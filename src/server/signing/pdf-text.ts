import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as fontkitNamespace from '@pdf-lib/fontkit';
import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);
// fontkit is CommonJS: Node's ESM loader puts it under `default`, Vite's under the namespace.
const fontkit = (fontkitNamespace as { default?: typeof fontkitNamespace }).default ?? fontkitNamespace;
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

const fontCache = new Map<string, Promise<Buffer>>();
function readFont(kind: keyof typeof FONT_FILES): Promise<Buffer> {
  let cached = fontCache.get(kind);
  if (!cached) {
    cached = readFile(require.resolve(FONT_FILES[kind]));
    fontCache.set(kind, cached);
  }
  return cached;
}

export type PdfFonts = { regular: PDFFont; bold: PDFFont };

/** Embeds Noto Sans SC cut down to the characters of `text` (pdf-lib's own subsetting corrupts CJK). */
export async function embedSubsetFonts(doc: PDFDocument, text: string): Promise<PdfFonts> {
  doc.registerFontkit(fontkit);
  const ascii = Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)).join('');
  // Always include the page-footer characters (numberPages) and common CJK punctuation.
  const glyphs = `${text}${ascii}（）：，。、　第页共附`;
  const [regular, bold] = await Promise.all(
    (['regular', 'bold'] as const).map(async (kind) =>
      // No layout features: fontkit otherwise swaps in full-width digits for lines that start with a digit.
      subsetFont(await readFont(kind), glyphs, {
        targetFormat: 'truetype',
        keepFeatures: [],
        noLayoutClosure: true,
      }),
    ),
  );
  if (!regular || !bold) throw new Error('font subsetting failed');
  return {
    // Ligatures off: the fi/fl glyphs drawn by fontkit come out with gaps after subsetting.
    regular: await doc.embedFont(regular, { subset: false, features: { liga: false } }),
    bold: await doc.embedFont(bold, { subset: false, features: { liga: false } }),
  };
}

// One CJK character, a run of spaces, or a run of other characters (a Latin word).
const CJK_RANGE = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
const TOKENS = new RegExp(`[${CJK_RANGE}]|\\s+|[^\\s${CJK_RANGE}]+`, 'g');

/** Splits text into lines no wider than `maxWidth`: Latin breaks at spaces, CJK between characters. */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const tokens = paragraph.match(TOKENS) ?? [''];
    let line = '';
    for (const token of tokens) {
      const candidate = line + token;
      if (line !== '' && font.widthOfTextAtSize(candidate.trimEnd(), size) > maxWidth) {
        lines.push(line.trimEnd());
        line = /^\s+$/.test(token) ? '' : token;
      } else {
        line = candidate;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

export const PAGE = { width: 595.28, height: 841.89, margin: 56 } as const;
const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.38, 0.38, 0.42);

/** A cursor that writes wrapped text down the page and starts a new page when the page is full. */
export type TextFlow = {
  write: (
    text: string,
    options?: { size?: number; bold?: boolean; indent?: number; muted?: boolean; gap?: number },
  ) => void;
  centered: (text: string, size: number, bold?: boolean) => void;
  space: (points: number) => void;
  ensure: (points: number) => void;
  page: () => PDFPage;
  y: () => number;
};

export function createTextFlow(doc: PDFDocument, fonts: PdfFonts): TextFlow {
  let page = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  const width = PAGE.width - 2 * PAGE.margin;
  const ensure = (points: number) => {
    if (y - points < PAGE.margin + 20) {
      page = doc.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - PAGE.margin;
    }
  };
  return {
    write(text, options = {}) {
      const size = options.size ?? 10.5;
      const font = options.bold ? fonts.bold : fonts.regular;
      const indent = options.indent ?? 0;
      for (const line of wrapText(text, font, size, width - indent)) {
        ensure(size * 1.5);
        y -= size * 1.5;
        page.drawText(line, { x: PAGE.margin + indent, y, size, font, color: options.muted ? MUTED : INK });
      }
      y -= options.gap ?? 0;
    },
    centered(text, size, bold = false) {
      const font = bold ? fonts.bold : fonts.regular;
      for (const line of wrapText(text, font, size, width)) {
        ensure(size * 1.5);
        y -= size * 1.5;
        const x = (PAGE.width - font.widthOfTextAtSize(line, size)) / 2;
        page.drawText(line, { x, y, size, font, color: INK });
      }
    },
    space(points) {
      y -= points;
    },
    ensure,
    page: () => page,
    y: () => y,
  };
}

/** Writes "第 n 页 / 共 N 页 · Page n of N" at the foot of every page. */
export function numberPages(doc: PDFDocument, font: PDFFont, label = ''): void {
  const pages = doc.getPages();
  pages.forEach((page, index) => {
    const text = `${label}第 ${index + 1} 页 / 共 ${pages.length} 页 · Page ${index + 1} of ${pages.length}`;
    const size = 8;
    const x = (PAGE.width - font.widthOfTextAtSize(text, size)) / 2;
    page.drawText(text, { x, y: PAGE.margin / 2, size, font, color: MUTED });
  });
}

// Hostile PDFs built by hand for the tests: each case is a few objects of text with a correct xref,
// so the file parses and the only thing wrong with it is what the case is about.
import { PDF } from '@libpdf/core';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';

const encoder = new TextEncoder();

/** A PDF of the given object bodies (object n is bodies[n-1]) with a classic xref table and trailer. */
export function pdfOf(bodies: string[], trailerExtra = ''): Uint8Array {
  let text = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  bodies.forEach((body, index) => {
    offsets.push(Buffer.byteLength(text, 'latin1'));
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(text, 'latin1');
  text += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

/** An incremental update that redefines objects of `bytes` (by number), as an editor would append it. */
export function appendUpdate(bytes: Uint8Array, objects: Record<number, string>): Uint8Array {
  const previous = new TextDecoder('latin1').decode(bytes);
  const prevXref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(previous)?.[1]);
  const size = Number(/\/Size (\d+)/.exec(previous)?.[1]);
  let text = '';
  const entries: string[] = [];
  for (const [number, body] of Object.entries(objects)) {
    const offset = bytes.length + Buffer.byteLength(text, 'latin1');
    text += `${number} 0 obj\n${body}\nendobj\n`;
    entries.push(`${number} 1\n${String(offset).padStart(10, '0')} 00000 n \n`);
  }
  const xrefAt = bytes.length + Buffer.byteLength(text, 'latin1');
  text += `xref\n${entries.join('')}trailer\n<< /Size ${size} /Root 1 0 R /Prev ${prevXref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([bytes, Buffer.from(text, 'latin1')]));
}

const CONTENT = '0 0 1 rg 72 720 100 20 re f';

type Parts = { catalog?: string; page?: string; pages?: number; extra?: string[] };

/** A document of `pages` pages (default 1); `page` is added to the last page; extras are objects 4+pages… */
export function documentWith({ catalog = '', page = '', pages = 1, extra = [] }: Parts = {}): Uint8Array {
  const pageNumbers = Array.from({ length: pages }, (_, index) => 3 + index);
  const contentRef = 3 + pages;
  const bodies = [
    `<< /Type /Catalog /Pages 2 0 R ${catalog}>>`,
    `<< /Type /Pages /Kids [${pageNumbers.map((n) => `${n} 0 R`).join(' ')}] /Count ${pages} >>`,
    ...pageNumbers.map(
      (_, index) =>
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${contentRef} 0 R ${index === pages - 1 ? page : ''}>>`,
    ),
    `<< /Length ${CONTENT.length} >>\nstream\n${CONTENT}\nendstream`,
    ...extra,
  ];
  return pdfOf(bodies);
}

/** A pdf-lib document whose objects sit in compressed object streams: the open action, or a script nothing uses. */
export async function packedDocument(options: {
  openAction?: boolean;
  loose?: boolean;
}): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage();
  const script = () => document.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') });
  if (options.openAction) document.catalog.set(PDFName.of('OpenAction'), script());
  if (options.loose) document.context.register(script());
  return document.save({ useObjectStreams: true });
}

/** The same document encrypted with a user password (AES-256). */
export async function encrypted(bytes: Uint8Array): Promise<Uint8Array> {
  const pdf = await PDF.load(bytes);
  pdf.setProtection({ userPassword: 'secret', ownerPassword: 'owner-secret' });
  return pdf.save();
}

export const utf8 = (text: string) => encoder.encode(text);

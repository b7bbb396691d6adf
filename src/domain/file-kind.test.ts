import { describe, expect, it } from 'vitest';
import { detectFileKind, FILE_KINDS, isConsistent, zipEntryNames } from './file-kind.ts';

/** A ZIP of empty stored entries: enough for the central directory that tells Office files apart. */
function zipOf(names: string[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(nameBytes.length, 26);
    parts.push(local, nameBytes);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...Buffer.from(v, 'latin1')] : [v])));

describe('detectFileKind', () => {
  it.each([
    ['a PDF', bytes('%PDF-1.7\n%âãÏÓ\n'), 'pdf'],
    ['a PDF after a little junk', bytes('\r\n\r\n%PDF-1.4\n'), 'pdf'],
    ['a PNG', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'IHDR'), 'png'],
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 'JFIF'), 'jpeg'],
    ['an XLSX', zipOf(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml']), 'xlsx'],
    ['a DOCX', zipOf(['[Content_Types].xml', 'word/document.xml']), 'docx'],
    ['a plain ZIP', zipOf(['readme.txt']), 'zip'],
    ['a ZIP claiming Office without its parts', zipOf(['[Content_Types].xml']), 'zip'],
    ['a truncated ZIP', bytes('PK', 3, 4, 0, 0), 'zip'],
    ['a GIF', bytes('GIF89a'), 'gif'],
    ['a WebP', bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '), 'webp'],
    ['a legacy Office file', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'ole'],
    ['a Windows program', bytes('MZ', 0x90, 0), 'exe'],
    ['a Linux program', bytes(0x7f, 'ELF', 2, 1), 'elf'],
    ['an HTML page', bytes('  <!DOCTYPE html><script>alert(1)</script>'), 'html'],
    ['an SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'html'],
    ['plain text', bytes('hello'), 'unknown'],
    ['one byte', bytes(0xff), 'unknown'],
  ])('tells %s', (_what, content, id) => {
    expect(detectFileKind(content).id).toBe(id);
  });
});

describe('zipEntryNames', () => {
  it('reads the directory, and nothing from a broken one', () => {
    expect(zipEntryNames(zipOf(['a', 'b/c']))).toEqual(['a', 'b/c']);
    const broken = zipOf(['a']);
    broken[broken.length - 6] = 0xff; // directory offset points outside the file
    expect(zipEntryNames(broken)).toEqual([]);
  });
});

describe('isConsistent', () => {
  it.each([
    [FILE_KINDS.pdf, 'application/pdf', 'permit.pdf', true],
    [FILE_KINDS.pdf, 'application/octet-stream', 'permit.pdf', true],
    [FILE_KINDS.pdf, '', 'permit', true],
    [FILE_KINDS.jpeg, 'image/jpg', 'photo.JPG', true],
    [FILE_KINDS.jpeg, 'image/jpeg', 'photo.jpeg', true],
    [FILE_KINDS.pdf, 'application/pdf', 'scan.v2.bin', true],
    [FILE_KINDS.png, 'application/pdf', 'permit.pdf', false],
    [FILE_KINDS.png, 'image/png', 'permit.pdf', false],
    [FILE_KINDS.html, 'application/pdf', 'permit.pdf', false],
    [FILE_KINDS.xlsx, FILE_KINDS.docx.mimeType, 'list.xlsx', false],
  ])('%o declared as %s named %s: %s', (found, declared, name, expected) => {
    expect(isConsistent(found, declared, name)).toBe(expected);
  });
});

/** What a file is, told from its bytes: the client's declared type and name are never trusted. */
export interface FileKind {
  id: string;
  mimeType: string;
  extensions: readonly string[];
  zh: string;
  en: string;
}

const kind = (id: string, mimeType: string, extensions: string[], zh: string, en: string): FileKind => ({
  id,
  mimeType,
  extensions,
  zh,
  en,
});

export const FILE_KINDS = {
  pdf: kind('pdf', 'application/pdf', ['pdf'], 'PDF 文档', 'PDF document'),
  png: kind('png', 'image/png', ['png'], 'PNG 图片', 'PNG image'),
  jpeg: kind('jpeg', 'image/jpeg', ['jpg', 'jpeg'], 'JPEG 图片', 'JPEG image'),
  xlsx: kind(
    'xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ['xlsx'],
    'Excel 表格（XLSX）',
    'Excel workbook (XLSX)',
  ),
  docx: kind(
    'docx',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ['docx'],
    'Word 文档（DOCX）',
    'Word document (DOCX)',
  ),
  gif: kind('gif', 'image/gif', ['gif'], 'GIF 图片', 'GIF image'),
  webp: kind('webp', 'image/webp', ['webp'], 'WebP 图片', 'WebP image'),
  zip: kind('zip', 'application/zip', ['zip'], 'ZIP 压缩包', 'ZIP archive'),
  ole: kind(
    'ole',
    'application/x-ole-storage',
    ['doc', 'xls', 'ppt'],
    '旧版 Office 文件',
    'legacy Office file',
  ),
  exe: kind('exe', 'application/x-msdownload', ['exe', 'dll'], 'Windows 程序', 'Windows program'),
  elf: kind('elf', 'application/x-executable', [], 'Linux 程序', 'Linux program'),
  html: kind('html', 'text/html', ['html', 'htm'], 'HTML 网页', 'HTML page'),
  unknown: kind('unknown', 'application/octet-stream', [], '无法识别的内容', 'unrecognized content'),
} as const satisfies Record<string, FileKind>;

export type FileKindId = keyof typeof FILE_KINDS;

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The names in a ZIP file's central directory; empty when the directory is missing or malformed. */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= earliest; i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) return [];
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > end || view.getUint32(offset, true) !== 0x02014b50) return [];
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > end) return [];
    names.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function detectZip(bytes: Uint8Array): FileKind {
  const names = new Set(zipEntryNames(bytes));
  if (names.has('[Content_Types].xml')) {
    if (names.has('xl/workbook.xml')) return FILE_KINDS.xlsx;
    if (names.has('word/document.xml')) return FILE_KINDS.docx;
  }
  return FILE_KINDS.zip;
}

/** Tells a file's kind from its first bytes (and, for ZIP-based Office files, its directory). */
export function detectFileKind(bytes: Uint8Array): FileKind {
  // PDF readers accept a header anywhere in the first 1024 bytes; so do we.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.startsWith('%PDF-')) return FILE_KINDS.pdf;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return FILE_KINDS.png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return FILE_KINDS.jpeg;
  if (startsWith(bytes, ascii('PK\x03\x04'))) return detectZip(bytes);
  if (startsWith(bytes, ascii('GIF8'))) return FILE_KINDS.gif;
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return FILE_KINDS.webp;
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return FILE_KINDS.ole;
  if (startsWith(bytes, ascii('MZ'))) return FILE_KINDS.exe;
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return FILE_KINDS.elf;
  if (/^\s*<(!doctype html|html|script|svg|\?xml)/i.test(head)) return FILE_KINDS.html;
  if (head.includes('%PDF-')) return FILE_KINDS.pdf;
  return FILE_KINDS.unknown;
}

// Types that say nothing about the content: browsers send them for names they do not know.
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);
const TYPE_ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/x-pdf': 'application/pdf',
  'image/x-png': 'image/png',
};

/** Whether a client's declared type and file name agree with what the bytes are (generic types agree with all). */
export function isConsistent(found: FileKind, declaredType: string, filename: string): boolean {
  const declared = declaredType.split(';')[0]?.trim().toLowerCase() ?? '';
  const normalized = TYPE_ALIASES[declared] ?? declared;
  if (!GENERIC_TYPES.has(normalized) && normalized !== found.mimeType) return false;
  const extension = /\.([a-z0-9]{1,8})$/i.exec(filename)?.[1]?.toLowerCase();
  if (!extension) return true;
  const claimed = Object.values(FILE_KINDS).find((k) =>
    (k.extensions as readonly string[]).includes(extension),
  );
  return !claimed || claimed.id === found.id;
}

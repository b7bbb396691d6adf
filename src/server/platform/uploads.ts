import type { FastifyRequest } from 'fastify';
import {
  detectFileKind,
  FILE_KINDS,
  type FileKind,
  type FileKindId,
  isConsistent,
} from '../../domain/file-kind.ts';
import { AppError } from './errors.ts';

export interface Upload {
  filename: string;
  /** The type told from the bytes; the client's declared type is only compared with it. */
  kind: FileKind;
  mimetype: string;
  content: Buffer;
}

const fileError = (code: string, zh: string, en: string) =>
  new AppError('validation', 400, zh, en, [{ code, field: 'file', zh, en }]);

/** "a PNG image", "an HTML page"; "unrecognized content" stays bare. */
const described = (kind: FileKind) =>
  kind.id === 'unknown' ? kind.en : `${/^(HTML|[AEIOU])/.test(kind.en) ? 'an' : 'a'} ${kind.en}`;

const acceptedNames = (accept: readonly FileKindId[]) => ({
  zh: accept.map((id) => FILE_KINDS[id].zh).join('、'),
  en: accept.map((id) => FILE_KINDS[id].en).join(', '),
});

/**
 * The one file of a multipart request (field "file"), read whole and typed by its content. A missing or
 * empty file, content not in `accept`, or a declared type or name that disagrees with it is a 400 on `file`.
 */
export async function readUpload(
  request: FastifyRequest,
  accept: readonly FileKindId[] = ['pdf', 'png', 'jpeg', 'xlsx', 'docx'],
): Promise<Upload> {
  const part = await request.file();
  if (part?.fieldname !== 'file')
    throw fileError(
      'file.missing',
      '没有收到文件（字段名应为 file）',
      'No file received (the field must be named "file")',
    );
  const content = await part.toBuffer();
  if (content.length === 0) throw fileError('file.empty', '文件是空的', 'The file is empty');
  const kind = detectFileKind(content);
  if (!(accept as readonly string[]).includes(kind.id)) {
    const names = acceptedNames(accept);
    throw fileError(
      'file.type',
      `文件内容是${kind.zh}，不能上传（可上传：${names.zh}）`,
      `The file's content is ${described(kind)}, which cannot be uploaded (accepted: ${names.en})`,
    );
  }
  if (!isConsistent(kind, part.mimetype, part.filename))
    throw fileError(
      'file.type_mismatch',
      `文件“${part.filename}”声明为 ${part.mimetype}，但内容是${kind.zh}`,
      `The file "${part.filename}" is declared as ${part.mimetype} but its content is ${described(kind)}`,
    );
  return { filename: part.filename, kind, mimetype: kind.mimeType, content };
}

import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** The one file of a multipart request (field "file"), read whole; a missing or empty file is a 400 on `file`. */
export async function readUpload(
  request: FastifyRequest,
  check?: (part: MultipartFile) => void,
): Promise<{ filename: string; mimetype: string; content: Buffer }> {
  const part = await request.file();
  if (part?.fieldname !== 'file')
    throw new AppError(
      'validation',
      400,
      '没有收到文件（字段名应为 file）',
      'No file received (the field must be named "file")',
      [{ code: 'file.missing', field: 'file', zh: '没有文件', en: 'No file' }],
    );
  check?.(part);
  const content = await part.toBuffer();
  if (content.length === 0)
    throw new AppError('validation', 400, '文件是空的', 'The file is empty', [
      { code: 'file.empty', field: 'file', zh: '文件是空的', en: 'The file is empty' },
    ]);
  return { filename: part.filename, mimetype: part.mimetype, content };
}

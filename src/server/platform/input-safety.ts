import type { FastifyRequest } from 'fastify';
import { AppError, type ErrorDetail } from './errors.ts';

/** NUL and the C0 control characters other than tab, line feed and carriage return; DEL too. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}
// Deeper than any contract nests; a body deeper than this is refused rather than walked.
const MAX_DEPTH = 32;

type Part = 'params' | 'querystring' | 'body';

function findControl(value: unknown, path: string, depth: number, found: ErrorDetail[]): void {
  if (found.length >= 10) return;
  if (typeof value === 'string') {
    if (hasControl(value)) found.push(controlDetail(path));
    return;
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = `${path}.${key}`;
    if (hasControl(key)) found.push(controlDetail(path));
    else findControl(item, itemPath, depth + 1, found);
  }
}

const controlDetail = (field: string): ErrorDetail => ({
  code: 'validation.control_character',
  field,
  zh: `${field} 含有控制字符（如 NUL）`,
  en: `${field}: contains a control character (such as NUL)`,
});

/**
 * preValidation hook: refuses NUL and other control characters anywhere in the path parameters, query or
 * JSON body, naming the field. PostgreSQL cannot store NUL in text, so without this a NUL is a 500.
 */
export async function refuseControlCharacters(request: FastifyRequest): Promise<void> {
  const found: ErrorDetail[] = [];
  const parts: [Part, unknown][] = [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ];
  for (const [part, value] of parts) {
    // Uploads (Buffers, streams) are files, not text; their own checks apply.
    if (Buffer.isBuffer(value)) continue;
    findControl(value, part, 0, found);
  }
  if (found.length === 0) return;
  throw new AppError(
    'validation',
    400,
    `输入有误：${found.map((d) => d.zh).join('；')}`,
    `Invalid input: ${found.map((d) => d.en).join('; ')}`,
    found,
  );
}

import type { FastifyBaseLogger, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { RuleError } from '../../domain/result.ts';
import { databaseError } from './database-errors.ts';

/** What went wrong at one place of the input: a field, or a row and column of a file. */
export interface ErrorDetail {
  code: string;
  zh: string;
  en: string;
  field?: string;
  row?: number;
  column?: string;
}

/** The one error type of the app: a stable code, an HTTP status, bilingual text and where it happened. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly zh: string,
    readonly en: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(en);
    this.name = 'AppError';
  }
}

export const notFound = (what: { zh: string; en: string }, id: string) =>
  new AppError(
    'not_found',
    404,
    `${what.zh}不存在或无权查看：${id}`,
    `${what.en} not found or not visible to you: ${id}`,
  );

export const forbidden = (zh = '无权执行此操作', en = 'You are not allowed to do this') =>
  new AppError('forbidden', 403, zh, en);

/** A 400 for one field, from a domain rule error. */
export const invalidField = (field: string, rule: RuleError) =>
  new AppError('validation', 400, `${field}：${rule.zh}`, `${field}: ${rule.en}`, [{ ...rule, field }]);

export const conflict = (code: string, zh: string, en: string, details: ErrorDetail[] = []) =>
  new AppError(code, 409, zh, en, details);

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    zh: string;
    en: string;
    details: ErrorDetail[];
    requestId?: string;
  };
}

export function errorBody(error: AppError, locale: 'zh-CN' | 'en-US', requestId?: string): ErrorBody {
  return {
    error: {
      code: error.code,
      message: locale === 'en-US' ? error.en : error.zh,
      zh: error.zh,
      en: error.en,
      details: error.details,
      ...(requestId ? { requestId } : {}),
    },
  };
}

/** Whether this request's logger writes errors (it does unless the app was built with `logger: false`). */
function isErrorLogged(log: FastifyBaseLogger): boolean {
  return 'isLevelEnabled' in log && typeof log.isLevelEnabled === 'function' && log.isLevelEnabled('error');
}

/** The 500 a user sees: the request id to quote, and "logged" only when it was. */
export function internalError(requestId: string, isLogged: boolean): AppError {
  return isLogged
    ? new AppError(
        'internal',
        500,
        `服务器内部错误，已记录（请求编号 ${requestId}）`,
        `Internal server error; it has been logged under request id ${requestId}`,
      )
    : new AppError(
        'internal',
        500,
        `服务器内部错误（请求编号 ${requestId}）`,
        `Internal server error (request id ${requestId})`,
      );
}

/** The caller's language: a user's choice if signed in, else Accept-Language, else Chinese. */
export function requestLocale(request: FastifyRequest): 'zh-CN' | 'en-US' {
  const chosen = request.actor?.locale;
  if (chosen) return chosen;
  const accept = request.headers['accept-language'] ?? '';
  return /^\s*en/i.test(accept) ? 'en-US' : 'zh-CN';
}

const ZOD_ZH: Record<string, (params: Record<string, unknown>) => string> = {
  invalid_type: (p) => `类型不对${p.expected ? `，应为 ${String(p.expected)}` : ''}`,
  too_small: (p) => `太小或太短${p.minimum !== undefined ? `，至少 ${String(p.minimum)}` : ''}`,
  too_big: (p) => `太大或太长${p.maximum !== undefined ? `，至多 ${String(p.maximum)}` : ''}`,
  invalid_format: () => '格式不对',
  invalid_value: () => '不是允许的取值',
  unrecognized_keys: (p) => `有不认识的字段${Array.isArray(p.keys) ? `：${p.keys.join('、')}` : ''}`,
  custom: () => '不符合要求',
};

const PART_ZH: Record<string, string> = {
  body: '请求体',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
};

/** Turns schema validation failures into one 400 that names every bad field. */
function validationError(
  error: FastifyError & {
    validation: {
      instancePath: string;
      keyword: string;
      message?: string;
      params: Record<string, unknown>;
    }[];
  },
): AppError {
  const part = error.validationContext ?? 'body';
  const details = error.validation.map((issue): ErrorDetail => {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const field = path ? `${part}.${path}` : part;
    const explain = ZOD_ZH[issue.keyword] ?? ZOD_ZH.custom;
    const zh = explain ? explain(issue.params) : '不符合要求';
    return {
      code: `validation.${issue.keyword}`,
      field,
      zh: `${PART_ZH[part] ?? part} ${path || ''} ${zh}`.replace(/\s+/g, ' ').trim(),
      en: `${field}: ${issue.message ?? 'invalid'}`,
    };
  });
  return new AppError(
    'validation',
    400,
    `输入有误：${details.map((d) => d.zh).join('；')}`,
    `Invalid input: ${details.map((d) => d.en).join('; ')}`,
    details,
  );
}

/** Fastify error handler: every failure becomes the app's error body; unexpected ones are logged and hidden. */
export function handleError(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  const locale = requestLocale(request);
  reply.header('x-request-id', request.id);
  if (error instanceof AppError && error.status < 500)
    return reply.code(error.status).send(errorBody(error, locale, request.id));
  if (hasZodFastifySchemaValidationErrors(error))
    return reply.code(400).send(errorBody(validationError(error), locale, request.id));
  const refused = error instanceof AppError ? null : databaseError(error);
  if (refused) {
    request.log.warn({ err: error, reqId: request.id }, refused.code);
    return reply.code(refused.status).send(errorBody(refused, locale, request.id));
  }
  const status = error instanceof AppError ? error.status : (error.statusCode ?? 500);
  if (status < 500 && !(error instanceof AppError)) {
    const known = KNOWN_CLIENT_ERRORS[error.code ?? ''];
    const appError = known
      ? new AppError(known.code, status, known.zh, `${known.en} (${error.message})`)
      : new AppError('bad_request', status, `请求有误：${error.message}`, `Bad request: ${error.message}`);
    return reply.code(status).send(errorBody(appError, locale, request.id));
  }
  request.log.error(
    { err: error, reqId: request.id, method: request.method, url: request.url },
    'request failed',
  );
  // A deliberate 5xx (503 signing off) keeps its own words; anything else is the plain internal error.
  const shown = error instanceof AppError ? error : internalError(request.id, isErrorLogged(request.log));
  return reply.code(status).send(errorBody(shown, locale, request.id));
}

const KNOWN_CLIENT_ERRORS: Record<string, { code: string; zh: string; en: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'invalid_json',
    zh: '请求体不是合法的 JSON',
    en: 'The request body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'invalid_json',
    zh: '请求体为空，应为 JSON',
    en: 'The request body is empty; JSON expected',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'too_large', zh: '请求体太大', en: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    zh: '不支持的内容类型',
    en: 'Unsupported content type',
  },
  FST_REQ_FILE_TOO_LARGE: { code: 'too_large', zh: '上传的文件太大', en: 'The uploaded file is too large' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    code: 'not_multipart',
    zh: '上传需使用 multipart/form-data',
    en: 'Uploads must be multipart/form-data',
  },
};

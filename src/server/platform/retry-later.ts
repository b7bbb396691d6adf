import type { FastifyInstance } from 'fastify';
import { AppError, type ErrorDetail } from './errors.ts';

/** A 429: the caller may try again after `retryAfterSeconds`, which goes out as the `Retry-After` header. */
export class RetryLaterError extends AppError {
  constructor(
    code: string,
    zh: string,
    en: string,
    readonly retryAfterSeconds: number,
    details: ErrorDetail[] = [],
  ) {
    super(code, 429, zh, en, details);
  }
}

/** Adds `Retry-After` to the answer of every RetryLaterError, whichever route threw it. */
export function addRetryAfterHeader(app: FastifyInstance): void {
  app.addHook('onError', async (_request, reply, error) => {
    if (error instanceof RetryLaterError) reply.header('retry-after', String(error.retryAfterSeconds));
  });
}

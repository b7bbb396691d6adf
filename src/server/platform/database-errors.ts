import { AppError } from './errors.ts';

/** The SQLSTATE of a PostgreSQL error, looked for through the causes a query builder wraps it in. */
export function sqlState(error: unknown): string | null {
  for (let cause = error, depth = 0; cause && typeof cause === 'object' && depth < 5; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    cause = (cause as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * What the database refused for a reason the user can act on, as the app's error: two requests racing for
 * the same unique value, a record deleted under a reference, a conflict to retry, a statement stopped by the
 * timeout. Names no record: the one in the way may belong to a scope the caller cannot read. Anything else
 * (a value the contract should have refused) stays a 500, so the generated input tests find it.
 */
export function databaseError(error: unknown): AppError | null {
  switch (sqlState(error)) {
    case '23505':
      return new AppError(
        'conflict.duplicate',
        409,
        '与已有记录重复（可能刚被同时提交），请刷新后再试',
        'This duplicates an existing record (perhaps submitted at the same moment); refresh and try again',
      );
    case '23503':
      return new AppError(
        'conflict.reference',
        409,
        '引用的记录已不存在或仍被引用，请刷新后再试',
        'A record this refers to no longer exists, or is still referred to; refresh and try again',
      );
    case '40001':
    case '40P01':
    case '55P03':
      return new AppError(
        'conflict.retry',
        503,
        '数据正被同时修改，请稍后重试',
        'The data is being changed at the same moment; try again shortly',
      );
    case '57014':
      return new AppError(
        'database.timeout',
        503,
        '查询超时，请缩小范围后重试',
        'The query took too long; narrow it down and try again',
      );
    default:
      return null;
  }
}

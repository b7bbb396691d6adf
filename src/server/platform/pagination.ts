import { type SQL, sql } from 'drizzle-orm';
import { AppError } from './errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keyset cursor: the sort value and id of the last row of a page, opaque to clients. */
export interface Cursor {
  value: string | number | null;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[1] === 'string' &&
      UUID.test(parsed[1])
    ) {
      const [value, id] = parsed;
      if (value === null || typeof value === 'string' || typeof value === 'number') return { value, id };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError(
    'validation',
    400,
    '分页游标无效，请从第一页重新查询',
    'Invalid page cursor; start again from the first page',
    [{ code: 'cursor.invalid', field: 'querystring.cursor', zh: '分页游标无效', en: 'Invalid page cursor' }],
  );
}

export type SortType = 'text' | 'bigint' | 'timestamptz' | 'date';

/** The condition "after this cursor" for rows ordered by (sortExpr, id) in the given direction. */
export function afterCursor(
  sortExpr: SQL,
  idExpr: SQL,
  cursor: Cursor,
  order: 'asc' | 'desc',
  type: SortType,
): SQL {
  const value = sql`cast(${cursor.value} as ${sql.raw(type)})`;
  const id = sql`cast(${cursor.id} as uuid)`;
  return order === 'desc'
    ? sql`(${sortExpr}, ${idExpr}) < (${value}, ${id})`
    : sql`(${sortExpr}, ${idExpr}) > (${value}, ${id})`;
}

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

const invalidCursor = () =>
  new AppError(
    'validation',
    400,
    '分页游标无效，请从第一页重新查询',
    'Invalid page cursor; start again from the first page',
    [{ code: 'cursor.invalid', field: 'querystring.cursor', zh: '分页游标无效', en: 'Invalid page cursor' }],
  );

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
  throw invalidCursor();
}

export type SortType = 'text' | 'bigint' | 'timestamptz' | 'date';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

/** Whether a cursor's sort value can be cast to the sort's type: a hand-made cursor must be a 400, not a 500. */
function isCursorValue(value: Cursor['value'], type: SortType): boolean {
  if (value === null) return true;
  switch (type) {
    case 'text':
      return typeof value === 'string' && !value.includes('\u0000');
    case 'bigint':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'timestamptz':
      return typeof value === 'string' && INSTANT.test(value) && isCalendarDate(value.slice(0, 10));
    case 'date':
      return typeof value === 'string' && isCalendarDate(value);
  }
}

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Year 0 does not exist in PostgreSQL; the sort sentinel for "no date" is 0001-01-01.
  return year >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The condition "after this cursor" for rows ordered by (sortExpr, id) in the given direction. */
export function afterCursor(
  sortExpr: SQL,
  idExpr: SQL,
  cursor: Cursor,
  order: 'asc' | 'desc',
  type: SortType,
): SQL {
  if (!isCursorValue(cursor.value, type)) throw invalidCursor();
  const value = sql`cast(${cursor.value} as ${sql.raw(type)})`;
  const id = sql`cast(${cursor.id} as uuid)`;
  return order === 'desc'
    ? sql`(${sortExpr}, ${idExpr}) < (${value}, ${id})`
    : sql`(${sortExpr}, ${idExpr}) > (${value}, ${id})`;
}

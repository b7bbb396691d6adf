import { z } from 'zod';
import { MAX_RECORD_YUAN } from '../domain/amount-limit.ts';

export const Uuid = z.uuid();
export const IdParams = z.object({ id: z.uuid() });
/** Dates and times are refused outside these years: PostgreSQL has no year 0, and none is meant. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;
const isSaneYear = (text: string) => {
  const year = Number(text.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};
const YEAR_RANGE = { message: `a year from ${MIN_YEAR} to ${MAX_YEAR}` };
export const IsoDate = z.iso.date().refine(isSaneYear, YEAR_RANGE);
/** An instant with its offset (2026-05-18T09:30:00+08:00). */
export const IsoDateTime = z.iso.datetime({ offset: true }).refine(isSaneYear, YEAR_RANGE);
/** The largest PostgreSQL integer: a number compared with an int4 column must not exceed it. */
export const INT4_MAX = 2_147_483_647;
/** The version a client last read; stored as a PostgreSQL integer, so bounded to int4. */
export const Version = z.int32().positive();
export const Localized = z.object({ zh: z.string(), en: z.string() });

/** An amount as typed by a person ('3.24亿元', '超3000亿', 'USD 30 million') or whole yuan as a number. */
export const AmountInput = z.union([
  z.string().min(1).max(60),
  z.number().int().nonnegative().max(MAX_RECORD_YUAN),
]);

/** Booleans in query strings arrive as text. */
export const QueryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

/** A comma-separated list in a query string. */
export const commaList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1));

export const PageQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    zh: z.string(),
    en: z.string(),
    details: z.array(
      z.object({
        code: z.string(),
        zh: z.string(),
        en: z.string(),
        field: z.string().optional(),
        row: z.number().optional(),
        column: z.string().optional(),
      }),
    ),
    /** Quote it when reporting a problem: the server's log has the same id. */
    requestId: z.string().optional(),
  }),
});

export const RegionRef = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string().nullable() });

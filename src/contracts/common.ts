import { z } from 'zod';

export const Uuid = z.uuid();
export const IdParams = z.object({ id: z.uuid() });
export const IsoDate = z.iso.date();
export const Localized = z.object({ zh: z.string(), en: z.string() });

/** An amount as typed by a person ('3.24亿元', '超3000亿', 'USD 30 million') or whole yuan as a number. */
export const AmountInput = z.union([z.string().min(1).max(60), z.number().int().nonnegative()]);

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
  }),
});

export const RegionRef = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string().nullable() });

import { z } from 'zod';

export const RegionNode = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  level: z.enum(['country', 'province', 'city', 'county', 'park']),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  hasChildren: z.boolean(),
});
export const RegionsQuery = z.object({
  /** Children of this region; without it, the top of the user's scope. */
  parent: z.string().min(2).max(12).optional(),
});
export const IndustryNode = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  level: z.number().int(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
});
export const IndustriesQuery = z.object({
  parent: z.string().max(8).optional(),
  level: z.coerce.number().int().min(1).max(4).optional(),
  /** A code prefix or part of a name: matching industries of every level, at most 50. */
  q: z.string().trim().min(1).max(50).optional(),
});
export const CodeItem = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });

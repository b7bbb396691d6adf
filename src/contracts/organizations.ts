import { z } from 'zod';
import { ORGANIZATION_TYPES } from '../domain/codes.ts';
import { commaList, PageQuery, RegionRef, Version } from './common.ts';

export const OrganizationType = z.enum(ORGANIZATION_TYPES);

export const CreateOrganizationBody = z.object({
  nameZh: z.string().trim().min(2).max(200),
  nameEn: z.string().trim().max(300).nullish(),
  usci: z.string().trim().max(40).nullish(),
  type: OrganizationType,
  origin: z.string().trim().max(100).nullish(),
  /** The keeping region; defaults to the user's own region. */
  regionCode: z.string().min(2).max(12).optional(),
});
export type CreateOrganizationBody = z.infer<typeof CreateOrganizationBody>;

export const UpdateOrganizationBody = CreateOrganizationBody.partial().extend({
  /** The version the client last read: a stale one gets 409 instead of overwriting someone's change. */
  version: Version,
});
export type UpdateOrganizationBody = z.infer<typeof UpdateOrganizationBody>;

export const OrganizationView = z.object({
  id: z.uuid(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  usci: z.string().nullable(),
  type: OrganizationType,
  origin: z.string().nullable(),
  /** The region's name when the origin is a GB/T 2260 code. */
  originName: z.object({ zh: z.string(), en: z.string().nullable() }).nullable(),
  region: RegionRef,
  projectCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrganizationView = z.infer<typeof OrganizationView>;

export const ListOrganizationsQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(100).optional(),
  type: commaList(OrganizationType).optional(),
  region: z.string().min(2).max(12).optional(),
});
export type ListOrganizationsQuery = z.infer<typeof ListOrganizationsQuery>;

export const OrganizationPage = z.object({
  items: z.array(OrganizationView),
  nextCursor: z.string().nullable(),
});

export const DuplicateCheckBody = z.object({
  nameZh: z.string().trim().min(2).max(200),
  usci: z.string().trim().max(40).nullish(),
  /** Leave this record out (when editing it). */
  excludeId: z.uuid().optional(),
});

export const DuplicateCandidate = z.object({
  organization: OrganizationView,
  reasons: z.array(z.enum(['same_usci', 'similar_name'])),
  similarity: z.number(),
});
export const DuplicateList = z.object({ items: z.array(DuplicateCandidate) });

export const MergeBody = z.object({
  /** The duplicate to fold into this organization; it is kept as a tombstone pointing here. */
  sourceId: z.uuid(),
});
export const MergeResult = z.object({
  organization: OrganizationView,
  moved: z.object({
    projects: z.number().int(),
    events: z.number().int(),
    agreements: z.number().int(),
    users: z.number().int(),
  }),
});

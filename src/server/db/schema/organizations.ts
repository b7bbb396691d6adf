import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ORGANIZATION_TYPES } from '../../../domain/codes.ts';
import { createdAt, tsvector, updatedAt } from './columns.ts';
import { regions } from './reference.ts';

export { ORGANIZATION_TYPES, type OrganizationType } from '../../../domain/codes.ts';

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    /** Name without spaces, punctuation and legal-form noise, for duplicate detection. */
    nameKey: text('name_key').notNull(),
    usci: text('usci'),
    type: text('type', { enum: ORGANIZATION_TYPES }).notNull(),
    /** Where the organization comes from: a region code inside China, or a country/territory name. */
    origin: text('origin'),
    /** The region whose bureau keeps this record; it decides who may change it. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    searchText: text('search_text').notNull(),
    searchTokens: tsvector('search_tokens').notNull(),
    /** Set when this record was merged into another; merged records are hidden from lists. */
    mergedIntoId: uuid('merged_into_id'),
    mergedAt: timestamp('merged_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('organizations_usci_live_idx')
      .on(t.usci)
      .where(sql`${t.usci} is not null and ${t.mergedIntoId} is null`),
    index('organizations_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('organizations_search_idx').using('gin', t.searchTokens),
    index('organizations_name_key_idx').on(t.nameKey),
  ],
);

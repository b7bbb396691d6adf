import { boolean, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/** GB/T 2260 divisions (province → city → county) and parks under counties; the code prefix is the subtree. */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    parentCode: text('parent_code'),
    level: text('level', { enum: ['country', 'province', 'city', 'county', 'park'] }).notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    /** Prefix shared by this region and everything under it (country '', province 2 digits, city 4, county 6, park 9). */
    scopePrefix: text('scope_prefix').notNull(),
    /** Date of the code list this row came from; codes change yearly. */
    version: text('version').notNull(),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);

/** GB/T 4754-2017 industries: section letter, 2-digit division, 3-digit group, 4-digit class. */
export const industries = pgTable(
  'industries',
  {
    code: text('code').primaryKey(),
    parentCode: text('parent_code'),
    level: integer('level').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
  },
  (t) => [index('industries_parent_idx').on(t.parentCode)],
);

/** 数字经济及其核心产业统计分类（2021）: 01–05 and their subclasses. */
export const digitalEconomyClasses = pgTable('digital_economy_classes', {
  code: text('code').primaryKey(),
  parentCode: text('parent_code'),
  level: integer('level').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en'),
});

/** Which industry classes a digital-economy subclass covers (partial: only part of that industry counts). */
export const digitalEconomyIndustries = pgTable(
  'digital_economy_industries',
  {
    digitalEconomyCode: text('digital_economy_code').notNull(),
    industryCode: text('industry_code').notNull(),
    isPartial: boolean('is_partial').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.digitalEconomyCode, t.industryCode] }),
    index('de_industries_industry_idx').on(t.industryCode),
  ],
);

/** Small code lists: investor types, project categories, agreement types. */
export const codeLists = pgTable(
  'code_lists',
  {
    list: text('list').notNull(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.list, t.code] })],
);

/** Which version of each reference data set is loaded, so a refresh knows what to replace. */
export const referenceVersions = pgTable('reference_versions', {
  dataset: text('dataset').primaryKey(),
  version: text('version').notNull(),
  source: text('source').notNull(),
});

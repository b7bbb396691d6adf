import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  numeric,
  pgSequence,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { AMOUNT_QUALIFIERS, CURRENCIES, INVESTOR_ROLES, PROJECT_SOURCES } from '../../../domain/codes.ts';
import { STAGES as PROJECT_STAGES } from '../../../domain/stages.ts';
import { createdAt, tsvector, updatedAt } from './columns.ts';
import { agreements } from './events.ts';
import { users } from './identity.ts';
import { organizations } from './organizations.ts';
import { industries, regions } from './reference.ts';

/** Numbers the projects' own codes (P2024000123). */
export const projectCodeSequence = pgSequence('project_code_seq');

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    /** GB/T 40058 national investment project code, when the project has one. */
    nationalCode: text('national_code'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    descriptionZh: text('description_zh'),
    descriptionEn: text('description_en'),
    /** Landing region (a county or a park); its code prefix decides who sees the project. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    industryCode: text('industry_code')
      .notNull()
      .references(() => industries.code),
    categoryCode: text('category_code').notNull(),
    /** Planned total investment in whole units of its currency (yuan or US dollars). */
    investmentAmount: bigint('investment_amount', { mode: 'number' }).notNull(),
    investmentCurrency: text('investment_currency', { enum: CURRENCIES }).notNull().default('CNY'),
    investmentQualifier: text('investment_qualifier', { enum: AMOUNT_QUALIFIERS }).notNull().default('exact'),
    /** CNY per USD used to convert a dollar amount; null for yuan. Shown beside every yuan total. */
    usdRate: numeric('usd_rate', { precision: 12, scale: 6 }),
    /** Planned investment in yuan: the figure every total sums. */
    investmentYuan: bigint('investment_yuan', { mode: 'number' }).notNull(),
    expectedOutputYuan: bigint('expected_output_yuan', { mode: 'number' }),
    source: text('source', { enum: PROJECT_SOURCES }).notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    isKey: boolean('is_key').notNull().default(false),
    isMajor: boolean('is_major').notNull().default(false),
    stage: text('stage', { enum: PROJECT_STAGES }).notNull().default('lead'),
    stageChangedOn: date('stage_changed_on', { mode: 'string' }).notNull(),
    signedOn: date('signed_on', { mode: 'string' }),
    droppedReason: text('dropped_reason'),
    /** The text that search matches: names, code, region; the LIKE recheck runs on it. */
    searchText: text('search_text').notNull(),
    searchTokens: tsvector('search_tokens').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('projects_national_code_idx').on(t.nationalCode).where(sql`${t.nationalCode} is not null`),
    index('projects_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('projects_stage_idx').on(t.stage),
    index('projects_industry_idx').on(t.industryCode),
    index('projects_updated_idx').on(t.updatedAt, t.id),
    index('projects_investment_idx').on(t.investmentYuan, t.id),
    index('projects_search_idx').using('gin', t.searchTokens),
  ],
);

export const projectInvestors = pgTable(
  'project_investors',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    role: text('role', { enum: INVESTOR_ROLES }).notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    uniqueIndex('project_investors_pk').on(t.projectId, t.organizationId),
    index('project_investors_org_idx').on(t.organizationId),
  ],
);

/** Dated history of stage moves; evidence files hang off each move. */
export const stageChanges = pgTable(
  'stage_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage', { enum: PROJECT_STAGES }),
    toStage: text('to_stage', { enum: PROJECT_STAGES }).notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    note: text('note'),
    actorId: uuid('actor_id').references(() => users.id),
    /** The sealed agreement whose PDF is this move's evidence (a move the seal made); null otherwise. */
    agreementId: uuid('agreement_id').references(() => agreements.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('stage_changes_project_idx').on(t.projectId, t.occurredOn),
    // An agreement moves a project once, whatever retries the seal goes through.
    uniqueIndex('stage_changes_agreement_idx')
      .on(t.projectId, t.agreementId)
      .where(sql`${t.agreementId} is not null`),
  ],
);

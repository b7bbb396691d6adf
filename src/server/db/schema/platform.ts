import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { EVIDENCE_KINDS } from '../../../domain/stages.ts';
import { bytea, createdAt } from './columns.ts';
import { users } from './identity.ts';
import { projects, stageChanges } from './projects.ts';

/** Uploaded files, kept in PostgreSQL so every app instance serves the same bytes. */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    /** Region of the uploader: files are visible within that region's scope. */
    regionCode: text('region_code').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  // A user's uploads of the last day are summed for the upload quota.
  (t) => [index('files_created_by_at_idx').on(t.createdBy, t.createdAt)],
);

export const stageEvidence = pgTable(
  'stage_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stageChangeId: uuid('stage_change_id')
      .notNull()
      .references(() => stageChanges.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    kind: text('kind', { enum: EVIDENCE_KINDS }).notNull(),
  },
  (t) => [index('stage_evidence_project_idx').on(t.projectId)],
);

/** Every change: who, when, what before and after. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: uuid('actor_id').references(() => users.id),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    regionCode: text('region_code'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId, t.at)],
);

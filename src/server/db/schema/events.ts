import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  AGREEMENT_STATUSES,
  EVENT_KINDS,
  EVENT_ROLES,
  SEAL_STATUSES,
  SIGNING_ORDERS,
  VENUE_KINDS,
} from '../../../domain/events.ts';
import { createdAt, updatedAt } from './columns.ts';

export { AGREEMENT_STATUSES, EVENT_KINDS, EVENT_ROLES, VENUE_KINDS };

import { organizations } from './organizations.ts';
import { projects } from './projects.ts';
import { regions } from './reference.ts';

/** Summits, expos, matchmaking conferences and signing ceremonies; a part of a larger event names its parent. */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id'),
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    /** The region whose bureau runs the event; it decides who sees and changes it. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    venueZh: text('venue_zh'),
    venueEn: text('venue_en'),
    isOnline: boolean('is_online').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('events_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('events_parent_idx').on(t.parentId),
  ],
);

export const eventOrganizations = pgTable(
  'event_organizations',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    role: text('role', { enum: EVENT_ROLES }).notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.organizationId, t.role] })],
);

/** An agreement signed (or to be signed) between parties, usually at an event. */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id').references(() => events.id),
    typeCode: text('type_code').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en'),
    /** Contracted amount in yuan, when the agreement states one. */
    amountYuan: bigint('amount_yuan', { mode: 'number' }),
    status: text('status', { enum: AGREEMENT_STATUSES }).notNull().default('draft'),
    /** Parties sign one after another (sequential) or in any order (parallel). */
    signingOrder: text('signing_order', { enum: SIGNING_ORDERS }).notNull().default('parallel'),
    /** After this day an agreement still out for signing expires. */
    expiresOn: date('expires_on', { mode: 'string' }),
    voidReason: text('void_reason'),
    version: integer('version').notNull().default(1),
    signedOn: date('signed_on', { mode: 'string' }),
    /** Latest revision in agreement_documents (0: no PDF yet; generated from the template when sent). */
    documentRevision: integer('document_revision').notNull().default(0),
    /** When every signer has signed; the agreement counts as signed from here, even before the seal. */
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }),
    sealStatus: text('seal_status', { enum: SEAL_STATUSES }).notNull().default('none'),
    sealedAt: timestamp('sealed_at', { withTimezone: true, mode: 'date' }),
    sealedSha256: text('sealed_sha256'),
    sealAttempts: integer('seal_attempts').notNull().default(0),
    sealError: text('seal_error'),
    sealNextAttemptAt: timestamp('seal_next_attempt_at', { withTimezone: true, mode: 'date' }),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('agreements_event_idx').on(t.eventId),
    index('agreements_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('agreements_sealed_sha256_idx').on(t.sealedSha256),
    index('agreements_seal_due_idx').on(t.sealStatus, t.sealNextAttemptAt),
  ],
);

export const agreementParties = pgTable(
  'agreement_parties',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.organizationId] }),
    index('agreement_parties_org_idx').on(t.organizationId),
  ],
);

export const agreementProjects = pgTable(
  'agreement_projects',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.projectId] }),
    index('agreement_projects_project_idx').on(t.projectId),
  ],
);

/** Where an event happens: the main venue, branch venues (分会场), or an online room with its link. */
export const eventVenues = pgTable(
  'event_venues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: VENUE_KINDS }).notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    regionCode: text('region_code').references(() => regions.code),
    address: text('address'),
    onlineUrl: text('online_url'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('event_venues_event_idx').on(t.eventId)],
);

/** One part of an event's programme (opening, forum, policy release, signing …). */
export const eventAgendaItems = pgTable(
  'event_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    venueId: uuid('venue_id').references(() => eventVenues.id, { onDelete: 'set null' }),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('event_agenda_event_idx').on(t.eventId, t.startsAt)],
);

/** The run sheet of a signing ceremony: which agreement is signed at which venue and time. */
export const eventSigningSlots = pgTable(
  'event_signing_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    venueId: uuid('venue_id').references(() => eventVenues.id, { onDelete: 'set null' }),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('event_slots_event_idx').on(t.eventId, t.startsAt),
    uniqueIndex('event_slots_agreement_idx').on(t.eventId, t.agreementId),
  ],
);

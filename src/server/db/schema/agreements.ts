import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { SIGNER_STATUSES } from '../../../domain/events.ts';
import { agreements } from './events.ts';
import { organizations } from './organizations.ts';

/** A named person who signs for one party of an agreement, in the party's order. */
export const agreementSigners = pgTable(
  'agreement_signers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** Signing position: with sequential signing, signer n waits for every signer before n. */
    position: integer('position').notNull(),
    name: text('name').notNull(),
    title: text('title'),
    email: text('email'),
    mobile: text('mobile'),
    status: text('status', { enum: SIGNER_STATUSES }).notNull().default('pending'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    declinedReason: text('declined_reason'),
  },
  (t) => [index('agreement_signers_agreement_idx').on(t.agreementId, t.position)],
);

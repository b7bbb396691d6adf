import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { DOCUMENT_KINDS, SIGNATURE_KINDS, SIGNER_STATUSES, SIGNING_VIAS } from '../../../domain/events.ts';
import { bytea, createdAt } from './columns.ts';
import { agreements } from './events.ts';
import { organizations } from './organizations.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

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
    signedAt: at('signed_at'),
    declinedReason: text('declined_reason'),
    declinedAt: at('declined_at'),
    /** SHA-256 of the secret in the signer's link; the link itself is only ever in the message sent. */
    linkTokenHash: text('link_token_hash'),
    linkSentAt: at('link_sent_at'),
    /** The one-time code, hashed with the signer's id; it expires and allows a few attempts. */
    codeHash: text('code_hash'),
    codeSentAt: at('code_sent_at'),
    codeExpiresAt: at('code_expires_at'),
    codeAttempts: integer('code_attempts').notNull().default(0),
    codeVerifiedAt: at('code_verified_at'),
    /** Wrong codes typed through this link since `codeFailuresSince` (a window of a day); too many lock it. */
    codeFailures: integer('code_failures').notNull().default(0),
    codeFailuresSince: at('code_failures_since'),
    /** Codes sent through this link since `codesSince` (a window of an hour). */
    codesSent: integer('codes_sent').notNull().default(0),
    codesSince: at('codes_since'),
    /** Set when too many wrong codes were typed: the link takes no code until an officer re-issues it. */
    linkLockedAt: at('link_locked_at'),
    signatureKind: text('signature_kind', { enum: SIGNATURE_KINDS }),
    /** The drawn signature (PNG) or the typed name, shown on the certificate of completion. */
    signatureImage: bytea('signature_image'),
    signatureText: text('signature_text'),
    signedVia: text('signed_via', { enum: SIGNING_VIAS }),
  },
  (t) => [
    index('agreement_signers_agreement_idx').on(t.agreementId, t.position),
    uniqueIndex('agreement_signers_link_idx').on(t.linkTokenHash),
  ],
);

/**
 * Every state of an agreement's PDF: the original, one revision per signature (each an incremental update of
 * the one before) and the sealed file. Kept so any file a party holds can be looked up by its hash.
 */
export const agreementDocuments = pgTable(
  'agreement_documents',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    signerId: uuid('signer_id').references(() => agreementSigners.id, { onDelete: 'set null' }),
    content: bytea('content').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.revision] }),
    index('agreement_documents_sha256_idx').on(t.sha256),
  ],
);

/** The agreement's audit trail; each entry's hash covers the entry and the previous entry's hash. */
export const agreementAuditEntries = pgTable(
  'agreement_audit_entries',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    sequence: integer('sequence').notNull(),
    /** ISO time exactly as hashed. */
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>(),
    previousHash: text('previous_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.sequence] })],
);

/** The signing certificate the deployment CA issued to an organization, with its key sealed. */
export const partyCertificates = pgTable('party_certificates', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  certificatePem: text('certificate_pem').notNull(),
  /** AES-256-GCM under a key derived from the signing passphrase; never the key in clear. */
  sealedKey: text('sealed_key').notNull(),
  notAfter: at('not_after').notNull(),
  createdAt: createdAt(),
});

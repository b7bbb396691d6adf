import { pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';

/** The deployment's certificate authority ('deployment') and the platform's seal identity ('seal'); keys only sealed. */
export const signingAuthorities = pgTable('signing_authorities', {
  id: text('id').primaryKey(),
  certificatePem: text('certificate_pem').notNull(),
  /** scrypt + AES-256-GCM under LUODI_SIGNING_PASSPHRASE; never the key in clear. */
  sealedKey: text('sealed_key').notNull(),
  createdAt: createdAt(),
});

import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { LOCALES, ROLES } from '../../../domain/codes.ts';
import { createdAt } from './columns.ts';
import { organizations } from './organizations.ts';
import { regions } from './reference.ts';

export { ROLES, type Role } from '../../../domain/codes.ts';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  /** Home region: the user sees this region and everything under it. */
  regionCode: text('region_code')
    .notNull()
    .references(() => regions.code),
  /** For enterprise users: the organization whose projects they may see. */
  organizationId: uuid('organization_id').references(() => organizations.id),
  locale: text('locale', { enum: LOCALES }).notNull().default('zh-CN'),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  createdAt: createdAt(),
});

/** A session is stored by the SHA-256 of its token, so a database dump cannot be replayed. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Sign-in attempts of one account, reserved before the password is checked (so parallel tries cannot
 * outrun the limit) and cleared by a success; `blockedUntil` is the back-off the last attempt started.
 */
export const signInAccounts = pgTable('sign_in_accounts', {
  username: text('username').primaryKey(),
  failures: integer('failures').notNull(),
  lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }).notNull(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }).notNull(),
});

/**
 * Browsers that signed in to an account before (the `luodi_device` cookie, stored hashed): their attempts
 * skip the account's back-off and have one of their own, so a stranger's guesses cannot lock the user out.
 */
export const signInDevices = pgTable(
  'sign_in_devices',
  {
    tokenHash: text('token_hash').primaryKey(),
    username: text('username').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sign_in_devices_username_idx').on(t.username, t.createdAt)],
);

/** Sign-in attempts from one source address in its current window (shared by all app instances). */
export const signInAddresses = pgTable('sign_in_addresses', {
  address: text('address').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  attempts: integer('attempts').notNull(),
});

import { customType, timestamp } from 'drizzle-orm/pg-core';

/** A PostgreSQL tsvector; written with to_tsvector('simple', …) from domain search tokens. */
export const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/** bytea as a Node Buffer (files kept in PostgreSQL). */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});

export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

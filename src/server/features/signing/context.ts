import type { TimestampAuthority } from '@libpdf/core';
import type { LiveHub } from '../../platform/live.ts';
import type { Notifier } from '../../platform/notifier.ts';
import type { SigningKeys } from '../../platform/signing-keys.ts';

/** What cloud signing needs beyond the database: keys, a way to reach signers, the live screens, the TSA. */
export interface SigningContext {
  keys: SigningKeys;
  notifier: Notifier;
  live: LiveHub | null;
  /** Base of the links in messages, e.g. https://luodi.example.gov.cn */
  publicUrl: string;
  /** When set, every seal carries an RFC 3161 timestamp; a failing TSA fails the seal (retried by the sweep). */
  timestampAuthority: TimestampAuthority | null;
  /** Where failures that are retried in the background are reported. */
  log: (line: string) => void;
  /** The clock for the code limits; tests set it to move time without waiting. */
  now?: () => Date;
}

export const nowOf = (context: Pick<SigningContext, 'now'>) => context.now?.() ?? new Date();

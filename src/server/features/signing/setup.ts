import type { Database, Db } from '../../db/connect.ts';
import type { LiveHub } from '../../platform/live.ts';
import type { Notifier } from '../../platform/notifier.ts';
import { openSigningKeys } from '../../platform/signing-keys.ts';
import { deliverDueWebhooks } from '../../platform/webhooks.ts';
import type { SigningContext } from './context.ts';
import { expireOverdue, sweepSeals } from './seal.ts';

export type SigningSetup = {
  database: Database;
  passphrase: string;
  notifier: Notifier;
  live: LiveHub | null;
  publicUrl: string;
  tsaUrl: string | null;
  log?: (line: string) => void;
};

/** Opens the keys (creating the CA and seal identity on first start) and assembles what signing needs. */
export async function createSigningContext(setup: SigningSetup): Promise<SigningContext> {
  const [keys, { createTimestampAuthority }] = await Promise.all([
    openSigningKeys(setup.database, setup.passphrase),
    import('../../signing/timestamp.ts'),
  ]);
  return {
    keys,
    notifier: setup.notifier,
    live: setup.live,
    publicUrl: setup.publicUrl.replace(/\/+$/, ''),
    timestampAuthority: setup.tsaUrl ? createTimestampAuthority(setup.tsaUrl) : null,
    log: setup.log ?? ((line) => console.error(line)),
  };
}

/** One pass of the background work: expire overdue agreements, retry due seals, deliver due webhooks. */
export async function runSigningSweep(db: Db, context: SigningContext) {
  const expired = await expireOverdue(db, context);
  const seals = await sweepSeals(db, context);
  const webhooks = await deliverDueWebhooks(db);
  return { expired, seals, webhooks };
}

/** Runs the sweep every `intervalMs` on every instance (claims keep instances from doing the same work twice). */
export function startSigningSweep(
  db: Db,
  context: SigningContext,
  intervalMs = 10_000,
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = runSigningSweep(db, context)
      .then(
        () => undefined,
        (error: unknown) => context.log(`signing sweep failed: ${(error as Error).message}`),
      )
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

import { asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connect.ts';
import { agreementAuditEntries } from '../../db/schema.ts';
import {
  type ChainedAuditEntry,
  chainEntry,
  GENESIS_HASH,
  type JsonObject,
  verifyChain,
} from '../../signing/audit-chain.ts';

type TrailEntry = { actor: string; action: string; details?: JsonObject; at?: Date };

/**
 * Appends entries, in order, to an agreement's hash-chained trail (one read, one insert). Callers hold the
 * agreement row lock, so appends happen one at a time and the chain has no forks.
 */
export async function appendTrail(
  db: DbOrTx,
  agreementId: string,
  ...entries: [TrailEntry, ...TrailEntry[]]
): Promise<void> {
  const [last] = await db
    .select({ sequence: agreementAuditEntries.sequence, hash: agreementAuditEntries.hash })
    .from(agreementAuditEntries)
    .where(eq(agreementAuditEntries.agreementId, agreementId))
    .orderBy(desc(agreementAuditEntries.sequence))
    .limit(1);
  let previousHash = last?.hash ?? GENESIS_HASH;
  let sequence = last?.sequence ?? 0;
  const rows = entries.map((entry) => {
    const chained = chainEntry(previousHash, {
      at: (entry.at ?? new Date()).toISOString(),
      actor: entry.actor,
      action: entry.action,
      ...(entry.details ? { details: entry.details } : {}),
    });
    previousHash = chained.hash;
    sequence += 1;
    return {
      agreementId,
      sequence,
      at: chained.at,
      actor: chained.actor,
      action: chained.action,
      details: chained.details ?? null,
      previousHash: chained.previousHash,
      hash: chained.hash,
    };
  });
  await db.insert(agreementAuditEntries).values(rows);
}

/** The whole trail in order, as chained entries, with whether every link holds. */
export async function readTrail(db: DbOrTx, agreementId: string) {
  const rows = await db
    .select()
    .from(agreementAuditEntries)
    .where(eq(agreementAuditEntries.agreementId, agreementId))
    .orderBy(asc(agreementAuditEntries.sequence));
  const entries: ChainedAuditEntry[] = rows.map((row) => ({
    at: row.at,
    actor: row.actor,
    action: row.action,
    ...(row.details ? { details: row.details as JsonObject } : {}),
    previousHash: row.previousHash,
    hash: row.hash,
  }));
  return { rows, entries, isValid: verifyChain(entries).isValid };
}

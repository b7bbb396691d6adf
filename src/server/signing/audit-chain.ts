import { createHash } from 'node:crypto';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** One audit event of an agreement: who did what, when. */
export type AuditEntry = { at: string; actor: string; action: string; details?: JsonObject };
export type ChainedAuditEntry = AuditEntry & { previousHash: string; hash: string };
export type ChainVerification =
  | { isValid: true; count: number; lastHash: string }
  | { isValid: false; brokenAt: number; reason: 'hash-mismatch' | 'link-broken' };

/** Name of the PDF attachment that carries the audit trail in a sealed agreement. */
export const AUDIT_ATTACHMENT = 'luodi-audit-trail.json';

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level and no spaces, so equal data always hashes equally. */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new Error('canonical JSON cannot hold NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`).join(',')}}`;
}

function hashOf(entry: AuditEntry, previousHash: string): string {
  const { at, actor, action, details } = entry;
  const body: JsonObject = { at, actor, action, previousHash, ...(details ? { details } : {}) };
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** Links an entry to the one before it: its hash covers the entry and the previous hash. */
export function chainEntry(previousHash: string, entry: AuditEntry): ChainedAuditEntry {
  const { at, actor, action, details } = entry;
  return {
    at,
    actor,
    action,
    ...(details ? { details } : {}),
    previousHash,
    hash: hashOf(entry, previousHash),
  };
}

/** Chains a list of entries from the genesis hash. */
export function chainEntries(entries: AuditEntry[]): ChainedAuditEntry[] {
  const chained: ChainedAuditEntry[] = [];
  for (const entry of entries) chained.push(chainEntry(chained.at(-1)?.hash ?? GENESIS_HASH, entry));
  return chained;
}

/** Recomputes every hash and link; reports the first entry (0-based) that does not match. */
export function verifyChain(
  entries: ChainedAuditEntry[],
  startHash: string = GENESIS_HASH,
): ChainVerification {
  let previousHash = startHash;
  for (const [index, entry] of entries.entries()) {
    if (entry.previousHash !== previousHash)
      return { isValid: false, brokenAt: index, reason: 'link-broken' };
    if (hashOf(entry, entry.previousHash) !== entry.hash)
      return { isValid: false, brokenAt: index, reason: 'hash-mismatch' };
    previousHash = entry.hash;
  }
  return { isValid: true, count: entries.length, lastHash: previousHash };
}

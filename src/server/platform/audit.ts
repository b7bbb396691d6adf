import type { DbOrTx } from '../db/connect.ts';
import { auditLog } from '../db/schema.ts';
import type { Actor } from './access.ts';

export interface AuditEntry {
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  regionCode?: string | null;
}

/** Records who changed what, with the row before and after; call it inside the change's transaction. */
export async function recordAudit(db: DbOrTx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: actor?.id ?? null,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
    regionCode: entry.regionCode ?? null,
  });
}

import { and, desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../contracts/common.ts';
import type { Db } from '../../db/connect.ts';
import { auditLog, users } from '../../db/schema.ts';
import { assertCan, regionScope } from '../../platform/access.ts';
import { requireActor } from '../../platform/auth.ts';

const AuditQuery = z.object({
  entity: z.enum(['project', 'organization', 'user']),
  id: Uuid,
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  actor: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit entries of one record within your region',
        querystring: AuditQuery,
        response: { 200: z.object({ items: z.array(AuditEntry) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      assertCan(actor, 'audit.read');
      const rows = await db
        .select({ entry: auditLog, actor: users.displayName })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorId))
        .where(
          and(
            eq(auditLog.entity, request.query.entity),
            eq(auditLog.entityId, request.query.id),
            regionScope(actor, auditLog.regionCode),
          ),
        )
        .orderBy(desc(auditLog.id))
        .limit(request.query.limit);
      return {
        items: rows.map(({ entry, actor: name }) => ({
          id: entry.id,
          at: entry.at.toISOString(),
          action: entry.action,
          actor: name,
          before: entry.before,
          after: entry.after,
        })),
      };
    },
  );
};

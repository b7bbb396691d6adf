import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { CreateUserBody, UserView } from '../../../contracts/users.ts';
import type { Db, DbOrTx } from '../../db/connect.ts';
import { organizations, regions, users } from '../../db/schema.ts';
import { type Actor, assertCan, regionScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { hashPassword } from '../../platform/auth.ts';
import { AppError, conflict } from '../../platform/errors.ts';

const toView = (row: typeof users.$inferSelect): UserView => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  role: row.role,
  regionCode: row.regionCode,
  organizationId: row.organizationId,
  locale: row.locale,
  isDisabled: row.disabledAt !== null,
});

/** Creates a user; `actor` null means the CLI or the demo loader, which act as the system. */
export async function createUser(db: DbOrTx, actor: Actor | null, input: CreateUserBody): Promise<UserView> {
  if (actor) assertCan(actor, 'user.manage');
  const [region] = await db.select().from(regions).where(eq(regions.code, input.regionCode));
  if (!region) {
    throw new AppError(
      'validation',
      400,
      `地区代码不存在：${input.regionCode}`,
      `No such region code: ${input.regionCode}`,
      [{ code: 'region.unknown', field: 'regionCode', zh: '地区代码不存在', en: 'No such region code' }],
    );
  }
  if (actor && !region.scopePrefix.startsWith(actor.scopePrefix)) {
    throw new AppError(
      'forbidden',
      403,
      '不能在本辖区以外创建用户',
      'You cannot create users outside your region',
    );
  }
  if (input.role === 'enterprise' && !input.organizationId) {
    throw new AppError(
      'validation',
      400,
      '企业用户必须指定所属单位',
      'An enterprise user needs an organization',
      [
        {
          code: 'user.organization_required',
          field: 'organizationId',
          zh: '企业用户必须指定所属单位',
          en: 'An enterprise user needs an organization',
        },
      ],
    );
  }
  if (input.organizationId) {
    // Out of the actor's scope reads as absent: binding a user to it would open that region's projects.
    const [organization] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(
        and(
          eq(organizations.id, input.organizationId),
          isNull(organizations.mergedIntoId),
          actor ? regionScope(actor, organizations.regionCode) : sql`true`,
        ),
      );
    if (!organization) {
      throw new AppError('validation', 400, '所属单位不存在', 'No such organization', [
        {
          code: 'organization.unknown',
          field: 'organizationId',
          zh: '所属单位不存在',
          en: 'No such organization',
        },
      ]);
    }
  }
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (existing) {
    throw conflict(
      'user.exists',
      `用户名已被使用：${input.username}`,
      `User name already taken: ${input.username}`,
      [{ code: 'user.exists', field: 'username', zh: '用户名已被使用', en: 'User name already taken' }],
    );
  }
  const [row] = await db
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      regionCode: input.regionCode,
      organizationId: input.organizationId ?? null,
      locale: input.locale,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  const view = toView(row);
  await recordAudit(db, actor, {
    entity: 'user',
    entityId: row.id,
    action: 'create',
    after: view,
    regionCode: row.regionCode,
  });
  return view;
}

export async function listUsers(db: Db, actor: Actor): Promise<UserView[]> {
  assertCan(actor, 'user.manage');
  const rows = await db
    .select()
    .from(users)
    .where(regionScope(actor, users.regionCode))
    .orderBy(asc(users.username));
  return rows.map(toView);
}

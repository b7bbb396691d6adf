import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/connect.ts';
import { regions, sessions, signInFailures, users } from '../db/schema.ts';
import type { Actor } from './access.ts';
import { AppError } from './errors.ts';

export const SESSION_COOKIE = 'luodi_session';
const SESSION_DAYS = 7;
/** Failed sign-ins allowed per user name in the window before further tries are refused. */
export const SIGN_IN_LIMIT = { failures: 5, windowMinutes: 15 };

export const hashPassword = (password: string) => hash(password);

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Checks a user name and password and opens a session; repeated failures lock the name for a while. */
export async function signIn(
  db: Db,
  username: string,
  password: string,
): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
  const windowStart = new Date(Date.now() - SIGN_IN_LIMIT.windowMinutes * 60_000);
  const [failures] = await db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.username, username), gt(signInFailures.at, windowStart)));
  if ((failures?.n ?? 0) >= SIGN_IN_LIMIT.failures) {
    throw new AppError(
      'auth.rate_limited',
      429,
      `登录失败次数过多，请 ${SIGN_IN_LIMIT.windowMinutes} 分钟后再试`,
      `Too many failed sign-ins; try again in ${SIGN_IN_LIMIT.windowMinutes} minutes`,
    );
  }
  const [user] = await db.select().from(users).where(eq(users.username, username));
  const isValid = user && !user.disabledAt ? await verify(user.passwordHash, password) : false;
  if (!user || !isValid) {
    await db.insert(signInFailures).values({ username });
    throw new AppError('auth.invalid', 401, '用户名或密码不正确', 'Wrong user name or password');
  }
  await db.delete(signInFailures).where(eq(signInFailures.username, username));
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ tokenHash: tokenHash(token), userId: user.id, expiresAt });
  const actor = await actorFor(db, user.id);
  if (!actor) throw new AppError('auth.invalid', 401, '用户不存在', 'No such user');
  return { token, expiresAt, actor };
}

/** Revokes a session at once: the token stops working on every instance. */
export async function signOut(db: Db, token: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(eq(sessions.tokenHash, tokenHash(token)));
}

/** The actor behind a session token, or null when the token is unknown, expired or revoked. */
export async function actorForToken(db: Db, token: string): Promise<Actor | null> {
  const [row] = await db
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(
      and(
        eq(sessions.tokenHash, tokenHash(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
      ),
    );
  return row ? actorFor(db, row.userId) : null;
}

export async function actorFor(db: Db, userId: string): Promise<Actor | null> {
  const [row] = await db
    .select({ user: users, scopePrefix: regions.scopePrefix })
    .from(users)
    .innerJoin(regions, eq(regions.code, users.regionCode))
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!row) return null;
  const { user } = row;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    regionCode: user.regionCode,
    scopePrefix: row.scopePrefix,
    organizationId: user.organizationId,
    locale: user.locale,
  };
}

/** The session token of a request: the cookie of the web app, or a Bearer header for API clients. */
export function requestToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  return request.cookies[SESSION_COOKIE] ?? null;
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('auth.required', 401, '请先登录', 'Please sign in first');
  return request.actor;
}

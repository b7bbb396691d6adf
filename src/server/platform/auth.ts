import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/connect.ts';
import { regions, sessions, users } from '../db/schema.ts';
import type { Actor } from './access.ts';
import { AppError } from './errors.ts';
import {
  backoffKey,
  clearAccountAttempts,
  rememberDevice,
  reserveAccountAttempt,
  reserveAddressAttempt,
  returnAddressAttempt,
  tooManyAttempts,
} from './sign-in-limits.ts';

export const SESSION_COOKIE = 'luodi_session';
/** Set on a browser after its first successful sign-in to an account; see `backoffKey`. */
export const DEVICE_COOKIE = 'luodi_device';
const SESSION_DAYS = 7;

export const hashPassword = (password: string) => hash(password);

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

// A hash of nobody's password: unknown and disabled names are checked against it, so they cost the same time.
let dummyHash: Promise<string> | null = null;
const dummyPasswordHash = () => {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
  return dummyHash;
};

export interface SignInInput {
  username: string;
  password: string;
  /** The client's address (behind a trusted proxy, the one it forwarded). */
  address: string;
  /** The device cookie of a browser that signed in to this account before, if it sent one. */
  deviceToken?: string | null;
}

/**
 * Checks a user name and password and opens a session. The attempt is reserved first, per source address
 * and per account, so parallel tries cannot outrun the limits; during a back-off no password is checked.
 */
export async function signIn(
  db: Db,
  input: SignInInput,
  now: () => Date = () => new Date(),
): Promise<{ token: string; expiresAt: Date; actor: Actor; newDeviceToken: string | null }> {
  const byAddress = await reserveAddressAttempt(db, input.address, now());
  if (!byAddress.isAllowed) throw tooManyAttempts(byAddress.retryAfterSeconds);
  const key = await backoffKey(db, input.username, input.deviceToken ?? null);
  const byAccount = await reserveAccountAttempt(db, key, now());
  if (!byAccount.isAllowed) throw tooManyAttempts(byAccount.retryAfterSeconds);
  const [user] = await db.select().from(users).where(eq(users.username, input.username));
  const isKnown = user !== undefined && !user.disabledAt;
  const isValid = await verify(isKnown ? user.passwordHash : await dummyPasswordHash(), input.password);
  if (!isKnown || !isValid)
    throw new AppError('auth.invalid', 401, '用户名或密码不正确', 'Wrong user name or password');
  await clearAccountAttempts(db, key);
  await returnAddressAttempt(db, input.address);
  const newDeviceToken = key === input.username ? await rememberDevice(db, input.username, now()) : null;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now().getTime() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ tokenHash: tokenHash(token), userId: user.id, expiresAt });
  const actor = await actorFor(db, user.id);
  if (!actor) throw new AppError('auth.invalid', 401, '用户不存在', 'No such user');
  return { token, expiresAt, actor, newDeviceToken };
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

import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import { backoffTable, SIGN_IN_LIMIT } from '../../domain/sign-in.ts';
import type { Db } from '../db/connect.ts';
import { signInAccounts, signInAddresses, signInDevices } from '../db/schema.ts';
import { RetryLaterError } from './retry-later.ts';

/** What a reservation returns: the attempt may check a password, or must wait this many seconds. */
export type Reservation = { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number };

const BACKOFF = backoffTable();
const BACKOFF_ARRAY = `{${BACKOFF.join(',')}}`;

const waitSeconds = (until: Date, now: Date) =>
  Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

/**
 * Takes one attempt of an account in one statement: refused while the back-off of an earlier attempt runs,
 * otherwise counted as a failure (until a success clears it) and the next back-off started at once.
 */
export async function reserveAccountAttempt(db: Db, username: string, now: Date): Promise<Reservation> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const forgetBefore = new Date(now.getTime() - SIGN_IN_LIMIT.forgetAfterHours * 3_600_000).toISOString();
  const failures = sql`(case when ${signInAccounts.lastAttemptAt} < ${forgetBefore}::timestamptz then 1 else ${signInAccounts.failures} + 1 end)`;
  const backoff = (count: unknown) =>
    sql`(${BACKOFF_ARRAY}::int[])[least(${count}::int, ${BACKOFF.length}::int)] * interval '1 second'`;
  const [reserved] = await db
    .insert(signInAccounts)
    .values({ username, failures: 1, lastAttemptAt: now, blockedUntil: sql`${at} + ${backoff(1)}` })
    .onConflictDoUpdate({
      target: signInAccounts.username,
      set: {
        failures,
        lastAttemptAt: now,
        blockedUntil: sql`${at} + ${backoff(failures)}`,
      },
      setWhere: sql`${signInAccounts.blockedUntil} <= ${at}`,
    })
    .returning({ failures: signInAccounts.failures });
  if (reserved) return { isAllowed: true };
  const [row] = await db
    .select({ blockedUntil: signInAccounts.blockedUntil })
    .from(signInAccounts)
    .where(eq(signInAccounts.username, username));
  return { isAllowed: false, retryAfterSeconds: row ? waitSeconds(row.blockedUntil, now) : 1 };
}

/** A correct password ends the account's run of failures and its back-off. */
export async function clearAccountAttempts(db: Db, username: string): Promise<void> {
  await db.delete(signInAccounts).where(eq(signInAccounts.username, username));
}

/** Takes one attempt of a source address in its fixed window, in one statement; refused when the window is full. */
export async function reserveAddressAttempt(db: Db, address: string, now: Date): Promise<Reservation> {
  const windowMs = SIGN_IN_LIMIT.addressWindowMinutes * 60_000;
  const at = sql`${now.toISOString()}::timestamptz`;
  const isExpired = sql`${signInAddresses.windowStart} <= ${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
  const [reserved] = await db
    .insert(signInAddresses)
    .values({ address, windowStart: now, attempts: 1 })
    .onConflictDoUpdate({
      target: signInAddresses.address,
      set: {
        windowStart: sql`case when ${isExpired} then ${at} else ${signInAddresses.windowStart} end`,
        attempts: sql`case when ${isExpired} then 1 else ${signInAddresses.attempts} + 1 end`,
      },
      setWhere: sql`${isExpired} or ${signInAddresses.attempts} < ${SIGN_IN_LIMIT.addressAttempts}`,
    })
    .returning({ windowStart: signInAddresses.windowStart });
  if (reserved) return { isAllowed: true };
  const [row] = await db
    .select({ windowStart: signInAddresses.windowStart })
    .from(signInAddresses)
    .where(eq(signInAddresses.address, address));
  return {
    isAllowed: false,
    retryAfterSeconds: row ? waitSeconds(new Date(row.windowStart.getTime() + windowMs), now) : 1,
  };
}

/** A successful sign-in gives its address attempt back: the window counts guesses, not an office's logins. */
export async function returnAddressAttempt(db: Db, address: string): Promise<void> {
  await db
    .update(signInAddresses)
    .set({ attempts: sql`greatest(${signInAddresses.attempts} - 1, 0)` })
    .where(eq(signInAddresses.address, address));
}

/** The 429 of a refused reservation, with the seconds to wait in `Retry-After`. */
export const tooManyAttempts = (retryAfterSeconds: number) =>
  new RetryLaterError(
    'auth.rate_limited',
    `登录尝试过于频繁，请 ${retryAfterSeconds} 秒后再试`,
    `Too many sign-in attempts; try again in ${retryAfterSeconds} seconds`,
    retryAfterSeconds,
  );

const deviceHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The key an attempt's back-off is counted under: a browser that signed in to this account before (its
 * device cookie) has its own, so a stranger's wrong guesses never hold the user back; anyone else shares
 * the account's.
 */
export async function backoffKey(db: Db, username: string, deviceToken: string | null): Promise<string> {
  if (!deviceToken || deviceToken.length > 100) return username;
  const hash = deviceHash(deviceToken);
  const [device] = await db
    .select({ hash: signInDevices.tokenHash })
    .from(signInDevices)
    .where(and(eq(signInDevices.tokenHash, hash), eq(signInDevices.username, username)));
  return device ? `device:${hash}` : username;
}

/** After a success from a browser the account did not know: a new device token for it (older ones expire). */
export async function rememberDevice(db: Db, username: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const forgetBefore = new Date(now.getTime() - SIGN_IN_LIMIT.deviceDays * 86_400_000);
  await db
    .delete(signInDevices)
    .where(and(eq(signInDevices.username, username), lt(signInDevices.createdAt, forgetBefore)));
  await db.insert(signInDevices).values({ tokenHash: deviceHash(token), username, createdAt: now });
  return token;
}

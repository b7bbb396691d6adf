import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { backoffTable, SIGN_IN_LIMIT } from '../../../domain/sign-in.ts';
import { type App, buildApp } from '../../app.ts';
import type { Database } from '../../db/connect.ts';
import * as schema from '../../db/schema.ts';
import { signInAddresses, users } from '../../db/schema.ts';
import { openTestDatabase } from '../../testing/database.ts';
import { createUser } from '../users/service.ts';

// Every password check is counted, and the hash it was made against kept, through the real argon2.
const argon = vi.hoisted(() => ({ checkedHashes: [] as string[] }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...real,
    verify: (...args: Parameters<typeof real.verify>) => {
      argon.checkedHashes.push(String(args[0]));
      return real.verify(...args);
    },
  };
});

const PASSWORD = 'right-password-1';
let database: Database;
let app: App;
let time = Date.now();
const clock = () => new Date(time);
const advance = (seconds: number) => {
  time += seconds * 1000;
};
let counter = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, now: clock, logger: false });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

function secondPool(first: Database): Database {
  const { host, port, database: name, user } = first.connection;
  const client = postgres({ host, port, database: name, user, max: 5, onnotice: () => {} });
  return {
    db: drizzle(client, { schema }),
    sql: client,
    kind: first.kind,
    connection: first.connection,
    close: () => client.end({ timeout: 5 }),
  };
}

async function newUser(): Promise<string> {
  counter += 1;
  const username = `limit.user.${counter}`;
  await createUser(database.db, null, {
    username,
    displayName: username,
    password: PASSWORD,
    role: 'officer',
    regionCode: '350100',
    locale: 'zh-CN',
  });
  return username;
}

const signIn = (target: App, username: string, password: string, remoteAddress: string) =>
  target.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password }, remoteAddress });

const statuses = (responses: { statusCode: number }[]) =>
  responses.reduce<Record<number, number>>((all, r) => {
    all[r.statusCode] = (all[r.statusCode] ?? 0) + 1;
    return all;
  }, {});

describe('sign-in limit per account', () => {
  it('checks at most 5 passwords of 40 parallel wrong tries; the rest get 429 with Retry-After', async () => {
    const username = await newUser();
    const checksBefore = argon.checkedHashes.length;
    const responses = await Promise.all(
      Array.from({ length: 40 }, () => signIn(app, username, 'wrong-password', '10.0.0.1')),
    );
    expect(statuses(responses)).toEqual({
      401: SIGN_IN_LIMIT.freeFailures,
      429: 40 - SIGN_IN_LIMIT.freeFailures,
    });
    expect(argon.checkedHashes.length - checksBefore).toBe(SIGN_IN_LIMIT.freeFailures);
    const refused = responses.find((r) => r.statusCode === 429);
    expect(refused?.headers['retry-after']).toBe('1');
    expect(refused?.json().error.code).toBe('auth.rate_limited');
  });

  it('backs off 1 s, 2 s, 4 s … up to 15 minutes, then lets the right password in once it has passed', async () => {
    const username = await newUser();
    for (let i = 0; i < SIGN_IN_LIMIT.freeFailures - 1; i++)
      expect((await signIn(app, username, 'wrong-password', '10.0.0.2')).statusCode).toBe(401);
    const waits = [...backoffTable().slice(SIGN_IN_LIMIT.freeFailures - 1), SIGN_IN_LIMIT.maxBackoffSeconds];
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    for (const wait of waits) {
      expect((await signIn(app, username, 'wrong-password', '10.0.0.2')).statusCode).toBe(401);
      const early = await signIn(app, username, 'wrong-password', '10.0.0.2');
      expect(early.statusCode).toBe(429);
      expect(early.headers['retry-after']).toBe(String(wait));
      advance(wait - 1);
      expect((await signIn(app, username, 'wrong-password', '10.0.0.2')).statusCode).toBe(429);
      advance(1);
    }
    // During a back-off even the right password is not checked; after it, it is, and it clears the count.
    expect((await signIn(app, username, 'wrong-password', '10.0.0.2')).statusCode).toBe(401);
    const checksBefore = argon.checkedHashes.length;
    expect((await signIn(app, username, PASSWORD, '10.0.0.2')).statusCode).toBe(429);
    expect(argon.checkedHashes.length).toBe(checksBefore);
    advance(SIGN_IN_LIMIT.maxBackoffSeconds);
    expect((await signIn(app, username, PASSWORD, '10.0.0.2')).statusCode).toBe(200);
    for (let i = 0; i < SIGN_IN_LIMIT.freeFailures; i++)
      expect((await signIn(app, username, 'wrong-password', '10.0.0.2')).statusCode).toBe(401);
  });

  it('holds across two app instances on one database', async () => {
    // On a server the second instance has its own pool; the embedded database serves one process only.
    const second = database.kind === 'server' ? secondPool(database) : null;
    const other = await buildApp({ database: second ?? database, now: clock, logger: false });
    try {
      const username = await newUser();
      const checksBefore = argon.checkedHashes.length;
      const responses = await Promise.all(
        Array.from({ length: 40 }, (_, i) => signIn(i % 2 ? app : other, username, 'wrong', '10.0.0.3')),
      );
      expect(statuses(responses)).toEqual({ 401: 5, 429: 35 });
      expect(argon.checkedHashes.length - checksBefore).toBe(5);
    } finally {
      await other.close();
      await second?.close();
    }
  });
});

describe('sign-in limit per source address', () => {
  it('allows 100 attempts per 15 minutes from one address, whatever the names, and gives successes back', async () => {
    const responses = await Promise.all(
      Array.from({ length: SIGN_IN_LIMIT.addressAttempts }, (_, i) =>
        signIn(app, `nobody.${i}`, 'guess', '10.0.1.1'),
      ),
    );
    expect(statuses(responses)).toEqual({ 401: SIGN_IN_LIMIT.addressAttempts });
    const refused = await signIn(app, 'nobody.else', 'guess', '10.0.1.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe(String(SIGN_IN_LIMIT.addressWindowMinutes * 60));
    expect((await signIn(app, 'nobody.else', 'guess', '10.0.1.2')).statusCode).toBe(401);
    advance(SIGN_IN_LIMIT.addressWindowMinutes * 60);
    expect((await signIn(app, 'nobody.else', 'guess', '10.0.1.1')).statusCode).toBe(401);

    const username = await newUser();
    for (let i = 0; i < 3; i++)
      expect((await signIn(app, username, PASSWORD, '10.0.1.3')).statusCode).toBe(200);
    const [row] = await database.db
      .select({ attempts: signInAddresses.attempts })
      .from(signInAddresses)
      .where(eq(signInAddresses.address, '10.0.1.3'));
    expect(row?.attempts).toBe(0);
  });

  it('counts the client address a trusted proxy forwards, and only then', async () => {
    const proxied = await buildApp({ database, now: clock, trustProxy: ['10.9.9.9'], logger: false });
    try {
      const viaProxy = (forwardedFor: string, remoteAddress: string) =>
        proxied.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          payload: { username: 'nobody', password: 'guess' },
          headers: { 'x-forwarded-for': forwardedFor },
          remoteAddress,
        });
      await viaProxy('203.0.113.7', '10.9.9.9');
      await viaProxy('203.0.113.7', '10.9.9.8');
      const rows = await database.db.select().from(signInAddresses);
      const addresses = rows.map((r) => r.address);
      expect(addresses).toContain('203.0.113.7');
      expect(addresses).toContain('10.9.9.8');
      expect(addresses).not.toContain('10.9.9.9');
    } finally {
      await proxied.close();
    }
  });
});

describe('unknown user names', () => {
  it('check a password against the same dummy hash, as a disabled user does, so they cost the same', async () => {
    const known = await newUser();
    const disabled = await newUser();
    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.username, disabled));
    const [knownRow] = await database.db.select().from(users).where(eq(users.username, known));
    const before = argon.checkedHashes.length;
    const answers = [
      await signIn(app, known, 'wrong', '10.0.2.1'),
      await signIn(app, 'no.such.user', 'wrong', '10.0.2.1'),
      await signIn(app, 'another.stranger', 'wrong', '10.0.2.1'),
      await signIn(app, disabled, PASSWORD, '10.0.2.1'),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([401, 401, 401, 401]);
    expect(new Set(answers.map((a) => a.json().error.message)).size).toBe(1);
    const checked = argon.checkedHashes.slice(before);
    expect(checked).toHaveLength(4);
    expect(checked[0]).toBe(knownRow?.passwordHash);
    const dummy = checked[1];
    expect(dummy).toMatch(/^\$argon2id\$/);
    expect(dummy).not.toBe(knownRow?.passwordHash);
    expect(checked.slice(1)).toEqual([dummy, dummy, dummy]);
    // Same algorithm and cost parameters as a real user's hash: only the salt and digest differ.
    expect(dummy?.split('$').slice(0, 4)).toEqual(knownRow?.passwordHash.split('$').slice(0, 4));
  });
});

describe('a browser that signed in before', () => {
  const deviceCookie = (response: { cookies: { name: string; value: string }[] }) =>
    response.cookies.find((cookie) => cookie.name === 'luodi_device')?.value;
  const signInWith = (
    username: string,
    password: string,
    cookie: string | undefined,
    remoteAddress: string,
  ) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username, password },
      remoteAddress,
      ...(cookie ? { cookies: { luodi_device: cookie } } : {}),
    });

  it('is not held back by a stranger who keeps the account in back-off, and backs off on its own', async () => {
    const username = await newUser();
    const first = await signInWith(username, PASSWORD, undefined, '10.9.0.1');
    expect(first.statusCode).toBe(200);
    const device = deviceCookie(first);
    expect(device).toBeTruthy();
    // A stranger guesses on, one try each time the back-off has passed: the account stays backed off.
    for (let i = 0; i < 12; i++) {
      expect((await signInWith(username, 'guess', undefined, '10.9.0.2')).statusCode).toBe(401);
      advance(backoffTable()[i] ?? SIGN_IN_LIMIT.maxBackoffSeconds);
    }
    expect((await signInWith(username, 'guess', undefined, '10.9.0.2')).statusCode).toBe(401);
    expect((await signInWith(username, PASSWORD, undefined, '10.9.0.3')).statusCode).toBe(429);
    // The user's own browser gets in at once; it was known, so it gets no new device cookie.
    const again = await signInWith(username, PASSWORD, device, '10.9.0.1');
    expect(again.statusCode).toBe(200);
    expect(deviceCookie(again)).toBeUndefined();
    // Wrong passwords from that browser back off that browser, after its own free failures.
    for (let i = 0; i < SIGN_IN_LIMIT.freeFailures; i++)
      expect((await signInWith(username, 'typo', device, '10.9.0.1')).statusCode).toBe(401);
    expect((await signInWith(username, PASSWORD, device, '10.9.0.1')).statusCode).toBe(429);
  });

  it('helps only with the account it signed in to', async () => {
    const [alice, bob] = [await newUser(), await newUser()];
    const device = deviceCookie(await signInWith(alice, PASSWORD, undefined, '10.9.1.1'));
    for (let i = 0; i <= SIGN_IN_LIMIT.freeFailures; i++)
      await signInWith(bob, 'guess', undefined, '10.9.1.2');
    expect((await signInWith(bob, PASSWORD, device, '10.9.1.1')).statusCode).toBe(429);
  });
});

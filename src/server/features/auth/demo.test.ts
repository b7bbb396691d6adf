import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema.ts';
import { hashPassword } from '../../platform/auth.ts';
import { startTestApp, type TestContext } from '../../testing/app.ts';
import { createUser } from '../users/service.ts';
import { DEMO_EXAMPLE } from './demo.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const demoHint = async () => {
  const response = await t.app.inject({ method: 'GET', url: '/api/auth/demo' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['cache-control']).toBe('no-store');
  return response.json() as { example: { username: string; password: string } | null };
};

describe('the demo sign-in hint', () => {
  it('offers the demo sign-in only while the demo account exists, is enabled and keeps its demo password', async () => {
    // A database without the demo data: nothing to offer.
    expect(await demoHint()).toEqual({ example: null });

    await createUser(t.database.db, null, {
      username: DEMO_EXAMPLE,
      displayName: '林晓',
      password: 'luodi-officer-2024',
      role: 'officer',
      regionCode: '350100',
      locale: 'zh-CN',
    });
    expect(await demoHint()).toEqual({
      example: { username: 'fuzhou.officer', password: 'luodi-officer-2024' },
    });

    // A deployer who kept the accounts but changed the password is not told to use the old one.
    await t.database.db
      .update(users)
      .set({ passwordHash: await hashPassword('a-real-password-now') })
      .where(eq(users.username, DEMO_EXAMPLE));
    expect(await demoHint()).toEqual({ example: null });

    await t.database.db
      .update(users)
      .set({ passwordHash: await hashPassword('luodi-officer-2024'), disabledAt: new Date() })
      .where(eq(users.username, DEMO_EXAMPLE));
    expect(await demoHint()).toEqual({ example: null });
  });
});

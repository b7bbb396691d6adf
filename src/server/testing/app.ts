import type { LightMyRequestResponse } from 'fastify';
import { type App, buildApp } from '../app.ts';
import type { Database } from '../db/connect.ts';
import type { Role } from '../db/schema.ts';
import { createUser } from '../features/users/service.ts';
import { openTestDatabase } from './database.ts';

export interface TestUser {
  id: string;
  username: string;
  token: string;
}

export interface TestContext {
  app: App;
  database: Database;
  /** Creates a user of the given role and region and signs them in. */
  user(
    role: Role,
    regionCode: string,
    options?: { organizationId?: string; locale?: 'zh-CN' | 'en-US' },
  ): Promise<TestUser>;
  /** A request as the given user (or anonymous), with a JSON body. */
  call(
    user: TestUser | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let counter = 0;

/** The whole app on a fresh database, driven through HTTP injection: what a client sees, minus the socket. */
export async function startTestApp(): Promise<TestContext> {
  const database = await openTestDatabase();
  const app = await buildApp({ database });
  await app.ready();
  const password = 'test-password-1';
  return {
    app,
    database,
    async user(role, regionCode, options = {}) {
      counter += 1;
      const username = `${role}-${regionCode}-${counter}`;
      const created = await createUser(database.db, null, {
        username,
        displayName: `${role} ${regionCode}`,
        password,
        role,
        regionCode,
        organizationId: options.organizationId,
        locale: options.locale ?? 'zh-CN',
      });
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { username, password },
      });
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
      return { id: created.id, username, token: response.json<{ token: string }>().token };
    },
    call(user, method, url, body) {
      return app.inject({
        method,
        url,
        headers: user ? { authorization: `Bearer ${user.token}` } : {},
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      });
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

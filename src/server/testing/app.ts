import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { type App, buildApp } from '../app.ts';
import type { Database } from '../db/connect.ts';
import { agreementDocuments, type Role } from '../db/schema.ts';
import type { SigningContext } from '../features/signing/context.ts';
import { sealQueueIdle } from '../features/signing/seal.ts';
import { createSigningContext } from '../features/signing/setup.ts';
import { createUser } from '../features/users/service.ts';
import { openLiveHub } from '../platform/live.ts';
import { createNotifier, type OutboxEntry, readOutbox } from '../platform/notifier.ts';
import { signingCertificatePem } from '../platform/signing-authority.ts';
import { openTestDatabase } from './database.ts';
import { assertIndependentlyValid } from './independent-pdf-check.ts';
import { multipartFile, type UploadFile } from './multipart.ts';

export interface TestUser {
  id: string;
  username: string;
  token: string;
}

export interface TestContext {
  app: App;
  database: Database;
  signing: SigningContext;
  /** Messages the app sent (signing links, codes), oldest first, from the development outbox. */
  outbox(): Promise<OutboxEntry[]>;
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
  /** A multipart upload of one file (field "file") as the given user (or anonymous). */
  upload(user: TestUser | null, url: string, file: UploadFile): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let counter = 0;

/** The whole app on a fresh database, driven through HTTP injection: what a client sees, minus the socket. */
export async function startTestApp(): Promise<TestContext> {
  const database = await openTestDatabase();
  const folder = await mkdtemp(path.join(tmpdir(), 'luodi-test-'));
  const outboxFile = path.join(folder, 'outbox.jsonl');
  const live = await openLiveHub(database);
  const signing = await createSigningContext({
    database,
    passphrase: 'luodi-test-signing-passphrase',
    notifier: createNotifier({ smtpUrl: null, mailFrom: 'test@luodi.invalid', outboxFile, log: () => {} }),
    live,
    publicUrl: 'http://luodi.test',
    tsaUrl: null,
    log: () => {},
  });
  const app = await buildApp({ database, live, signing });
  await app.ready();
  const password = 'test-password-1';
  return {
    app,
    database,
    signing,
    outbox: () => readOutbox(outboxFile).catch(() => []),
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
    upload(user, url, file) {
      const { contentType, payload } = multipartFile(file);
      return app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': contentType, ...(user ? { authorization: `Bearer ${user.token}` } : {}) },
        payload,
      });
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
      // Every sealed PDF this test file produced must also satisfy pdfsig, openssl and qpdf.
      const failure = await checkSealedDocuments(database, signing).catch((error: unknown) => error);
      await app.close();
      await live.close();
      await signing.notifier.close();
      await database.close();
      await rm(folder, { recursive: true, force: true });
      if (failure) throw failure;
    },
  };
}

/** Checks every sealed PDF in the database with the independent tools, a few files at a time. */
async function checkSealedDocuments(database: Database, signing: SigningContext): Promise<void> {
  await sealQueueIdle(signing);
  const sealed = await database.db
    .select({
      agreementId: agreementDocuments.agreementId,
      revision: agreementDocuments.revision,
      content: agreementDocuments.content,
    })
    .from(agreementDocuments)
    .where(eq(agreementDocuments.kind, 'sealed'));
  if (sealed.length === 0) return;
  const caPem = await signingCertificatePem(database.db);
  if (!caPem) throw new Error('sealed PDFs but no signing CA');
  const failures: string[] = [];
  const pending = [...sealed];
  const worker = async () => {
    for (let row = pending.shift(); row; row = pending.shift()) {
      const label = `sealed PDF of agreement ${row.agreementId} (revision ${row.revision})`;
      await assertIndependentlyValid(new Uint8Array(row.content), caPem, label).catch((error: Error) =>
        failures.push(error.message),
      );
    }
  };
  await Promise.all([worker(), worker()]);
  if (failures.length > 0) throw new Error(failures.join('\n'));
}

import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { Database } from '../db/connect.ts';
import { openTestDatabase } from '../testing/database.ts';
import { ensureSigningAuthority, resolveSigningPassphrase } from './signing-authority.ts';

let database: Database;
let folder: string;
beforeAll(async () => {
  database = await openTestDatabase();
  folder = await mkdtemp(path.join(tmpdir(), 'luodi-ca-'));
});
afterAll(async () => {
  await database.close();
  await rm(folder, { recursive: true, force: true });
});

describe('deployment signing CA', () => {
  it('is created once, stored sealed, and opened again with the same passphrase', async () => {
    const first = await ensureSigningAuthority(database, 'correct horse battery staple');
    const again = await ensureSigningAuthority(database, 'correct horse battery staple');
    expect(Buffer.from(again.certificateDer).equals(Buffer.from(first.certificateDer))).toBe(true);
    const rows = await database.sql<
      { sealed_key: string; certificate_pem: string }[]
    >`select sealed_key, certificate_pem from signing_authorities`;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.sealed_key.startsWith('luodi-sealed-key:v1:')).toBe(true);
    expect(rows[0]?.sealed_key).not.toContain('PRIVATE KEY');
  });

  it('refuses to start with another passphrase', async () => {
    await expect(ensureSigningAuthority(database, 'a different passphrase')).rejects.toThrow(/does not open/);
  });

  it('publishes the CA certificate for offline verification', async () => {
    const app = await buildApp({ database });
    const response = await app.inject({ method: 'GET', url: '/api/signing/ca.pem' });
    await app.close();
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });
});

describe('signing passphrase', () => {
  it('is generated once into the data folder for the embedded database, readable by the owner only', async () => {
    const first = await resolveSigningPassphrase({ passphrase: null, databaseUrl: null, dataDir: folder });
    const second = await resolveSigningPassphrase({ passphrase: null, databaseUrl: null, dataDir: folder });
    expect(first).toBe(second);
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect((await stat(path.join(folder, 'signing-passphrase'))).mode & 0o777).toBe(0o600);
    expect((await readFile(path.join(folder, 'signing-passphrase'), 'utf8')).trim()).toBe(first);
  });

  it('is required with a server database, and must be long enough', async () => {
    await expect(
      resolveSigningPassphrase({ passphrase: null, databaseUrl: 'postgres://x', dataDir: folder }),
    ).rejects.toThrow(/LUODI_SIGNING_PASSPHRASE/);
    await expect(
      resolveSigningPassphrase({ passphrase: 'short', databaseUrl: null, dataDir: folder }),
    ).rejects.toThrow(/12 characters/);
    expect(
      await resolveSigningPassphrase({
        passphrase: 'long enough passphrase',
        databaseUrl: 'postgres://x',
        dataDir: folder,
      }),
    ).toBe('long enough passphrase');
  });
});

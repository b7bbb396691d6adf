import { randomBytes } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Database, Db } from '../db/connect.ts';
import { signingAuthorities } from '../db/schema.ts';
import type { KeyAndCertificate } from '../signing/index.ts';

// The signing libraries (pdf-lib, @libpdf/core, pkijs) take about a second to load: load them only when the
// CA is needed, so that work overlaps the database's instead of delaying everything before it.
const loadPki = () => import('../signing/pki.ts');

const AUTHORITY_ID = 'deployment';
const PASSPHRASE_FILE = 'signing-passphrase';

/**
 * The passphrase that seals the CA key: LUODI_SIGNING_PASSPHRASE, or for the embedded database a random one
 * kept in the data folder (readable by the owner only), so the database alone never opens the key.
 */
export async function resolveSigningPassphrase(env: {
  passphrase: string | null;
  databaseUrl: string | null;
  dataDir: string;
}): Promise<string> {
  if (env.passphrase) {
    if (env.passphrase.length < 12)
      throw new Error('LUODI_SIGNING_PASSPHRASE must have at least 12 characters');
    return env.passphrase;
  }
  if (env.databaseUrl) {
    throw new Error(
      'Set LUODI_SIGNING_PASSPHRASE (12 characters or more): it seals the signing CA key, which is never stored in clear',
    );
  }
  const file = path.join(env.dataDir, PASSPHRASE_FILE);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const passphrase = randomBytes(32).toString('base64url');
    await writeFile(file, `${passphrase}\n`, { mode: 0o600, flag: 'wx' }).catch(async () => undefined);
    await chmod(file, 0o600);
    return (await readFile(file, 'utf8')).trim();
  }
}

/**
 * The deployment CA, created on first start. Two instances starting together create it once (the insert
 * that loses does nothing). A wrong passphrase stops the start with a clear error.
 */
export async function ensureSigningAuthority(
  database: Database,
  passphrase: string,
): Promise<KeyAndCertificate> {
  const { createCertificateAuthority, loadCertificateAuthority, sealCaKey, toPem } = await loadPki();
  const [existing] = await database.db
    .select()
    .from(signingAuthorities)
    .where(eq(signingAuthorities.id, AUTHORITY_ID));
  if (!existing) {
    const ca = await createCertificateAuthority({
      commonName: 'Luodi 落地 签约根证书 Signing CA',
      organization: 'Luodi deployment',
    });
    await database.db
      .insert(signingAuthorities)
      .values({
        id: AUTHORITY_ID,
        certificatePem: toPem(ca.certificateDer, 'CERTIFICATE'),
        sealedKey: await sealCaKey(ca.privateKey, passphrase),
      })
      .onConflictDoNothing();
  }
  const [row] = await database.db
    .select()
    .from(signingAuthorities)
    .where(eq(signingAuthorities.id, AUTHORITY_ID));
  if (!row) throw new Error('the signing CA could not be stored');
  try {
    return await loadCertificateAuthority(row.certificatePem, row.sealedKey, passphrase);
  } catch {
    throw new Error(
      'The signing passphrase does not open this deployment’s CA key (LUODI_SIGNING_PASSPHRASE or the data folder’s signing-passphrase file changed)',
    );
  }
}

/** The CA certificate, public: anyone verifying a sealed PDF offline needs it. */
export async function signingCertificatePem(db: Db): Promise<string | null> {
  const [row] = await db
    .select({ pem: signingAuthorities.certificatePem })
    .from(signingAuthorities)
    .where(eq(signingAuthorities.id, AUTHORITY_ID));
  return row?.pem ?? null;
}

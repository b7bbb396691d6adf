import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/connect.ts';
import { partyCertificates, signingAuthorities } from '../db/schema.ts';
import { deriveKeyEncryptionKey, openPartyKey, sealPartyKey } from '../signing/key-seal.ts';
import type { KeyAndCertificate } from '../signing/pki.ts';
import { ensureSigningAuthority } from './signing-authority.ts';

/** The common name of the platform's seal certificate; `luodi verify --sealer` and the verify page pin it. */
export const SEALER_NAME = '落地平台电子封存 Luodi seal';
const SEAL_ID = 'seal';

export type PartyOrganization = { id: string; nameZh: string; usci: string | null };
export type PartySigningKey = { privateKey: CryptoKey; certificateDer: Uint8Array };

/** The deployment's signing identities: its CA, the platform seal, and one certificate per party organization. */
export interface SigningKeys {
  ca: KeyAndCertificate;
  sealer: KeyAndCertificate;
  /** The organization's key and certificate, issued by the CA on its first signature and reused after. */
  partyKey(db: DbOrTx, organization: PartyOrganization): Promise<PartySigningKey>;
}

const loadPki = () => import('../signing/pki.ts');

async function ensureSealer(database: Database, ca: KeyAndCertificate, passphrase: string) {
  const pki = await loadPki();
  const read = () => database.db.select().from(signingAuthorities).where(eq(signingAuthorities.id, SEAL_ID));
  const [stored] = await read();
  // A seal certificate with a padded serial (made before serials were fixed) is replaced: tools refuse it.
  const isUsable = stored !== undefined && pki.hasMinimalSerial(stored.certificatePem);
  if (stored && !isUsable)
    await database.db.delete(signingAuthorities).where(eq(signingAuthorities.id, SEAL_ID));
  if (!isUsable) {
    const sealer = await pki.issuePartyCertificate(ca, {
      commonName: SEALER_NAME,
      organization: 'Luodi deployment',
    });
    await database.db
      .insert(signingAuthorities)
      .values({
        id: SEAL_ID,
        certificatePem: pki.toPem(sealer.certificateDer, 'CERTIFICATE'),
        sealedKey: await pki.sealCaKey(sealer.privateKey, passphrase),
      })
      .onConflictDoNothing();
  }
  const [row] = await read();
  if (!row) throw new Error('the platform seal certificate could not be stored');
  return pki.loadCertificateAuthority(row.certificatePem, row.sealedKey, passphrase);
}

/** Opens (or on first start creates) the CA, the seal identity and the key that seals party keys. */
export async function openSigningKeys(database: Database, passphrase: string): Promise<SigningKeys> {
  const pki = await loadPki();
  const ca = await ensureSigningAuthority(database, passphrase);
  const [sealer, kek] = await Promise.all([
    ensureSealer(database, ca, passphrase),
    deriveKeyEncryptionKey(passphrase, createHash('sha256').update(ca.certificateDer).digest()),
  ]);
  // Opened keys are kept for the process's life: a ceremony signs for the same few organizations many times.
  const cache = new Map<string, Promise<PartySigningKey>>();

  async function loadOrIssue(db: DbOrTx, organization: PartyOrganization): Promise<PartySigningKey> {
    const read = () =>
      db.select().from(partyCertificates).where(eq(partyCertificates.organizationId, organization.id));
    let [row] = await read();
    // A certificate with a padded serial (made before serials were fixed) is replaced: tools refuse it.
    const isReplaced = row !== undefined && !pki.hasMinimalSerial(row.certificatePem);
    if (!row || isReplaced) {
      const issued = await pki.issuePartyCertificate(ca, {
        commonName: organization.nameZh,
        organization: organization.nameZh,
        usci: organization.usci ?? undefined,
      });
      const values = {
        organizationId: organization.id,
        certificatePem: pki.toPem(issued.certificateDer, 'CERTIFICATE'),
        sealedKey: await sealPartyKey(issued.privateKey, kek, organization.id),
        notAfter: issued.certificate.notAfter.value,
      };
      await (isReplaced
        ? db
            .update(partyCertificates)
            .set(values)
            .where(eq(partyCertificates.organizationId, organization.id))
        : db.insert(partyCertificates).values(values).onConflictDoNothing());
      [row] = await read();
    }
    if (!row) throw new Error(`the certificate of organization ${organization.id} could not be stored`);
    return {
      privateKey: await openPartyKey(row.sealedKey, kek, organization.id),
      certificateDer: pki.fromPem(row.certificatePem),
    };
  }

  return {
    ca,
    sealer,
    partyKey(db, organization) {
      const cached = cache.get(organization.id);
      if (cached) return cached;
      const loading = loadOrIssue(db, organization);
      cache.set(organization.id, loading);
      // A failed load (a rolled-back transaction) must not stick.
      loading.catch(() => cache.delete(organization.id));
      return loading;
    },
  };
}

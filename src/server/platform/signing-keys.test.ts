import { randomUUID } from 'node:crypto';
import * as asn1js from 'asn1js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { organizations, partyCertificates } from '../db/schema.ts';
import { fromPem, hasMinimalSerial, parseCertificate, toPem } from '../signing/pki.ts';
import { openTestDatabase } from '../testing/database.ts';
import { openSigningKeys } from './signing-keys.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('party certificates made before serials were fixed', () => {
  it('are issued anew when their serial is padded, so independent tools can read the signature', async () => {
    const keys = await openSigningKeys(database, 'signing-keys-test-passphrase');
    const id = randomUUID();
    await database.db.insert(organizations).values({
      id,
      nameZh: '旧证书企业有限公司',
      nameKey: `旧证书企业-${id}`,
      type: 'private',
      regionCode: '350100',
      searchText: '旧证书企业有限公司',
      searchTokens: '',
    });
    const organization = { id, nameZh: '旧证书企业有限公司', usci: null };
    const first = await keys.partyKey(database.db, organization);
    // The same certificate with a serial that starts with a padding zero, signed again by the CA.
    const padded = parseCertificate(first.certificateDer);
    padded.serialNumber = new asn1js.Integer({ valueHex: Uint8Array.from([0x00, 0x1f, 0x42, 0x17]).buffer });
    await padded.sign(keys.ca.privateKey, 'SHA-256');
    const paddedPem = toPem(new Uint8Array(padded.toSchema().toBER(false)), 'CERTIFICATE');
    expect(hasMinimalSerial(paddedPem)).toBe(false);
    await database.db
      .update(partyCertificates)
      .set({ certificatePem: paddedPem })
      .where(eq(partyCertificates.organizationId, id));

    // A fresh process (no cache) opens the keys again and signs for the organization.
    const reopened = await openSigningKeys(database, 'signing-keys-test-passphrase');
    const replaced = await reopened.partyKey(database.db, organization);
    expect(hasMinimalSerial(replaced.certificateDer)).toBe(true);
    const [row] = await database.db
      .select()
      .from(partyCertificates)
      .where(eq(partyCertificates.organizationId, id));
    expect(Buffer.from(fromPem(row?.certificatePem ?? '')).equals(Buffer.from(replaced.certificateDer))).toBe(
      true,
    );
    // A certificate in good order is kept as it is.
    const kept = await (await openSigningKeys(database, 'signing-keys-test-passphrase')).partyKey(
      database.db,
      organization,
    );
    expect(Buffer.from(kept.certificateDer).equals(Buffer.from(replaced.certificateDer))).toBe(true);
  });
});

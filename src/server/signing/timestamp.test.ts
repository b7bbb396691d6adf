import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertIndependentlyValid } from '../testing/independent-pdf-check.ts';
import { renderAgreementPdf } from './agreement-pdf.ts';
import { signPdf } from './pades.ts';
import { createCertificateAuthority, issuePartyCertificate, type KeyAndCertificate, toPem } from './pki.ts';
import { sampleAgreement } from './test-fixtures.ts';
import { startTestTsa, type TestTsa } from './test-tsa.ts';
import { createTimestampAuthority, TimestampFailedError } from './timestamp.ts';
import { verifyPdf } from './verify.ts';

let ca: KeyAndCertificate;
let party: KeyAndCertificate;
let tsaIdentity: KeyAndCertificate;
let unsigned: Uint8Array;
const servers: TestTsa[] = [];

beforeAll(async () => {
  ca = await createCertificateAuthority({ commonName: 'Luodi CA', organization: '落地' });
  party = await issuePartyCertificate(ca, { commonName: '泉州市人民政府', organization: '泉州市人民政府' });
  tsaIdentity = await issuePartyCertificate(ca, { commonName: 'Luodi test TSA', organization: '落地' });
  unsigned = await renderAgreementPdf(sampleAgreement);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

function signWithTsa(url: string) {
  return signPdf(unsigned, {
    key: party.privateKey,
    certificate: party.certificateDer,
    chain: [ca.certificateDer],
    reason: '签署',
    location: '泉州',
    signerName: '泉州市人民政府',
    // The test TSA answers at once; the limit only ends a test whose TSA hangs, so a busy machine passes.
    timestampAuthority: createTimestampAuthority(url, { timeoutMs: 30_000 }),
  });
}

describe('RFC 3161 timestamp', () => {
  it('embeds a token from the TSA in the signature', async () => {
    const tsa = await startTestTsa(tsaIdentity, 'grant');
    servers.push(tsa);
    // Whole seconds: a token's time may carry no milliseconds.
    const before = Math.floor(Date.now() / 1000) * 1000;
    const signed = await signWithTsa(tsa.url);
    const after = Date.now();
    expect(tsa.requestCount()).toBe(1);
    const result = await verifyPdf(signed, { trustedCa: ca.certificate });
    expect(result.signatures[0]).toMatchObject({ isValid: true, hasTimestamp: true });
    expect(result.signatures[0]?.timestamp).toMatchObject({ isValid: true, authority: 'Luodi test TSA' });
    // Stamped while we signed, however long that took.
    const stampedAt = result.signatures[0]?.timestamp?.time?.getTime() ?? 0;
    expect(stampedAt).toBeGreaterThanOrEqual(before);
    expect(stampedAt).toBeLessThanOrEqual(after);
    await assertIndependentlyValid(signed, toPem(ca.certificateDer, 'CERTIFICATE'), 'timestamped PDF');
  });

  it('flags a token that stamps something other than the signature', async () => {
    const tsa = await startTestTsa(tsaIdentity, 'grant');
    servers.push(tsa);
    const honest = createTimestampAuthority(tsa.url);
    // A genuine token, but for another digest: what a swapped unsigned attribute would look like.
    const foreignToken = await honest.timestamp(new Uint8Array(32).fill(9), 'SHA-256');
    const signed = await signPdf(unsigned, {
      key: party.privateKey,
      certificate: party.certificateDer,
      chain: [ca.certificateDer],
      reason: '签署',
      location: '泉州',
      signerName: '泉州市人民政府',
      timestampAuthority: { timestamp: async () => foreignToken },
    });
    const result = await verifyPdf(signed, { trustedCa: ca.certificate });
    expect(result.signatures[0]?.timestamp?.isValid).toBe(false);
    expect(result.signatures[0]?.problems).toEqual(['timestamp-invalid']);
    expect(result.isValid).toBe(false);
  });

  it('fails loudly when the TSA answers with an HTTP error', async () => {
    const tsa = await startTestTsa(tsaIdentity, 'http-error');
    servers.push(tsa);
    await expect(signWithTsa(tsa.url)).rejects.toThrow(/HTTP 500/);
  });

  it('fails loudly when the TSA rejects the request', async () => {
    const tsa = await startTestTsa(tsaIdentity, 'reject');
    servers.push(tsa);
    await expect(signWithTsa(tsa.url)).rejects.toThrow(/refused the request.*test TSA says no/);
  });

  it('fails loudly when the TSA cannot be reached', async () => {
    const authority = createTimestampAuthority('http://127.0.0.1:9/tsr', { timeoutMs: 1_000 });
    await expect(authority.timestamp(new Uint8Array(32), 'SHA-256')).rejects.toBeInstanceOf(
      TimestampFailedError,
    );
  });
});
